/** Balance of the groups' spread of a numeric attribute (varianceWeight), through the shared term harness. */
import fc from "fast-check";
import { numberValues, termHarness } from "./harness.js";

termHarness({
  name: "variance",
  seed: 1400,
  recipe: ({ n }) =>
    fc
      .record({
        weight: fc.integer({ min: 0, max: 2 }),
        varianceWeight: fc.integer({ min: 1, max: 3 }),
        values: numberValues(n),
      })
      .map((x) => ({
        attributes: { T: { kind: "numeric", weight: x.weight, varianceWeight: x.varianceWeight } },
        values: { T: x.values },
      })),
  select: (i) => i.level === "soft" && i.term === "variance" && i.attribute === "T",
});
