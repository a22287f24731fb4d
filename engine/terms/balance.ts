/**
 * Balance of a numeric attribute: every group's mean as close to the cohort's as possible.
 *
 *   raw        B_c = Σ_g S_gc² / s_g, S_gc = Σ_{p in g} z_pc on the standardised column c (mean
 *              0): the between-group sum of squares, 0 when every group mean is the mean
 *   relocate   (S_g − x)²/(s_g − k) − S_g²/s_g + (S_h + x)²/(s_h + k) − S_h²/s_h for a unit of
 *              k people whose values sum to x (a swap: x and k are the net shift); fused kernel
 *              `numericBalance`
 *   bound      what the outliers force: a group holding a person of value z and s − 1 others
 *              has S ≥ z + (s − 1)·z_min, so each person whose z + (s − 1)·z_min is still
 *              above 0 (s the largest size any group may have) leaves at least that, squared
 *              over s, in its group; two of them in one group leave more than both apart.
 *              The same below the mean with z_max; a person above and one below may cancel in
 *              one group, so the bound is the larger side, not the sum. 0 for a column
 *              without outliers like that (all group means equal)
 *   random     v · Σ_g (n − s_g)/(n − 1), v = Σ_p z_p² / n: a random group of s has
 *              Var(S) = s·v·(n − s)/(n − 1) and E[S] = 0
 * Missing values count as the mean. References: anticlust's variance objective (k-means
 * criterion turned round).
 */
import type { Model } from "../compile/model.js";
import type { SoftInstance, TermDefinition, TermExplanation } from "./contract.js";
import { membersByGroup } from "./shared.js";

export const balance = {
  name: "balance",
  compile(model: Model): SoftInstance[] {
    return model.numeric.flatMap((info, c): SoftInstance[] => {
      if (info.derived !== "value") return [];
      const weight = numericWeight(model, info.attribute);
      if (weight <= 0) return [];
      return [numericBalanceInstance(model, c, "balance", weight)];
    });
  },
} satisfies TermDefinition;

function numericWeight(model: Model, attribute: string): number {
  const spec = model.problem.attributes[attribute];
  return spec?.kind === "numeric" ? spec.weight : 0;
}

/** The between-group sum of squares of column c as a soft instance (also the variance term's). */
export function numericBalanceInstance(
  model: Model,
  c: number,
  term: "balance" | "variance",
  weight: number,
): SoftInstance {
  const info = model.numeric[c];
  return {
    level: "soft",
    term,
    label: info.attribute,
    attribute: info.attribute,
    weight,
    incremental: { kernel: "numericBalance", column: c },
    blocksFastPath: true,
    full: (groupOf) => betweenGroupSquares(model, c, groupOf).total,
    lowerBound: () => outlierBound(model, c),
    expectation: (sizes) => {
      const n = model.n;
      if (n < 2) return 0;
      const numCount = model.numeric.length;
      let v = 0;
      for (let p = 0; p < n; p++) v += model.personNum[p * numCount + c] ** 2;
      v /= n;
      let share = 0;
      for (const s of sizes) if (s > 0) share += n - s;
      return (v * share) / (n - 1);
    },
    explain: (groupOf, limit) => groupDeviations(model, c, groupOf, limit),
  };
}

/** The least B_c any grouping can have, from the outliers of column c alone (see the header). */
export function outlierBound(model: Model, c: number): number {
  const n = model.n;
  const numCount = model.numeric.length;
  let s = 0;
  for (let g = 0; g < model.m; g++) s = Math.max(s, Math.min(model.maxSize[g], n));
  if (s < 1) return 0;
  let low = 0;
  let high = 0;
  for (let p = 0; p < n; p++) {
    const z = model.personNum[p * numCount + c];
    low = Math.min(low, z);
    high = Math.max(high, z);
  }
  let above = 0;
  let below = 0;
  for (let p = 0; p < n; p++) {
    const z = model.personNum[p * numCount + c];
    const up = z + (s - 1) * low;
    const down = z + (s - 1) * high;
    if (up > 0) above += (up * up) / s;
    if (down < 0) below += (down * down) / s;
  }
  return Math.max(above, below);
}

/** Per group S_g²/s_g of column c, and their sum. */
export function betweenGroupSquares(model: Model, c: number, groupOf: Int32Array) {
  const numCount = model.numeric.length;
  const sums = new Float64Array(model.m);
  const sizes = new Int32Array(model.m);
  for (let p = 0; p < model.n; p++) {
    sums[groupOf[p]] += model.personNum[p * numCount + c];
    sizes[groupOf[p]]++;
  }
  const perGroup = new Float64Array(model.m);
  let total = 0;
  for (let g = 0; g < model.m; g++) {
    if (sizes[g] === 0) continue;
    perGroup[g] = (sums[g] * sums[g]) / sizes[g];
    total += perGroup[g];
  }
  return { perGroup, sums, sizes, total };
}

/** Groups whose mean is furthest from the cohort's, with their share of the sum of squares. */
function groupDeviations(model: Model, c: number, groupOf: Int32Array, limit: number): TermExplanation {
  const { perGroup } = betweenGroupSquares(model, c, groupOf);
  const members = membersByGroup(groupOf, model.m);
  const order = Array.from({ length: model.m }, (_, g) => g)
    .filter((g) => perGroup[g] > 1e-12)
    .sort((x, y) => perGroup[y] - perGroup[x]);
  return {
    items: order.slice(0, limit).map((g) => ({
      group: model.groupIds[g],
      amount: perGroup[g],
      people: [],
      more: members.start[g + 1] - members.start[g],
    })),
    more: Math.max(0, order.length - limit),
  };
}
