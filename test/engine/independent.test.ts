/**
 * The engine against a checker that reads the problem JSON on its own (helpers/
 * independentCheck.ts imports nothing from engine/): on random problems with groups given
 * every way (mixed sizes in a list, a count derived from a size or a maximum size), caps for
 * every category and per category, minimums, "not alone", keep apart and together, pins,
 * allowed groups, pair weights, distances and an incumbent, the report's raw term values,
 * its violations and its feasibility are the checker's, for solve's grouping and for any
 * grouping scored by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ProblemInput, type Report, score, solve } from "../../engine/index.js";
import { problemArb } from "./helpers/arbitraries.js";
import { checkerGroups, comparableViolations, independentCheck } from "./helpers/independentCheck.js";

type Json = Record<string, unknown>;

/** The report agrees with the checker on the same grouping. */
function expectAgreement(problem: Json, report: Report): void {
  const check = independentCheck(problem, report.assignment);
  expect(report.groups.map((g) => g.id)).toEqual(check.groups.map((g) => g.id));
  const engine = new Map(
    report.terms.map((t) => [`${t.term}|${t.attribute ?? ""}|${t.category ?? ""}`, t.raw]),
  );
  expect([...engine.keys()].sort()).toEqual(check.terms.map((t) => t.key).sort());
  for (const t of check.terms) {
    const raw = engine.get(t.key) as number;
    expect(Math.abs(raw - t.raw), `${t.key}: engine ${raw}, checker ${t.raw}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(t.raw)),
    );
  }
  expect(comparableViolations(report.violations)).toEqual(comparableViolations(check.violations));
  expect(report.feasible).toBe(check.violations.length === 0);
}

/** Through JSON text, as a caller sends it. */
const asJson = (input: ProblemInput): Json => JSON.parse(JSON.stringify(input));

describe("an independent checker", () => {
  it("agrees with solve's report: raw terms, violations and feasibility", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 12, maxGroups: 4, rules: true, extras: true }),
        async (input) => {
          const problem = asJson(input);
          expectAgreement(problem, await solve(problem));
        },
      ),
      { numRuns: 150, seed: 1001 },
    );
  });

  it("agrees with score's report on any grouping, most of them breaking rules", () => {
    const arb = problemArb({ maxPeople: 12, maxGroups: 4, rules: true, extras: true }).chain((input) =>
      fc.tuple(fc.constant(input), fc.array(fc.nat(), { minLength: 12, maxLength: 12 })),
    );
    let broken = 0;
    fc.assert(
      fc.property(arb, ([input, picks]) => {
        const problem = asJson(input);
        const groupIds = checkerGroups(problem).map((g) => g.id);
        const assignment = Object.fromEntries(
          input.people.map((p, i) => [p.id, groupIds[picks[i] % groupIds.length]]),
        );
        const report = score({ ...problem, assignment });
        if (!report.feasible) broken++;
        expectAgreement(problem, report);
      }),
      { numRuns: 300, seed: 1002 },
    );
    expect(broken).toBeGreaterThan(100);
  });
});
