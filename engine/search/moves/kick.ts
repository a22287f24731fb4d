/**
 * A kick (perturbation): a few random moves applied whatever they cost, to leave a basin.
 * They may break hard rules; the search mends them (a rule-bound ridge, such as a minimum
 * that needs two moves to restore, cannot be crossed by moves that keep every rule).
 * Returns the moves made.
 */
import type { SearchContext } from "../driver.js";
import { drawMove, drawSwap, Move } from "./random.js";

const move = new Move();

export interface KickOptions {
  /** Moves to make. */
  size: number;
  /** Only swaps (of equal-size units when `sameSize`): keeps every group's size. */
  swapsOnly?: boolean;
  sameSize?: boolean;
  /** Share of relocates when not swaps only (default: each round's own swap share). */
  relocateShare?: number;
  /** Skip moves that break a strict rule (the rounds searches keep each round's own rules). */
  keepStrict?: boolean;
  /**
   * Told every move made, before it is made: unit u leaves group g for h, alone (v = −1) or
   * swapped with unit v (the descent rescans only those groups and logs the move).
   */
  touched?: (g: number, h: number, u: number, v: number) => void;
  /** Stop when the search has made this many evaluations (the chunk's end: limits are exact). */
  until?: number;
}

export function kick(ctx: SearchContext, options: KickOptions): number {
  const { space, rng } = ctx;
  let done = 0;
  ctx.jump(() => {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    for (let tries = 0; done < options.size && tries < 50 * options.size && ctx.iterations < until; tries++) {
      let ok: boolean;
      if (options.swapsOnly) ok = drawSwap(space, rng, move, options.sameSize === true);
      else if (options.relocateShare !== undefined) {
        ok =
          rng.nextFloat() < options.relocateShare
            ? drawRelocate(ctx)
            : drawSwap(space, rng, move, options.sameSize === true);
      } else ok = drawMove(space, rng, move);
      if (!ok) continue;
      space.evaluate(move.r, move.u, move.v, move.h);
      ctx.iterations++;
      if (options.keepStrict && space.dStrict > 0) continue;
      options.touched?.(space.rounds[move.r].unitGroup[move.u], move.h, move.u, move.v);
      space.apply(move.r, move.u, move.v, move.h);
      ctx.accepted++;
      done++;
    }
  });
  return done;
}

function drawRelocate(ctx: SearchContext): boolean {
  const { space, rng } = ctx;
  const i = rng.nextInt(space.flatUnit.length);
  const r = space.flatRound[i];
  const view = space.rounds[r];
  const u = space.flatUnit[i];
  const h = rng.nextInt(view.m);
  if (h === view.unitGroup[u]) return false;
  const row = view.allowedRow[u];
  if (row >= 0 && view.mask[row * view.m + h] === 0) return false;
  move.r = r;
  move.u = u;
  move.v = -1;
  move.h = h;
  return true;
}
