/**
 * The moves made since a saved grouping, so a search can go back to it by undoing them.
 *
 * The iterated descent returns to its current local optimum after most kicks. A restore
 * rebuilds every tally from scratch (with a distance term the gain table is n × m and the
 * full score O(n²): 7% of an MDGPLIB n = 120 search), while a kick and its descent are a few
 * dozen moves of O(n) each. When more moves were made than `capacity`, or a move the log
 * cannot reverse (a group exchange), `undo` declines and the caller restores instead.
 */
import type { IncrementalScore } from "../../score/incremental.js";
import type { SingleSpace } from "../space.js";

export class UndoLog {
  private readonly unit: Int32Array;
  private readonly partner: Int32Array;
  private readonly from: Int32Array;
  private length = 0;
  private overflow = false;

  constructor(readonly capacity: number) {
    this.unit = new Int32Array(capacity);
    this.partner = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
  }

  /** Moves logged since the last clear. */
  get moves(): number {
    return this.length;
  }

  /** The grouping now is the one to come back to. */
  clear(): void {
    this.length = 0;
    this.overflow = false;
  }

  /** Unit u left group g: relocated (v = −1) or swapped with unit v. Call before or after applying. */
  record(u: number, v: number, g: number): void {
    if (this.length === this.capacity) {
      this.overflow = true;
      return;
    }
    this.unit[this.length] = u;
    this.partner[this.length] = v;
    this.from[this.length] = g;
    this.length++;
  }

  /** A change the log cannot reverse: the next `undo` declines. */
  invalidate(): void {
    this.overflow = true;
  }

  /**
   * Undo every logged move on the space, newest first, and clear the log. False, with nothing
   * done, when the log cannot (then restore the saved grouping instead).
   */
  undo(space: SingleSpace): boolean {
    if (this.overflow) return false;
    const unitGroup = space.score.unitGroup;
    for (let i = this.length - 1; i >= 0; i--) {
      const u = this.unit[i];
      const v = this.partner[i];
      const h = v >= 0 ? unitGroup[v] : this.from[i];
      // The space applies the move it evaluated last.
      space.evaluate(0, u, v, h);
      space.apply(0, u, v, h);
    }
    this.length = 0;
    return true;
  }

  /**
   * The same on the score directly (a chain of targeted moves the search context never saw):
   * every logged move undone, newest first; returns how many (each one evaluation).
   */
  undoOnScore(score: IncrementalScore): number {
    const undone = this.length;
    for (let i = undone - 1; i >= 0; i--) {
      const u = this.unit[i];
      const v = this.partner[i];
      if (v >= 0) {
        score.evalSwap(u, v);
        score.applySwap(u, v);
      } else {
        score.evalRelocate(u, this.from[i]);
        score.applyRelocate(u, this.from[i]);
      }
    }
    this.length = 0;
    return undone;
  }
}
