/**
 * Local search over relocate and swap moves of units, anytime and reproducible.
 *
 * Each step picks a random movable unit and either a random other group (relocate) or a
 * random other unit in another group (swap), evaluates the exact delta, and lets the
 * acceptor decide. The best grouping (hard first, then soft) is kept; it is copied only when
 * the search is about to leave it, so improvements cost nothing extra.
 *
 * The loop runs in chunks; between chunks it checks the clock, the iteration limit and the
 * abort signal, reports progress, and yields to the event loop so a caller can cancel.
 * Under an iteration limit the result depends only on the seed and the input.
 */
import type { IncrementalScore } from "../score/incremental.js";
import type { Acceptor, AcceptorName } from "./acceptors/acceptor.js";
import { Annealing } from "./acceptors/annealing.js";
import { LateAcceptance } from "./acceptors/lateAcceptance.js";
import { Budget, type BudgetLimits, type BudgetProgress, type StopReason } from "./budget.js";
import { tryGroupExchange } from "./groupExchange.js";
import type { IteratedDescentConfig } from "./iteratedDescent.js";
import type { Rng } from "./rng.js";

export interface SearchConfig {
  /**
   * Which search runs: `auto` picks iterated descent when a distance term is present (see
   * iteratedDescent.ts) and this local search otherwise.
   */
  strategy: "auto" | "localSearch" | "iteratedDescent";
  /** Tuning of the iterated descent (defaults in iteratedDescent.ts). */
  descent?: Partial<IteratedDescentConfig>;
  acceptor: AcceptorName;
  /** Late acceptance history length. */
  lateAcceptanceLength: number;
  /** Share of swap moves when groups have room to grow or shrink (otherwise only swaps). */
  swapShare: number;
}

export const defaultSearchConfig: SearchConfig = {
  strategy: "auto",
  acceptor: "lateAcceptance",
  lateAcceptanceLength: 20,
  swapShare: 0.7,
};

export type { StopReason } from "./budget.js";
/** Progress of a search, reported between chunks of moves. */
export type SearchProgress = BudgetProgress;
/** Limits of a search: time, iterations, abort, progress reports. */
export type SearchLimits = BudgetLimits;

export interface SearchOutcome {
  unitGroup: Int32Array;
  iterations: number;
  acceptedMoves: number;
  timeToBestMs: number;
  /** When every hard rule first held (0 when they held from the start; -1 never). */
  timeToFeasibleMs: number;
  elapsedMs: number;
  stopReason: StopReason;
}

const CHUNK = 2048;

