/**
 * Full score of an assignment, computed from the definitions with no incremental state.
 * It is the reference the incremental deltas are tested against, and what the report and
 * `evaluate` use.
 *
 *   categorical a:  P_a = Σ_g Σ_c C(n_gc, 2)            (same-category pairs inside groups)
 *   numeric a:      B_a = Σ_g S_ga² / s_g               (between-group sum of squares of the
 *                                                        standardised attribute; its mean is 0)
 *   pairwise:       W   = Σ_{pairs together} w_ab
 *   distance:       D   = −Σ_g Σ_{p<q in g} d_pq     (minus the within-group distance sum, so
 *                                                        that, like every term, lower is better)
 *   stability:      M   = #people not in their incumbent group
 *   hard:           size out of range + over caps + under minimums + apart pairs together
 */
import type { Model } from "../compile/model.js";

export interface RawScore {
  categorical: Float64Array;
  numeric: Float64Array;
  pairwise: number;
  distance: number;
  moved: number;
  hardSize: number;
  hardCap: number;
  hardMin: number;
  hardApart: number;
}

export function hardTotal(raw: RawScore): number {
  return raw.hardSize + raw.hardCap + raw.hardMin + raw.hardApart;
}

/** `groupOf[p]` is the group index of person p. */
export function fullRawScore(model: Model, groupOf: Int32Array): RawScore {
  const { n, m, keyCount } = model;
  const catCount = model.categorical.length;
  const numCount = model.numeric.length;
  const size = new Int32Array(m);
  for (let p = 0; p < n; p++) size[groupOf[p]]++;

  let hardSize = 0;
  for (let g = 0; g < m; g++) {
    hardSize += Math.max(0, size[g] - model.maxSize[g]) + Math.max(0, model.minSize[g] - size[g]);
  }

  // Group by group with one scratch tally, so memory stays O(n + K), not O(m·K).
  const members = membersByGroup(groupOf, m);
  const tally = new Int32Array(keyCount);
  const minKeys: number[] = [];
  for (let k = 0; k < keyCount; k++) if (model.keyMin[k] > 0) minKeys.push(k);
  const categorical = new Float64Array(catCount);
  let hardCap = 0;
  let hardMin = 0;
  for (let g = 0; g < m; g++) {
    for (let i = members.start[g]; i < members.start[g + 1]; i++) {
      const p = members.list[i];
      for (let a = 0; a < catCount; a++) {
        const key = model.personKey[p * catCount + a];
        if (key < 0) continue;
        // Adding one more of a category makes as many new same-category pairs as it had.
        categorical[a] += tally[key];
        tally[key]++;
        if (tally[key] > model.keyCap[key]) hardCap++;
      }
    }
    for (const k of minKeys) hardMin += Math.max(0, model.keyMin[k] - tally[k]);
    for (let i = members.start[g]; i < members.start[g + 1]; i++) {
      const p = members.list[i];
      for (let a = 0; a < catCount; a++) {
        const key = model.personKey[p * catCount + a];
        if (key >= 0) tally[key] = 0;
      }
    }
  }

  const sums = new Float64Array(m * numCount);
  for (let p = 0; p < n; p++) {
    for (let a = 0; a < numCount; a++) sums[groupOf[p] * numCount + a] += model.personNum[p * numCount + a];
  }
  const numeric = new Float64Array(numCount);
  for (let g = 0; g < m; g++) {
    if (size[g] === 0) continue;
    for (let a = 0; a < numCount; a++) numeric[a] += sums[g * numCount + a] ** 2 / size[g];
  }

  let pairwise = 0;
  for (let p = 0; p < n; p++) {
    for (let i = model.pairStart[p]; i < model.pairStart[p + 1]; i++) {
      const q = model.pairNbr[i];
      if (q > p && groupOf[q] === groupOf[p]) pairwise += model.pairW[i];
    }
  }
  let distance = 0;
  if (model.hasDistance) {
    const dist = model.dist;
    for (let g = 0; g < m; g++) {
      for (let i = members.start[g]; i < members.start[g + 1]; i++) {
        const row = members.list[i] * n;
        for (let j = i + 1; j < members.start[g + 1]; j++) distance -= dist[row + members.list[j]];
      }
    }
  }
  let hardApart = 0;
  for (let p = 0; p < n; p++) {
    for (let i = model.apartStart[p]; i < model.apartStart[p + 1]; i++) {
      const q = model.apartNbr[i];
      if (q > p && groupOf[q] === groupOf[p]) hardApart++;
    }
  }
  let moved = 0;
  for (let p = 0; p < n; p++) {
    if (model.incumbent[p] >= 0 && model.incumbent[p] !== groupOf[p]) moved++;
  }
  return { categorical, numeric, pairwise, distance, moved, hardSize, hardCap, hardMin, hardApart };
}

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
