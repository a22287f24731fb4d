/** Keep similar together (goal "similar" on a categorical attribute), through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "similar",
  seed: 1200,
  recipe: ({ n }) =>
    fc
      .record({ weight: fc.integer({ min: 1, max: 3 }), values: categoryValues(n, ["a", "b", "c"]) })
      .map((x) => ({
        attributes: { T: { kind: "categorical", weight: x.weight, goal: "similar" } },
        values: { T: x.values },
      })),
  select: (i) => i.level === "soft" && i.term === "similar" && i.attribute === "T",
});