export async function localSearch(
  score: IncrementalScore,
  rng: Rng,
  config: SearchConfig,
  limits: SearchLimits,
): Promise<SearchOutcome> {
  const model = score.model;
  const { m } = model;
  const budget = new Budget(limits);
  const movable = Int32Array.from(
    Array.from({ length: model.unitCount }, (_, u) => u).filter((u) => model.unitPin[u] < 0),
  );
  const best = Int32Array.from(score.unitGroup);
  let timeToFeasible = score.hard === 0 ? 0 : -1;
  const outcome = (stopReason: StopReason, iterations: number, accepted: number, timeToBestMs: number) => ({
    unitGroup: best,
    iterations,
    acceptedMoves: accepted,
    timeToBestMs,
    timeToFeasibleMs: timeToFeasible,
    elapsedMs: budget.elapsedMs(),
    stopReason,
  });
  if (movable.length === 0 || m < 2) return outcome("nothingToMove", 0, 0, 0);
  const offset = score.objective.offset;
  if (score.hard === 0 && score.soft - offset <= 1e-9) return outcome("optimal", 0, 0, 0);

  let slack = 0;
  let sizesHold = true;
  for (let g = 0; g < m; g++) {
    slack += model.maxSize[g] - model.minSize[g];
    if (score.size[g] < model.minSize[g] || score.size[g] > model.maxSize[g]) sizesHold = false;
  }
  // With every size fixed and met, a relocate can only break a size rule: swap only.
  const swapShare = slack === 0 && sizesHold ? 1 : config.swapShare;
  const acceptor = makeAcceptor(config, score, rng, movable);
  const hasAllowed = model.allowedMask.length > 0;
  const mayEnter = (u: number, h: number) =>
    !hasAllowed || model.unitAllowedRow[u] < 0 || model.allowedMask[model.unitAllowedRow[u] * m + h] === 1;
  const unitGroup = score.unitGroup;
  const allowedRow = model.unitAllowedRow;
  const mask = model.allowedMask;
  const iterationLimit = budget.iterationLimit;

  let current = score.soft;
  let bestHard = score.hard;
  let bestSoft = score.soft;
  let bestIsCurrent = true;
  let iterations = 0;
  let accepted = 0;
  let timeToBest = 0;
  let progress = 0;
  let stop: StopReason | null = null;

  // Keep-together units: a swap cannot trade a unit for smaller ones without breaking sizes,
  // so once a chunk the contents of two groups are exchanged (groupExchange.ts).
  const exchange = !model.allSingletons;
  // A group exchange is tried once per chunk; with keep-together units in a small problem the
  // chunks are shorter so it is tried often enough to matter (it alone can trade a unit of
  // two for two single people when sizes are tight).
  const chunk = exchange ? Math.min(CHUNK, Math.max(64, 8 * movable.length)) : CHUNK;
  const keepExchange = (dHard: number, dSoft: number) => {
    if (dHard > 0) return false;
    if (dHard < 0) {
      acceptor.reset(current + dSoft);
      return true;
    }
    return acceptor.accept(current + dSoft, current, progress);
  };

  // Stalled (no new best for a while): kick the current grouping with a few random moves,
  // which may break rules for the search to mend, and carry on; the best is kept.
  const stallLimit = Math.max(1000, 20 * movable.length);
  const kickSize = Math.min(10, Math.max(2, movable.length >> 6));
  let lastKick = 0;

  /** Keep the current grouping as the best when it is better; true when it is proven optimal. */
  const noteBest = (): boolean => {
    if (!(score.hard < bestHard || (score.hard === bestHard && score.soft < bestSoft - 1e-12))) return false;
    bestHard = score.hard;
    bestSoft = score.soft;
    bestIsCurrent = true;
    timeToBest = iterations;
    if (bestHard === 0 && timeToFeasible < 0) timeToFeasible = budget.elapsedMs();
    return bestHard === 0 && bestSoft - offset <= 1e-9;
  };

  while (stop === null) {
    if (iterations - Math.max(timeToBest, lastKick) >= stallLimit) {
      if (bestIsCurrent) {
        best.set(unitGroup);
        bestIsCurrent = false;
      }
      for (let k = 0; k < kickSize; k++) {
        const u = movable[rng.nextInt(movable.length)];
        const g = unitGroup[u];
        if (swapShare === 1) {
          const v = movable[rng.nextInt(movable.length)];
          const h = unitGroup[v];
          if (h === g || !mayEnter(u, h) || !mayEnter(v, g)) continue;
          score.evalSwap(u, v);
          score.applySwap(u, v);
        } else {
          let h = rng.nextInt(m - 1);
          if (h >= g) h++;
          if (!mayEnter(u, h)) continue;
          score.evalRelocate(u, h);
          score.applyRelocate(u, h);
        }
      }
      current = score.soft;
      acceptor.reset(current);
      lastKick = iterations;
    }
    if (exchange && iterations < iterationLimit) {
      const g = rng.nextInt(m);
      const h = (g + 1 + rng.nextInt(m - 1)) % m;
      if (bestIsCurrent) {
        best.set(unitGroup);
        bestIsCurrent = false;
      }
      iterations++;
      if (tryGroupExchange(score, g, h, keepExchange)) {
        current = score.soft;
        accepted++;
        if (noteBest()) stop = "optimal";
      }
    }
    const chunkEnd = Math.min(iterations + chunk, iterationLimit);
    const chunkStart = iterations;
    // Picks that hit an illegal move (same group, disallowed group) are not counted as
    // iterations; a chunk of picks with no legal move at all ends the search.
    for (let picks = 0; picks < chunk && iterations < chunkEnd && stop === null; picks++) {
      const u = movable[rng.nextInt(movable.length)];
      const g = unitGroup[u];
      let v = -1;
      let h: number;
      if (rng.nextFloat() < swapShare) {
        v = movable[rng.nextInt(movable.length)];
        h = unitGroup[v];
        if (h === g) continue;
        if (hasAllowed) {
          if (allowedRow[u] >= 0 && mask[allowedRow[u] * m + h] === 0) continue;
          if (allowedRow[v] >= 0 && mask[allowedRow[v] * m + g] === 0) continue;
        }
        score.evalSwap(u, v);
      } else {
        h = rng.nextInt(m - 1);
        if (h >= g) h++;
        if (hasAllowed && allowedRow[u] >= 0 && mask[allowedRow[u] * m + h] === 0) continue;
        score.evalRelocate(u, h);
      }
      iterations++;
      const dHard = score.dHard;
      const dSoft = score.dSoft;
      // Hard before soft: a move that breaks more hard rules is never taken; one that mends
      // some always is (and restarts the acceptor at the new level); otherwise the acceptor
      // judges the soft change.
      if (dHard > 0) continue;
      const candidate = current + dSoft;
      if (dHard < 0) acceptor.reset(candidate);
      else if (!acceptor.accept(candidate, current, progress)) continue;
      if (bestIsCurrent && (dHard > 0 || (dHard === 0 && dSoft > 0))) {
        best.set(unitGroup);
        bestIsCurrent = false;
      }
      if (v >= 0) score.applySwap(u, v);
      else score.applyRelocate(u, h);
      current = candidate;
      accepted++;
      if (noteBest()) {
        stop = "optimal";
        break;
      }
    }
    progress = budget.spent(iterations);
    stop = await budget.checkpoint(
      iterations,
      stop ?? (iterations === chunkStart ? "nothingToMove" : null),
      () => ({
        bestHard,
        bestSoft: bestSoft - offset,
      }),
    );
  }
  if (bestIsCurrent) best.set(unitGroup);
  const result = outcome(stop, iterations, accepted, 0);
  // timeToBest is counted in iterations inside the loop; convert with the run's mean rate.
  result.timeToBestMs = iterations > 0 ? (timeToBest / iterations) * result.elapsedMs : 0;
  return result;
}

