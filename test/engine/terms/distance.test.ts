/** Diversity (a dense distance matrix, distances inside groups as large as possible), through the shared term harness. */
import fc from "fast-check";
import { symmetricMatrix } from "../helpers/arbitraries.js";
import { termHarness } from "./harness.js";

termHarness({
  name: "distance",
  seed: 1800,
  recipe: ({ n }) =>
    fc
      .record({
        weight: fc.integer({ min: 1, max: 3 }),
        upper: fc.array(fc.integer({ min: 0, max: 9 }), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
      })
      .map((x) => ({ distance: { weight: x.weight, matrix: symmetricMatrix(n, x.upper) } })),
  select: (i) => i.level === "soft" && i.term === "distance",
});
