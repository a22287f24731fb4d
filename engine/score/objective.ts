/**
 * Normalisation of the soft terms, so weights mean the same across terms and cohorts.
 *
 * Each term t is reported and optimised as  N_t = (raw_t - LB_t) / (E_t - LB_t):
 * 0 at its lower bound, 1 at the expected value of a uniformly random grouping with the
 * same sizes. The search minimises Σ w_t N_t, which is linear in the raw values, so a
 * raw delta times `coef_t = w_t / (E_t - LB_t)` is the objective's delta.
 *
 * Bounds (each valid for every grouping whose group sizes respect the max sizes):
 * - categorical: each category alone spread as evenly as the max sizes allow (water-filling
 *   minimises the convex Σ_g C(x_g,2) subject to Σ x_g = N_c, x_g ≤ max_g); summed over
 *   categories.
 * - numeric: 0 (all group means equal).
 * - pairwise: Σ of the negative weights (every preferred pair together, nobody else).
 * - distance (raw = −within-group distance sum): −½ Σ_p (the S−1 largest d_pq of row p),
 *   S = the largest max size; at most −Σ_{all pairs} d when that is smaller. Valid because
 *   each person has at most S−1 group mates, the distances are non-negative, and each pair
 *   inside a group is counted from both of its ends.
 * - stability: 0 (nobody moved).
 * Expectations, for sizes s_g over n people (canonical sizes: as even as the bounds allow):
 * - categorical: Σ_g C(s_g,2) · Σ_c N_c(N_c-1) / (n(n-1)).
 * - numeric: v · Σ_g (n - s_g)/(n - 1), v = population variance of the standardised values.
 * - pairwise: Σ w_ab · Σ_g s_g(s_g-1) / (n(n-1)).
 * - distance: −Σ_{p<q} d_pq · Σ_g s_g(s_g-1) / (n(n-1)) (each pair is together with that chance).
 * - stability: Σ_{p with an incumbent group i} (1 - s_i / n).
 */
import type { Model } from "../compile/model.js";

export type TermKind = "categorical" | "numeric" | "pairwise" | "distance" | "stability";

export interface TermNorm {
  kind: TermKind;
  /** Attribute name, or "pairwise" / "distance" / "stability". */
  name: string;
  weight: number;
  lowerBound: number;
  expectation: number;
  /** weight / (expectation - lowerBound): the objective per unit of raw value. */
  coef: number;
}

export interface Objective {
  categorical: TermNorm[];
  numeric: TermNorm[];
  pairwise: TermNorm | null;
  distance: TermNorm | null;
  stability: TermNorm | null;
  /** keyCoef[k] = coef of key k's attribute. */
  keyCoef: Float64Array;
  numCoef: Float64Array;
  pairCoef: number;
  distCoef: number;
  stabilityCoef: number;
  /** Σ coef · LB over all terms: subtract from Σ coef · raw to get Σ w N. */
  offset: number;
}

export function buildObjective(model: Model): Objective {
  const sizes = canonicalSizes(model);
  const n = model.n;
  const pairShare = n > 1 ? sizes.reduce((s, x) => s + x * (x - 1), 0) / (n * (n - 1)) : 0;
  const groupPairs = sizes.reduce((s, x) => s + (x * (x - 1)) / 2, 0);

  const categoryCounts = new Float64Array(model.keyCount);
  for (let i = 0; i < model.personKey.length; i++) {
    const key = model.personKey[i];
    if (key >= 0) categoryCounts[key]++;
  }
  const maxSizeHistogram = histogram(model.maxSize);
  const categorical = model.categorical.map((info): TermNorm => {
    let lowerBound = 0;
    let samePairs = 0;
    for (let c = 0; c < info.categories.length; c++) {
      const count = categoryCounts[info.keyStart + c];
      lowerBound += evenSpreadPairs(count, maxSizeHistogram, model.m);
      samePairs += count * (count - 1);
    }
    const expectation = n > 1 ? (groupPairs * samePairs) / (n * (n - 1)) : 0;
    return norm("categorical", info.name, info.weight, lowerBound, expectation);
  });

  const numCount = model.numeric.length;
  const numeric = model.numeric.map((info, a): TermNorm => {
    let v = 0;
    for (let p = 0; p < n; p++) v += model.personNum[p * numCount + a] ** 2;
    v /= n;
    const expectation = n > 1 ? (v * sizes.reduce((s, x) => s + (x > 0 ? n - x : 0), 0)) / (n - 1) : 0;
    return norm("numeric", info.name, info.weight, 0, expectation);
  });

  let pairwise: TermNorm | null = null;
  if (model.hasPairs) {
    let lowerBound = 0;
    let total = 0;
    for (let p = 0; p < n; p++) {
      for (let i = model.pairStart[p]; i < model.pairStart[p + 1]; i++) {
        if (model.pairNbr[i] <= p) continue;
        total += model.pairW[i];
        lowerBound += Math.min(0, model.pairW[i]);
      }
    }
    pairwise = norm("pairwise", "pairwise", model.pairTermWeight, lowerBound, total * pairShare);
  }

  let distance: TermNorm | null = null;
  if (model.hasDistance) {
    const within = distanceUpperBound(model);
    let total = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) total += model.dist[p * n + q];
    distance = norm("distance", "distance", model.distTermWeight, -within, -total * pairShare);
  }

  let stability: TermNorm | null = null;
  if (model.hasIncumbent) {
    let expectation = 0;
    for (let p = 0; p < n; p++) {
      const g = model.incumbent[p];
      if (g >= 0) expectation += 1 - sizes[g] / n;
    }
    stability = norm("stability", "stability", model.stabilityWeight, 0, expectation);
  }

  const keyCoef = new Float64Array(model.keyCount);
  for (let k = 0; k < model.keyCount; k++) keyCoef[k] = categorical[model.keyAttr[k]].coef;
  const all = [
    ...categorical,
    ...numeric,
    ...(pairwise ? [pairwise] : []),
    ...(distance ? [distance] : []),
    ...(stability ? [stability] : []),
  ];
  return {
    categorical,
    numeric,
    pairwise,
    distance,
    stability,
    keyCoef,
    numCoef: Float64Array.from(numeric.map((t) => t.coef)),
    pairCoef: pairwise?.coef ?? 0,
    distCoef: distance?.coef ?? 0,
    stabilityCoef: stability?.coef ?? 0,
    offset: all.reduce((s, t) => s + t.coef * t.lowerBound, 0),
  };
}

