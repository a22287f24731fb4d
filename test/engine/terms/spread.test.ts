/** Spread (mix) of a categorical attribute, through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "spread",
  seed: 1100,
  recipe: ({ n }) =>
    fc
      .record({ weight: fc.integer({ min: 1, max: 3 }), values: categoryValues(n, ["a", "b", "c"]) })
      .map((x) => ({
        attributes: { T: { kind: "categorical", weight: x.weight } },
        values: { T: x.values },
      })),
  select: (i) => i.level === "soft" && i.term === "spread" && i.attribute === "T",
});