function makeAcceptor(
  config: SearchConfig,
  score: IncrementalScore,
  rng: Rng,
  movable: Int32Array,
): Acceptor {
  if (config.acceptor === "lateAcceptance")
    return new LateAcceptance(lateAcceptanceLength(config, movable.length), score.soft);
  // Start temperature: the mean soft worsening of a sample of random swaps, so about a third
  // of typical worsening moves are taken at first; end a thousand times cooler.
  let sum = 0;
  let count = 0;
  for (let i = 0; i < 2000 && movable.length > 1; i++) {
    const u = movable[rng.nextInt(movable.length)];
    const v = movable[rng.nextInt(movable.length)];
    if (score.unitGroup[u] === score.unitGroup[v]) continue;
    score.evalSwap(u, v);
    if (score.dHard === 0 && score.dSoft > 0) {
      sum += score.dSoft;
      count++;
    }
  }
  const t0 = count > 0 ? sum / count : 1e-3;
  return new Annealing(t0, t0 / 1000, rng);
}

/**
 * The history length: the configured one (20, measured best from 427 to 100,000 people), but
 * 2,000 for tiny problems (under 50 units), where a short history stalls in a local optimum
 * and the extra exploration costs nothing.
 */
export function lateAcceptanceLength(config: SearchConfig, units: number): number {
  return units < 50 ? Math.max(config.lateAcceptanceLength, 2000) : config.lateAcceptanceLength;
}
