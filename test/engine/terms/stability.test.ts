/** Stability when repairing a published grouping (people moved), through the shared term harness. */
import fc from "fast-check";
import { termHarness } from "./harness.js";

termHarness({
  name: "stability",
  seed: 1900,
  recipe: ({ personIds, groupIds }) =>
    fc
      .record({
        weight: fc.integer({ min: 1, max: 3 }),
        assignment: fc.dictionary(fc.constantFrom(...personIds), fc.constantFrom(...groupIds), {
          minKeys: 1,
        }),
      })
      .map((incumbent) => ({ incumbent })),
  select: (i) => i.level === "soft" && i.term === "stability",
});
