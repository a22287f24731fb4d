/**
 * Incremental equals from scratch for the cross-round meetings term: every relocate and swap
 * delta, on random multi-round problems with history, absent people, repeats and units of
 * two, equals the difference of two full recomputes (`meetingFigures`); applied moves keep
 * the running cost and hard count exact; rounds that have not joined are ignored.
 */
import { describe, expect, it } from "vitest";
import { compileRounds } from "../../../engine/rounds/compile.js";
import { fewestPairs, MeetingsTerm, meetingFigures, repeatCost } from "../../../engine/rounds/meetings.js";
import { parseRoundsProblem } from "../../../engine/rounds/validate.js";
import { roundsProblemArb } from "./arbitraries.js";
import { checkRoundsTerm } from "./harness.js";

describe("meetings term", () => {
  it("every move delta equals a full recompute, and applied moves keep the running values exact", () => {
    checkRoundsTerm({
      arb: roundsProblemArb({ maxPeople: 10, maxRounds: 3, rules: true }),
      create: (_problem, _rounds, rm) => {
        // The running hard count excludes repeats inside the history alone.
        const base = meetingFigures(
          rm,
          rm.rounds.map(() => null),
        );
        return {
          term: new MeetingsTerm(rm),
          full: (groupings) => {
            const figures = meetingFigures(rm, groupings);
            return { cost: figures.cost, hard: figures.repeats - base.repeats };
          },
        };
      },
      numRuns: 300,
      seed: 801,
    });
  });

  it("edge cases: a move into an empty group, out of a group of one, and a repeat of 3", () => {
    const { problem, roundProblems } = parseRoundsProblem({
      people: ["a", "b", "c", "d"].map((id) => ({ id })),
      groups: { count: 3, minSize: 0, maxSize: 4 },
      rounds: [{ id: "fixed", repeat: 3 }],
      history: { rounds: [{ round: "last year", groups: { x: ["a", "b"] } }] },
    });
    const rm = compileRounds(problem, roundProblems);
    const term = new MeetingsTerm(rm);
    // a, b together (they met last year), c alone, group 2 empty; d with a and b.
    const unitGroup = Int32Array.from([0, 0, 1, 0]);
    term.addRound(0, unitGroup);
    // Pairs ab: 1 + 3 = 4 meetings, two groupings; ad, bd: 3 meetings, one grouping.
    expect(term.cost).toBe(repeatCost(4, "square") + 2 * repeatCost(3, "square"));
    expect(term.hard).toBe(1);
    // c (alone) moves to the empty group: nothing changes.
    term.evalRelocate(0, 2, 2);
    expect([term.dCost, term.dHard]).toEqual([0, 0]);
    term.applyRelocate(0, 2, 2);
    // a leaves b and d for c: ab back to 1 meeting, ad to 0, ac to 3.
    term.evalRelocate(0, 0, 2);
    expect(term.dCost).toBe(
      repeatCost(1, "square") - repeatCost(4, "square") - repeatCost(3, "square") + repeatCost(3, "square"),
    );
    expect(term.dHard).toBe(-1);
    term.applyRelocate(0, 0, 2);
    expect(term.cost).toBe(repeatCost(3, "square") * 2);
  });

  it("fewest pairs spreads people as evenly as the size bounds allow", () => {
    expect(fewestPairs(7, Int32Array.from([0, 5]), Int32Array.from([10, 10]))).toBe(1 + 10);
    expect(fewestPairs(9, Int32Array.from([3, 3, 3]), Int32Array.from([3, 3, 3]))).toBe(9);
    expect(fewestPairs(10, Int32Array.from([0, 0, 0]), Int32Array.from([4, 4, 4]))).toBe(6 + 3 + 3);
  });
});
