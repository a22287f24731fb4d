/** Minimums (at least so many of a category in every group), through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "minimum",
  seed: 2100,
  recipe: ({ n }) =>
    fc
      .record({
        minOfA: fc.integer({ min: 1, max: 2 }),
        minOfB: fc.option(fc.constant(1), { nil: undefined }),
        values: categoryValues(n, ["a", "b", "c"]),
      })
      .map((x) => ({
        attributes: {
          T: {
            kind: "categorical",
            weight: 1,
            minPerGroup: { a: x.minOfA, ...(x.minOfB !== undefined ? { b: x.minOfB } : {}) },
          },
        },
        values: { T: x.values },
      })),
  select: (i) => i.level === "hard" && i.rule === "min",
});
