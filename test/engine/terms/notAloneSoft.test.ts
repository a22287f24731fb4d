/** No one alone as a soft term (people short of k, weighted), through the shared term harness. */
import fc from "fast-check";
import { categoryValues, termHarness } from "./harness.js";

termHarness({
  name: "notAlone (soft)",
  seed: 1600,
  recipe: ({ n }) =>
    fc
      .record({
        weight: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 2, max: 4 }),
        values: categoryValues(n, ["a", "b", "c"]),
      })
      .map((x) => ({
        attributes: {
          T: {
            kind: "categorical",
            weight: 0,
            notAlone: { categories: { a: x.k }, level: "soft", weight: x.weight },
          },
        },
        values: { T: x.values },
      })),
  select: (i) => i.level === "soft" && i.term === "notAlone" && i.attribute === "T",
});
