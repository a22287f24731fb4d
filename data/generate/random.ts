/**
 * The engine's seeded generator (sfc32 through splitmix32, deterministic on every platform),
 * with the extra draws sample data needs. Not for cryptography.
 */
import { Rng } from "../../engine/search/rng.js";

export class Random extends Rng {
  /** An integer in [0, n), checked (the engine's `nextInt` is unchecked for speed). */
  override nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0)
      throw new RangeError(`nextInt: n must be a positive integer, got ${n}`);
    return super.nextInt(n);
  }

  /** A normally distributed float (Box–Muller). */
  nextNormal(mean = 0, sd = 1): number {
    const u = 1 - this.nextFloat(); // (0, 1]: log is finite
    const v = this.nextFloat();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** One element, uniformly. */
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new RangeError("pick: empty array");
    return arr[this.nextInt(arr.length)];
  }

  /** An index drawn with probability proportional to its (non-negative) weight. */
  pickWeighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new RangeError("pickWeighted: weights must have a positive sum");
    let x = this.nextFloat() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it is. */
  shuffled<T>(arr: readonly T[]): T[] {
    return this.shuffle(arr.slice());
  }
}

/** Shorthand for `new Random(seed)`. */
export function createRandom(seed: number): Random {
  return new Random(seed);
}
