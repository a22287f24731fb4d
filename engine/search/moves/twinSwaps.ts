/**
 * Twin swaps: balancing moves for numeric columns once the categorical terms sit at their
 * bounds.
 *
 * There, almost every swap between two groups changes some category's spread: with six mixed
 * attributes about one swap in a hundred leaves every tally as it is, so the best of the 36
 * swaps between two groups of six is nearly always a categorical loss, and numeric balance
 * stalls near 96% (`npm run bench -- --family`, uniform-many). Two people alike on every
 * few-category mixed attribute ("twins") can trade places without touching those tallies:
 * only the many-category attributes (agency, sector), checked by the full delta, can change.
 *
 *   classes  people grouped by their keys on the mixed attributes with the fewest categories,
 *            as many attributes as keep the classes at `minClass` people or more on average
 *   group    of a few drawn groups, the one whose numeric sums weigh most (Σ coef·S²/s)
 *   scan     for each single person of it, up to `scan` twins from a random start, ranked by
 *            the exact numeric change of the swap (cheap: the sums are known)
 *   move     the best few on the full delta (every term and rule); the best left evaluated
 *
 * Keep-together units and pinned people are not in any class.
 */
import { mayEnterGroup } from "../../compile/model.js";
import type { IncrementalScore } from "../../score/incremental.js";
import type { Rng } from "../rng.js";
import { Picker } from "./picker.js";
import type { Move } from "./random.js";

/**
 * Twins on average per class at least: fewer and the scans find nobody useful, more and most
 * candidates change a category (64 of 32, 64, 128 and 512 on the family's numeric shapes).
 */
const MIN_CLASS = 64;
/** Candidates per pick judged on the full delta. */
const SHORTLIST = 6;

export interface TwinSwapOptions {
  /** Groups drawn to find the most unbalanced. */
  groups: number;
  /** Twins scanned per person of that group. */
  scan: number;
  /** Swaps in a chain after the first. */
  depth: number;
}

export class TwinSwaps extends Picker {
  /** Members of class c: classUnits[classStart[c] … classStart[c + 1]). */
  private readonly classStart: Int32Array;
  private readonly classUnits: Int32Array;
  /** Each unit's class (−1: none). */
  private readonly unitClass: Int32Array;
  /** The categorical attributes (model indices) twins agree on. */
  readonly classAttributes: number[] = [];
  private readonly numCount: number;
  private readonly coef: Float64Array;
  private readonly shortU = new Int32Array(SHORTLIST);
  private readonly shortV = new Int32Array(SHORTLIST);
  private readonly shortD = new Float64Array(SHORTLIST);
  /** Candidates the last pick ranked on their numeric change alone. */
  scanned = 0;

  constructor(
    score: IncrementalScore,
    private readonly options: TwinSwapOptions,
  ) {
    super(score, options.depth);
    score.trackMembers();
    const model = score.model;
    this.numCount = model.numeric.length;
    this.coef = score.objective.numCoef;
    const cats = model.categorical.length;
    const keyCoef = score.objective.keyCoef;
    const mixed = model.categorical
      .map((info, a) => ({ a, size: info.categories.length }))
      .filter(({ size, a }) => size > 0 && keyCoef[model.categorical[a].keyStart] > 0)
      .sort((x, y) => x.size - y.size);
    const movable: number[] = [];
    for (let u = 0; u < model.unitCount; u++) {
      if (model.unitSize[u] === 1 && model.unitPin[u] < 0) movable.push(u);
    }
    // Class ids refined one attribute at a time, renumbered so they stay small; an attribute
    // that would make the classes too small on average ends the refinement.
    let ids = new Int32Array(movable.length);
    let classes = movable.length > 0 ? 1 : 0;
    for (const { a } of mixed) {
      const next = new Int32Array(movable.length);
      const seen = new Map<number, number>();
      const width = model.categorical[a].categories.length + 1;
      movable.forEach((u, i) => {
        const p = model.unitMembers[model.unitStart[u]];
        const code = ids[i] * width + (model.personKey[p * cats + a] + 1);
        let id = seen.get(code);
        if (id === undefined) {
          id = seen.size;
          seen.set(code, id);
        }
        next[i] = id;
      });
      if (seen.size * MIN_CLASS > movable.length) break;
      this.classAttributes.push(a);
      ids = next;
      classes = seen.size;
    }
    this.classStart = new Int32Array(classes + 1);
    for (let i = 0; i < movable.length; i++) this.classStart[ids[i] + 1]++;
    for (let c = 0; c < classes; c++) this.classStart[c + 1] += this.classStart[c];
    const fill = this.classStart.slice(0, classes);
    this.classUnits = new Int32Array(movable.length);
    this.unitClass = new Int32Array(model.unitCount).fill(-1);
    movable.forEach((u, i) => {
      this.classUnits[fill[ids[i]]++] = u;
      this.unitClass[u] = ids[i];
    });
  }

  /** Whether there is anything to balance and anyone to swap. */
  get useful(): boolean {
    return this.numCount > 0 && this.coef.some((c) => c > 0) && this.classUnits.length > 1;
  }

  /** Draw a twin swap into `move` and leave it evaluated; false when none was found. */
  pick(rng: Rng, move: Move, budget: number): boolean {
    this.evaluations = 0;
    this.budget = budget;
    const g = this.unbalancedGroup(rng);
    return g >= 0 && this.bestFrom(g, rng, move);
  }

