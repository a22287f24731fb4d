/**
 * Local search over several rounds at once: each step picks a movable unit of one of the
 * searched rounds (so a round is picked in proportion to its size), then a relocate or a swap
 * inside that round. The move's change is that round's own delta (its mixing terms and hard
 * rules, from its IncrementalScore) plus the cross-round meetings delta (MeetingsTerm) and,
 * when the problem has one, the reach delta (ReachTerm).
 *
 * Acceptance is the single-round search's: a move that breaks more of the round's hard rules
 * is never taken, one that mends some always is (resetting the acceptor), otherwise late
 * acceptance judges the change of energy = soft + λ·repeats, where the no-repeat rule, when
 * forbidden, is penalised rather than blocked (see `repeatPenalty`). The best state (hard first, then soft) is kept, copied only when
 * the search is about to leave it. Chunked: between chunks it checks the clock, the iteration
 * limit and the abort signal, reports progress and yields. Under an iteration limit the
 * result depends only on the seed and the input.
 *
 * A joint search passes every round; a sequential one calls this once per round with only
 * that round (the earlier rounds then count as history through the meetings term).
 */
import type { IncrementalScore } from "../score/incremental.js";
import { LateAcceptance } from "../search/acceptors/lateAcceptance.js";
import { Budget, type BudgetLimits, type BudgetProgress, type StopReason } from "../search/budget.js";
import type { Rng } from "../search/rng.js";
import type { MeetingsTerm } from "./meetings.js";
import { roundMovables } from "./movables.js";
import type { ReachCoupling } from "./reach.js";

export interface RoundsSearchConfig {
  /**
   * `auto`: tabu search (tabu.ts) when repeats are forbidden, late acceptance otherwise;
   * measured in benchmarks/rounds.ts.
   */
  strategy: "auto" | "lateAcceptance" | "tabu";
  /**
   * Joint mode: share of the budget (time and iterations) spent on a sequential pass that
   * warm-starts the joint search; 0 starts the joint search from the constructions. Left
   * out: 0 when repeats are forbidden (the sequential pass stalls on the later rounds and
   * wastes its share: benchmarks/rounds.ts), 0.5 otherwise.
   */
  warmStartShare?: number;
  /** Late acceptance history length. */
  lateAcceptanceLength: number;
  /** Share of swap moves in a round whose groups may grow or shrink (otherwise only swaps). */
  swapShare: number;
  /**
   * The no-repeat rule (forbidRepeats) enters the acceptor's energy at this many times the
   * meetings term's cost of one repeat, instead of blocking every move that adds a repeat:
   * strict descent on repeats stalls in local minima (social golfer instances), while the
   * round's own hard rules stay strict. The best state is still hard first, then soft.
   */
  repeatPenalty: number;
  /**
   * While repeats are forbidden and some remain, draw up to this many units and keep the
   * first that is in a repeated pair (as social golfer local searches move conflicting
   * golfers); 0 or 1 draws uniformly.
   */
  conflictDraws: number;
  /** Tabu search: scan every conflicting unit per step when there are at most this many units. */
  fullScanUnits: number;
  /** Tabu search: steps a moved unit stays tabu (plus a random 0..tenure). */
  tabuTenure: number;
  /** Tabu search: after this many steps without a new best, `kickMoves` random swaps (0: never). */
  kickAfter: number;
  kickMoves: number;
}

export const defaultRoundsSearchConfig: RoundsSearchConfig = {
  strategy: "auto",
  lateAcceptanceLength: 2000,
  swapShare: 0.7,
  repeatPenalty: 2,
  conflictDraws: 8,
  fullScanUnits: 1000,
  tabuTenure: 5,
  kickAfter: 500,
  kickMoves: 10,
};

/** Progress of the rounds search; `bestSoft` is Σ of the searched rounds' terms + the meetings term. */
export type RoundsProgress = BudgetProgress;
export type RoundsSearchLimits = BudgetLimits;
export type RoundsStopReason = StopReason;

export interface RoundsSearchOutcome {
  iterations: number;
  acceptedMoves: number;
  elapsedMs: number;
  /** When every hard rule first held (0 from the start; -1 never). */
  timeToFeasibleMs: number;
  stopReason: RoundsStopReason;
}

const CHUNK = 2048;

/**
 * Search the rounds `searched`, leaving each IncrementalScore (and the term) at the best
 * state found. `meetingsCoef` turns the term's raw cost into objective units; `floor` is the
 * soft value below which the search may stop as optimal (every term at its bound).
 */
