/** Caps (at most so many of a category per group, for every category or one), through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "caps",
  seed: 2000,
  recipe: ({ n }) =>
    fc
      .record({
        cap: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        capOfA: fc.integer({ min: 1, max: 2 }),
        values: categoryValues(n, ["a", "b", "c"]),
      })
      .map((x) => ({
        attributes: {
          T: {
            kind: "categorical",
            weight: 1,
            maxPerGroupByCategory: { a: x.capOfA },
            ...(x.cap !== undefined ? { maxPerGroup: x.cap } : {}),
          },
        },
        values: { T: x.values },
      })),
  select: (i) => i.level === "hard" && i.rule === "cap",
});
