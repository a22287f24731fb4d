/**
 * The cross-round meetings term: how often each pair of people has met, over the history and
 * the rounds being composed, with exact deltas for a relocate or a swap in one round.
 *
 * For a pair {p, q}:
 *   c_pq = meetings in the history + Σ_r repeat_r · [p, q share a group in round r]
 *   k_pq = groupings in the history + Σ_r [p, q share a group in round r]
 * The soft cost is Σ_pairs f(c_pq), f(c) = max(0, c−1)² (square) or max(0, c−1) (linear): a
 * first meeting is free, a repeat costs. The hard count (forbidRepeats) is
 *   Σ_pairs max(0, k_pq − 1)  −  Σ_pairs max(0, kh_pq − 1)       (kh: history alone)
 * i.e. each new grouping that puts together a pair who had already met; repeats inside the
 * history alone are not the search's to mend, and a fixed group's own repeat is one grouping.
 *
 * Both counts live in one integer per pair, v = c·2^16 + k, in a dense table indexed
 * p·n + q (p < q) when n is small, a hash map otherwise. A move in round r changes only the
 * pairs between the moved unit(s) and the members of the two groups, each pair once, so its
 * delta is a sum of independent pair changes: O(unit size × group size). Per round the term
 * keeps its own member lists (local indices, swap-remove with a position index).
 *
 * Lower bound (for normalising): f is superadditive on the non-negative integers
 * (f(a+b) ≥ f(a)+f(b)), so Σ f(c) ≥ Σ f(c_history) + Σ_r f(repeat_r) · (pairs in round r),
 * and a round has at least the pairs of its most even sizes (`fewestPairs`). The random
 * expectation is estimated from a few seeded random groupings.
 */
import { Rng } from "../search/rng.js";
import type { RoundsTerm } from "../terms/contract.js";
import type { RoundsModel } from "./compile.js";
import { RoundMembership, randomGroupings } from "./membership.js";

const K_MASK = 0xffff;
const C_UNIT = 0x10000;
const DENSE_MAX_N = 2048;

/** Pair counts keyed by p·n + q, p < q. */
class PairTable {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  constructor(readonly n: number) {
    this.dense = n <= DENSE_MAX_N ? new Int32Array(n * n) : null;
    this.sparse = this.dense ? null : new Map();
  }
  get(code: number): number {
    return this.dense ? this.dense[code] : (this.sparse?.get(code) ?? 0);
  }
  add(code: number, d: number): void {
    if (this.dense) this.dense[code] += d;
    else if (this.sparse) {
      const v = (this.sparse.get(code) ?? 0) + d;
      if (v === 0) this.sparse.delete(code);
      else this.sparse.set(code, v);
    }
  }
  clear(): void {
    this.dense?.fill(0);
    this.sparse?.clear();
  }
}

export type Penalty = "square" | "linear";

/** f(c): the cost of a pair that has met c times. */
export function repeatCost(c: number, penalty: Penalty): number {
  if (c <= 1) return 0;
  return penalty === "square" ? (c - 1) * (c - 1) : c - 1;
}

export interface MeetingFigures {
  /** Σ_pairs f(c): the soft term's raw value. */
  cost: number;
  /** New groupings that put together a pair who had already met (the hard count). */
  repeats: number;
  /** Pairs that met in two or more groupings, at least one of them new. */
  repeatPairs: number;
  /** The most meetings of any pair (history included). */
  maxMeetings: number;
  /** Pairs that meet for the first time in the new rounds. */
  newPairs: number;
  /** Pairs that have met at all, history included. */
  pairsMet: number;
}

/**
 * The term's figures from scratch: `groupOf[r]` is round r's grouping (local person → group),
 * or null for a round not (yet) composed. The reference the deltas are tested against.
 */
