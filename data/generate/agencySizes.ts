/**
 * Agency sizes for synthetic rosters: how many people each agency has, drawn from one of the
 * shapes real organisations show.
 *
 * - log-normal: many small agencies and a long tail of large ones (Oslo's bydeler and etater);
 * - Pareto: heavier still, a few giant agencies holding a large share of everyone;
 * - uniform: agencies of similar size (within a factor of three).
 *
 * Every agency gets at least one person; the rest is shared in proportion to the drawn
 * weights by largest remainder, so the sizes sum to n exactly. An optional maximum (at most
 * one per agency in a group needs every agency no larger than the number of groups) clips
 * the giants and hands their surplus to the others, again in proportion to weight.
 */
import type { Random } from "./random.js";

export type SizeDistribution =
  | { kind: "lognormal"; sigma: number }
  | { kind: "pareto"; alpha: number }
  | { kind: "uniform" };

/** One unnormalised weight per agency. */
export function drawWeights(distribution: SizeDistribution, agencies: number, rng: Random): Float64Array {
  const weights = new Float64Array(agencies);
  for (let a = 0; a < agencies; a++) {
    if (distribution.kind === "lognormal") weights[a] = Math.exp(rng.nextNormal(0, distribution.sigma));
    // Inverse CDF of Pareto(x_min = 1, alpha); 1 - u is in (0, 1], so the power is finite.
    else if (distribution.kind === "pareto") weights[a] = (1 - rng.nextFloat()) ** (-1 / distribution.alpha);
    else weights[a] = 0.5 + rng.nextFloat();
  }
  return weights;
}

/**
 * n people over the agencies in proportion to `weights`, each agency between 1 and
 * `maxSize` people (water-filling: clip the agencies whose share exceeds the maximum, share
 * the rest among the others, repeat).
 */
export function allocateSizes(
  n: number,
  weights: Float64Array,
  maxSize = Number.POSITIVE_INFINITY,
): Int32Array {
  const k = weights.length;
  if (!Number.isInteger(n) || n < k)
    throw new RangeError(`need at least one person per agency: n = ${n} < ${k}`);
  if (n > maxSize * k) throw new RangeError(`${k} agencies of at most ${maxSize} cannot hold ${n} people`);
  const room = maxSize - 1;
  const extra = new Float64Array(k);
  const clipped = new Uint8Array(k);
  let rest = n - k;
  for (;;) {
    let total = 0;
    for (let a = 0; a < k; a++) if (!clipped[a]) total += weights[a];
    let newlyClipped = 0;
    for (let a = 0; a < k; a++) {
      if (clipped[a]) continue;
      extra[a] = (rest * weights[a]) / total;
      if (extra[a] > room) {
        extra[a] = room;
        clipped[a] = 1;
        newlyClipped++;
      }
    }
    if (newlyClipped === 0) break;
    rest = n - k;
    for (let a = 0; a < k; a++) if (clipped[a]) rest -= room;
  }
  // Largest remainder: floors first, then one more to the largest fractional parts that have room.
  const sizes = new Int32Array(k);
  let given = 0;
  for (let a = 0; a < k; a++) {
    const whole = Math.min(room, Math.floor(extra[a] + 1e-9));
    sizes[a] = 1 + whole;
    given += sizes[a];
  }
  // Equal remainders go to the heavier agency first: weights a rounding apart can have equal
  // shares, and by index the lighter one could end up larger.
  const order = Array.from({ length: k }, (_, a) => a).sort(
    (x, y) =>
      extra[y] - Math.floor(extra[y]) - (extra[x] - Math.floor(extra[x])) || weights[y] - weights[x] || x - y,
  );
  for (let i = 0; given < n; i = (i + 1) % k) {
    const a = order[i];
    if (sizes[a] < maxSize) {
      sizes[a]++;
      given++;
    }
  }
  return sizes;
}

/** Agency sizes summing to n, drawn from the distribution, each in [1, maxSize]. */
export function agencySizesFrom(
  distribution: SizeDistribution,
  n: number,
  agencies: number,
  rng: Random,
  maxSize = Number.POSITIVE_INFINITY,
): Int32Array {
  return allocateSizes(n, drawWeights(distribution, agencies, rng), maxSize);
}

/**
 * One slot per person holding its agency (sizes[a] slots of agency a), shuffled so rows do
 * not come sorted by agency.
 */
export function shuffledAgencySlots(sizes: Int32Array, n: number, rng: Random): Int32Array {
  const slot = new Int32Array(n);
  let p = 0;
  for (let a = 0; a < sizes.length; a++) for (let k = 0; k < sizes[a]; k++) slot[p++] = a;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = slot[i];
    slot[i] = slot[j];
    slot[j] = t;
  }
  return slot;
}
