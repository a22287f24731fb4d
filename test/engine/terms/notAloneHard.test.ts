/** No one alone as a hard rule (none of the category in a group, or at least k), through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "notAlone (hard)",
  seed: 1500,
  recipe: ({ n }) =>
    fc
      .record({
        weight: fc.integer({ min: 0, max: 2 }),
        k: fc.integer({ min: 2, max: 3 }),
        values: categoryValues(n, ["a", "b", "c"]),
      })
      .map((x) => ({
        attributes: {
          T: { kind: "categorical", weight: x.weight, notAlone: { categories: { a: x.k }, level: "hard" } },
        },
        values: { T: x.values },
      })),
  select: (i) => i.level === "hard" && i.rule === "notAlone" && i.attribute === "T",
});
