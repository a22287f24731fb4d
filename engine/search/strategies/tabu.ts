/**
 * Tabu search, for rounds with repeats forbidden (social golfer style): each step draws a
 * unit, preferring one in conflict (when there are few enough units, every unit in conflict),
 * scans every swap with a unit of another group of its round (and every relocate when sizes
 * may change), and takes the best move whose units are not tabu; a tabu move is still taken
 * when it gives a new best (aspiration). Moved units stay tabu for a few random steps
 * (acceptors/tabu.ts). After `kickAfter` steps without a new best, back to the best and
 * `kickMoves` random swaps shake it. Moves are valued like late acceptance's energy:
 * strict rules first (never broken further), then soft + λ·penalty.
 *
 * This is the local search of Dotú and Van Hentenryck (2005) for the social golfer problem,
 * on Tverr's moves and scores.
 */
import { PairTabu, TabuList } from "../acceptors/tabu.js";
import type { SearchContext, Strategy } from "../driver.js";
import { kick } from "../moves/kick.js";
import { mayEnter } from "../moves/random.js";

export interface TabuOptions {
  fullScanUnits: number;
  conflictDraws: number;
  tenure: number;
  /** Entity tabu on both moved units, or tabu on the swapped pair only (Dotú and Van Hentenryck). */
  tabuOn: "unit" | "pair";
  kickAfter: number;
  kickMoves: number;
  /** Steps per chunk (each scans many moves). */
  stepsPerChunk: number;
}

export function tabuSearch(options: TabuOptions): Strategy {
  let tabu: TabuList;
  let pairs: PairTabu;
  let steps = 0;
  let lastBestSteps = 0;
  let lastBestIterations = -1;
  const candidates: number[] = [];
  return {
    start(ctx) {
      tabu = new TabuList(ctx.space.flatUnit.length, options.tenure, ctx.rng);
      pairs = new PairTabu(ctx.space.flatUnit.length, options.tenure, ctx.rng);
    },
    run(ctx, until) {
      const { space, rng } = ctx;
      const { flatRound, flatUnit } = space;
      const byPair = options.tabuOn === "pair";
      for (let c = 0; c < options.stepsPerChunk && ctx.stop === null && ctx.iterations < until; c++) {
        steps++;
        if (ctx.keeper.iterationsAtBest !== lastBestIterations) {
          lastBestIterations = ctx.keeper.iterationsAtBest;
          lastBestSteps = steps;
        }
        chooseCandidates(ctx, candidates, options);
        if (options.kickAfter > 0 && steps - lastBestSteps > options.kickAfter) {
          lastBestSteps = steps;
          ctx.jump(() => ctx.keeper.finish());
          kick(ctx, { size: options.kickMoves, swapsOnly: true, keepStrict: true });
          continue;
        }
        let bestI = -1;
        let bestJ = -1;
        let bestH = -1;
        let bestValue = Number.POSITIVE_INFINITY;
        let ties = 0;
        const keeper = ctx.keeper;
        for (const i of candidates) {
          const r = flatRound[i];
          const u = flatUnit[i];
          const view = space.rounds[r];
          const g = view.unitGroup[u];
          const uTabu = tabu.isTabu(i, steps);
          const consider = (j: number, h: number, isTabu: boolean) => {
            ctx.iterations++;
            const dStrict = space.dStrict;
            if (dStrict > 0) return;
            const dHard = dStrict + space.dPenalty;
            const hard = space.hard + dHard;
            const aspiration =
              hard < keeper.hard || (hard === keeper.hard && space.soft + space.dSoft < keeper.soft - 1e-12);
            if (isTabu && !aspiration) return;
            // Mending the strict rules comes first; then the energy.
            const value = dStrict * 1e9 + space.dSoft + space.lambda * space.dPenalty;
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
          };
          for (let j = view.start; j < view.start + view.count; j++) {
            const v = flatUnit[j];
            const h = view.unitGroup[v];
            if (h === g) continue;
            if (view.hasAllowed && (!mayEnter(view, u, h) || !mayEnter(view, v, g))) continue;
            space.evaluate(r, u, v, h);
            consider(j, h, byPair ? pairs.isTabu(i, j, steps) : uTabu || tabu.isTabu(j, steps));
          }
          if (view.relocates) {
            for (let h = 0; h < view.m; h++) {
              if (h === g || (view.hasAllowed && !mayEnter(view, u, h))) continue;
              space.evaluate(r, u, -1, h);
              consider(-1, h, uTabu);
            }
          }
        }
        if (bestI < 0) continue;
        const r = flatRound[bestI];
        const u = flatUnit[bestI];
        const v = bestJ >= 0 ? flatUnit[bestJ] : -1;
        // Evaluate the chosen move again right before applying it, as the contracts ask.
        space.evaluate(r, u, v, bestH);
        if (byPair && bestJ >= 0) pairs.swapped(bestI, bestJ, steps);
        else {
          if (bestJ >= 0) tabu.moved(bestJ, steps);
          tabu.moved(bestI, steps);
        }
        ctx.apply(r, u, v, bestH);
      }
    },
  };
}

/** Every unit in conflict when there are few units, else one drawn unit preferring conflicts. */
function chooseCandidates(ctx: SearchContext, out: number[], options: TabuOptions): void {
  const { space, rng } = ctx;
  const { flatRound, flatUnit } = space;
  const total = flatUnit.length;
  out.length = 0;
  const conflicts = space.penalty > 0;
  if (conflicts && total <= options.fullScanUnits) {
    for (let i = 0; i < total; i++) if (space.inConflict(flatRound[i], flatUnit[i])) out.push(i);
  }
  if (out.length > 0) return;
  let i = rng.nextInt(total);
  if (conflicts) {
    for (let d = 1; d < options.conflictDraws && !space.inConflict(flatRound[i], flatUnit[i]); d++)
      i = rng.nextInt(total);
  }
  out.push(i);
}
