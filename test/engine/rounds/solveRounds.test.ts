/**
 * The public entry `solveRounds`: a hand-checked design (the affine plane of order 3), the
 * no-repeat rule checked independently whenever the result says it holds, history honoured,
 * absent people and repeats, determinism under a seed and an iteration limit, and every
 * round's own hard rules.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProblemInputError } from "../../../engine/errors.js";
import { type RoundsProblemInput, roundProblem, solveRounds } from "../../../engine/rounds/index.js";
import { RoundsProblemSchema } from "../../../engine/rounds/schema.js";
import { independentCheck } from "../helpers/independentCheck.js";
import { worded } from "../roster/helpers.js";
import { pairGroupings, roundsProblemArb } from "./arbitraries.js";

const nine = Array.from({ length: 9 }, (_, i) => ({ id: `p${i}` }));

describe("solveRounds", () => {
  it("9 people in groups of 3 over 4 rounds: every pair meets exactly once (the affine plane of order 3)", async () => {
    const result = await solveRounds({
      people: nine,
      groups: { size: 3 },
      rounds: [1, 2, 3, 4].map((i) => ({ id: `round ${i}` })),
      meetings: { forbidRepeats: true },
      options: { seed: 7, timeLimitMs: 10_000 },
    });
    expect(result.feasible).toBe(true);
    expect(result.meetings.repeats).toBe(0);
    const pairs = pairGroupings(result.composed);
    // 4 rounds × 3 groups × 3 pairs = 36 = C(9, 2): every pair once.
    expect(pairs.size).toBe(36);
    expect([...pairs.values()].every((c) => c === 1)).toBe(true);
    expect(result.meetings.newPairs).toBe(36);
    expect(result.network.after.overall.ties).toBe(36);
    expect(result.network.before.overall.ties).toBe(0);
    for (const round of result.rounds) expect(round.groups.map((g) => g.size)).toEqual([3, 3, 3]);
  });

  it("the same affine plane with the tabu on swapped pairs instead of on units", async () => {
    const result = await solveRounds(
      {
        people: nine,
        groups: { size: 3 },
        rounds: [1, 2, 3, 4].map((i) => ({ id: `round ${i}` })),
        meetings: { forbidRepeats: true },
        options: { seed: 3, timeLimitMs: 10_000, iterationLimit: 200_000 },
      },
      { search: { strategy: "tabu", rounds: { tabuOn: "pair", tabuTenure: 20 } } },
    );
    expect(result.meetings.repeats).toBe(0);
    expect(result.feasible).toBe(true);
    expect(pairGroupings(result.composed).size).toBe(36);
  });

  it("a fifth round of the same cannot avoid repeats, and says so", async () => {
    const result = await solveRounds({
      people: nine,
      groups: { size: 3 },
      rounds: [1, 2, 3, 4, 5].map((i) => ({ id: `round ${i}` })),
      meetings: { forbidRepeats: true },
      options: { seed: 1, timeLimitMs: 10_000, iterationLimit: 20_000 },
    });
    expect(result.feasible).toBe(false);
    expect(result.meetings.repeats).toBeGreaterThan(0);
    expect(result.rounds.every((r) => r.feasible)).toBe(true);
  });

  it("when the result says every rule holds, no pair meets in two groupings and every round keeps its rules", async () => {
    await fc.assert(
      fc.asyncProperty(
        roundsProblemArb({ maxPeople: 9, maxRounds: 3, forbidRepeats: true, rules: true }),
        fc.constantFrom(
          { strategy: "tabu" as const },
          { strategy: "tabu" as const, rounds: { tabuOn: "pair" as const } },
          { strategy: "lateAcceptance" as const },
        ),
        fc.constantFrom("joint" as const, "sequential" as const),
        async (input, search, mode) => {
          const result = await solveRounds(input, { mode, search });
          const problem = RoundsProblemSchema.parse(input);
          result.rounds.forEach((round, r) => {
            const { violations } = independentCheck(roundProblem(problem, r), round.assignment);
            expect(violations.length === 0).toBe(round.feasible);
          });
          const counts = pairGroupings([...problem.history.rounds, ...result.composed]);
          const history = pairGroupings(problem.history.rounds);
          // New repeats: groupings beyond the first that the history did not already have.
          let repeats = 0;
          for (const [pair, k] of counts)
            repeats += Math.max(0, k - 1) - Math.max(0, (history.get(pair) ?? 0) - 1);
          expect(result.meetings.repeats).toBe(repeats);
          if (result.feasible) {
            expect(repeats).toBe(0);
            expect(result.rounds.every((r) => r.feasible)).toBe(true);
          }
          // Absent people are in no group of their round.
          problem.rounds.forEach((spec, r) => {
            const placed = result.composed[r].groups;
            const members = Object.values(placed).flat().sort();
            const expected = (spec.people ?? problem.people.map((p) => p.id)).slice().sort();
            expect(members).toEqual(expected);
          });
        },
      ),
      { numRuns: 60, seed: 803 },
    );
  });

  it("honours the history: pairs who met before are kept apart, and count as met", async () => {
    const history = {
      rounds: [
        {
          round: "last year",
          groups: { a: ["p0", "p1", "p2"], b: ["p3", "p4", "p5"], c: ["p6", "p7", "p8"] },
        },
      ],
    };
    const result = await solveRounds({
      people: nine,
      groups: { size: 3 },
      rounds: [1, 2, 3].map((i) => ({ id: `round ${i}` })),
      history,
      meetings: { forbidRepeats: true },
      options: { seed: 3, timeLimitMs: 10_000 },
    });
    expect(result.feasible).toBe(true);
    const counts = pairGroupings([...history.rounds, ...result.composed]);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(result.meetings.pairsMet).toBe(36);
    expect(result.meetings.newPairs).toBe(27);
    expect(result.network.before.overall.ties).toBe(9);
    // With the history, a fourth round cannot avoid a repeat.
    const more = await solveRounds({
      people: nine,
      groups: { size: 3 },
      rounds: [1, 2, 3, 4].map((i) => ({ id: `round ${i}` })),
      history,
      meetings: { forbidRepeats: true },
      options: { seed: 3, timeLimitMs: 10_000, iterationLimit: 20_000 },
    });
    expect(more.feasible).toBe(false);
  });

  it("a round's repeat counts as that many meetings, one grouping", async () => {
    const result = await solveRounds({
      people: nine,
      groups: { size: 3 },
      rounds: [{ id: "reflection group", repeat: 6 }, { id: "table" }],
      meetings: { forbidRepeats: true, penalty: "linear" },
      options: { seed: 1, timeLimitMs: 10_000 },
    });
    expect(result.feasible).toBe(true);
    expect(result.meetings.maxMeetings).toBe(6);
    // Each of the fixed group's 9 pairs costs 6 − 1 = 5; the table round adds no repeat.
    expect(result.meetings.cost).toBe(45);
    expect(result.meetings.lowerBound).toBe(45);
    expect(result.meetings.normalised).toBe(0);
    expect(result.network.after.overall.meetings).toBe(9 * 6 + 9);
  });

  it("is deterministic under a seed and an iteration limit, jointly and sequentially", async () => {
    const input: RoundsProblemInput = {
      people: Array.from({ length: 24 }, (_, i) => ({ id: `p${i}`, attributes: { unit: `u${i % 5}` } })),
      groups: { size: 4 },
      attributes: { unit: { kind: "categorical", weight: 1 } },
      rounds: [1, 2, 3].map((i) => ({ id: `r${i}` })),
      options: { seed: 11, timeLimitMs: 60_000, iterationLimit: 20_000 },
    };
    for (const mode of ["joint", "sequential"] as const) {
      const a = await solveRounds(input, { mode });
      const b = await solveRounds(input, { mode });
      expect(a.composed).toEqual(b.composed);
      expect(a.stats.stopReason === "iterationLimit" || a.stats.stopReason === "optimal").toBe(true);
    }
  });

  it("reports progress and stops when aborted", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const result = await solveRounds(
      {
        // A numeric attribute is practically never exactly balanced: the search cannot stop early.
        people: Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, attributes: { age: (i * 37) % 23 } })),
        groups: { size: 4 },
        attributes: { age: { kind: "numeric", weight: 1 } },
        rounds: [1, 2, 3, 4, 5].map((i) => ({ id: `r${i}` })),
        options: { seed: 1, timeLimitMs: 30_000 },
      },
      {
        progressIntervalMs: 10,
        onProgress: (p) => {
          seen.push(p.iterations);
          if (p.elapsedMs > 50) controller.abort();
        },
        signal: controller.signal,
      },
    );
    expect(result.stats.stopReason).toBe("aborted");
    expect(seen.length).toBeGreaterThan(0);
    expect(result.composed).toHaveLength(5);
  });

  it("rejects bad rounds input, naming each path", async () => {
    const error = await solveRounds({
      people: nine.slice(0, 4),
      groups: { size: 2 },
      rules: { pins: { p0: "nowhere" } },
      rounds: [
        { id: "a", people: ["p0", "p0", "zz"] },
        { id: "a", groups: { count: 2, minSize: 3, maxSize: 2 } },
      ],
      history: { rounds: [{ round: "h", groups: { x: ["p1", "ghost"] } }] },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemInputError);
    expect(worded((error as ProblemInputError).issues)).toEqual([
      {
        code: "listed_twice",
        facts: {},
        path: ["rounds", 0, "people", 1],
        text: "rounds[0].people[1]: the same person is listed twice",
      },
      {
        code: "unknown_person",
        facts: {},
        path: ["rounds", 0, "people", 2],
        text: "rounds[0].people[2]: matches no person in the roster",
      },
      {
        code: "duplicate_id",
        facts: { kind: "round", first: 0 },
        path: ["rounds", 1, "id"],
        text: "rounds[1].id: the same round id as rounds[0]",
      },
      {
        code: "min_above_max",
        facts: { min: 3, max: 2 },
        path: ["rounds", 1, "groups", "minSize"],
        text: "rounds[1].groups.minSize: the smallest size (3) is above the largest (2)",
      },
      {
        code: "group_in_no_round",
        facts: {},
        path: ["rules", "pins", { entry: 0 }],
        text: "rules.pins[#1]: names a group that is in no round",
      },
      {
        code: "unknown_person",
        facts: {},
        path: ["history", "rounds", 0, "groups", "x", 1],
        text: "history.rounds[0].groups.x[1]: matches no person in the roster",
      },
    ]);
  });
});