export async function roundsSearch(
  scores: IncrementalScore[],
  term: MeetingsTerm,
  meetingsCoef: number,
  searched: number[],
  floor: number,
  rng: Rng,
  config: RoundsSearchConfig,
  limits: RoundsSearchLimits,
  reach: ReachCoupling | null = null,
): Promise<RoundsSearchOutcome> {
  const budget = new Budget(limits);
  const { flatRound, flatUnit, roundStart, roundCount, hasSlack, sizesHold } = roundMovables(
    scores,
    searched,
  );
  // Every size fixed and met: a relocate can only break a size rule, so swap only.
  const swapShare = Float64Array.from(scores, (_, r) =>
    !hasSlack[r] && sizesHold[r] ? 1 : config.swapShare,
  );
  // The term tracks repeats always; they are a hard rule only when forbidden.
  const repeatsHard = term.rm.meetings.forbidRepeats;
  const hardNow = () => searched.reduce((s, r) => s + scores[r].hard, repeatsHard ? term.hard : 0);
  const softNow = () =>
    searched.reduce(
      (s, r) => s + scores[r].soft,
      meetingsCoef * term.cost + (reach ? reach.coef * reach.term.cost : 0),
    );
  const best = scores.map((s) => Int32Array.from(s.unitGroup));
  let timeToFeasible = hardNow() === 0 ? 0 : -1;
  const finish = (stopReason: RoundsStopReason, iterations: number, accepted: number) => ({
    iterations,
    acceptedMoves: accepted,
    elapsedMs: budget.elapsedMs(),
    timeToFeasibleMs: timeToFeasible,
    stopReason,
  });
  const total = flatUnit.length;
  if (total === 0) return finish("nothingToMove", 0, 0);
  if (hardNow() === 0 && softNow() - floor <= 1e-9) return finish("optimal", 0, 0);

  let current = softNow();
  let currentHard = hardNow();
  const lambda = repeatsHard ? config.repeatPenalty * (meetingsCoef > 0 ? meetingsCoef : 1) : 0;
  let energy = current + (repeatsHard ? lambda * term.hard : 0);
  const acceptor = new LateAcceptance(config.lateAcceptanceLength, energy);
  let bestHard = currentHard;
  let bestSoft = current;
  let bestIsCurrent = true;
  const iterationLimit = budget.iterationLimit;
  let iterations = 0;
  let accepted = 0;
  let stop: RoundsStopReason | null = null;

  while (stop === null) {
    const chunkEnd = Math.min(iterations + CHUNK, iterationLimit);
    const chunkStart = iterations;
    for (let picks = 0; picks < CHUNK && iterations < chunkEnd; picks++) {
      let i = rng.nextInt(total);
      if (repeatsHard && term.hard > 0) {
        for (let d = 1; d < config.conflictDraws && !term.inConflict(flatRound[i], flatUnit[i]); d++) {
          i = rng.nextInt(total);
        }
      }
      const r = flatRound[i];
      const u = flatUnit[i];
      const score = scores[r];
      const model = score.model;
      const m = model.m;
      const unitGroup = score.unitGroup;
      const allowedRow = model.unitAllowedRow;
      const mask = model.allowedMask;
      const g = unitGroup[u];
      let v = -1;
      let h: number;
      if (rng.nextFloat() < swapShare[r]) {
        v = flatUnit[roundStart[r] + rng.nextInt(roundCount[r])];
        h = unitGroup[v];
        if (h === g) continue;
        if (allowedRow[u] >= 0 && mask[allowedRow[u] * m + h] === 0) continue;
        if (allowedRow[v] >= 0 && mask[allowedRow[v] * m + g] === 0) continue;
        score.evalSwap(u, v);
        term.evalSwap(r, u, v);
        reach?.term.evalSwap(r, u, v);
      } else {
        h = rng.nextInt(m - 1);
        if (h >= g) h++;
        if (allowedRow[u] >= 0 && mask[allowedRow[u] * m + h] === 0) continue;
        score.evalRelocate(u, h);
        term.evalRelocate(r, u, h);
        reach?.term.evalRelocate(r, u, h);
      }
      iterations++;
      // The round's own hard rules: never broken further, mended whenever a move can.
      const dRule = score.dHard;
      if (dRule > 0) continue;
      const dRepeat = repeatsHard ? term.dHard : 0;
      const dHard = dRule + dRepeat;
      const dSoft = score.dSoft + meetingsCoef * term.dCost + (reach ? reach.coef * reach.term.dCost : 0);
      const candidate = energy + dSoft + lambda * dRepeat;
      if (dRule < 0) acceptor.reset(candidate);
      else if (!acceptor.accept(candidate, energy)) continue;
      if (bestIsCurrent && (dHard > 0 || (dHard === 0 && dSoft > 0))) {
        for (const s of searched) best[s].set(scores[s].unitGroup);
        bestIsCurrent = false;
      }
      if (v >= 0) {
        score.applySwap(u, v);
        term.applySwap(r, u, v);
        reach?.term.applySwap(r, u, v);
      } else {
        score.applyRelocate(u, h);
        term.applyRelocate(r, u, h);
        reach?.term.applyRelocate(r, u, h);
      }
      energy = candidate;
      current += dSoft;
      currentHard += dHard;
      accepted++;
      if (currentHard < bestHard || (currentHard === bestHard && current < bestSoft - 1e-12)) {
        bestHard = currentHard;
        bestSoft = current;
        bestIsCurrent = true;
        if (bestHard === 0 && timeToFeasible < 0) timeToFeasible = budget.elapsedMs();
        if (bestHard === 0 && bestSoft - floor <= 1e-9) {
          stop = "optimal";
          break;
        }
      }
    }
    stop = await budget.checkpoint(
      iterations,
      stop ?? (iterations === chunkStart ? "nothingToMove" : null),
      () => ({
        bestHard,
        bestSoft: bestSoft - floor,
      }),
    );
  }
  if (!bestIsCurrent) restoreBest(scores, term, searched, best, reach);
  return finish(stop, iterations, accepted);
}

/**
 * Walk each searched round back to its best grouping by relocating the units that differ
 * (evaluating each move first, as the contracts ask), so the scores and the term end exact.
 */
export function restoreBest(
  scores: IncrementalScore[],
  term: MeetingsTerm,
  searched: number[],
  best: Int32Array[],
  reach: ReachCoupling | null = null,
) {
  for (const r of searched) {
    const score = scores[r];
    const target = best[r];
    for (let u = 0; u < target.length; u++) {
      if (score.unitGroup[u] === target[u]) continue;
      score.evalRelocate(u, target[u]);
      term.evalRelocate(r, u, target[u]);
      reach?.term.evalRelocate(r, u, target[u]);
      score.applyRelocate(u, target[u]);
      term.applyRelocate(r, u, target[u]);
      reach?.term.applyRelocate(r, u, target[u]);
    }
    score.resync();
  }
}
