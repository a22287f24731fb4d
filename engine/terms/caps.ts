/**
 * Caps (hard): at most `maxPerGroup` people of any one category of an attribute in a group
 * ("at most one per agency"), or a cap of its own for a category (`maxPerGroupByCategory`).
 *
 *   violations  Σ_g Σ_k max(0, n_gk − cap_k)      (people over the cap)
 *   deltas      fused kernel `keyRules`: per key moved, the change of max(0, n − cap) in both groups
 * A category named only by a cap exists as a key even when nobody has it.
 */
import type { Model } from "../compile/model.js";
import { NO_CAP } from "../compile/model.js";
import { positiveCount } from "../problem/fields.js";
import { keyedRecord, own } from "../problem/records.js";
import type { Violation } from "../report/violations.js";
import type { HardInstance, TermDefinition } from "./contract.js";
import { recordKeys } from "./contract.js";
import { forEachGroupKey, holders } from "./shared.js";

export const caps = {
  name: "caps",
  schema: {
    scope: "categorical",
    shape: {
      maxPerGroup: positiveCount.optional().describe("Hard: at most this many of any one category per group"),
      maxPerGroupByCategory: keyedRecord(positiveCount)
        .optional()
        .describe("Hard: per-category caps, overriding maxPerGroup"),
    },
  },
  categoriesNamed: (spec) => recordKeys(spec.maxPerGroupByCategory),
  compile(model: Model): HardInstance[] {
    const capped: number[] = [];
    model.categorical.forEach((info, a) => {
      const spec = own(model.problem.attributes, info.name);
      if (spec?.kind !== "categorical") return;
      let any = false;
      info.categories.forEach((category, c) => {
        const cap = own(spec.maxPerGroupByCategory, category) ?? spec.maxPerGroup;
        if (cap === undefined) return;
        model.keyCap[info.keyStart + c] = cap;
        any = true;
      });
      if (any) capped.push(a);
    });
    if (capped.length === 0) return [];
    model.hasKeyRules = true;
    const visitOver = (
      groupOf: Int32Array,
      visit: (a: number, g: number, key: number, count: number, list: Int32Array) => void,
    ) => {
      for (const a of capped) {
        forEachGroupKey(model, a, groupOf, (g, key, count, list) => {
          if (count > model.keyCap[key]) visit(a, g, key, count, list);
        });
      }
    };
    return [
      {
        level: "hard",
        rule: "cap",
        label: "caps",
        incremental: { kernel: "keyRules" },
        full: (groupOf) => {
          let total = 0;
          visitOver(groupOf, (_a, _g, key, count) => {
            total += count - model.keyCap[key];
          });
          return total;
        },
        violations: (groupOf) => {
          const out: Violation[] = [];
          visitOver(groupOf, (a, g, key, count, list) => {
            const info = model.categorical[a];
            out.push({
              rule: "cap",
              attribute: info.name,
              category: info.categories[key - info.keyStart],
              group: model.groupIds[g],
              count,
              cap: model.keyCap[key],
              people: holders(model, a, key, list).map((p) => model.personIds[p]),
            });
          });
          return out;
        },
      },
    ];
  },
} satisfies TermDefinition;

export { NO_CAP };
