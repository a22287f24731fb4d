/** Pair preferences (a weight per pair: apart if positive, together if negative), through the shared term harness. */
import fc from "fast-check";
import { termHarness } from "./harness.js";

termHarness({
  name: "pairwise",
  seed: 1700,
  recipe: ({ personIds }) => {
    const person = fc.constantFrom(...personIds);
    const pair = fc
      .record({
        a: person,
        b: person,
        weight: fc.oneof(fc.integer({ min: -3, max: -1 }), fc.integer({ min: 1, max: 5 })),
      })
      .filter((p) => p.a !== p.b);
    return fc
      .record({
        weight: fc.integer({ min: 1, max: 3 }),
        pairs: fc.array(pair, { minLength: 1, maxLength: 8 }),
      })
      .map((pairwise) => ({ pairwise }));
  },
  select: (i) => i.level === "soft" && i.term === "pairwise",
});
