/**
 * Entity tabu (Glover; Timefold's EntityTabuAcceptor): a unit that moved stays tabu for a
 * few steps, tenure plus a random 0..tenure, so the search does not undo its last moves. A
 * tabu move is still taken when it gives a new best (aspiration; the strategy checks that).
 * Or, for swaps, tabu on the swapped pair only (`PairTabu`).
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

/**
 * Tabu on swapped pairs: swapping units i and j again is tabu for tenure plus a random
 * 0..tenure steps, while each may still move with anyone else (the social golfer local search
 * of Dotú and Van Hentenryck keeps the swap, not the golfers, tabu). Sparse: only pairs swapped
 * recently are kept, and expired ones are dropped when the map grows.
 */
export class PairTabu {
  private readonly until = new Map<number, number>();

  constructor(
    private readonly units: number,
    private readonly tenure: number,
    private readonly rng: Rng,
  ) {}

  isTabu(i: number, j: number, step: number): boolean {
    const until = this.until.get(this.key(i, j));
    return until !== undefined && until > step;
  }

  swapped(i: number, j: number, step: number): void {
    if (this.until.size >= 65_536) {
      for (const [key, until] of this.until) if (until <= step) this.until.delete(key);
    }
    this.until.set(this.key(i, j), step + this.tenure + this.rng.nextInt(this.tenure + 1));
  }

  private key(i: number, j: number): number {
    return i < j ? i * this.units + j : j * this.units + i;
  }
}
