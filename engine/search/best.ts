/**
 * Keeps the best grouping a search has seen: hard level first (fewer violations), then soft.
 *
 * The copy is lazy: while the current grouping is the best, nothing is copied; only when the
 * search is about to leave it (a worsening move, a jump elsewhere) is it saved. So a search
 * that keeps improving pays nothing for keeping its best. At the end `finish` puts the space
 * back on the best grouping.
 *
 * Contract: call `beforeLeave` before any change that may worsen the current grouping, and
 * `after` after every change. Strategies do not call these themselves: the search context
 * (driver.ts) does, around every apply and restore.
 */
import type { SearchSpace } from "./space.js";

const EPS = 1e-12;

export class BestKeeper {
  hard: number;
  soft: number;
  /** The current grouping is the best one (nothing saved for it yet). */
  isCurrent = true;
  /** Evaluations done when the best was found, and the elapsed time then. */
  iterationsAtBest = 0;
  msAtBest = 0;
  /** When every hard rule first held (0: from the start; −1: never). */
  msToFeasible: number;
  private readonly saved: Int32Array[];

  constructor(private readonly space: SearchSpace) {
    this.hard = space.hard;
    this.soft = space.soft;
    this.msToFeasible = space.hard === 0 ? 0 : -1;
    this.saved = space.snapshot();
  }

  /** The best is proven optimal: every hard rule holds and every soft term is at its bound. */
  get optimal(): boolean {
    return this.hard === 0 && this.soft - this.space.floor <= 1e-9;
  }

  /** Save the current grouping if it is the best and about to be left. */
  beforeLeave(): void {
    if (!this.isCurrent) return;
    this.space.save(this.saved);
    this.isCurrent = false;
  }

  /**
   * After a change: the current grouping becomes the best when it is better. True when it did.
   * `elapsedMs` is read only then: most accepted moves are no new best, and the clock may be
   * a system call (a benchmark's CPU clock).
   */
  after(iterations: number, elapsedMs: () => number): boolean {
    const space = this.space;
    if (!(space.hard < this.hard || (space.hard === this.hard && space.soft < this.soft - EPS))) return false;
    this.hard = space.hard;
    this.soft = space.soft;
    this.isCurrent = true;
    this.iterationsAtBest = iterations;
    const ms = elapsedMs();
    this.msAtBest = ms;
    if (this.hard === 0 && this.msToFeasible < 0) this.msToFeasible = ms;
    return true;
  }

  /** Put the space on the best grouping. */
  finish(): void {
    if (!this.isCurrent) this.space.restore(this.saved);
    this.isCurrent = true;
  }
}
