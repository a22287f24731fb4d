/**
 * Construction by dealing: sort the units by their categories (see `dealOrder`), and deal them round-robin into groups like cards. People who share a category are then
 * consecutive and land in different groups, so the first attributes start near their bound
 * and the local search begins from a good, size-feasible grouping.
 *
 * Pinned units go first into their groups, then (when repairing) units into their earlier
 * group while it has room; units with allowed groups take the next group
 * in the deal they may enter. Sizes follow `canonicalSizes` (as even as the bounds allow).
 * Cost: O(U log U + U·m) in the worst case of heavy restrictions, O(U log U) typically.
 */
import type { Model } from "../compile/model.js";
import { canonicalSizes } from "../score/objective.js";
import type { Rng } from "./rng.js";

export function dealConstruction(model: Model, rng: Rng): Int32Array {
  const { m, unitCount } = model;
  const unitGroup = new Int32Array(unitCount).fill(-1);
  const target = canonicalSizes(model);
  const load = new Int32Array(m);
  if (m === 0) return unitGroup;

  for (let u = 0; u < unitCount; u++) {
    const g = model.unitPin[u];
    if (g >= 0) {
      unitGroup[u] = g;
      load[g] += model.unitSize[u];
    }
  }

  // Repairing a published grouping: everyone stays where they were while there is room and
  // the rules allow it; only newcomers and the displaced are dealt.
  if (model.hasIncumbent) {
    for (let u = 0; u < unitCount; u++) {
      if (unitGroup[u] >= 0) continue;
      const g = model.incumbent[model.unitMembers[model.unitStart[u]]];
      const row = model.unitAllowedRow[u];
      if (g < 0 || (row >= 0 && model.allowedMask[row * m + g] === 0)) continue;
      if (load[g] + model.unitSize[u] > target[g]) continue;
      unitGroup[u] = g;
      load[g] += model.unitSize[u];
    }
  }

  const catCount = model.categorical.length;
  const order = dealOrder(model);
  const free = rng.shuffle(Array.from({ length: unitCount }, (_, u) => u).filter((u) => unitGroup[u] < 0));
  const firstMember = (u: number) => model.unitMembers[model.unitStart[u]];
  const freedom = Int32Array.from({ length: unitCount }, (_, u) => allowedCount(model, u));
  free.sort((x, y) => {
    // Units with fewer allowed groups first, then bigger units, so they find room; then by
    // category keys, the order of the deal.
    const byFreedom = freedom[x] - freedom[y];
    if (byFreedom !== 0) return byFreedom;
    const bySize = model.unitSize[y] - model.unitSize[x];
    if (bySize !== 0) return bySize;
    const px = firstMember(x);
    const py = firstMember(y);
    for (const a of order) {
      const d = model.personKey[px * catCount + a] - model.personKey[py * catCount + a];
      if (d !== 0) return d;
    }
    return 0;
  });
  let next = 0;
  for (const u of free) {
    const k = model.unitSize[u];
    const row = model.unitAllowedRow[u];
    let chosen = -1;
    for (let step = 0; step < m; step++) {
      const g = (next + step) % m;
      if (row >= 0 && model.allowedMask[row * m + g] === 0) continue;
      if (load[g] + k <= target[g]) {
        chosen = g;
        next = (g + 1) % m;
        break;
      }
    }
    if (chosen < 0) chosen = leastLoadedAllowed(model, u, load, target);
    unitGroup[u] = chosen;
    load[chosen] += k;
  }
  return unitGroup;
}

/**
 * Which attributes the deal sorts by, most significant first. Attributes with a cap (or, with
 * no caps, the heaviest) must be dealt contiguously; an attribute they are nested in (each
 * agency in one sector) goes before them, so sorting sector by sector, agency by agency
 * spreads both. The rest follow, coarse first.
 */
function dealOrder(model: Model): number[] {
  const attrs = model.categorical
    .map((info, a) => ({ a, info }))
    .filter((x) => x.info.weight > 0 || hasCap(model, x.a));
  const capped = attrs.filter((x) => hasCap(model, x.a));
  const anchors =
    capped.length > 0 ? capped : [...attrs].sort((x, y) => y.info.weight - x.info.weight).slice(0, 1);
  const parents = attrs.filter(
    (x) => !anchors.includes(x) && anchors.some((anchor) => isNestedIn(model, anchor.a, x.a)),
  );
  const byCoarseness = (x: { info: { categories: string[] } }, y: { info: { categories: string[] } }) =>
    x.info.categories.length - y.info.categories.length;
  const first = [...parents, ...anchors].sort(byCoarseness);
  const rest = attrs.filter((x) => !first.includes(x)).sort(byCoarseness);
  return [...first, ...rest].map((x) => x.a);
}

function hasCap(model: Model, a: number): boolean {
  const info = model.categorical[a];
  for (let k = info.keyStart; k < info.keyStart + info.categories.length; k++) {
    if (model.keyCap[k] < model.n) return true;
  }
  return false;
}

/** Every category of attribute `child` occurs with one category of `parent` only. */
function isNestedIn(model: Model, child: number, parent: number): boolean {
  const catCount = model.categorical.length;
  const parentOf = new Map<number, number>();
  for (let p = 0; p < model.n; p++) {
    const c = model.personKey[p * catCount + child];
    const q = model.personKey[p * catCount + parent];
    if (c < 0 || q < 0) continue;
    const seen = parentOf.get(c);
    if (seen === undefined) parentOf.set(c, q);
    else if (seen !== q) return false;
  }
  return true;
}

function allowedCount(model: Model, u: number): number {
  const row = model.unitAllowedRow[u];
  if (row < 0) return model.m;
  let count = 0;
  for (let g = 0; g < model.m; g++) count += model.allowedMask[row * model.m + g];
  return count;
}

/** The allowed group with the most room left (possibly overfull: the size rule reports it). */
function leastLoadedAllowed(model: Model, u: number, load: Int32Array, target: number[]): number {
  const row = model.unitAllowedRow[u];
  let best = -1;
  let bestRoom = Number.NEGATIVE_INFINITY;
  for (let g = 0; g < model.m; g++) {
    if (row >= 0 && model.allowedMask[row * model.m + g] === 0) continue;
    const room = target[g] - load[g];
    if (room > bestRoom) {
      bestRoom = room;
      best = g;
    }
  }
  // No allowed group at all (contradictory rules, reported by the diagnosis): take group 0.
  return Math.max(best, 0);
}
