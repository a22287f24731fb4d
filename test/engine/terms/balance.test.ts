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

// Skewed columns: most people at the bottom, a few far above, so the outlier bound (a group
// with a far-off person cannot reach the mean) is above 0 and checked against brute force.
termHarness({
  name: "balance with outliers",
  seed: 1301,
  recipe: ({ n }) =>
    fc
      .record({
        weight: fc.integer({ min: 1, max: 3 }),
        values: fc.array(
          fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 10, max: 60 })),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        flip: fc.boolean(),
      })
      .map((x) => ({
        attributes: { T: { kind: "numeric", weight: x.weight } },
        values: { T: x.values.map((v) => (x.flip ? -v : v)) },
      })),
  select: (i) => i.level === "soft" && i.term === "balance" && i.attribute === "T",
});
