/**
 * Exact mode (HiGHS MIP) against brute force, and as the oracle for the heuristic: on small
 * random problems with several groups, every hard rule and every linear soft term, the MIP's
 * optimum equals the best grouping found by enumeration (and it says infeasible exactly when
 * none keeps the rules), and `solve` reaches the proven optimum. Every run compares: the
 * optimum properties draw only problems that have a grouping keeping every rule.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { ExactUnsupportedError, solveExact } from "../../../engine/exact/mip.js";
import { type ProblemInput, parseProblem, solve } from "../../../engine/index.js";
import { mdgpObjective, mdgpProblem, parseMdgpInstance } from "../../../engine/io/mdgplib.js";
import type { AttributeSpecInput } from "../../../engine/problem/schema.js";
import { listViolations } from "../../../engine/report/violations.js";
import { buildObjective, fullScore } from "../../../engine/score/objective.js";
import { problemArb } from "../helpers/arbitraries.js";
import { forEachGrouping } from "../helpers/enumerate.js";

/** Numeric balance and soft "not alone" are not linear: exact mode refuses them, so these problems drop them. */
function linearOnly(input: ProblemInput): ProblemInput {
  const attributes: Record<string, AttributeSpecInput> = {};
  for (const [k, spec] of Object.entries((input.attributes ?? {}) as Record<string, AttributeSpecInput>)) {
    if (spec.kind === "numeric") attributes[k] = { kind: "numeric", weight: 0 };
    else if (spec.notAlone?.level === "soft") attributes[k] = { ...spec, notAlone: undefined };
    else attributes[k] = spec;
  }
  return { ...input, attributes };
}

/** The brute-force optimum of the soft score over groupings that keep every hard rule (null: none does). */
function bruteForce(input: ProblemInput): number | null {
  const model = compile(parseProblem(input));
  const objective = buildObjective(model);
  let best: number | null = null;
  forEachGrouping(model, (groupOf) => {
    const score = fullScore(model, objective, groupOf);
    if (score.hard > 0 || listViolations(model, groupOf).length > 0) return;
    const soft = score.soft - objective.offset;
    if (best === null || soft < best) best = soft;
  });
  return best;
}

/** Half with every hard rule, half with sizes only; always at least two groups. */
const linearArb = fc
  .oneof(
    problemArb({ maxPeople: 7, maxGroups: 3, rules: true, extras: true }),
    problemArb({ maxPeople: 7, maxGroups: 3, rules: false, extras: true }),
  )
  .map(linearOnly)
  .filter((input) => compile(parseProblem(input)).m >= 2);

/** Problems with a grouping that keeps every rule, with its optimum. */
const feasibleArb = linearArb
  .map((input) => ({ input, best: bruteForce(input) }))
  .filter((x): x is { input: ProblemInput; best: number } => x.best !== null);

