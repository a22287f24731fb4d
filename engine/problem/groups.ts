/**
 * The groups of a problem as an explicit list, and the group sizes a random grouping (and the
 * construction) aim for.
 */
import type { GroupSpec, Problem } from "./schema.js";

/**
 * The groups as an explicit list. Generated groups get ids "1".."m". Sizes default to as
 * even as possible, floor(n/m)..ceil(n/m), and a size bound given alone moves the other one
 * with it, so the range is never empty (`{ count: 3, minSize: 4 }` with 3 people is 4–4,
 * which the diagnosis then calls too large for the head count).
 */
export function resolveGroups(problem: Pick<Problem, "groups" | "people">): GroupSpec[] {
  const g = problem.groups;
  if (g.list) return g.list;
  const n = problem.people.length;
  const count = groupCount(g, n);
  if (count === 0) return [];
  let minSize = g.minSize ?? Math.floor(n / count);
  let maxSize = g.maxSize ?? Math.max(1, Math.ceil(n / count));
  if (g.minSize === undefined && minSize > maxSize) minSize = maxSize;
  if (g.maxSize === undefined && maxSize < minSize) maxSize = Math.max(1, minSize);
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1), minSize, maxSize }));
}

/** How many groups `count`, `size` or the size bounds ask for (0: not said). */
export function groupCount(g: Problem["groups"], n: number): number {
  if (g.list) return g.list.length;
  if (g.count !== undefined) return g.count;
  if (g.size !== undefined) return Math.max(1, Math.round(n / g.size));
  if (g.maxSize !== undefined) return Math.max(1, Math.ceil(n / g.maxSize));
  return 0;
}

/**
 * Group sizes as even as the bounds allow: every group at its minimum, then each further
 * person to a smallest group that still has room (water-filling; ties to the lower index).
 * Without room for everyone, the rest are spread evenly over all groups (the size rule then
 * reports it). O(m log m + n) with a bucket per size.
 */
export function canonicalSizes(model: {
  n: number;
  m: number;
  minSize: ArrayLike<number>;
  maxSize: ArrayLike<number>;
}): number[] {
  const { n, m } = model;
  const sizes = Array.from({ length: m }, (_, g) => model.minSize[g]);
  let left = n - sizes.reduce((s, x) => s + x, 0);
  if (left <= 0 || m === 0) return sizes;
  // Raise groups level by level: at each level, every group below it with room gets one.
  const order = Array.from({ length: m }, (_, g) => g).sort((a, b) => sizes[a] - sizes[b] || a - b);
  let level = sizes[order[0]];
  while (left > 0) {
    let raised = false;
    for (const g of order) {
      if (left === 0) break;
      if (sizes[g] <= level && sizes[g] < model.maxSize[g]) {
        sizes[g]++;
        left--;
        raised = true;
      }
    }
    if (!raised && sizes.every((s, g) => s >= model.maxSize[g])) break;
    level++;
  }
  // Not enough room within the bounds: overfill evenly.
  for (let g = 0; left > 0; g = (g + 1) % m, left--) sizes[g]++;
  return sizes;
}