function norm(
  kind: TermKind,
  name: string,
  weight: number,
  lowerBound: number,
  expectation: number,
): TermNorm {
  const span = expectation - lowerBound;
  return { kind, name, weight, lowerBound, expectation, coef: span > 1e-12 ? weight / span : weight };
}

/** Normalised value of a raw term value: 0 at the bound, 1 at a random grouping's expectation. */
export function normalise(term: TermNorm, raw: number): number {
  const span = term.expectation - term.lowerBound;
  return span > 1e-12 ? (raw - term.lowerBound) / span : raw - term.lowerBound;
}

/** Group sizes as even as the bounds allow: min sizes first, then one more at a time. */
export function canonicalSizes(model: Pick<Model, "n" | "m" | "minSize" | "maxSize">): number[] {
  const sizes = Array.from(model.minSize);
  let left = model.n - sizes.reduce((s, x) => s + x, 0);
  while (left > 0) {
    let placed = false;
    for (let g = 0; g < model.m && left > 0; g++) {
      if (sizes[g] < model.maxSize[g]) {
        sizes[g]++;
        left--;
        placed = true;
      }
    }
    // Not enough room within the bounds: overfill evenly (the size rule reports it).
    if (!placed) for (let g = 0; g < model.m && left > 0; g++, left--) sizes[g]++;
  }
  return sizes;
}

function histogram(values: Int32Array): [number, number][] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/**
 * min Σ_g C(x_g, 2) subject to Σ x_g = count, 0 ≤ x_g ≤ cap_g (caps given as a histogram
 * [cap, groups]). The optimum fills every group to a common level L (or its cap) and puts
 * the remainder one each on groups above L. Without room for everyone, caps are ignored.
 */
export function evenSpreadPairs(count: number, caps: [number, number][], m: number): number {
  if (count <= 1 || m === 0) return 0;
  const room = caps.reduce((s, [cap, groups]) => s + cap * groups, 0);
  if (room < count) {
    const q = Math.floor(count / m);
    const r = count - q * m;
    return (r * ((q + 1) * q)) / 2 + (m - r) * ((q * (q - 1)) / 2);
  }
  const filled = (level: number) => caps.reduce((s, [cap, groups]) => s + Math.min(cap, level) * groups, 0);
  let lo = 0;
  let hi = caps[caps.length - 1][0];
  // Largest level L with filled(L) <= count.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (filled(mid) <= count) lo = mid;
    else hi = mid - 1;
  }
  const level = lo;
  const remainder = count - filled(level);
  let pairs = 0;
  for (const [cap, groups] of caps) {
    const x = Math.min(cap, level);
    pairs += groups * ((x * (x - 1)) / 2);
  }
  // Each of the remainder raises a group from `level` to `level + 1`, adding `level` pairs.
  return pairs + remainder * level;
}

/**
 * An upper bound on the within-group distance sum of any grouping within the max sizes:
 * ½ Σ_p (the S−1 largest distances of p), S the largest max size, capped by the sum of all
 * distances (see the header).
 */
export function distanceUpperBound(model: Pick<Model, "n" | "maxSize" | "dist">): number {
  const n = model.n;
  let maxSize = 0;
  for (const s of model.maxSize) maxSize = Math.max(maxSize, s);
  const mates = Math.min(n - 1, Math.max(0, maxSize - 1));
  let bound = 0;
  let total = 0;
  for (let p = 0; p < n; p++) {
    const row = model.dist.slice(p * n, (p + 1) * n).sort();
    // Sorted ascending; the diagonal 0 is among the smallest, so the top `mates` exclude it
    // unless every distance is 0 (then it does not matter).
    for (let i = n - mates; i < n; i++) bound += row[i];
    for (let i = 0; i < n; i++) total += row[i];
  }
  return Math.min(bound / 2, total / 2);
}
