/**
 * Small pieces several term files use: people by group, counts of a categorical attribute's
 * keys per group, and the share of pairs that a random grouping puts together.
 */
import type { Model } from "../compile/model.js";

/** People of each group, as CSR by a counting sort: list[start[g] .. start[g+1]). */
export function membersByGroup(groupOf: Int32Array, m: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(m + 1);
  for (let p = 0; p < groupOf.length; p++) start[groupOf[p] + 1]++;
  for (let g = 0; g < m; g++) start[g + 1] += start[g];
  const fill = start.slice(0, m);
  const list = new Int32Array(groupOf.length);
  for (let p = 0; p < groupOf.length; p++) list[fill[groupOf[p]]++] = p;
  return { start, list };
}

/** Sizes of the groups of a grouping. */
export function groupSizes(groupOf: Int32Array, m: number): Int32Array {
  const size = new Int32Array(m);
  for (let p = 0; p < groupOf.length; p++) size[groupOf[p]]++;
  return size;
}

/**
 * Calls visit(g, key, count) for every key of attribute `a` present in group g, group by
 * group with one scratch tally: memory O(n + K), not O(m·K).
 */
export function forEachGroupKey(
  model: Model,
  a: number,
  groupOf: Int32Array,
  visit: (g: number, key: number, count: number, members: Int32Array) => void,
): void {
  const catCount = model.categorical.length;
  const members = membersByGroup(groupOf, model.m);
  const tally = new Int32Array(model.keyCount);
  for (let g = 0; g < model.m; g++) {
    const list = members.list.subarray(members.start[g], members.start[g + 1]);
    for (const p of list) {
      const key = model.personKey[p * catCount + a];
      if (key >= 0) tally[key]++;
    }
    for (const p of list) {
      const key = model.personKey[p * catCount + a];
      if (key < 0 || tally[key] === 0) continue;
      visit(g, key, tally[key], list);
      tally[key] = 0;
    }
  }
}

/** Σ_g Σ_c C(n_gc, 2): pairs in one group who share attribute a's category. */
export function samePairs(model: Model, a: number, groupOf: Int32Array): number {
  let pairs = 0;
  forEachGroupKey(model, a, groupOf, (_g, _key, count) => {
    pairs += (count * (count - 1)) / 2;
  });
  return pairs;
}

/** People of each key of attribute a (the whole cohort). */
export function keyTotals(model: Model, a: number): Float64Array {
  const info = model.categorical[a];
  const catCount = model.categorical.length;
  const totals = new Float64Array(info.categories.length);
  for (let p = 0; p < model.n; p++) {
    const key = model.personKey[p * catCount + a];
    if (key >= 0) totals[key - info.keyStart]++;
  }
  return totals;
}

/**
 * Σ_g s_g(s_g−1) / (n(n−1)): the chance that a given pair of people share a group in a
 * uniformly random grouping with sizes s_g.
 */
export function pairShare(sizes: readonly number[], n: number): number {
  if (n < 2) return 0;
  let pairs = 0;
  for (const s of sizes) pairs += s * (s - 1);
  return pairs / (n * (n - 1));
}

/** [value, how many] of a size array, ascending. */
export function histogram(values: ArrayLike<number>): [number, number][] {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** The people of a group (indices into `list`) whose key for attribute a is `key`. */
export function holders(model: Model, a: number, key: number, list: Int32Array): number[] {
  const catCount = model.categorical.length;
  const out: number[] = [];
  for (const p of list) if (model.personKey[p * catCount + a] === key) out.push(p);
  return out;
}

/** The first `limit` person ids of `people`, and how many were left out. */
export function shortPeople(model: Model, people: readonly number[], limit = 8) {
  return {
    people: people.slice(0, limit).map((p) => model.personIds[p]),
    more: Math.max(0, people.length - limit),
  };
}
