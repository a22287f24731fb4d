/**
 * Entity tabu (Glover; Timefold's EntityTabuAcceptor): a unit that moved stays tabu for a
 * few steps, tenure plus a random 0..tenure, so the search does not undo its last moves. A
 * tabu move is still taken when it gives a new best (aspiration; the strategy checks that).
 */
import type { Rng } from "../rng.js";

export class TabuList {
  private readonly until: Float64Array;

  constructor(
    size: number,
    private readonly tenure: number,
    private readonly rng: Rng,
  ) {
    if (!Number.isInteger(tenure) || tenure < 0)
      throw new RangeError(`tabuTenure must be a whole number ≥ 0, got ${tenure}`);
    this.until = new Float64Array(size);
  }

  isTabu(i: number, step: number): boolean {
    return this.until[i] > step;
  }

  /** Unit i moved at `step`. */
  moved(i: number, step: number): void {
    this.until[i] = step + this.tenure + this.rng.nextInt(this.tenure + 1);
  }
}