  /**
   * From a worsening twin swap just drawn (and evaluated) as `move`: apply it and follow the
   * imbalance it moved, with the best twin swap out of whichever of the two groups now weighs
   * more, up to `depth` more, until the chain's total no longer worsens. Kept (true) when it
   * does not worsen with no hard rule broken; else undone (false). The imbalance travels
   * until it meets a group leaning the other way, where a single swap has no way there.
   */
  chain(rng: Rng, move: Move, budget: number): boolean {
    // Room for the next shortlist's evaluations; the imbalance went on with the heavier group.
    return this.runChain(move, budget, SHORTLIST + 1, (g, h) =>
      this.bestFrom(this.groupWeight(g) >= this.groupWeight(h) ? g : h, rng, move),
    );
  }

  /** The best swap of a person of g with a twin elsewhere into `move`, left evaluated. */
  private bestFrom(g: number, rng: Rng, move: Move): boolean {
    if (this.evaluations + SHORTLIST + 1 > this.budget) return false;
    const listed = this.shortlist(g, rng);
    const score = this.score;
    let best = -1;
    let bestHard = 0;
    let bestSoft = 0;
    for (let i = 0; i < listed; i++) {
      score.evalSwap(this.shortU[i], this.shortV[i]);
      this.evaluations++;
      if (best < 0 || score.dHard < bestHard || (score.dHard === bestHard && score.dSoft < bestSoft)) {
        best = i;
        bestHard = score.dHard;
        bestSoft = score.dSoft;
      }
    }
    if (best < 0) return false;
    const u = this.shortU[best];
    const v = this.shortV[best];
    if (best !== listed - 1) {
      score.evalSwap(u, v);
      this.evaluations++;
    }
    move.r = 0;
    move.u = u;
    move.v = v;
    move.h = score.unitGroup[v];
    this.dHard = bestHard;
    this.dSoft = bestSoft;
    return true;
  }

  /** Of `groups` drawn groups, the one whose numeric sums weigh most; −1 when all are level. */
  private unbalancedGroup(rng: Rng): number {
    const score = this.score;
    const m = score.model.m;
    let g = -1;
    let weight = 0;
    for (let t = 0; t < this.options.groups; t++) {
      const cand = rng.nextInt(m);
      const w = this.groupWeight(cand);
      if (w > weight) {
        g = cand;
        weight = w;
      }
    }
    return g;
  }

  private groupWeight(g: number): number {
    const s = this.score.size[g];
    if (s === 0) return 0;
    const sums = this.score.sums;
    const numCount = this.numCount;
    let w = 0;
    for (let c = 0; c < numCount; c++) {
      const x = sums[g * numCount + c];
      w += (this.coef[c] * x * x) / s;
    }
    return w;
  }

  /**
   * The SHORTLIST swaps of a person of g with a twin elsewhere that lower the numeric sums
   * the most (exact numeric change; categories and rules unseen): returns how many.
   */
  private shortlist(g: number, rng: Rng): number {
    const score = this.score;
    const model = score.model;
    let listed = 0;
    let scanned = 0;
    let worst = 0;
    for (let u = score.groupHead[g]; u >= 0; u = score.unitNext[u]) {
      const c = this.unitClass[u];
      if (c < 0) continue;
      const start = this.classStart[c];
      const size = this.classStart[c + 1] - start;
      if (size < 2) continue;
      const scan = Math.min(size, this.options.scan);
      let j = rng.nextInt(size);
      scanned += scan;
      for (let t = 0; t < scan; t++, j = j + 1 === size ? 0 : j + 1) {
        const v = this.classUnits[start + j];
        const h = score.unitGroup[v];
        if (h === g || !mayEnterGroup(model, u, h) || !mayEnterGroup(model, v, g)) continue;
        const d = numericSwapChange(score, u, v);
        if (listed < SHORTLIST) {
          this.shortU[listed] = u;
          this.shortV[listed] = v;
          this.shortD[listed] = d;
          listed++;
          if (listed === SHORTLIST) worst = this.worstListed();
        } else if (d < this.shortD[worst]) {
          this.shortU[worst] = u;
          this.shortV[worst] = v;
          this.shortD[worst] = d;
          worst = this.worstListed();
        }
      }
    }
    this.scanned = scanned;
    return listed;
  }

  private worstListed(): number {
    let w = 0;
    for (let i = 1; i < SHORTLIST; i++) if (this.shortD[i] > this.shortD[w]) w = i;
    return w;
  }
}

/**
 * The change of the numeric balance terms alone (Σ coef · ΔB) if units u and v, of the same
 * size, traded groups: the sums are known, so it costs a few multiplications per column. The
 * score's own numericDelta serves any sizes; this one, without its size branches, is what the
 * scans call hundreds of times a pick (the general one cost uniform-many 0.2 points at 10k in
 * one side-by-side run).
 */
export function numericSwapChange(score: IncrementalScore, u: number, v: number): number {
  const model = score.model;
  const numCount = model.numeric.length;
  const coef = score.objective.numCoef;
  const sums = score.sums;
  const unitNum = model.unitNum;
  const g = score.unitGroup[u];
  const h = score.unitGroup[v];
  const sg = score.size[g];
  const sh = score.size[h];
  let d = 0;
  for (let a = 0; a < numCount; a++) {
    const x = unitNum[u * numCount + a] - unitNum[v * numCount + a];
    const Sg = sums[g * numCount + a];
    const Sh = sums[h * numCount + a];
    d += coef[a] * ((x * x - 2 * Sg * x) / sg + (x * x + 2 * Sh * x) / sh);
  }
  return d;
}
