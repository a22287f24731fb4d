/**
 * No one alone (hard or soft): for a category of an attribute, every group has none of it or
 * at least k (gruepr's "no isolated women", GroupEng's cluster rule).
 *
 *   cost(c)    min(c, k − c) when 0 < c < k, else 0: how many people would have to join or
 *              leave for the group to be fine; raw = Σ_g cost(n_g), n_g the category's count
 *   deltas     a unit carrying t of the category: cost(n_g − t) − cost(n_g) + cost(n_h + t) −
 *              cost(n_h); a swap moves e = t_u − t_v. O(1) with a per-group tally of its own
 *   bound      with N of the category: min(N, k − N) when 0 < N < k (somebody is in a group
 *              with fewer than k; the tent-shaped cost is least with all N in one group), else 0
 *   random     Σ_g E[cost(X_g)], X_g hypergeometric (N of n in a group of s_g)
 * Hard by default (`level: "hard"`): its violations count at the hard level; soft, it is a
 * weighted term like the others. The category exists as a key even when nobody has it.
 */

import { z } from "zod";
import type { Model } from "../compile/model.js";
import { weight } from "../problem/fields.js";
import { entries, keyedRecord, own } from "../problem/records.js";
import type { Violation } from "../report/violations.js";
import type { HardInstance, IncrementalTerm, Instance, SoftInstance, TermDefinition } from "./contract.js";

/** The hard rule carries its key and k, for exact mode's constraints. */
export interface NotAloneInstance extends HardInstance {
  readonly key: number;
  readonly min: number;
}

import { recordKeys } from "./contract.js";
import { holders, membersByGroup, shortPeople } from "./shared.js";

export const notAlone = {
  name: "notAlone",
  schema: {
    scope: "categorical",
    shape: {
      notAlone: z
        .strictObject({
          categories: keyedRecord(z.number().int().min(2).max(1000)).describe(
            "category -> k: every group has none of the category or at least k",
          ),
          level: z.enum(["hard", "soft"]).default("hard"),
          weight: weight.default(1).describe("Weight when soft"),
        })
        .optional()
        .describe("No one alone: groups have none of a category or at least k"),
    },
  },
  categoriesNamed: (spec) => recordKeys((spec.notAlone as { categories?: unknown } | undefined)?.categories),
  compile(model: Model): Instance[] {
    const out: Instance[] = [];
    model.categorical.forEach((info, a) => {
      const spec = own(model.problem.attributes, info.name);
      if (spec?.kind !== "categorical" || !spec.notAlone) return;
      const rule = spec.notAlone;
      for (const [category, k] of entries(rule.categories)) {
        const c = info.categories.indexOf(category);
        if (c < 0 || k < 2) continue;
        const key = info.keyStart + c;
        out.push(instance(model, a, key, k, rule.level, rule.weight));
      }
    });
    return out;
  },
} satisfies TermDefinition;

function instance(
  model: Model,
  a: number,
  key: number,
  k: number,
  level: "hard" | "soft",
  weight: number,
): Instance {
  const info = model.categorical[a];
  const category = info.categories[key - info.keyStart];
  const cost = (c: number) => (c > 0 && c < k ? Math.min(c, k - c) : 0);
  // People of the category in each unit (most units have none).
  const unitHas = new Int32Array(model.unitCount);
  for (let u = 0; u < model.unitCount; u++) {
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      if (model.unitKey[i] === key) unitHas[u] = model.unitKeyCount[i];
    }
  }
  const catCount = model.categorical.length;
  let total = 0;
  for (let p = 0; p < model.n; p++) if (model.personKey[p * catCount + a] === key) total++;
  const counts = (groupOf: Int32Array) => {
    const tally = new Int32Array(model.m);
    for (let p = 0; p < model.n; p++) if (model.personKey[p * catCount + a] === key) tally[groupOf[p]]++;
    return tally;
  };
  const full = (groupOf: Int32Array) => {
    let raw = 0;
    for (const c of counts(groupOf)) raw += cost(c);
    return raw;
  };
  const create = (groupOf: Int32Array): IncrementalTerm => {
    let tally = counts(groupOf);
    const change = (g: number, h: number, e: number) =>
      cost(tally[g] - e) - cost(tally[g]) + cost(tally[h] + e) - cost(tally[h]);
    return {
      relocate: (u, g, h) => (unitHas[u] === 0 ? 0 : change(g, h, unitHas[u])),
      swap: (u, v, g, h) => {
        const e = unitHas[u] - unitHas[v];
        return e === 0 ? 0 : change(g, h, e);
      },
      applyRelocate: (u, g, h) => {
        tally[g] -= unitHas[u];
        tally[h] += unitHas[u];
      },
      applySwap: (u, v, g, h) => {
        const e = unitHas[u] - unitHas[v];
        tally[g] -= e;
        tally[h] += e;
      },
      reset: (next) => {
        tally = counts(next);
      },
    };
  };
  const alone = (groupOf: Int32Array) => {
    const tally = counts(groupOf);
    const members = membersByGroup(groupOf, model.m);
    const found: { g: number; count: number; people: number[] }[] = [];
    for (let g = 0; g < model.m; g++) {
      if (cost(tally[g]) === 0) continue;
      found.push({
        g,
        count: tally[g],
        people: holders(model, a, key, members.list.subarray(members.start[g], members.start[g + 1])),
      });
    }
    return found;
  };
  const base = {
    label: `${info.name}: ${category}`,
    attribute: info.name,
    category,
    incremental: { kernel: "own" as const, create },
    full,
  };
  if (level === "hard") {
    const hard: NotAloneInstance = {
      ...base,
      key,
      min: k,
      level: "hard",
      rule: "notAlone",
      violations: (groupOf): Violation[] =>
        alone(groupOf).map(({ g, count, people }) => ({
          rule: "notAlone",
          attribute: info.name,
          category,
          group: model.groupIds[g],
          count,
          min: k,
          people: people.map((p) => model.personIds[p]),
        })),
    };
    return hard;
  }
  const soft: SoftInstance = {
    ...base,
    level: "soft",
    term: "notAlone",
    weight,
    blocksFastPath: true,
    lowerBound: () => (total > 0 && total < k ? Math.min(total, k - total) : 0),
    expectation: (sizes) => {
      const logFact = logFactorials(model.n);
      const logChoose = (x: number, y: number) => logFact[x] - logFact[y] - logFact[x - y];
      let e = 0;
      for (const s of sizes) {
        for (let x = 1; x < k && x <= Math.min(s, total); x++) {
          if (s - x > model.n - total) continue;
          const logP = logChoose(total, x) + logChoose(model.n - total, s - x) - logChoose(model.n, s);
          e += cost(x) * Math.exp(logP);
        }
      }
      return e;
    },
    explain: (groupOf, limit) => {
      const found = alone(groupOf);
      return {
        items: found.slice(0, limit).map(({ g, count, people }) => ({
          group: model.groupIds[g],
          category,
          amount: cost(count),
          ...shortPeople(model, people),
        })),
        more: Math.max(0, found.length - limit),
      };
    },
  };
  return soft;
}

/** log(x!) for x = 0..n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let x = 2; x <= n; x++) out[x] = out[x - 1] + Math.log(x);
  return out;
}
