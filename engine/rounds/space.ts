/**
 * Several rounds as one search space (see search/space.ts): each round's own incremental
 * score (its mixing terms and hard rules), plus the cross-round terms, repeated meetings and
 * optionally reach. A move in round r changes r's score and the cross-round terms.
 *
 * Strict: each round's own hard rules. Penalised: with repeats forbidden, the pairs put
 * together again (the no-repeat rule) count at the hard level for the best grouping, but the
 * acceptors price them at λ = repeatPenalty × one repeat's cost instead of refusing every
 * move that adds one (strict descent on repeats stalls on social golfer instances).
 * Soft: Σ rounds' soft + meetings coef × cost + reach coef × cost.
 */
import type { IncrementalScore } from "../score/incremental.js";
import { fullScore } from "../score/objective.js";
import { assertClose, movableUnits, type RoundView, roundView, type SearchSpace } from "../search/space.js";
import type { MeetingsTerm } from "./meetings.js";
import type { ReachTerm } from "./reach.js";

export interface CrossRound {
  meetings: MeetingsTerm;
  meetingsCoef: number;
  reach: ReachTerm | null;
  reachCoef: number;
  forbidRepeats: boolean;
  repeatPenalty: number;
}

export class RoundsSpace implements SearchSpace {
  readonly rounds: RoundView[];
  readonly flatRound: Int32Array;
  readonly flatUnit: Int32Array;
  readonly lambda: number;
  dStrict = 0;
  dPenalty = 0;
  dSoft = 0;

  constructor(
    readonly scores: IncrementalScore[],
    /** The rounds this search moves (all for a joint search, one for a sequential step). */
    readonly searched: readonly number[],
    readonly cross: CrossRound,
    readonly floor: number,
    swapShare: number,
  ) {
    const flatRound: number[] = [];
    const flatUnit: number[] = [];
    this.rounds = scores.map((score, r) => {
      const start = flatUnit.length;
      if (searched.includes(r)) {
        for (const u of movableUnits(score)) {
          flatRound.push(r);
          flatUnit.push(u);
        }
      }
      const view = roundView(score, start, flatUnit.length - start);
      if (view.swapShare < 0) view.swapShare = swapShare;
      return view;
    });
    this.flatRound = Int32Array.from(flatRound);
    this.flatUnit = Int32Array.from(flatUnit);
    const meetingsCoef = cross.meetingsCoef;
    this.lambda = cross.forbidRepeats ? cross.repeatPenalty * (meetingsCoef > 0 ? meetingsCoef : 1) : 0;
  }

  get penalty(): number {
    return this.cross.forbidRepeats ? this.cross.meetings.hard : 0;
  }

  get hard(): number {
    let hard = this.penalty;
    for (const r of this.searched) hard += this.scores[r].hard;
    return hard;
  }

  get soft(): number {
    const { meetings, meetingsCoef, reach, reachCoef } = this.cross;
    let soft = meetingsCoef * meetings.cost + (reach ? reachCoef * reach.cost : 0);
    for (const r of this.searched) soft += this.scores[r].soft;
    return soft;
  }

  evaluate(r: number, u: number, v: number, h: number): void {
    const score = this.scores[r];
    const { meetings, reach } = this.cross;
    if (v >= 0) {
      score.evalSwap(u, v);
      meetings.evalSwap(r, u, v);
      reach?.evalSwap(r, u, v);
    } else {
      score.evalRelocate(u, h);
      meetings.evalRelocate(r, u, h);
      reach?.evalRelocate(r, u, h);
    }
    this.dStrict = score.dHard;
    this.dPenalty = this.cross.forbidRepeats ? meetings.dHard : 0;
    this.dSoft =
      score.dSoft +
      this.cross.meetingsCoef * meetings.dCost +
      (reach ? this.cross.reachCoef * reach.dCost : 0);
  }

  apply(r: number, u: number, v: number, h: number): void {
    const score = this.scores[r];
    const { meetings, reach } = this.cross;
    if (v >= 0) {
      score.applySwap(u, v);
      meetings.applySwap(r, u, v);
      reach?.applySwap(r, u, v);
    } else {
      score.applyRelocate(u, h);
      meetings.applyRelocate(r, u, h);
      reach?.applyRelocate(r, u, h);
    }
  }

  inConflict(r: number, u: number): boolean {
    return this.cross.meetings.inConflict(r, u);
  }

  snapshot(): Int32Array[] {
    return this.scores.map((s) => Int32Array.from(s.unitGroup));
  }

  save(into: Int32Array[]): void {
    for (const r of this.searched) into[r].set(this.scores[r].unitGroup);
  }

  /**
   * Walk each searched round back to `from` by relocating the units that differ (evaluating
   * each move first, as the contracts ask), so the scores and the terms end exact.
   */
  restore(from: readonly Int32Array[]): void {
    for (const r of this.searched) {
      const score = this.scores[r];
      const target = from[r];
      for (let u = 0; u < target.length; u++) {
        if (score.unitGroup[u] === target[u]) continue;
        this.evaluate(r, u, -1, target[u]);
        this.apply(r, u, -1, target[u]);
      }
      score.resync();
    }
  }

  check(): void {
    for (const r of this.searched) {
      const score = this.scores[r];
      const exact = fullScore(score.model, score.objective, score.groupOf);
      assertClose(`hard score of round ${r}`, score.hard, exact.hard);
      assertClose(`soft score of round ${r}`, score.soft, exact.soft);
    }
  }
}
