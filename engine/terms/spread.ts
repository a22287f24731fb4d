/**
 * Spread (mix) of a categorical attribute: as few pairs as possible in one group who share
 * a category (the same agency, the same sector).
 *
 *   raw        P_a = Σ_g Σ_c C(n_gc, 2)
 *   relocate   a unit carrying t people of key k from g to h: t·(n_hk − n_gk + t)
 *   swap       with e = t_u − t_v net people of k moving g→h:    e·(n_hk − n_gk + e)
 *   bound      each category alone spread as evenly as the max sizes allow: water-filling
 *              minimises the convex Σ_g C(x_g, 2) subject to Σ x_g = N_c, x_g ≤ max_g, and
 *              the categories' minima add up to a bound on their sum (valid for every grouping
 *              within the max sizes; it certifies nothing about one that breaks them).
 *   random     Σ_g C(s_g, 2) · Σ_c N_c(N_c − 1) / (n(n − 1)): each pair shares a group with
 *              the chance pairShare(sizes), and Σ_c C(N_c, 2) pairs share a category.
 * Moves are evaluated by the fused kernel (score/incremental.ts, `categoricalPairs`).
 * References: anticlust's categorical balancing; Gallego et al. (2013) for the MDGP view.
 */
import type { Model } from "../compile/model.js";
import type { SoftInstance, TermDefinition, TermExplanation } from "./contract.js";
import {
  forEachGroupKey,
  histogram,
  holders,
  keyTotals,
  pairShare,
  samePairs,
  shortPeople,
} from "./shared.js";

export const spread = {
  name: "spread",
  compile(model: Model): SoftInstance[] {
    return model.categorical.flatMap((info, a): SoftInstance[] => {
      if (info.goal !== "mix" || info.weight <= 0) return [];
      const totals = keyTotals(model, a);
      return [
        {
          level: "soft",
          term: "spread",
          label: info.name,
          attribute: info.name,
          weight: info.weight,
          incremental: { kernel: "categoricalPairs", attribute: a, sign: 1 },
          blocksFastPath: true,
          full: (groupOf) => samePairs(model, a, groupOf),
          lowerBound: () => {
            const caps = histogram(model.maxSize);
            let bound = 0;
            for (const count of totals) bound += evenSpreadPairs(count, caps, model.m);
            return bound;
          },
          expectation: (sizes) => {
            let same = 0;
            for (const count of totals) same += (count * (count - 1)) / 2;
            return same * pairShare(sizes, model.n);
          },
          explain: (groupOf, limit) => sharedCategories(model, a, groupOf, limit),
          linear: {
            pairs: (add) => forEachPairWithSameKey(model, a, (p, q) => add(p, q, 1)),
          },
        },
      ];
    });
  },
} satisfies TermDefinition;

/** Calls add(p, q) for every pair of people who share attribute a's category. */
export function forEachPairWithSameKey(model: Model, a: number, add: (p: number, q: number) => void): void {
  const catCount = model.categorical.length;
  const byKey = new Map<number, number[]>();
  for (let p = 0; p < model.n; p++) {
    const key = model.personKey[p * catCount + a];
    if (key < 0) continue;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i], list[j]);
  }
}

/** Groups in which members share a category, with the pairs that adds: the largest first. */
export function sharedCategories(
  model: Model,
  a: number,
  groupOf: Int32Array,
  limit: number,
): TermExplanation {
  const info = model.categorical[a];
  const found: { g: number; key: number; count: number; list: Int32Array }[] = [];
  forEachGroupKey(model, a, groupOf, (g, key, count, list) => {
    if (count >= 2) found.push({ g, key, count, list });
  });
  found.sort((x, y) => y.count - x.count || x.g - y.g);
  return {
    items: found.slice(0, limit).map(({ g, key, count, list }) => ({
      group: model.groupIds[g],
      category: info.categories[key - info.keyStart],
      amount: (count * (count - 1)) / 2,
      ...shortPeople(model, holders(model, a, key, list)),
    })),
    more: Math.max(0, found.length - limit),
  };
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
