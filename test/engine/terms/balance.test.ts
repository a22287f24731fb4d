/** Balance of a numeric attribute (group means), through the shared term harness. */
import fc from "fast-check";
import { numberValues, termHarness } from "./harness.js";

termHarness({
  name: "balance",
  seed: 1300,
  recipe: ({ n }) =>
    fc.record({ weight: fc.integer({ min: 1, max: 3 }), values: numberValues(n) }).map((x) => ({
      attributes: { T: { kind: "numeric", weight: x.weight } },
      values: { T: x.values },
    })),
  select: (i) => i.level === "soft" && i.term === "balance" && i.attribute === "T",
});
