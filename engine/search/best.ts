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
  /**
   * The last best that improved on the one before the previous mark by at least `minGain`
   * (soft units: 1 is a unit-weight term's way from its bound to a random grouping), or
   * held fewer hard violations: the stall rule's measure of progress. Without it a search
   * polishing a numeric term in its fifth decimal never stalls (a 30-person roster found
   * gains of 10⁻⁵ until its 10 s limit).
   */
  iterationsAtProgress = 0;
  msAtProgress = 0;
  private progressHard: number;
  private progressSoft: number;
  private progressUndated = false;
  /** When every hard rule first held (0: from the start; −1: never). */
  msToFeasible: number;
  /** A best was found since the last `stamp`. */
  private undated = false;
  private readonly saved: Int32Array[];

  constructor(
    private readonly space: SearchSpace,
    private readonly minGain = 0,
  ) {
    this.hard = space.hard;
    this.soft = space.soft;
    this.progressHard = space.hard;
    this.progressSoft = space.soft;
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
   * The clock is not read here: a search that keeps improving finds a new best every few
   * hundred moves, and a CPU clock is a system call (about 4 µs, a few per cent of a 10,000-
   * person search). `stamp` dates the best at the end of the chunk instead.
   */
  after(iterations: number): boolean {
    const space = this.space;
    if (!(space.hard < this.hard || (space.hard === this.hard && space.soft < this.soft - EPS))) return false;
    this.hard = space.hard;
    this.soft = space.soft;
    this.isCurrent = true;
    this.iterationsAtBest = iterations;
    this.undated = true;
    if (this.hard < this.progressHard || this.soft <= this.progressSoft - this.minGain) {
      this.progressHard = this.hard;
      this.progressSoft = this.soft;
      this.iterationsAtProgress = iterations;
      this.progressUndated = true;
    }
    return true;
  }

  /**
   * Date a best found since the last stamp with `elapsedMs` (the driver calls this between
   * chunks, so a time to best is late by at most one chunk, about a millisecond).
   */
  stamp(elapsedMs: () => number): void {
    if (!this.undated) return;
    this.undated = false;
    const ms = elapsedMs();
    this.msAtBest = ms;
    if (this.progressUndated) this.msAtProgress = ms;
    this.progressUndated = false;
    if (this.hard === 0 && this.msToFeasible < 0) this.msToFeasible = ms;
  }

  /** Put the space on the best grouping. */
  finish(): void {
    if (!this.isCurrent) this.space.restore(this.saved);
    this.isCurrent = true;
  }
}
