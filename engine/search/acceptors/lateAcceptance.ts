/**
 * Late acceptance hill climbing (Burke & Bykov 2017): accept a candidate no worse than the
 * current solution or than the current solution L steps ago. One parameter, no schedule, so
 * it behaves the same under a time or an iteration budget.
 */
import type { Acceptor } from "./acceptor.js";

export class LateAcceptance implements Acceptor {
  private readonly history: Float64Array;
  private step = 0;

  constructor(length: number, initial: number) {
    if (!Number.isInteger(length) || length < 1) {
      throw new RangeError(`lateAcceptanceLength must be a whole number ≥ 1, got ${length}`);
    }
    this.history = new Float64Array(length).fill(initial);
  }

  reset(current: number): void {
    this.history.fill(current);
  }

  accept(candidate: number, current: number): boolean {
    const v = this.step % this.history.length;
    this.step++;
    const accepted = candidate <= current || candidate <= this.history[v];
    this.history[v] = accepted ? candidate : current;
    return accepted;
  }
}
