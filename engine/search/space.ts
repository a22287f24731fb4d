/**
 * What a search moves through: one grouping (one round) or several rounds at once, behind one
 * interface so that every strategy and move selector serves both.
 *
 * A move is (r, u, v, h): in round r, unit u goes to group h (a relocate, v = −1) or trades
 * groups with unit v (a swap, h = v's group). `evaluate` only reads and leaves the move's
 * change in `dStrict` (hard rules that are never broken further), `dPenalty` (hard rules a
 * search may break on the way, priced at `lambda` in the acceptors' energy: the no-repeat
 * rule of rounds) and `dSoft`; `apply` makes the last evaluated move. The keeper compares
 * `hard` (strict + penalty) first, then `soft`.
 *
 * Movable units are flattened round by round (`flatRound`, `flatUnit`), so a uniform pick
 * weights rounds by their size; each round's view holds what the move selectors read in
 * their inner loop, as typed arrays.
 */
import type { IncrementalScore } from "../score/incremental.js";
import { fullScore } from "../score/objective.js";

export interface RoundView {
  score: IncrementalScore;
  m: number;
  unitGroup: Int32Array;
  allowedRow: Int32Array;
  mask: Uint8Array;
  hasAllowed: boolean;
  /** Share of swaps among random moves: 1 when every size is fixed and met (a relocate could only break one). */
  swapShare: number;
  /** Some group may grow or shrink. */
  relocates: boolean;
  /** This round's units in the flat arrays: flatUnit[start .. start + count). */
  start: number;
  count: number;
}

export interface SearchSpace {
  readonly rounds: RoundView[];
  readonly flatRound: Int32Array;
  readonly flatUnit: Int32Array;
  /** Σ coef·raw at which every soft term is at its lower bound (the search may stop there). */
  readonly floor: number;
  /** The acceptors' price of one unit of `penalty` (0 when there is none). */
  readonly lambda: number;
  /** Current values: hard = strict rules + penalised rules. */
  hard: number;
  penalty: number;
  soft: number;
  dStrict: number;
  dPenalty: number;
  dSoft: number;
  evaluate(r: number, u: number, v: number, h: number): void;
  apply(r: number, u: number, v: number, h: number): void;
  /** The unit is part of a broken penalised rule (rounds: in a repeated pair). */
  inConflict(r: number, u: number): boolean;
  /** Copy every round's grouping by units into `into` (allocated by `snapshot`). */
  save(into: Int32Array[]): void;
  snapshot(): Int32Array[];
  /** Go to a saved grouping; the running values are exact afterwards. */
  restore(from: readonly Int32Array[]): void;
  /** Assert mode: recompute everything from scratch and throw when the running values drifted. */
  check(): void;
}

/** A round's view of an incremental score, for the units `movable` of it. */
export function roundView(score: IncrementalScore, start: number, count: number): RoundView {
  const model = score.model;
  let slack = 0;
  let sizesHold = true;
  for (let g = 0; g < model.m; g++) {
    slack += model.maxSize[g] - model.minSize[g];
    if (score.size[g] < model.minSize[g] || score.size[g] > model.maxSize[g]) sizesHold = false;
  }
  return {
    score,
    m: model.m,
    unitGroup: score.unitGroup,
    allowedRow: model.unitAllowedRow,
    mask: model.allowedMask,
    hasAllowed: model.allowedMask.length > 0,
    swapShare: slack === 0 && sizesHold ? 1 : -1,
    relocates: slack > 0,
    start,
    count,
  };
}

/** The units of a model the search may move: not pinned, and only when there are two groups. */
export function movableUnits(score: IncrementalScore): number[] {
  const model = score.model;
  const out: number[] = [];
  if (model.m < 2) return out;
  for (let u = 0; u < model.unitCount; u++) if (model.unitPin[u] < 0) out.push(u);
  return out;
}

/** Throw when a running value differs from the recomputed one (assert mode). */
export function assertClose(what: string, running: number, exact: number): void {
  if (Math.abs(running - exact) > 1e-7 * Math.max(1, Math.abs(exact))) {
    throw new Error(`assert mode: the running ${what} is ${running}, recomputed ${exact}`);
  }
}

/** One grouping: the single-round search space over one incremental score. */
export class SingleSpace implements SearchSpace {
  readonly rounds: RoundView[];
  readonly flatRound: Int32Array;
  readonly flatUnit: Int32Array;
  readonly floor: number;
  readonly lambda = 0;
  readonly penalty = 0;
  dStrict = 0;
  readonly dPenalty = 0;
  dSoft = 0;

  constructor(
    readonly score: IncrementalScore,
    swapShare: number,
  ) {
    const units = movableUnits(score);
    this.flatUnit = Int32Array.from(units);
    this.flatRound = new Int32Array(units.length);
    const view = roundView(score, 0, units.length);
    if (view.swapShare < 0) view.swapShare = swapShare;
    this.rounds = [view];
    this.floor = score.objective.offset;
  }

  get hard(): number {
    return this.score.hard;
  }

  get soft(): number {
    return this.score.soft;
  }

  evaluate(_r: number, u: number, v: number, h: number): void {
    const score = this.score;
    if (v >= 0) score.evalSwap(u, v);
    else score.evalRelocate(u, h);
    this.dStrict = score.dHard;
    this.dSoft = score.dSoft;
  }

  apply(_r: number, u: number, v: number, h: number): void {
    if (v >= 0) this.score.applySwap(u, v);
    else this.score.applyRelocate(u, h);
  }

  inConflict(): boolean {
    return false;
  }

  snapshot(): Int32Array[] {
    return [Int32Array.from(this.score.unitGroup)];
  }

  save(into: Int32Array[]): void {
    into[0].set(this.score.unitGroup);
  }

  restore(from: readonly Int32Array[]): void {
    this.score.reset(from[0]);
  }

  check(): void {
    const exact = fullScore(this.score.model, this.score.objective, this.score.groupOf);
    assertClose("hard score", this.score.hard, exact.hard);
    assertClose("soft score", this.score.soft, exact.soft);
  }
}
