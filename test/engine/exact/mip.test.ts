/**
 * Exact mode (HiGHS MIP) against brute force, and as the oracle for the heuristic: on small
 * random problems with every hard rule and every linear soft term, the MIP's optimum equals
 * the best grouping found by enumeration (and it says infeasible exactly when none keeps the
 * rules), and `solve` reaches the proven optimum.
 */
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { ExactUnsupportedError, solveExact } from "../../../engine/exact/mip.js";
import { type ProblemInput, parseProblem, solve } from "../../../engine/index.js";
import { mdgpObjective, mdgpProblem, parseMdgpInstance } from "../../../engine/io/mdgplib.js";
import { listViolations } from "../../../engine/report/violations.js";
import { fullRawScore, hardTotal } from "../../../engine/score/full.js";
import { buildObjective } from "../../../engine/score/objective.js";
import { problemArb } from "../helpers/arbitraries.js";
import { forEachGrouping } from "../helpers/enumerate.js";

/**
 * Numeric balance is not linear: the exact mode refuses it, so these problems drop it. Half
 * have every hard rule (most of those are infeasible), half sizes only.
 */
const linearArb = fc
  .oneof(
    problemArb({ maxPeople: 7, maxGroups: 3, rules: true, extras: true }),
    problemArb({ maxPeople: 7, maxGroups: 3, rules: false, extras: true }),
  )
  .map(
    (input): ProblemInput => ({
      ...input,
      attributes: Object.fromEntries(
        Object.entries(input.attributes ?? {}).map(([k, spec]) => [
          k,
          spec.kind === "numeric" ? { ...spec, weight: 0 } : spec,
        ]),
      ),
    }),
  );

function bruteForce(input: ProblemInput): number | null {
  const model = compile(parseProblem(input));
  const objective = buildObjective(model);
  let best: number | null = null;
  forEachGrouping(model, (groupOf) => {
    const raw = fullRawScore(model, groupOf);
    if (hardTotal(raw) > 0 || listViolations(model, groupOf).length > 0) return;
    let soft =
      raw.pairwise * objective.pairCoef +
      raw.distance * objective.distCoef +
      raw.moved * objective.stabilityCoef -
      objective.offset;
    raw.categorical.forEach((v, a) => {
      soft += v * objective.categorical[a].coef;
    });
    if (best === null || soft < best) best = soft;
  });
  return best;
}

describe("exact mode", () => {
  it("proves the brute-force optimum, or infeasibility exactly when no grouping keeps the rules", async () => {
    await fc.assert(
      fc.asyncProperty(linearArb, async (input) => {
        const exact = await solveExact(input, { timeLimitMs: 20_000 });
        const best = bruteForce(input);
        if (best === null) {
          expect(exact.status).toBe("infeasible");
          return;
        }
        expect(exact.status).toBe("optimal");
        expect(exact.report?.feasible).toBe(true);
        expect(exact.report?.softScore).toBeCloseTo(best, 6);
      }),
      { numRuns: Number(process.env.TVERR_ORACLE_RUNS ?? 100) },
    );
  });

  it("the heuristic reaches the proven optimum on small problems with hard rules", async () => {
    await fc.assert(
      fc.asyncProperty(linearArb, async (input) => {
        const exact = await solveExact(input, { timeLimitMs: 20_000 });
        if (exact.status !== "optimal") return;
        const result = await solve({ ...input, options: { ...input.options, iterationLimit: 50_000 } });
        expect(result.feasible).toBe(true);
        expect(result.softScore).toBeCloseTo(exact.report?.softScore ?? Number.NaN, 6);
      }),
      { numRuns: Number(process.env.TVERR_ORACLE_RUNS ?? 100) },
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
});
