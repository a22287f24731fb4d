/**
 * Stability (soft), when repairing a published grouping: as few people as possible moved.
 *
 *   raw        M = #people in another group than their incumbent one (newcomers count 0)
 *   relocate   Σ over the unit's members p with an incumbent group i: [h ≠ i] − [g ≠ i]
 *   bound      0 (nobody moved)
 *   random     Σ_{p with incumbent i} (1 − s_i / n)
 */
import { z } from "zod";
import type { Model } from "../compile/model.js";
import { id, weight } from "../problem/fields.js";
import { keyedRecord } from "../problem/records.js";
import type { SoftInstance, TermDefinition } from "./contract.js";

export const stability = {
  name: "stability",
  schema: {
    scope: "problem",
    shape: {
      incumbent: z
        .strictObject({
          assignment: keyedRecord(id, id).describe("person id -> group id of the published grouping"),
          weight: weight.default(1).describe("Weight of the stability term (people moved)"),
        })
        .optional()
        .describe("Repair a published grouping: move as few people as possible"),
    },
  },
  compile(model: Model): SoftInstance[] {
    const weight = model.problem.incumbent?.weight ?? 0;
    if (!model.hasIncumbent || weight <= 0) return [];
    const inc = model.incumbent;
    return [
      {
        level: "soft",
        term: "stability",
        label: "stability",
        weight,
        blocksFastPath: true,
        incremental: {
          kernel: "own",
          create: () => ({
            relocate: (u, g, h) => movedDelta(model, u, g, h),
            swap: (u, v, g, h) => movedDelta(model, u, g, h) + movedDelta(model, v, h, g),
            reset: () => {},
          }),
        },
        full: (groupOf) => {
          let moved = 0;
          for (let p = 0; p < model.n; p++) if (inc[p] >= 0 && inc[p] !== groupOf[p]) moved++;
          return moved;
        },
        lowerBound: () => 0,
        expectation: (sizes) => {
          let e = 0;
          for (let p = 0; p < model.n; p++) if (inc[p] >= 0) e += 1 - sizes[inc[p]] / model.n;
          return e;
        },
        explain: (groupOf, limit) => {
          const moved: number[] = [];
          for (let p = 0; p < model.n; p++) if (inc[p] >= 0 && inc[p] !== groupOf[p]) moved.push(p);
          return {
            items: moved.slice(0, limit).map((p) => ({
              people: [model.personIds[p]],
              more: 0,
              from: model.groupIds[inc[p]],
              group: model.groupIds[groupOf[p]],
              amount: 1,
            })),
            more: Math.max(0, moved.length - limit),
          };
        },
        linear: {
          placements: (add) => {
            // raw = Σ_p (1 − [p in inc_p]): the constant is left out, staying pays −1.
            for (let p = 0; p < model.n; p++) if (inc[p] >= 0) add(p, inc[p], -1);
          },
        },
      },
    ];
  },
} satisfies TermDefinition;

function movedDelta(model: Model, u: number, g: number, h: number): number {
  let d = 0;
  for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
    const inc = model.incumbent[model.unitMembers[i]];
    if (inc >= 0) d += (h !== inc ? 1 : 0) - (g !== inc ? 1 : 0);
  }
  return d;
}