export function meetingFigures(rm: RoundsModel, groupOf: (Int32Array | null)[]): MeetingFigures {
  const n = rm.n;
  const total = new Map<number, number>();
  const hist = new Map<number, number>();
  const addGroup = (members: ArrayLike<number>, d: number, into: Map<number, number>[]) => {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = Math.min(members[i], members[j]);
        const b = Math.max(members[i], members[j]);
        for (const map of into) map.set(a * n + b, (map.get(a * n + b) ?? 0) + d);
      }
    }
  };
  for (const members of rm.historyGroups) addGroup(members, C_UNIT + 1, [total, hist]);
  rm.rounds.forEach((round, r) => {
    const g = groupOf[r];
    if (!g) return;
    const lists: number[][] = Array.from({ length: round.model.m }, () => []);
    for (let p = 0; p < g.length; p++) lists[g[p]].push(round.globalOf[p]);
    for (const list of lists) addGroup(list, round.repeat * C_UNIT + 1, [total]);
  });
  const penalty = rm.meetings.penalty;
  const figures: MeetingFigures = {
    cost: 0,
    repeats: 0,
    repeatPairs: 0,
    maxMeetings: 0,
    newPairs: 0,
    pairsMet: 0,
  };
  for (const [code, v] of total) {
    const c = Math.floor(v / C_UNIT);
    const k = v & K_MASK;
    const kh = (hist.get(code) ?? 0) & K_MASK;
    if (k === 0) continue;
    figures.cost += repeatCost(c, penalty);
    figures.repeats += Math.max(0, k - 1) - Math.max(0, kh - 1);
    if (k >= 2 && k > kh) figures.repeatPairs++;
    if (kh === 0) figures.newPairs++;
    figures.pairsMet++;
    figures.maxMeetings = Math.max(figures.maxMeetings, c);
  }
  return figures;
}

export interface MeetingsNorm {
  /** The cost of the history alone. */
  history: number;
  /** Per round, the cost its own repeat forces: f(repeat) × its fewest pairs. */
  forced: number[];
  lowerBound: number;
  expectation: number;
  /** weight / (expectation − lowerBound) (the weight itself when that span is ~0). */
  coef: number;
}

/** Lower bound and estimated random expectation of the cost (see the header). */
export function meetingsNorm(rm: RoundsModel, seed: number, samples = 5): MeetingsNorm {
  const history = meetingFigures(
    rm,
    rm.rounds.map(() => null),
  ).cost;
  const forced = rm.rounds.map((round) => {
    const pairs = fewestPairs(round.model.n, round.model.minSize, round.model.maxSize);
    return repeatCost(round.repeat, rm.meetings.penalty) * pairs;
  });
  const lowerBound = forced.reduce((s, x) => s + x, history);
  const rng = new Rng(seed ^ 0x5eed);
  let sum = 0;
  for (let s = 0; s < samples; s++) {
    const groupings = randomGroupings(rm, rng);
    sum += meetingFigures(rm, groupings).cost;
  }
  const expectation = Math.max(lowerBound, sum / samples);
  const span = expectation - lowerBound;
  const weight = rm.meetings.weight;
  return { history, forced, lowerBound, expectation, coef: span > 1e-9 ? weight / span : weight };
}

/**
 * min Σ_g C(x_g, 2) subject to Σ x_g = n and minSize ≤ x ≤ maxSize: from the minimum sizes,
 * each further person joins the smallest group with room (optimal for a convex separable
 * cost: each join costs the group's current size). Without room, the smallest group overall.
 */
export function fewestPairs(n: number, minSize: Int32Array, maxSize: Int32Array): number {
  const m = minSize.length;
  if (m === 0) return 0;
  const x = Array.from(minSize);
  let left = n - x.reduce((s, v) => s + v, 0);
  if (left < 0) {
    // Too few people for the minimum sizes (a size rule breaks): spread them evenly instead.
    const q = Math.floor(n / m);
    const r = n - q * m;
    return (r * (q + 1) * q) / 2 + ((m - r) * q * (q - 1)) / 2;
  }
  let pairs = x.reduce((s, v) => s + (v * (v - 1)) / 2, 0);
  while (left > 0) {
    let pick = -1;
    for (let g = 0; g < m; g++) if (x[g] < maxSize[g] && (pick < 0 || x[g] < x[pick])) pick = g;
    if (pick < 0) for (let g = 0; g < m; g++) if (pick < 0 || x[g] < x[pick]) pick = g;
    pairs += x[pick];
    x[pick]++;
    left--;
  }
  return pairs;
}

