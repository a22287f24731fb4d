/**
 * The cross-round reach term: how many distinct categories (agencies, sectors, ...) each person
 * has met by the end, over the history and the rounds being composed.
 *
 * For person P and attribute a, reach(P, a) = #{categories c of a, c ≠ P's own : some person
 * of category c shares a group with P in the history or a composed round}. The raw value to
 * minimise is −Σ_P Σ_a reach(P, a). A person without a value for a has no own category (every
 * category counts); a met person without a value adds none.
 *
 * Attributes: `reach.attributes` when given; otherwise the agency-like and sector-like keys
 * recognised by `guessNetworkKeys` (none recognised: the term is 0).
 *
 * Counts: cnt[P·K + c] = number of (grouping, person of category c) pairs with P in the same
 * group, over every history group and every composed round's grouping (a round's `repeat`
 * does not matter: reach is about distinctness). Dense when n·K is small, a Map otherwise.
 * A move in round r changes only the pairs between the moved unit(s) and the members of the
 * two groups; reach changes only when a count goes 0→1 or 1→0. A delta is evaluated by
 * applying the pair changes and undoing them: O(unit size × group size × attributes).
 *
 * Lower bound of −reach (normalising): per person and attribute,
 *   min(categories of a other than P's own,
 *       categories met in the history + Σ_{rounds P is in} (largest allowed group size − 1))
 * which holds whenever the rounds' size bounds do. The random expectation is estimated from
 * a few seeded random groupings, as for the meetings term.
 */
import { guessNetworkKeys } from "../network/graph.js";
import { Rng } from "../search/rng.js";
import type { RoundsTerm } from "../terms/contract.js";
import type { RoundsModel } from "./compile.js";
import { RoundMembership, randomGroupings } from "./membership.js";
import type { RoundsProblem } from "./schema.js";

const DENSE_MAX = 1 << 22;

export interface ReachModel {
  weight: number;
  /** The attribute keys counted. */
  keys: string[];
  /** Categories of attribute a are numbered catStart[a] .. catStart[a+1]−1. */
  catStart: Int32Array;
  /** Total categories K. */
  K: number;
  /** Global person P's category of attribute a at P·A + a (−1: none). */
  catOf: Int32Array;
}

function categoryText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** The reach term's model, or null when the problem has no `reach`. */
export function compileReach(problem: RoundsProblem): ReachModel | null {
  const spec = problem.reach;
  if (!spec) return null;
  let keys = spec.attributes;
  if (!keys) {
    const guessed = guessNetworkKeys(problem.people);
    keys = [guessed.agency, guessed.sector].filter((k): k is string => k !== null);
  }
  const A = keys.length;
  const n = problem.people.length;
  const catOf = new Int32Array(n * A).fill(-1);
  const catStart = new Int32Array(A + 1);
  let K = 0;
  keys.forEach((key, a) => {
    catStart[a] = K;
    const index = new Map<string, number>();
    problem.people.forEach((person, P) => {
      const text = categoryText(person.attributes[key]);
      if (text === null) return;
      let c = index.get(text);
      if (c === undefined) {
        c = K + index.size;
        index.set(text, c);
      }
      catOf[P * A + a] = c;
    });
    K += index.size;
  });
  catStart[A] = K;
  return { weight: spec.weight, keys, catStart, K, catOf };
}

class CountTable {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  constructor(size: number) {
    this.dense = size <= DENSE_MAX ? new Int32Array(size) : null;
    this.sparse = this.dense ? null : new Map();
  }
  /** Add d and return the old value. */
  add(code: number, d: number): number {
    if (this.dense) {
      const old = this.dense[code];
      this.dense[code] = old + d;
      return old;
    }
    const map = this.sparse as Map<number, number>;
    const old = map.get(code) ?? 0;
    if (old + d === 0) map.delete(code);
    else map.set(code, old + d);
    return old;
  }
}

export interface ReachFigures {
  /** Σ_P Σ_a reach(P, a); the raw value is its negative. */
  total: number;
  /** Per attribute key, the mean over all people of the distinct other categories met. */
  meanMet: Record<string, number>;
}

