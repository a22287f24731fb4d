/**
 * Pair preferences (soft): a weight per pair of people, positive to keep them apart,
 * negative to put them together (e.g. past meetings, mentoring).
 *
 *   raw        W = Σ_{pairs in one group} w_ab
 *   deltas     see neighbours.ts: O(the unit's pairs)
 *   bound      Σ of the negative weights (every preferred pair together, no other)
 *   random     Σ w_ab · pairShare(sizes)
 */

import { z } from "zod";
import { symmetricCsr } from "../compile/csr.js";
import type { Model } from "../compile/model.js";
import { id, magnitude, weight } from "../problem/fields.js";
import type { SoftInstance, TermDefinition } from "./contract.js";
import { neighbourKernel, pairsTogether } from "./neighbours.js";
import { membersByGroup, pairShare } from "./shared.js";

export const pairwise = {
  name: "pairwise",
  schema: {
    scope: "problem",
    shape: {
      pairwise: z
        .strictObject({
          weight: weight.default(1),
          pairs: z
            .array(
              z.strictObject({
                a: id,
                b: id,
                weight: magnitude.describe("Positive: avoid placing a and b together; negative: prefer it"),
              }),
            )
            .default([]),
        })
        .optional(),
    },
  },
  compile(model: Model): SoftInstance[] {
    const spec = model.problem.pairwise;
    if (!spec || spec.weight <= 0) return [];
    const index = new Map(model.personIds.map((id, p) => [id, p]));
    const edges: [number, number, number][] = [];
    for (const pair of spec.pairs) {
      const a = index.get(pair.a);
      const b = index.get(pair.b);
      if (a !== undefined && b !== undefined && a !== b && pair.weight !== 0) edges.push([a, b, pair.weight]);
    }
    if (edges.length === 0) return [];
    const csr = symmetricCsr(model.n, edges);
    let total = 0;
    let bound = 0;
    for (let p = 0; p < model.n; p++) {
      for (let j = csr.start[p]; j < csr.start[p + 1]; j++) {
        if (csr.nbr[j] <= p) continue;
        total += csr.w[j];
        bound += Math.min(0, csr.w[j]);
      }
    }
    return [
      {
        level: "soft",
        term: "pairwise",
        label: "pairwise",
        weight: spec.weight,
        blocksFastPath: true,
        incremental: neighbourKernel(model, csr),
        full: (groupOf) => pairsTogether(csr, groupOf),
        lowerBound: () => bound,
        expectation: (sizes) => total * pairShare(sizes, model.n),
        explain: (groupOf, limit) => {
          const members = membersByGroup(groupOf, model.m);
          const items: { group: string; people: string[]; more: number; amount: number }[] = [];
          for (let g = 0; g < model.m; g++) {
            for (let i = members.start[g]; i < members.start[g + 1]; i++) {
              const p = members.list[i];
              for (let j = csr.start[p]; j < csr.start[p + 1]; j++) {
                const q = csr.nbr[j];
                if (q > p && groupOf[q] === g && csr.w[j] > 0)
                  items.push({
                    group: model.groupIds[g],
                    people: [model.personIds[p], model.personIds[q]],
                    more: 0,
                    amount: csr.w[j],
                  });
              }
            }
          }
          items.sort((x, y) => y.amount - x.amount);
          return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
        },
        linear: {
          pairs: (add) => {
            for (let p = 0; p < model.n; p++)
              for (let j = csr.start[p]; j < csr.start[p + 1]; j++)
                if (csr.nbr[j] > p) add(p, csr.nbr[j], csr.w[j]);
          },
        },
      },
    ];
  },
} satisfies TermDefinition;