/**
 * The running term. Rounds join with `addRound` (all at once for a joint search, one at a
 * time for a sequential one); moves in a joined round are evaluated with `evalRelocate` /
 * `evalSwap` (reads only; the change is left in `dCost` and `dHard`) and applied with
 * `applyRelocate` / `applySwap` right after evaluating the same move.
 */
export class MeetingsTerm implements RoundsTerm {
  /** Σ_pairs f(c) over the history and the joined rounds. */
  cost = 0;
  /** The hard count (see the header). */
  hard = 0;
  dCost = 0;
  dHard = 0;
  private readonly table: PairTable;
  private readonly penalty: Penalty;
  /** Per round: members of each group (local indices), each person's group. */
  private readonly rounds: RoundMembership;

  constructor(readonly rm: RoundsModel) {
    this.table = new PairTable(rm.n);
    this.penalty = rm.meetings.penalty;
    this.rounds = new RoundMembership(rm);
    for (const group of rm.historyGroups) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) this.change(group[i], group[j], 1, C_UNIT + 1);
      }
    }
    // History repeats are a constant, not the search's: start the hard count at zero.
    this.hard = 0;
  }

  /** Join round r with its grouping by units (as IncrementalScore holds it). */
  addRound(r: number, unitGroup: Int32Array): void {
    const round = this.rm.rounds[r];
    const lists = this.rounds.join(r, unitGroup);
    const d = round.repeat * C_UNIT + 1;
    const globalOf = round.globalOf;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) this.change(globalOf[list[i]], globalOf[list[j]], 1, d);
      }
    }
  }

  isJoined(r: number): boolean {
    return this.rounds.isJoined(r);
  }

  /** Apply one pair change (sign ±1, d = repeat·2^16 + 1) to the table and the running values. */
  private change(p: number, q: number, sign: 1 | -1, d: number): void {
    const code = p < q ? p * this.rm.n + q : q * this.rm.n + p;
    const v = this.table.get(code);
    const c = Math.floor(v / C_UNIT);
    const k = v & K_MASK;
    const dc = Math.floor(d / C_UNIT);
    if (sign > 0) {
      this.cost += repeatCost(c + dc, this.penalty) - repeatCost(c, this.penalty);
      if (k >= 1) this.hard++;
    } else {
      this.cost += repeatCost(c - dc, this.penalty) - repeatCost(c, this.penalty);
      if (k >= 2) this.hard--;
    }
    this.table.add(code, sign * d);
  }

  /** Σ over q in `list` (not in units `skipA`/`skipB`) of the change of pair {P, q} by sign·d. */
  private pairsDelta(
    r: number,
    P: number,
    list: number[],
    skipA: number,
    skipB: number,
    sign: 1 | -1,
    dc: number,
  ): void {
    const round = this.rm.rounds[r];
    const unitOf = round.model.unitOf;
    const globalOf = round.globalOf;
    const n = this.rm.n;
    const table = this.table;
    const penalty = this.penalty;
    let cost = 0;
    let hard = 0;
    for (let i = 0; i < list.length; i++) {
      const q = list[i];
      const uq = unitOf[q];
      if (uq === skipA || uq === skipB) continue;
      const Q = globalOf[q];
      const v = table.get(P < Q ? P * n + Q : Q * n + P);
      const c = Math.floor(v / C_UNIT);
      const k = v & K_MASK;
      if (sign > 0) {
        cost += repeatCost(c + dc, penalty) - repeatCost(c, penalty);
        if (k >= 1) hard++;
      } else {
        cost += repeatCost(c - dc, penalty) - repeatCost(c, penalty);
        if (k >= 2) hard--;
      }
    }
    this.dCost += cost;
    this.dHard += hard;
  }

  /** Some member of unit u (round r) shares its group with someone met in another grouping. */
  inConflict(r: number, u: number): boolean {
    const round = this.rm.rounds[r];
    const model = round.model;
    const list = this.rounds.members[r][this.rounds.groupOfUnit(r, u)];
    const n = this.rm.n;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const P = round.globalOf[model.unitMembers[i]];
      for (const q of list) {
        const Q = round.globalOf[q];
        if (Q !== P && (this.table.get(P < Q ? P * n + Q : Q * n + P) & K_MASK) >= 2) return true;
      }
    }
    return false;
  }

  /** Change when unit u of round r moves to group h. */
  evalRelocate(r: number, u: number, h: number): void {
    const round = this.rm.rounds[r];
    const model = round.model;
    const lists = this.rounds.members[r];
    const g = this.rounds.groupOfUnit(r, u);
    this.dCost = 0;
    this.dHard = 0;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const P = round.globalOf[model.unitMembers[i]];
      this.pairsDelta(r, P, lists[g], u, -1, -1, round.repeat);
      this.pairsDelta(r, P, lists[h], u, -1, 1, round.repeat);
    }
  }

  /** Change when units u and v of round r (in different groups) trade groups. */
  evalSwap(r: number, u: number, v: number): void {
    const round = this.rm.rounds[r];
    const model = round.model;
    const lists = this.rounds.members[r];
    const g = this.rounds.groupOfUnit(r, u);
    const h = this.rounds.groupOfUnit(r, v);
    this.dCost = 0;
    this.dHard = 0;
    // Pairs between u and v stay apart, and pairs inside a unit stay together: skipped.
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const P = round.globalOf[model.unitMembers[i]];
      this.pairsDelta(r, P, lists[g], u, v, -1, round.repeat);
      this.pairsDelta(r, P, lists[h], u, v, 1, round.repeat);
    }
    for (let i = model.unitStart[v]; i < model.unitStart[v + 1]; i++) {
      const P = round.globalOf[model.unitMembers[i]];
      this.pairsDelta(r, P, lists[h], u, v, -1, round.repeat);
      this.pairsDelta(r, P, lists[g], u, v, 1, round.repeat);
    }
  }

  /** Move unit u of round r to h; call right after `evalRelocate(r, u, h)`. */
  applyRelocate(r: number, u: number, h: number): void {
    const cost = this.cost + this.dCost;
    const hard = this.hard + this.dHard;
    this.moveUnit(r, u, h, -1);
    this.cost = cost;
    this.hard = hard;
  }

  /** Trade units u and v of round r; call right after `evalSwap(r, u, v)`. */
  applySwap(r: number, u: number, v: number): void {
    const cost = this.cost + this.dCost;
    const hard = this.hard + this.dHard;
    const g = this.rounds.groupOfUnit(r, u);
    const h = this.rounds.groupOfUnit(r, v);
    this.moveUnit(r, u, h, v);
    this.moveUnit(r, v, g, u);
    this.cost = cost;
    this.hard = hard;
  }

  /**
   * Take unit u out of its group and into h, updating the pair table (pairs with unit `keep`,
   * the swap partner, are left alone: they were apart and stay apart) and the member lists.
   * The running cost is restored by the caller from the evaluated delta.
   */
  private moveUnit(r: number, u: number, h: number, keep: number): void {
    const round = this.rm.rounds[r];
    const model = round.model;
    const lists = this.rounds.members[r];
    const unitOf = model.unitOf;
    const globalOf = round.globalOf;
    const d = round.repeat * C_UNIT + 1;
    const g = this.rounds.groupOfUnit(r, u);
    this.rounds.take(r, u);
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const P = globalOf[model.unitMembers[i]];
      for (const q of lists[g]) if (unitOf[q] !== keep) this.change(P, globalOf[q], -1, d);
      for (const q of lists[h]) if (unitOf[q] !== keep && unitOf[q] !== u) this.change(P, globalOf[q], 1, d);
    }
    this.rounds.put(r, u, h);
  }
}
