/**
 * Numeric columns of the fused kernel: standardised values, missing ones at the mean (0).
 *
 * Standardising divides by the population standard deviation over all n people,
 * sqrt(Σ_valued (v − mean)² / n), so the standardised column's population variance is
 * valued/n (the balance term's expectation accounts for it). Values are scaled by their
 * largest magnitude first, so that squares of values near 1e308 do not overflow: the
 * standard deviation is computed on numbers at most 1 and scaled back.
 */
import type { Model, NumericInfo } from "./model.js";

export interface Standardised {
  values: Float64Array;
  mean: number;
  sd: number;
  valued: number;
}

export function standardise(raw: readonly (number | null)[]): Standardised {
  const n = raw.length;
  let scale = 0;
  let valued = 0;
  for (const v of raw) {
    if (v === null) continue;
    valued++;
    scale = Math.max(scale, Math.abs(v));
  }
  const values = new Float64Array(n);
  if (valued === 0 || scale === 0 || !Number.isFinite(scale)) return { values, mean: 0, sd: 1, valued };
  let sum = 0;
  for (const v of raw) if (v !== null) sum += v / scale;
  const meanScaled = sum / valued;
  let ss = 0;
  for (const v of raw) if (v !== null) ss += (v / scale - meanScaled) ** 2;
  const sdScaled = Math.sqrt(ss / n);
  // The scaled values are at most 1, so a standard deviation below 1e-12 is rounding noise
  // (the variance term's derived column holds squares equal up to an ulp): dividing by it
  // would blow the noise up into a term of its own (found by the term harness). Treat the
  // column as constant.
  if (!(sdScaled > 1e-12)) return { values, mean: meanScaled * scale, sd: 1, valued };
  for (let p = 0; p < n; p++) {
    const v = raw[p];
    values[p] = v === null ? 0 : (v / scale - meanScaled) / sdScaled;
  }
  return { values, mean: meanScaled * scale, sd: sdScaled * scale, valued };
}

/**
 * Add a column to the model's numeric table (a term's derived column), standardised; the
 * unit sums grow with it. Returns the new column's index. Compile-time only.
 */
export function appendNumericColumn(
  model: Model,
  attribute: string,
  derived: NumericInfo["derived"],
  raw: readonly (number | null)[],
): number {
  const { n, unitCount } = model;
  const old = model.numeric.length;
  const cols = old + 1;
  const s = standardise(raw);
  const personNum = new Float64Array(n * cols);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < old; c++) personNum[p * cols + c] = model.personNum[p * old + c];
    personNum[p * cols + old] = s.values[p];
  }
  const unitNum = new Float64Array(unitCount * cols);
  for (let u = 0; u < unitCount; u++) {
    for (let c = 0; c < old; c++) unitNum[u * cols + c] = model.unitNum[u * old + c];
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      unitNum[u * cols + old] += s.values[model.unitMembers[i]];
    }
  }
  model.personNum = personNum;
  model.unitNum = unitNum;
  model.numeric.push({
    name: derived === "value" ? attribute : `${attribute} (spread)`,
    attribute,
    derived,
    mean: s.mean,
    sd: s.sd,
    valued: s.valued,
  });
  return old;
}
