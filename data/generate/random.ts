/**
 * A tiny seeded pseudo-random generator (sfc32, seeded through splitmix32) for sample data.
 * Deterministic for a seed on every platform: the state is four 32-bit integers and all
 * arithmetic is done with `| 0` / `>>> 0`, so no float rounding enters the stream.
 * Not for cryptography.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads any integer seed (including 0 and negatives) over the four words.
    let s = Math.trunc(seed) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // Warm up so that nearby seeds diverge at once.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0)
      throw new RangeError(`nextInt: n must be a positive integer, got ${n}`);
    return Math.floor(this.nextFloat() * n);
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
  shuffle<T>(arr: readonly T[]): T[] {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }
}

/** Shorthand for `new Random(seed)`. */
export function createRandom(seed: number): Random {
  return new Random(seed);
}
