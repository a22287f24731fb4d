/**
 * The delta of a term over pairs of people (pairwise weights, keep-apart): when unit u leaves
 * group g for h, each pair between a member p of u and a neighbour q changes by
 * w_pq·([q in h] − [q in g]). Pairs inside the unit move along, and in a swap the pairs with
 * the partner unit v stay apart: both are skipped. O(the unit's neighbours).
 */

import type { Csr } from "../compile/csr.js";
import type { Model } from "../compile/model.js";
import type { Incremental } from "./contract.js";

/** The incremental kernel of a term over the pairs of `csr` (keep-apart, pairwise weights). */
export function neighbourKernel(model: Model, csr: Csr): Incremental {
  return {
    kernel: "own",
    create: (groupOf) => ({
      relocate: (u, g, h) => neighbourDelta(model, csr, groupOf, u, g, h, -1),
      swap: (u, v, g, h) =>
        neighbourDelta(model, csr, groupOf, u, g, h, v) + neighbourDelta(model, csr, groupOf, v, h, g, u),
      reset: () => {},
    }),
  };
}

export function neighbourDelta(
  model: Model,
  csr: Csr,
  groupOf: Int32Array,
  u: number,
  g: number,
  h: number,
  v: number,
): number {
  const unitOf = model.unitOf;
  const { start, nbr, w } = csr;
  let d = 0;
  for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
    const p = model.unitMembers[i];
    for (let j = start[p]; j < start[p + 1]; j++) {
      const q = nbr[j];
      const uq = unitOf[q];
      if (uq === u || uq === v) continue;
      const gq = groupOf[q];
      if (gq === h) d += w[j];
      else if (gq === g) d -= w[j];
    }
  }
  return d;
}

/** Σ w_pq over pairs p < q in one group. */
export function pairsTogether(csr: Csr, groupOf: Int32Array): number {
  let total = 0;
  const n = groupOf.length;
  for (let p = 0; p < n; p++) {
    for (let j = csr.start[p]; j < csr.start[p + 1]; j++) {
      const q = csr.nbr[j];
      if (q > p && groupOf[q] === groupOf[p]) total += csr.w[j];
    }
  }
  return total;
}
