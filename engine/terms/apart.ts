/**
 * Keep apart (hard): no two people of a keep-apart set in one group (an agency director and
 * the director of the sector department above them).
 *
 *   violations  pairs of a set in one group
 *   deltas      see neighbours.ts (weight 1 per pair)
 * Sets become pairs once; a pair inside a keep-together unit can never hold (the diagnosis
 * says so before searching).
 */
import { type Csr, symmetricCsr } from "../compile/csr.js";
import type { Model } from "../compile/model.js";
import type { Violation } from "../report/violations.js";
import type { HardInstance, TermDefinition } from "./contract.js";
import { neighbourKernel, pairsTogether } from "./neighbours.js";

/** The instance's pairs, for exact mode's constraints. */
export interface ApartInstance extends HardInstance {
  readonly csr: Csr;
}

export const apart = {
  name: "apart",
  compile(model: Model): ApartInstance[] {
    const csr = apartPairs(model);
    if (csr.nbr.length === 0) return [];
    return [
      {
        level: "hard",
        rule: "apart",
        label: "apart",
        csr,
        incremental: neighbourKernel(model, csr),
        full: (groupOf) => pairsTogether(csr, groupOf),
        violations: (groupOf) => {
          const out: Violation[] = [];
          for (let p = 0; p < model.n; p++) {
            for (let j = csr.start[p]; j < csr.start[p + 1]; j++) {
              const q = csr.nbr[j];
              if (q > p && groupOf[q] === groupOf[p]) {
                out.push({
                  rule: "apart",
                  group: model.groupIds[groupOf[p]],
                  people: [model.personIds[p], model.personIds[q]],
                });
              }
            }
          }
          return out;
        },
      },
    ];
  },
} satisfies TermDefinition;

function apartPairs(model: Model): Csr {
  const index = new Map(model.personIds.map((id, p) => [id, p]));
  const edges: [number, number, number][] = [];
  const seen = new Set<number>();
  const n = model.n;
  for (const set of model.problem.rules.apart) {
    const idx = set.map((pid) => index.get(pid)).filter((x): x is number => x !== undefined);
    for (let i = 0; i < idx.length; i++) {
      for (let j = i + 1; j < idx.length; j++) {
        const a = Math.min(idx[i], idx[j]);
        const b = Math.max(idx[i], idx[j]);
        if (a === b || seen.has(a * n + b)) continue;
        seen.add(a * n + b);
        edges.push([a, b, 1]);
      }
    }
  }
  return symmetricCsr(n, edges);
}
