/**
 * Minimums (hard): at least `minPerGroup[category]` people of a category in every group.
 *
 *   violations  Σ_g Σ_k max(0, min_k − n_gk)      (people missing)
 *   deltas      fused kernel `keyRules`: per key moved, the change of max(0, min − n) in both groups
 * A category named only by a minimum exists as a key even when nobody has it (and then fails).
 */
import type { Model } from "../compile/model.js";
import { positiveCount } from "../problem/fields.js";
import { keyedRecord, own } from "../problem/records.js";
import type { Violation } from "../report/violations.js";
import type { HardInstance, TermDefinition } from "./contract.js";
import { recordKeys } from "./contract.js";
import { membersByGroup } from "./shared.js";

export const minimum = {
  name: "minimum",
  schema: {
    scope: "categorical",
    shape: {
      minPerGroup: keyedRecord(positiveCount)
        .optional()
        .describe("Hard: at least this many of the category in every group"),
    },
  },
  categoriesNamed: (spec) => recordKeys(spec.minPerGroup),
  compile(model: Model): HardInstance[] {
    const keys: number[] = [];
    model.categorical.forEach((info) => {
      const spec = own(model.problem.attributes, info.name);
      if (spec?.kind !== "categorical") return;
      info.categories.forEach((category, c) => {
        const min = own(spec.minPerGroup, category);
        if (min === undefined || min <= 0) return;
        model.keyMin[info.keyStart + c] = min;
        keys.push(info.keyStart + c);
      });
    });
    if (keys.length === 0) return [];
    model.hasKeyRules = true;
    const catCount = model.categorical.length;
    /** Per group, the count of each key with a minimum. */
    const visitShort = (groupOf: Int32Array, visit: (g: number, key: number, count: number) => void) => {
      const members = membersByGroup(groupOf, model.m);
      const tally = new Int32Array(model.keyCount);
      for (let g = 0; g < model.m; g++) {
        for (let i = members.start[g]; i < members.start[g + 1]; i++) {
          const p = members.list[i];
          for (let a = 0; a < catCount; a++) {
            const key = model.personKey[p * catCount + a];
            if (key >= 0) tally[key]++;
          }
        }
        for (const key of keys) if (tally[key] < model.keyMin[key]) visit(g, key, tally[key]);
        for (let i = members.start[g]; i < members.start[g + 1]; i++) {
          const p = members.list[i];
          for (let a = 0; a < catCount; a++) {
            const key = model.personKey[p * catCount + a];
            if (key >= 0) tally[key] = 0;
          }
        }
      }
    };
    return [
      {
        level: "hard",
        rule: "min",
        label: "minimums",
        incremental: { kernel: "keyRules" },
        full: (groupOf) => {
          let total = 0;
          visitShort(groupOf, (_g, key, count) => {
            total += model.keyMin[key] - count;
          });
          return total;
        },
        violations: (groupOf) => {
          const out: Violation[] = [];
          visitShort(groupOf, (g, key, count) => {
            const info = model.categorical[model.keyAttr[key]];
            out.push({
              rule: "min",
              attribute: info.name,
              category: info.categories[key - info.keyStart],
              group: model.groupIds[g],
              count,
              min: model.keyMin[key],
            });
          });
          return out;
        },
      },
    ];
  },
} satisfies TermDefinition;
