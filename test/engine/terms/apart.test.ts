/** Keep apart (no two of a set in one group), through the shared term harness. */
import fc from "fast-check";
import { termHarness } from "./harness.js";

termHarness({
  name: "apart",
  seed: 2200,
  recipe: ({ personIds }) =>
    fc
      .array(fc.uniqueArray(fc.constantFrom(...personIds), { minLength: 2, maxLength: 3 }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((apart) => ({ apart })),
  select: (i) => i.level === "hard" && i.rule === "apart",
});
