/**
 * Full score of an assignment, computed from the definitions with no incremental state.
 * It is the reference the incremental deltas are tested against, and what the report and
 * `evaluate` use.
 *
 *   categorical a:  P_a = Σ_g Σ_c C(n_gc, 2)            (same-category pairs inside groups)
 *   numeric a:      B_a = Σ_g S_ga² / s_g               (between-group sum of squares of the
 *                                                        standardised attribute; its mean is 0)
 *   pairwise:       W   = Σ_{pairs together} w_ab
 *   stability:      M   = #people not in their incumbent group
 *   hard:           size out of range + over caps + under minimums + apart pairs together
 */
import type { Model } from "../compile/model.js";

export interface RawScore {
  categorical: Float64Array;
  numeric: Float64Array;
  pairwise: number;
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

  const counts = new Int32Array(m * keyCount);
  for (let p = 0; p < n; p++) {
    for (let a = 0; a < catCount; a++) {
      const key = model.personKey[p * catCount + a];
      if (key >= 0) counts[groupOf[p] * keyCount + key]++;
    }
  }
  const categorical = new Float64Array(catCount);
  let hardCap = 0;
  let hardMin = 0;
  for (let g = 0; g < m; g++) {
    for (let k = 0; k < keyCount; k++) {
      const c = counts[g * keyCount + k];
      categorical[model.keyAttr[k]] += (c * (c - 1)) / 2;
      hardCap += Math.max(0, c - model.keyCap[k]);
      hardMin += Math.max(0, model.keyMin[k] - c);
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
  return { categorical, numeric, pairwise, moved, hardSize, hardCap, hardMin, hardApart };
}
