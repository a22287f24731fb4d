/**
 * Cyclic exchange for maximally diverse grouping: take one person out of every group and put
 * them back, one per group, in the best way. Since the people taken out sit in different
 * groups before and after, the within-group sum after is the sum over the rest plus
 * Σ_i w[i][σ(i)], where w[i][k] is what person i adds to group k without k's own person out;
 * so the best σ is a linear assignment over m × m (engine/exact/assignment.ts) and exact.
 *
 * A swap is the 2-cycle of this move; a local optimum of relocations and swaps can still hold
 * an improving 3-cycle or longer, which this finds in O(m³) after O(m²) reads of the gain
 * table (a pass of the descent is O(n²)). Sizes are unchanged.
 *
 * Who is taken out: the person adding least to their group (the directed perturbation of the
 * three-phase search, Yang et al. 2022), or a random movable member.
 */
import { AssignmentSolver } from "../../exact/assignment.js";
import type { Rng } from "../rng.js";

export interface DiversityTables {
  /** gain[g·n + p]: Σ of distances from p to the members of g. */
  gain: Float64Array;
  dist: Float64Array;
}

export class CyclicExchange {
  /** The groups taking part (those with a movable member) and the person out of each. */
  private readonly groups: Int32Array;
  private readonly out: Int32Array;
  private readonly weight: Float64Array;
  private readonly target: Int32Array;
  private readonly solver: AssignmentSolver;
  private readonly worst: Float64Array;
  private readonly seen: Int32Array;
  private k = 0;

  constructor(
    private readonly m: number,
    private readonly n: number,
    private readonly tables: DiversityTables,
  ) {
    this.groups = new Int32Array(m);
    this.out = new Int32Array(m);
    this.weight = new Float64Array(m * m);
    this.target = new Int32Array(m);
    this.solver = new AssignmentSolver(m);
    this.worst = new Float64Array(m);
    this.seen = new Int32Array(m);
  }

  /** Evaluations one `best` costs (the weights read). */
  get cost(): number {
    return this.m * this.m;
  }

  /**
   * Choose the person out of each group among `persons` (the movable ones): the least adding
   * one, or with `rng` a uniformly drawn one (reservoir sampling, one pass). False when fewer
   * than three groups take part (a swap covers two).
   */
  choose(persons: Int32Array, groupOf: Int32Array, rng: Rng | null): boolean {
    const { m, n, out, worst, seen } = this;
    const gain = this.tables.gain;
    out.fill(-1);
    seen.fill(0);
    worst.fill(Number.POSITIVE_INFINITY);
    for (let j = 0; j < persons.length; j++) {
      const p = persons[j];
      const g = groupOf[p];
      if (rng === null) {
        const value = gain[g * n + p];
        if (value < worst[g]) {
          worst[g] = value;
          out[g] = p;
        }
      } else if (rng.nextInt(++seen[g]) === 0) out[g] = p;
    }
    let k = 0;
    for (let g = 0; g < m; g++) if (out[g] >= 0) this.groups[k++] = g;
    this.k = k;
    return k >= 3;
  }

  /**
   * The best way back for the chosen people: the within-sum gain over leaving them where they
   * are (≥ 0 unless `move` forbids staying, when every one of them changes group).
   */
  best(move: boolean): number {
    const { k, n, groups, out, weight, target } = this;
    const { gain, dist } = this.tables;
    let stay = 0;
    for (let i = 0; i < k; i++) {
      const p = out[groups[i]];
      const pn = p * n;
      for (let c = 0; c < k; c++) {
        const h = groups[c];
        weight[i * k + c] = gain[h * n + p] - dist[pn + out[h]];
      }
      stay += weight[i * k + i];
      if (move) weight[i * k + i] = -1e300;
    }
    return this.solver.maximise(weight, k, target) - stay;
  }

  /**
   * The swaps that carry out the last `best`, in order, each as (person, person): a cycle
   * a → b → c → a of the groups' people is the swaps (a, b), (b, c).
   */
  forEachSwap(swap: (p: number, q: number) => void): void {
    const { k, groups, out, target } = this;
    const done = this.seen;
    done.fill(0, 0, k);
    for (let start = 0; start < k; start++) {
      if (done[start] === 1 || target[start] === start) continue;
      let i = start;
      done[i] = 1;
      while (target[i] !== start) {
        const next = target[i];
        swap(out[groups[i]], out[groups[next]]);
        done[next] = 1;
        i = next;
      }
    }
  }
}
