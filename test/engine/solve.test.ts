/**
 * The public entry, `solve`, by properties on small random problems (brute force as the
 * oracle) and by examples with optima checked by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../engine/compile/compile.js";
import { diagnose, InfeasibleError, type ProblemInput, parseProblem, solve } from "../../engine/index.js";
import { listViolations } from "../../engine/report/violations.js";
import { fullRawScore, hardTotal } from "../../engine/score/full.js";
import { buildObjective } from "../../engine/score/objective.js";
import { problemArb } from "./helpers/arbitraries.js";
import { brokenRules } from "./helpers/checkRules.js";
import { forEachGrouping } from "./helpers/enumerate.js";

function someGroupingHolds(input: ProblemInput): boolean {
  const model = compile(parseProblem(input));
  let found = false;
  forEachGrouping(model, (groupOf) => {
    if (!found && listViolations(model, groupOf).length === 0) found = true;
  });
  return found;
}

describe("solve", () => {
  it("returns a partition; claims feasibility exactly when every hard rule holds; finds a feasible grouping when one exists", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 8, maxGroups: 3, rules: true, extras: true }),
        async (input) => {
          const problem = parseProblem(input);
          const result = await solve(input);
          const placed = result.groups.flatMap((g) => g.members).sort();
          expect(placed).toEqual(problem.people.map((p) => p.id).sort());
          const broken = brokenRules(problem, result.assignment);
          expect(result.feasible).toBe(broken.length === 0);
          if (diagnose(problem).length === 0 && someGroupingHolds(input)) expect(broken).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the engine's violation list agrees with an independent checker on any grouping", () => {
    fc.assert(
      fc.property(
        problemArb({ maxPeople: 10, maxGroups: 4, rules: true, extras: false }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        (input, picks) => {
          const problem = parseProblem(input);
          const model = compile(problem);
          const groupOf = Int32Array.from({ length: model.n }, (_, p) => picks[p] % model.m);
          const assignment = Object.fromEntries(
            model.personIds.map((id, p) => [id, model.groupIds[groupOf[p]]]),
          );
          expect(listViolations(model, groupOf).length === 0).toBe(
            brokenRules(problem, assignment).length === 0,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("same seed and input under an iteration limit give the same grouping", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 12, maxGroups: 4, rules: true, extras: true }),
        async (input) => {
          const a = await solve(input);
          const b = await solve(input);
          expect(a.assignment).toEqual(b.assignment);
          expect(a.stats.iterations).toBe(b.stats.iterations);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reaches the brute-force optimum of the weighted objective on tiny cases", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 8, maxGroups: 3, rules: false, extras: false }),
        async (input) => {
          const problem = parseProblem({ ...input, options: { ...input.options, iterationLimit: 200_000 } });
          const model = compile(problem);
          const objective = buildObjective(model);
          let best = Number.POSITIVE_INFINITY;
          forEachGrouping(model, (groupOf) => {
            const raw = fullRawScore(model, groupOf);
            if (hardTotal(raw) > 0) return;
            let soft = -objective.offset;
            raw.categorical.forEach((v, a) => {
              soft += v * objective.categorical[a].coef;
            });
            raw.numeric.forEach((v, a) => {
              soft += v * objective.numCoef[a];
            });
            best = Math.min(best, soft);
          });
          const result = await solve(problem);
          expect(result.feasible).toBe(true);
          expect(result.softScore).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("spreads a hand-checked case to its bound: 3 agencies of 3 over 3 groups", async () => {
    const people = ["A", "B", "C"].flatMap((agency) =>
      [1, 2, 3].map((i) => ({ id: `${agency}${i}`, attributes: { agency } })),
    );
    const result = await solve({
      people,
      groups: { count: 3 },
      attributes: { agency: { kind: "categorical", maxPerGroup: 1 } },
      options: { seed: 7, iterationLimit: 10_000 },
    });
    expect(result.feasible).toBe(true);
    expect(result.provenOptimal).toBe(true);
    expect(result.terms[0]).toMatchObject({ raw: 0, lowerBound: 0, qualityPercent: 100 });
    for (const g of result.groups) expect(new Set(g.members.map((id) => id[0])).size).toBe(3);
  });

  it("fails with the diagnosis when asked to, and lists violations otherwise", async () => {
    const people = Array.from({ length: 9 }, (_, i) => ({
      id: `p${i}`,
      attributes: { agency: "Bydel Alna" },
    }));
    const base = {
      people,
      groups: { count: 3 },
      attributes: { agency: { kind: "categorical" as const, maxPerGroup: 2 } },
    };
    await expect(solve({ ...base, options: { onInfeasible: "fail" } })).rejects.toBeInstanceOf(
      InfeasibleError,
    );
    const result = await solve({ ...base, options: { iterationLimit: 5000 } });
    expect(result.feasible).toBe(false);
    expect(result.diagnoses.length).toBeGreaterThan(0);
    expect(result.violations.filter((v) => v.rule === "cap")).toHaveLength(3);
  });

  it("stops on abort and returns the best grouping so far", async () => {
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, attributes: { a: `a${i % 37}` } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const result = await solve(
      {
        people,
        groups: { size: 6 },
        attributes: { a: { kind: "categorical" }, x: { kind: "numeric" } },
        options: { timeLimitMs: 20_000 },
      },
      { signal: controller.signal },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(["aborted", "optimal"]).toContain(result.stats.stopReason);
    expect(result.groups.flatMap((g) => g.members)).toHaveLength(300);
  });
});
