/**
 * Brute force over every grouping of a small model (m^n of them): the oracle for bounds,
 * expectations and optima. Only for n ≤ ~10.
 */
import type { Model } from "../../../engine/compile/model.js";

/** Calls `visit` with each person → group array (reused: copy to keep). */
export function forEachGrouping(model: Pick<Model, "n" | "m">, visit: (groupOf: Int32Array) => void): void {
  const { n, m } = model;
  const groupOf = new Int32Array(n);
  const total = m ** n;
  for (let code = 0; code < total; code++) {
    let x = code;
    for (let p = 0; p < n; p++) {
      groupOf[p] = x % m;
      x = Math.floor(x / m);
    }
    visit(groupOf);
  }
}

export function sizesOf(groupOf: Int32Array, m: number): number[] {
  const sizes = new Array<number>(m).fill(0);
  for (const g of groupOf) sizes[g]++;
  return sizes;
}