/** Reach from scratch (`groupOf[r]`: round r's local person → group, or null). */
export function reachFigures(
  rm: RoundsModel,
  reach: ReachModel,
  groupOf: (Int32Array | null)[],
): ReachFigures {
  const A = reach.keys.length;
  const met: Set<number>[] = Array.from({ length: rm.n * A }, () => new Set());
  const addGroup = (members: ArrayLike<number>) => {
    for (let i = 0; i < members.length; i++) {
      for (let j = 0; j < members.length; j++) {
        if (i === j) continue;
        const P = members[i];
        const Q = members[j];
        for (let a = 0; a < A; a++) {
          const c = reach.catOf[Q * A + a];
          if (c >= 0 && c !== reach.catOf[P * A + a]) met[P * A + a].add(c);
        }
      }
    }
  };
  for (const members of rm.historyGroups) addGroup(members);
  rm.rounds.forEach((round, r) => {
    const g = groupOf[r];
    if (!g) return;
    const lists: number[][] = Array.from({ length: round.model.m }, () => []);
    for (let p = 0; p < g.length; p++) lists[g[p]].push(round.globalOf[p]);
    for (const list of lists) addGroup(list);
  });
  let total = 0;
  // Keyed by attribute names, the caller's: null-prototype, so `__proto__` is a name like any other.
  const meanMet: Record<string, number> = Object.create(null);
  reach.keys.forEach((key, a) => {
    let sum = 0;
    for (let P = 0; P < rm.n; P++) sum += met[P * A + a].size;
    total += sum;
    meanMet[key] = rm.n > 0 ? sum / rm.n : 0;
  });
  return { total, meanMet };
}

export interface ReachNorm {
  /** Lower bound of −reach with the first k rounds composed, k = 0..R. */
  boundAfter: number[];
  lowerBound: number;
  expectation: number;
  coef: number;
}

export function reachNorm(rm: RoundsModel, reach: ReachModel, seed: number, samples = 5): ReachNorm {
  const A = reach.keys.length;
  const histMet = new Int32Array(rm.n * A);
  {
    const sets: Set<number>[] = Array.from({ length: rm.n * A }, () => new Set());
    for (const members of rm.historyGroups) {
      for (const P of members) {
        for (const Q of members) {
          if (P === Q) continue;
          for (let a = 0; a < A; a++) {
            const c = reach.catOf[Q * A + a];
            if (c >= 0 && c !== reach.catOf[P * A + a]) sets[P * A + a].add(c);
          }
        }
      }
    }
    sets.forEach((s, i) => {
      histMet[i] = s.size;
    });
  }
  // People each person may still meet after k rounds.
  const canMeet = new Float64Array(rm.n);
  const bound = () => {
    let reachMax = 0;
    for (let P = 0; P < rm.n; P++) {
      for (let a = 0; a < A; a++) {
        const cats = reach.catStart[a + 1] - reach.catStart[a] - (reach.catOf[P * A + a] >= 0 ? 1 : 0);
        reachMax += Math.min(cats, histMet[P * A + a] + canMeet[P]);
      }
    }
    return 0 - reachMax;
  };
  const boundAfter = [bound()];
  for (const round of rm.rounds) {
    let largest = 0;
    for (let g = 0; g < round.model.m; g++) largest = Math.max(largest, round.model.maxSize[g]);
    largest = Math.min(largest, round.model.n);
    for (let p = 0; p < round.model.n; p++) canMeet[round.globalOf[p]] += Math.max(0, largest - 1);
    boundAfter.push(bound());
  }
  const lowerBound = boundAfter[boundAfter.length - 1];
  const rng = new Rng(seed ^ 0x7eac4);
  let sum = 0;
  for (let s = 0; s < samples; s++) {
    const groupings = randomGroupings(rm, rng);
    sum += -reachFigures(rm, reach, groupings).total;
  }
  const expectation = Math.max(lowerBound, sum / samples);
  const span = expectation - lowerBound;
  return {
    boundAfter,
    lowerBound,
    expectation,
    coef: span > 1e-9 ? reach.weight / span : reach.weight,
  };
}

/**
 * The running term, with the MeetingsTerm's contract: rounds join with `addRound`; `evalX`
 * leaves the change of the raw value (−reach) in `dCost`; `applyX` follows the same `evalX`.
 */
