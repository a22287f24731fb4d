/**
 * The distance (diversity) term: bad matrices are named by their JSON path; a hand-checked
 * case of its value, bound and expectation. Deltas, bounds and expectations on random
 * problems are in incremental.test.ts and objective.test.ts (the arbitraries include it).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { en, ProblemInputError, parseProblem, wordIssue } from "../../../engine/index.js";
import { buildObjective } from "../../../engine/score/objective.js";

const people = ["a", "b", "c", "d"].map((id) => ({ id }));
const matrix = [
  [0, 1, 2, 3],
  [1, 0, 4, 5],
  [2, 4, 0, 6],
  [3, 5, 6, 0],
];

function issuesOf(input: unknown) {
  try {
    parseProblem(input);
  } catch (error) {
    if (error instanceof ProblemInputError) return error.issues;
    throw error;
  }
  return [];
}

describe("distance term", () => {
  it("rejects a matrix of the wrong shape, asymmetric, with a non-zero diagonal or negative", () => {
    const groups = { count: 2 };
    expect(issuesOf({ people, groups, distance: { matrix: matrix.slice(0, 3) } })).toEqual([
      { code: "distance_rows", facts: { expected: 4, found: 3 }, path: ["distance", "matrix"] },
    ]);
    expect(issuesOf({ people, groups, distance: { matrix: [...matrix.slice(0, 3), [3, 5, 6]] } })).toEqual([
      { code: "distance_columns", facts: { expected: 4, found: 3 }, path: ["distance", "matrix", 3] },
    ]);
    const bad = matrix.map((row) => [...row]);
    bad[2][1] = 7;
    bad[3][3] = 1;
    const issues = issuesOf({ people, groups, distance: { matrix: bad } });
    expect(issues).toEqual([
      { code: "distance_asymmetric", facts: { row: 2, column: 1 }, path: ["distance", "matrix", 2, 1] },
      { code: "distance_diagonal", facts: {}, path: ["distance", "matrix", 3, 3] },
    ]);
    expect(issues.map((i) => wordIssue(i, en))).toEqual([
      "distance.matrix[2][1]: not symmetric: [2][1] differs from [1][2]",
      "distance.matrix[3][3]: the diagonal must be 0 (a person's distance to themselves)",
    ]);
    const negative = matrix.map((row) => [...row]);
    negative[0][1] = -1;
    expect(issuesOf({ people, groups, distance: { matrix: negative } })[0].path).toEqual([
      "distance",
      "matrix",
      0,
      1,
    ]);
  });

  it("value, bound and expectation by hand: 4 people in 2 pairs", () => {
    const model = compile(parseProblem({ people, groups: { count: 2 }, distance: { matrix } }));
    const objective = buildObjective(model);
    const term = objective.terms.find((t) => t.term === "distance");
    // {a,d} {b,c}: 3 + 4 = 7 inside groups.
    expect(term?.instance.full(Int32Array.from([0, 1, 1, 0]))).toBe(-7);
    // Each person's largest distance: 3, 5, 6, 6 -> bound 10 (the true best is {a,b}{c,d} = 7 or {a,c}{b,d} = 7, {a,d}{b,c} = 7).
    expect(term?.lowerBound).toBe(-10);
    // Total 21, each pair together with chance 2·2/(4·3) = 1/3.
    expect(term?.expectation).toBeCloseTo(-7, 12);
  });
});
