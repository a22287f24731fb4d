/**
 * Tabu search over several rounds, for when repeats are forbidden (social golfer style): each
 * step draws a unit, preferring one in a repeated pair, scans every swap with a unit of
 * another group of the same round (and every relocate when sizes may change), and takes the
 * best move whose units are not tabu (a tabu move is still taken when it gives a new best).
 * Moved units stay tabu for a few random steps. After `kickAfter` steps without a new best,
 * `kickMoves` random moves shake the state. The move's value is the same energy as the late
 * acceptance search (search.ts): the round's hard rules are never broken further, repeats are
 * penalised by λ, soft terms added. This is the local search of Dotú and Van Hentenryck
 * (2005) for the social golfer problem, on Tverr's moves and scores.
 */
import type { IncrementalScore } from "../score/incremental.js";
import { Budget } from "../search/budget.js";
import type { Rng } from "../search/rng.js";
import type { MeetingsTerm } from "./meetings.js";
import { roundMovables } from "./movables.js";
import type { ReachCoupling } from "./reach.js";
import {
  type RoundsSearchConfig,
  type RoundsSearchLimits,
  type RoundsSearchOutcome,
  type RoundsStopReason,
  restoreBest,
} from "./search.js";

const CHUNK_STEPS = 64;

export async function tabuSearch(
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
  const {
    flatRound,
    flatUnit,
    roundStart,
    roundCount,
    hasSlack: relocates,
  } = roundMovables(scores, searched);
  const total = flatUnit.length;
  const repeatsHard = term.rm.meetings.forbidRepeats;
  const lambda = repeatsHard ? config.repeatPenalty * (meetingsCoef > 0 ? meetingsCoef : 1) : 0;
  let currentHard = searched.reduce((s, r) => s + scores[r].hard, repeatsHard ? term.hard : 0);
  let current = searched.reduce(
    (s, r) => s + scores[r].soft,
    meetingsCoef * term.cost + (reach ? reach.coef * reach.term.cost : 0),
  );
  const reachD = () => (reach ? reach.coef * reach.term.dCost : 0);
  let timeToFeasible = currentHard === 0 ? 0 : -1;
  const finish = (stopReason: RoundsStopReason, iterations: number, accepted: number) => ({
    iterations,
    acceptedMoves: accepted,
    elapsedMs: budget.elapsedMs(),
    timeToFeasibleMs: timeToFeasible,
    stopReason,
  });
  if (total === 0) return finish("nothingToMove", 0, 0);
  if (currentHard === 0 && current - floor <= 1e-9) return finish("optimal", 0, 0);

  const best = scores.map((s) => Int32Array.from(s.unitGroup));
  let bestHard = currentHard;
  let bestSoft = current;
  let bestIsCurrent = true;
  const tabuUntil = new Float64Array(total);
  const iterationLimit = budget.iterationLimit;
  let iterations = 0;
  let steps = 0;
  let accepted = 0;
  let lastBestAt = 0;
  let stop: RoundsStopReason | null = null;
  const candidates: number[] = [];

  // Apply the last evaluated move of round r (swap when v ≥ 0), keeping best and counters.
  const apply = (r: number, u: number, v: number, h: number, dHard: number, dSoft: number) => {
    if (bestIsCurrent && (dHard > 0 || (dHard === 0 && dSoft > 0))) {
      for (const s of searched) best[s].set(scores[s].unitGroup);
      bestIsCurrent = false;
    }
    if (v >= 0) {
      scores[r].applySwap(u, v);
      term.applySwap(r, u, v);
      reach?.term.applySwap(r, u, v);
    } else {
      scores[r].applyRelocate(u, h);
      term.applyRelocate(r, u, h);
      reach?.term.applyRelocate(r, u, h);
    }
    currentHard += dHard;
    current += dSoft;
    accepted++;
    if (currentHard < bestHard || (currentHard === bestHard && current < bestSoft - 1e-12)) {
      bestHard = currentHard;
      bestSoft = current;
      bestIsCurrent = true;
      lastBestAt = steps;
      if (bestHard === 0 && timeToFeasible < 0) timeToFeasible = budget.elapsedMs();
      if (bestHard === 0 && bestSoft - floor <= 1e-9) stop = "optimal";
    }
  };

  while (stop === null) {
    const chunkStartIterations = iterations;
    for (let c = 0; c < CHUNK_STEPS && stop === null && iterations < iterationLimit; c++) {
      steps++;
      // The units to move: every unit in a repeated pair when there are few enough units to
      // scan them all, otherwise one drawn unit (preferring a conflicting one).
      candidates.length = 0;
      const conflicts = term.hard > 0;
      if (conflicts && total <= config.fullScanUnits) {
        for (let i = 0; i < total; i++) if (term.inConflict(flatRound[i], flatUnit[i])) candidates.push(i);
      }
      if (candidates.length === 0) {
        let i = rng.nextInt(total);
        if (conflicts) {
          for (let d = 1; d < config.conflictDraws && !term.inConflict(flatRound[i], flatUnit[i]); d++) {
            i = rng.nextInt(total);
          }
        }
        candidates.push(i);
      }
      if (config.kickAfter > 0 && steps - lastBestAt > config.kickAfter) {
        // Back to the best state, then shake it: random legal swaps in one round, taken
        // whatever they cost (iterated local search around the best).
        lastBestAt = steps;
        if (!bestIsCurrent) {
          restoreBest(scores, term, searched, best, reach);
          currentHard = bestHard;
          current = bestSoft;
          bestIsCurrent = true;
        }
        const i = candidates[rng.nextInt(candidates.length)];
        const r = flatRound[i];
        const score = scores[r];
        const model = score.model;
        const unitGroup = score.unitGroup;
        for (let k = 0; k < config.kickMoves; k++) {
          const u = flatUnit[roundStart[r] + rng.nextInt(roundCount[r])];
          const v = flatUnit[roundStart[r] + rng.nextInt(roundCount[r])];
          if (unitGroup[u] === unitGroup[v] || !swapAllowed(model, unitGroup, u, v)) continue;
          score.evalSwap(u, v);
          term.evalSwap(r, u, v);
          reach?.term.evalSwap(r, u, v);
          iterations++;
          if (score.dHard > 0) continue;
          apply(
            r,
            u,
            v,
            -1,
            score.dHard + (repeatsHard ? term.dHard : 0),
            score.dSoft + meetingsCoef * term.dCost + reachD(),
          );
        }
        continue;
      }
      let bestI = -1;
      let bestJ = -1;
      let bestH = -1;
      let bestValue = Number.POSITIVE_INFINITY;
      let bestDHard = 0;
      let bestDSoft = 0;
      let ties = 0;
      for (const i of candidates) {
        const r = flatRound[i];
        const u = flatUnit[i];
        const score = scores[r];
        const model = score.model;
        const m = model.m;
        const unitGroup = score.unitGroup;
        const g = unitGroup[u];
        const uTabu = tabuUntil[i] > steps;
        const consider = (j: number, h: number, tabu: boolean) => {
          iterations++;
          const dRule = score.dHard;
          if (dRule > 0) return;
          const dRepeat = repeatsHard ? term.dHard : 0;
          const dSoft = score.dSoft + meetingsCoef * term.dCost + reachD();
          const dHard = dRule + dRepeat;
          const aspiration =
            currentHard + dHard < bestHard ||
            (currentHard + dHard === bestHard && current + dSoft < bestSoft - 1e-12);
          if (tabu && !aspiration) return;
          // Mending the round's own rules comes first; then the energy.
          const value = dRule * 1e9 + dSoft + lambda * dRepeat;
          if (value < bestValue - 1e-12) {
            bestValue = value;
            ties = 1;
          } else if (value <= bestValue + 1e-12) {
            ties++;
            if (rng.nextInt(ties) !== 0) return;
          } else return;
          bestI = i;
          bestJ = j;
          bestH = h;
          bestDHard = dHard;
          bestDSoft = dSoft;
        };
        for (let j = roundStart[r]; j < roundStart[r] + roundCount[r]; j++) {
          const v = flatUnit[j];
          const h = unitGroup[v];
          if (h === g || !swapAllowed(model, unitGroup, u, v)) continue;
          score.evalSwap(u, v);
          term.evalSwap(r, u, v);
          reach?.term.evalSwap(r, u, v);
          consider(j, h, uTabu || tabuUntil[j] > steps);
        }
        if (relocates[r]) {
          const row = model.unitAllowedRow[u];
          for (let h = 0; h < m; h++) {
            if (h === g || (row >= 0 && model.allowedMask[row * m + h] === 0)) continue;
            score.evalRelocate(u, h);
            term.evalRelocate(r, u, h);
            reach?.term.evalRelocate(r, u, h);
            consider(-1, h, uTabu);
          }
        }
      }
      if (bestI < 0) continue;
      const r = flatRound[bestI];
      const u = flatUnit[bestI];
      // Evaluate the chosen move again right before applying it, as the contracts ask.
      if (bestJ >= 0) {
        scores[r].evalSwap(u, flatUnit[bestJ]);
        term.evalSwap(r, u, flatUnit[bestJ]);
        reach?.term.evalSwap(r, u, flatUnit[bestJ]);
        tabuUntil[bestJ] = steps + config.tabuTenure + rng.nextInt(config.tabuTenure + 1);
      } else {
        scores[r].evalRelocate(u, bestH);
        term.evalRelocate(r, u, bestH);
        reach?.term.evalRelocate(r, u, bestH);
      }
      tabuUntil[bestI] = steps + config.tabuTenure + rng.nextInt(config.tabuTenure + 1);
      apply(r, u, bestJ >= 0 ? flatUnit[bestJ] : -1, bestH, bestDHard, bestDSoft);
    }
    stop = await budget.checkpoint(
      iterations,
      stop ?? (iterations === chunkStartIterations ? "nothingToMove" : null),
      () => ({
        bestHard,
        bestSoft: bestSoft - floor,
      }),
    );
  }
  if (!bestIsCurrent) restoreBest(scores, term, searched, best, reach);
  return finish(stop ?? "timeLimit", iterations, accepted);
}

/** Both units of a swap may enter the other's group. */
function swapAllowed(model: IncrementalScore["model"], unitGroup: Int32Array, u: number, v: number): boolean {
  const m = model.m;
  const mask = model.allowedMask;
  const ru = model.unitAllowedRow[u];
  const rv = model.unitAllowedRow[v];
  if (ru >= 0 && mask[ru * m + unitGroup[v]] === 0) return false;
  if (rv >= 0 && mask[rv * m + unitGroup[u]] === 0) return false;
  return true;
}
