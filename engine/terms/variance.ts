/**
 * Balance the spread, not only the mean: every group's variance of a numeric attribute as
 * close to the cohort's as possible (anticlust's k-plus objective, Papenberg 2024).
 *
 * Each person gets a derived value, their squared deviation from the cohort's mean,
 * y_p = z_p² (z standardised), missing values counting as the mean of y; y is standardised
 * in turn and balanced like any numeric column: a group whose mean of y is the cohort's has
 * the cohort's variance (up to the small correction of its own mean). So raw, deltas, bound
 * (0) and random expectation are the balance term's (balance.ts) on the derived column, and
 * the fused kernel evaluates it.
 *
 * Asked for with `varianceWeight` on a numeric attribute (CLI: --balance-spread COLUMN).
 */
import type { Model } from "../compile/model.js";
import { appendNumericColumn } from "../compile/numeric.js";
import { weight } from "../problem/fields.js";
import { numericBalanceInstance } from "./balance.js";
import type { SoftInstance, TermDefinition } from "./contract.js";

export const variance = {
  name: "variance",
  schema: {
    scope: "numeric",
    shape: {
      varianceWeight: weight
        .optional()
        .describe("Weight of balancing the groups' spread (variance) of the attribute too"),
    },
  },
  compile(model: Model): SoftInstance[] {
    const instances: SoftInstance[] = [];
    for (const [name, spec] of Object.entries(model.problem.attributes)) {
      if (spec.kind !== "numeric" || !(spec.varianceWeight !== undefined && spec.varianceWeight > 0))
        continue;
      const source = model.numeric.findIndex((x) => x.attribute === name && x.derived === "value");
      if (source < 0) continue;
      const column = appendNumericColumn(
        model,
        name,
        "squaredDeviation",
        squaredDeviations(model, source, name),
      );
      instances.push(numericBalanceInstance(model, column, "variance", spec.varianceWeight));
    }
    return instances;
  },
} satisfies TermDefinition;

/** y_p = z_p² for people with a value, the mean of those for the others (null: no value). */
function squaredDeviations(model: Model, c: number, name: string): (number | null)[] {
  const numCount = model.numeric.length;
  return model.problem.people.map((person, p) => {
    const v = person.attributes[name];
    return typeof v === "number" ? model.personNum[p * numCount + c] ** 2 : null;
  });
}
