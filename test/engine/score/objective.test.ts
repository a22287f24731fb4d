/**
 * Normalisation is checked against brute force on small random problems: every lower bound
 * is at most the true optimum of its term over groupings within the maximum sizes (mixed
 * sizes included: lists, counts derived from a size or a maximum), and every
 * closed-form expectation equals the mean over all groupings with the canonical sizes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { canonicalSizes } from "../../../engine/problem/groups.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { buildObjective } from "../../../engine/score/objective.js";
import { evenSpreadPairs } from "../../../engine/terms/spread.js";
import { problemArb } from "../helpers/arbitraries.js";
import { forEachGrouping, sizesOf } from "../helpers/enumerate.js";

describe("objective normalisation", () => {
  it("each lower bound is at most the optimum; each expectation is the mean of random groupings", () => {
    fc.assert(
      fc.property(problemArb({ maxPeople: 8, maxGroups: 3, rules: false, extras: true }), (input) => {
        const model = compile(parseProblem(input));
        const objective = buildObjective(model);
        const terms = objective.terms;
        const rawOf = (groupOf: Int32Array) => terms.map((t) => t.instance.full(groupOf));
        const best = terms.map(() => Number.POSITIVE_INFINITY);
        const sum = terms.map(() => 0);
        let canonicalCount = 0;
        const canonical = canonicalSizes(model).join(",");
        forEachGrouping(model, (groupOf) => {
          const sizes = sizesOf(groupOf, model.m);
          // The bounds hold for every grouping within the maximum sizes (the minimums may break).
          if (sizes.some((s, g) => s > model.maxSize[g])) return;
          const raw = rawOf(groupOf);
          raw.forEach((v, t) => {
            best[t] = Math.min(best[t], v);
          });
          if (sizes.join(",") === canonical) {
            canonicalCount++;
            raw.forEach((v, t) => {
              sum[t] += v;
            });
          }
        });
        expect(canonicalCount).toBeGreaterThan(0);
        terms.forEach((term, t) => {
          expect(term.lowerBound).toBeLessThanOrEqual(best[t] + 1e-9 * Math.max(1, Math.abs(best[t])));
          const mean = sum[t] / canonicalCount;
          expect(Math.abs(mean - term.expectation)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(mean)));
        });
      }),
      { numRuns: 150, seed: 201 },
    );
  });

  it("even spread: hand-checked values", () => {
    // 7 of a category over 3 groups of up to 4: 3+2+2 -> 3 + 1 + 1 = 5 pairs.
    expect(evenSpreadPairs(7, [[4, 3]], 3)).toBe(5);
    // Caps force unevenness: 6 over groups capped at 1, 1 and 6 -> 1,1,4 -> 6 pairs.
    expect(
      evenSpreadPairs(
        6,
        [
          [1, 2],
          [6, 1],
        ],
        3,
      ),
    ).toBe(6);
    expect(evenSpreadPairs(1, [[4, 3]], 3)).toBe(0);
  });
});