describe("exact mode", () => {
  it("proves the brute-force optimum on feasible problems with several groups", async () => {
    await fc.assert(
      fc.asyncProperty(feasibleArb, async ({ input, best }) => {
        const exact = await solveExact(input, { timeLimitMs: 20_000 });
        expect(exact.status).toBe("optimal");
        expect(exact.report?.feasible).toBe(true);
        expect(exact.report?.softScore).toBeCloseTo(best, 6);
        expect(exact.softLowerBound).toBeCloseTo(best, 6);
      }),
      { numRuns: 60, seed: 501 },
    );
  });

  it("says infeasible exactly when no grouping keeps the rules", async () => {
    const seen = { feasible: 0, infeasible: 0 };
    await fc.assert(
      fc.asyncProperty(linearArb, async (input) => {
        const exact = await solveExact(input, { timeLimitMs: 20_000 });
        const best = bruteForce(input);
        seen[best === null ? "infeasible" : "feasible"]++;
        expect(exact.status).toBe(best === null ? "infeasible" : "optimal");
      }),
      { numRuns: 60, seed: 502 },
    );
    // Both answers were put to the test.
    expect(seen.feasible).toBeGreaterThan(5);
    expect(seen.infeasible).toBeGreaterThan(5);
  });

  it("the heuristic reaches the proven optimum on small problems with hard rules", async () => {
    await fc.assert(
      fc.asyncProperty(feasibleArb, async ({ input, best }) => {
        const result = await solve({ ...input, options: { ...input.options, iterationLimit: 50_000 } });
        expect(result.feasible).toBe(true);
        expect(result.softScore).toBeCloseTo(best, 6);
      }),
      { numRuns: 60, seed: 503 },
    );
  });

  it("refuses a weighted numeric attribute", async () => {
    await expect(
      solveExact({
        people: [
          { id: "a", attributes: { x: 1 } },
          { id: "b", attributes: { x: 2 } },
        ],
        groups: { count: 2 },
        attributes: { x: { kind: "numeric" } },
      }),
    ).rejects.toBeInstanceOf(ExactUnsupportedError);
  });

  const DATA = new URL("../../../data/mdgp/", import.meta.url);
  it("proves MDGPLIB RanInt_n010_ds_01's optimum (1325)", async () => {
    const instance = parseMdgpInstance(
      readFileSync(new URL("instances/RanInt_n010_ds_01.txt", DATA), "utf8"),
    );
    const exact = await solveExact(mdgpProblem(instance), { timeLimitMs: 60_000 });
    expect(exact.status).toBe("optimal");
    expect(mdgpObjective(instance, exact.groupOf as Int32Array)).toBeCloseTo(1325, 6);
    expect(exact.softLowerBound).toBeCloseTo(exact.report?.softScore as number, 9);
  });

  it("stopped early, still returns a grouping and a bound no grouping beats", async () => {
    const instance = parseMdgpInstance(
      readFileSync(new URL("instances/RanReal_n030_ss_01.txt", DATA), "utf8"),
    );
    const exact = await solveExact(mdgpProblem(instance), { timeLimitMs: 3000 });
    const heuristic = await solve(mdgpProblem(instance, { seed: 1, timeLimitMs: 1000 }));
    expect(exact.status).toBe("timeLimit");
    expect(exact.report).toBeDefined();
    const bound = exact.softLowerBound as number;
    expect(Number.isFinite(bound)).toBe(true);
    expect(bound).toBeLessThanOrEqual((exact.report?.softScore as number) + 1e-9);
    expect(bound).toBeLessThanOrEqual(heuristic.softScore + 1e-9);
  });

  // Issue 10: the bound subtracted HiGHS's gap in the LP's scaled units from the soft score,
  // so with weights far from 1 it was far above every grouping's score (weight 1e6) or far
  // below 0 (small weights). Twelve people, so HiGHS finds a grouping well within the second
  // even on a loaded machine, but does not prove it optimal in that time.
  it.each([1e-3, 1e6])(
    "time-out bound in the soft score's units at distance weight %s: 0 ≤ bound ≤ the heuristic's score",
    async (weight) => {
      const instance = parseMdgpInstance(
        readFileSync(new URL("instances/RanInt_n012_ss_01.txt", DATA), "utf8"),
      );
      const problem = (options: { iterationLimit?: number }): ProblemInput => {
        const p = mdgpProblem(instance, { seed: 1, ...options });
        return { ...p, distance: { matrix: p.distance?.matrix ?? [], weight } };
      };
      const exact = await solveExact(problem({}), { timeLimitMs: 1500 });
      const heuristic = await solve(problem({ iterationLimit: 200_000 }));
      expect(exact.report).toBeDefined();
      const bound = exact.softLowerBound as number;
      expect(bound).toBeGreaterThanOrEqual(0);
      expect(bound).toBeLessThanOrEqual((exact.report?.softScore as number) + 1e-9);
      expect(bound).toBeLessThanOrEqual(heuristic.softScore + 1e-9);
    },
  );
});
