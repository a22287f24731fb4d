/**
 * Incremental equals from scratch for the cross-round reach term, as for the meetings term:
 * every relocate and swap delta, on random multi-round problems with history, absent people,
 * repeats, units of two and a person lacking a category, equals the difference of two full
 * recomputes (`reachFigures`); applied moves keep the running value exact. Plus the bound
 * and the solver's figures on a small case.
 */
import { describe, expect, it } from "vitest";
import { compileRounds } from "../../../engine/rounds/compile.js";
import { compileReach, ReachTerm, reachFigures, reachNorm } from "../../../engine/rounds/reach.js";
import { solveRounds } from "../../../engine/rounds/solveRounds.js";
import { parseRoundsProblem } from "../../../engine/rounds/validate.js";
import { roundsProblemArb } from "./arbitraries.js";
import { checkRoundsTerm } from "./harness.js";

describe("reach term", () => {
  it("every move delta equals a full recompute, and applied moves keep the running value exact", () => {
    checkRoundsTerm({
      arb: roundsProblemArb({ maxPeople: 10, maxRounds: 3, rules: true, reach: true }),
      create: (problem, _rounds, rm) => {
        const reach = compileReach(problem);
        if (!reach) throw new Error("reach missing");
        return {
          term: new ReachTerm(rm, reach),
          full: (groupings) => ({ cost: 0 - reachFigures(rm, reach, groupings).total, hard: 0 }),
          atStart: (groupings, _rm, joined) => {
            // The bound holds for any grouping within the sizes, the constructions included.
            const norm = reachNorm(rm, reach, 1, 2);
            expect(norm.lowerBound).toBeLessThanOrEqual(norm.expectation);
            const k = joined.filter(Boolean).length;
            const withinSizes = rm.rounds.every((round, r) => {
              const groupOf = groupings[r];
              if (!groupOf) return true;
              const size = new Int32Array(round.model.m);
              for (const g of groupOf) size[g]++;
              return size.every((s, g) => s <= round.model.maxSize[g]);
            });
            // Joined rounds are a prefix only when k rounds from 0 joined; check that case.
            if (withinSizes && joined.every((j, r) => j === r < k)) {
              expect(0 - reachFigures(rm, reach, groupings).total).toBeGreaterThanOrEqual(norm.boundAfter[k]);
            }
          },
        };
      },
      numRuns: 300,
      seed: 802,
    });
  });

  it("counts distinct other categories, history included, and bounds them", () => {
    const { problem, roundProblems } = parseRoundsProblem({
      people: [
        { id: "a", attributes: { agency: "X" } },
        { id: "b", attributes: { agency: "X" } },
        { id: "c", attributes: { agency: "Y" } },
        { id: "d", attributes: { agency: "Z" } },
      ],
      groups: { count: 2, minSize: 2, maxSize: 2 },
      rounds: [{ id: "one" }],
      history: { rounds: [{ round: "before", groups: { x: ["a", "c"] } }] },
      reach: { attributes: ["agency"] },
    });
    const rm = compileRounds(problem, roundProblems);
    const reach = compileReach(problem);
    if (!reach) throw new Error("reach missing");
    // History alone: a met Y, c met X.
    expect(reachFigures(rm, reach, [null]).total).toBe(2);
    // Round {a, d}, {b, c}: a met Y, Z; b met Y; c met X; d met X.
    expect(reachFigures(rm, reach, [Int32Array.from([0, 1, 1, 0])]).total).toBe(5);
    // Bound: a ≤ min(2, 1 + 1), b ≤ min(2, 0 + 1), c ≤ min(2, 1 + 1), d ≤ min(2, 0 + 1).
    expect(reachNorm(rm, reach, 1).lowerBound).toBe(-6);
  });

  it("the solver reports reach and reaches the bound when it can", async () => {
    const people = Array.from({ length: 8 }, (_, i) => ({
      id: `p${i}`,
      attributes: { Virksomhet: `A${i % 4}`, Sektor: `S${i % 2}` },
    }));
    const result = await solveRounds({
      people,
      groups: { count: 2, minSize: 4, maxSize: 4 },
      rounds: [{ id: "r1" }, { id: "r2" }],
      meetings: { weight: 0 },
      reach: {},
      options: { seed: 3, timeLimitMs: 5000, iterationLimit: 20000 },
    });
    expect(result.reach?.attributes).toEqual(["Virksomhet", "Sektor"]);
    // Every person can meet all 3 other agencies and the other sector.
    expect(result.reach?.meanMet).toEqual({ Virksomhet: 3, Sektor: 1 });
    expect(result.reach?.normalised).toBeCloseTo(0, 9);
  });
});
