/**
 * Random moves: a movable unit drawn uniformly (so rounds are drawn by their size), then in
 * its round either a swap with another drawn unit or a relocate to a drawn other group, by
 * the round's swap share. A draw that lands on an illegal move (same group, a group the unit
 * may not enter) is refused rather than repaired, so legal moves stay uniform.
 *
 * While a penalised rule is broken (repeated pairs in rounds), up to `conflictDraws` units
 * are drawn and the first in conflict kept, as social-golfer local searches move conflicting
 * golfers.
 */
import type { Rng } from "../rng.js";
import type { RoundView, SearchSpace } from "../space.js";

/** A move, reused so the inner loop allocates nothing: relocate when v < 0. */
export class Move {
  r = 0;
  u = 0;
  v = -1;
  h = 0;
}

function mayEnter(view: RoundView, u: number, h: number): boolean {
  const row = view.allowedRow[u];
  return row < 0 || view.mask[row * view.m + h] === 1;
}

/** Fill `move` with a random move; false when the draw was illegal. */
export function drawMove(space: SearchSpace, rng: Rng, move: Move, conflictDraws = 1): boolean {
  const flatUnit = space.flatUnit;
  const flatRound = space.flatRound;
  const total = flatUnit.length;
  let i = rng.nextInt(total);
  if (conflictDraws > 1 && space.penalty > 0) {
    for (let d = 1; d < conflictDraws && !space.inConflict(flatRound[i], flatUnit[i]); d++)
      i = rng.nextInt(total);
  }
  const r = flatRound[i];
  const view = space.rounds[r];
  const u = flatUnit[i];
  const g = view.unitGroup[u];
  if (rng.nextFloat() < view.swapShare) {
    const v = flatUnit[view.start + rng.nextInt(view.count)];
    const h = view.unitGroup[v];
    if (h === g) return false;
    if (view.hasAllowed && (!mayEnter(view, u, h) || !mayEnter(view, v, g))) return false;
    move.r = r;
    move.u = u;
    move.v = v;
    move.h = h;
    return true;
  }
  let h = rng.nextInt(view.m - 1);
  if (h >= g) h++;
  if (view.hasAllowed && !mayEnter(view, u, h)) return false;
  move.r = r;
  move.u = u;
  move.v = -1;
  move.h = h;
  return true;
}

/** Swap partners only (a kick that must keep every size): a random swap of equal-size units in one round. */
export function drawSwap(space: SearchSpace, rng: Rng, move: Move, sameSize: boolean): boolean {
  const i = rng.nextInt(space.flatUnit.length);
  const r = space.flatRound[i];
  const view = space.rounds[r];
  const u = space.flatUnit[i];
  const v = space.flatUnit[view.start + rng.nextInt(view.count)];
  const g = view.unitGroup[u];
  const h = view.unitGroup[v];
  if (g === h) return false;
  const model = view.score.model;
  if (sameSize && model.unitSize[u] !== model.unitSize[v]) return false;
  if (view.hasAllowed && (!mayEnter(view, u, h) || !mayEnter(view, v, g))) return false;
  move.r = r;
  move.u = u;
  move.v = v;
  move.h = h;
  return true;
}

export { mayEnter };
