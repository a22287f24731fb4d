/**
 * Keep similar together: an attribute whose categories should be concentrated (working
 * language, site), as CATME's negative weights and gruepr's homogeneous attributes do. It is
 * the spread term turned round: as many pairs as possible in one group who share a category.
 *
 *   raw        −Σ_g Σ_c C(n_gc, 2)       (minus same-category pairs, so lower is better)
 *   deltas     the spread term's, negated (fused kernel `categoricalPairs`, sign −1)
 *   bound      −Σ_c (the most pairs category c alone could have): Σ_g C(x_g, 2) is convex, so
 *              its maximum subject to Σ x_g = N_c, x_g ≤ max_g fills the largest groups first;
 *              the categories compete for room, so their maxima add up to a valid bound
 *   random     −Σ_c C(N_c, 2) · pairShare(sizes), as for the spread term
 * Chosen with `goal: "similar"` on a categorical attribute.
 */
import { z } from "zod";
import type { Model } from "../compile/model.js";
import type { SoftInstance, TermDefinition, TermExplanation } from "./contract.js";
import { forEachGroupKey, keyTotals, pairShare, samePairs } from "./shared.js";
import { forEachPairWithSameKey } from "./spread.js";

export const similar = {
  name: "similar",
  schema: {
    scope: "categorical",
    shape: {
      goal: z
        .enum(["mix", "similar"])
        .default("mix")
        .describe("mix: spread each category over the groups; similar: keep each category together"),
    },
  },
  compile(model: Model): SoftInstance[] {
    return model.categorical.flatMap((info, a): SoftInstance[] => {
      if (info.goal !== "similar" || info.weight <= 0) return [];
      const totals = keyTotals(model, a);
      const largestFirst = Array.from(model.maxSize).sort((x, y) => y - x);
      const best = Array.from(totals, (count) => packedPairs(count, largestFirst));
      return [
        {
          level: "soft",
          term: "similar",
          label: info.name,
          attribute: info.name,
          weight: info.weight,
          incremental: { kernel: "categoricalPairs", attribute: a, sign: -1 },
          blocksFastPath: true,
          full: (groupOf) => -samePairs(model, a, groupOf),
          lowerBound: () => -best.reduce((s, x) => s + x, 0),
          expectation: (sizes) => {
            let same = 0;
            for (const count of totals) same += (count * (count - 1)) / 2;
            return -same * pairShare(sizes, model.n);
          },
          explain: (groupOf, limit) => splitCategories(model, a, groupOf, best, limit),
          linear: { pairs: (add) => forEachPairWithSameKey(model, a, (p, q) => add(p, q, -1)) },
        },
      ];
    });
  },
} satisfies TermDefinition;

/** The most same-category pairs `count` people can form in groups of the given max sizes (descending). */
export function packedPairs(count: number, largestFirst: readonly number[]): number {
  let left = count;
  let pairs = 0;
  for (const cap of largestFirst) {
    if (left <= 0) break;
    const x = Math.min(cap, left);
    pairs += (x * (x - 1)) / 2;
    left -= x;
  }
  return pairs;
}

/** Categories spread over more groups than they need, with the pairs that costs: largest first. */
function splitCategories(
  model: Model,
  a: number,
  groupOf: Int32Array,
  best: readonly number[],
  limit: number,
): TermExplanation {
  const info = model.categorical[a];
  const pairs = new Float64Array(info.categories.length);
  const groups = new Int32Array(info.categories.length);
  forEachGroupKey(model, a, groupOf, (_g, key, count) => {
    pairs[key - info.keyStart] += (count * (count - 1)) / 2;
    groups[key - info.keyStart]++;
  });
  const items = info.categories
    .map((category, c) => ({ category, amount: best[c] - pairs[c], people: [], more: 0, groups: groups[c] }))
    .filter((x) => x.amount > 0)
    .sort((x, y) => y.amount - x.amount);
  return {
    items: items.slice(0, limit).map(({ groups: _g, ...item }) => item),
    more: Math.max(0, items.length - limit),
  };
}