export class ReachTerm implements RoundsTerm {
  /** The raw value −Σ reach over the history and the joined rounds. */
  cost = 0;
  dCost = 0;
  /** Reach has no hard part. */
  readonly hard = 0;
  readonly dHard = 0;
  private readonly counts: CountTable;
  private readonly A: number;
  private readonly rounds: RoundMembership;

  constructor(
    readonly rm: RoundsModel,
    readonly reach: ReachModel,
  ) {
    this.A = reach.keys.length;
    this.counts = new CountTable(rm.n * reach.K);
    this.rounds = new RoundMembership(rm);
    for (const group of rm.historyGroups) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) this.change(group[i], group[j], 1);
      }
    }
  }

  addRound(r: number, unitGroup: Int32Array): void {
    const lists = this.rounds.join(r, unitGroup);
    const globalOf = this.rm.rounds[r].globalOf;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) this.change(globalOf[list[i]], globalOf[list[j]], 1);
      }
    }
  }

  /** P and Q gain (sign 1) or lose (−1) one shared grouping; keeps `cost` exact. */
  private change(P: number, Q: number, sign: 1 | -1): void {
    const A = this.A;
    const catOf = this.reach.catOf;
    const K = this.reach.K;
    for (let a = 0; a < A; a++) {
      const cp = catOf[P * A + a];
      const cq = catOf[Q * A + a];
      if (cq >= 0) {
        const old = this.counts.add(P * K + cq, sign);
        if (cq !== cp) {
          if (sign > 0 && old === 0) this.cost--;
          else if (sign < 0 && old === 1) this.cost++;
        }
      }
      if (cp >= 0) {
        const old = this.counts.add(Q * K + cp, sign);
        if (cp !== cq) {
          if (sign > 0 && old === 0) this.cost--;
          else if (sign < 0 && old === 1) this.cost++;
        }
      }
    }
  }

  /** Apply the pair changes of moving unit u of round r to h (partner `keep` left alone). */
  private pairChanges(r: number, u: number, h: number, keep: number, sign: 1 | -1): void {
    const round = this.rm.rounds[r];
    const model = round.model;
    const lists = this.rounds.members[r];
    const unitOf = model.unitOf;
    const globalOf = round.globalOf;
    const g = this.rounds.groupOfUnit(r, u);
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const P = globalOf[model.unitMembers[i]];
      for (const q of lists[g]) {
        if (unitOf[q] !== u && unitOf[q] !== keep) this.change(P, globalOf[q], sign === 1 ? -1 : 1);
      }
      for (const q of lists[h]) {
        if (unitOf[q] !== u && unitOf[q] !== keep) this.change(P, globalOf[q], sign);
      }
    }
  }

  evalRelocate(r: number, u: number, h: number): void {
    const before = this.cost;
    this.pairChanges(r, u, h, -1, 1);
    this.dCost = this.cost - before;
    this.pairChanges(r, u, h, -1, -1);
    this.cost = before;
  }

  evalSwap(r: number, u: number, v: number): void {
    const before = this.cost;
    const g = this.rounds.groupOfUnit(r, u);
    const h = this.rounds.groupOfUnit(r, v);
    // Both units' pairs with the two groups, neither unit moved yet: the changes commute.
    this.pairChanges(r, u, h, v, 1);
    this.pairChanges(r, v, g, u, 1);
    this.dCost = this.cost - before;
    this.pairChanges(r, u, h, v, -1);
    this.pairChanges(r, v, g, u, -1);
    this.cost = before;
  }

  applyRelocate(r: number, u: number, h: number): void {
    this.pairChanges(r, u, h, -1, 1);
    this.moveUnit(r, u, h);
  }

  applySwap(r: number, u: number, v: number): void {
    const g = this.rounds.groupOfUnit(r, u);
    const h = this.rounds.groupOfUnit(r, v);
    this.pairChanges(r, u, h, v, 1);
    this.pairChanges(r, v, g, u, 1);
    this.moveUnit(r, u, h);
    this.moveUnit(r, v, g);
  }

  /** Member lists only (the counts are already changed). */
  private moveUnit(r: number, u: number, h: number): void {
    this.rounds.take(r, u);
    this.rounds.put(r, u, h);
  }
}

/** The reach term as the searches take it: the running term and its objective coefficient. */
export interface ReachCoupling {
  term: ReachTerm;
  coef: number;
}
