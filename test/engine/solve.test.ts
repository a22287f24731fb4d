/**
 * The public entry, `solve`, by properties on small random problems (brute force as the
 * oracle) and by examples with optima checked by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../engine/compile/compile.js";
import { diagnose } from "../../engine/diagnose/diagnose.js";
import { InfeasibleError, type ProblemInput, parseProblem, solve } from "../../engine/index.js";
import { listViolations } from "../../engine/report/violations.js";
import { buildObjective, fullScore } from "../../engine/score/objective.js";
import { problemArb } from "./helpers/arbitraries.js";
import { forEachGrouping } from "./helpers/enumerate.js";
import { comparableViolations, independentCheck } from "./helpers/independentCheck.js";

/** The hard rules the independent checker finds broken in a grouping of the problem as written. */
const brokenRules = (input: ProblemInput, assignment: Record<string, string>) =>
  independentCheck(input as Record<string, unknown>, assignment).violations;

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
          const broken = brokenRules(input, result.assignment);
          expect(result.feasible).toBe(broken.length === 0);
          if (diagnose(problem).length === 0 && someGroupingHolds(input)) expect(broken).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 101 },
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
          expect(comparableViolations(listViolations(model, groupOf))).toEqual(
            comparableViolations(brokenRules(input, assignment)),
          );
        },
      ),
      { numRuns: 300, seed: 102 },
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
      { numRuns: 40, seed: 103 },
    );
  });

  it("an iteration limit is met exactly, targeted moves and chains included", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 12, maxGroups: 4, rules: true, extras: true }),
        fc.integer({ min: 1, max: 5000 }),
        async (input, limit) => {
          // A search may stop before its limit (every term at its bound, nothing to move), never after.
          const result = await solve({
            ...input,
            options: { ...input.options, iterationLimit: limit, stopWhenStalled: false },
          });
          expect(result.stats.iterations).toBeLessThanOrEqual(limit);
          if (result.stats.stopReason === "iterationLimit") expect(result.stats.iterations).toBe(limit);
        },
      ),
      { numRuns: 60, seed: 104 },
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
            const score = fullScore(model, objective, groupOf);
            if (score.hard > 0) return;
            best = Math.min(best, score.soft - objective.offset);
          });
          const result = await solve(problem);
          expect(result.feasible).toBe(true);
          expect(result.softScore).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 40, seed: 104 },
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

  it("abort stops a running search mid-way and returns the best grouping so far", async () => {
    // A numeric attribute everyone has: its balance is never exactly at its bound, so the
    // search cannot stop as optimal and runs until the abort.
    const people = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      attributes: { a: `a${i % 37}`, x: (i * 7919) % 101 },
    }));
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
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.stats.stopReason).toBe("aborted");
    expect(result.stats.iterations).toBeGreaterThan(0);
    expect(result.provenOptimal).toBe(false);
    expect(result.groups.flatMap((g) => g.members)).toHaveLength(300);
    expect(result.feasible).toBe(true);
  });
});
