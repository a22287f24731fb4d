/** The assignment solver against brute force over every permutation (k ≤ 6). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssignmentSolver } from "../../../engine/exact/assignment.js";

function bruteForce(w: number[], k: number): number {
  let best = Number.NEGATIVE_INFINITY;
  const perm = Array.from({ length: k }, (_, i) => i);
  const visit = (i: number, total: number) => {
    if (i === k) {
      best = Math.max(best, total);
      return;
    }
    for (let j = i; j < k; j++) {
      [perm[i], perm[j]] = [perm[j], perm[i]];
      visit(i + 1, total + w[i * k + perm[i]]);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
  };
  visit(0, 0);
  return best;
}

describe("AssignmentSolver", () => {
  it("finds a permutation of the brute-force optimum's weight", () => {
    const solver = new AssignmentSolver(6);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(
              fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
              {
                minLength: k * k,
                maxLength: k * k,
              },
            ),
          ),
        ),
        ([k, weights]) => {
          const columnOf = new Int32Array(k);
          const total = solver.maximise(Float64Array.from(weights), k, columnOf);
          const seen = new Set(columnOf);
          expect(seen.size).toBe(k);
          let check = 0;
          for (let i = 0; i < k; i++) check += weights[i * k + columnOf[i]];
          expect(check).toBeCloseTo(total, 6);
          expect(total).toBeCloseTo(bruteForce(weights, k), 6);
        },
      ),
      { seed: 1400, numRuns: 400 },
    );
  });

  it("refuses more rows than it was built for", () => {
    expect(() => new AssignmentSolver(2).maximise(new Float64Array(9), 3, new Int32Array(3))).toThrow(
      /capacity/,
    );
  });
});
