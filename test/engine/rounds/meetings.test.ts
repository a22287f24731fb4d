/**
 * Incremental equals from scratch for the cross-round meetings term: every relocate and swap
 * delta, on random multi-round problems with history, absent people, repeats and units of
 * two, equals the difference of two full recomputes (`meetingFigures`); applied moves keep
 * the running cost and hard count exact; rounds that have not joined are ignored.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRounds, type RoundsModel } from "../../../engine/rounds/compile.js";
import { fewestPairs, MeetingsTerm, meetingFigures, repeatCost } from "../../../engine/rounds/meetings.js";
import { parseRoundsProblem } from "../../../engine/rounds/validate.js";
import { roundsProblemArb } from "./arbitraries.js";

function groupOfs(rm: RoundsModel, unitGroups: Int32Array[], joined: boolean[]) {
  return rm.rounds.map((round, r) => {
    if (!joined[r]) return null;
    const g = new Int32Array(round.model.n);
    for (let p = 0; p < round.model.n; p++) g[p] = unitGroups[r][round.model.unitOf[p]];
    return g;
  });
}

const moveArb = fc.array(
  fc.record({ r: fc.nat(), swap: fc.boolean(), u: fc.nat(), v: fc.nat(), h: fc.nat(), apply: fc.boolean() }),
  { minLength: 1, maxLength: 40 },
);

describe("meetings term", () => {
  it("every move delta equals a full recompute, and applied moves keep the running values exact", () => {
    fc.assert(
      fc.property(
        roundsProblemArb({ maxPeople: 10, maxRounds: 3, rules: true }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        moveArb,
        (input, start, joinMask, moves) => {
          const { problem, roundProblems } = parseRoundsProblem(input);
          const rm = compileRounds(problem, roundProblems);
          const joined = rm.rounds.map((_, r) => r === 0 || joinMask[r]);
          const unitGroups = rm.rounds.map((round) =>
            Int32Array.from(
              { length: round.model.unitCount },
              (_, u) => start[u % start.length] % round.model.m,
            ),
          );
          const term = new MeetingsTerm(rm);
          rm.rounds.forEach((_, r) => {
            if (joined[r]) term.addRound(r, unitGroups[r]);
          });
          const base = meetingFigures(
            rm,
            rm.rounds.map(() => null),
          );
          const full = () => meetingFigures(rm, groupOfs(rm, unitGroups, joined));
          expect(term.cost).toBe(full().cost);
          // The running hard count excludes repeats inside the history alone.
          expect(term.hard).toBe(full().repeats - base.repeats);
          for (const move of moves) {
            const r = move.r % rm.rounds.length;
            if (!joined[r]) continue;
            const model = rm.rounds[r].model;
            const u = move.u % model.unitCount;
            const g = unitGroups[r][u];
            const before = full();
            const after = Int32Array.from(unitGroups[r]);
            let v = -1;
            let h = -1;
            if (move.swap) {
              v = move.v % model.unitCount;
              if (unitGroups[r][v] === g) continue;
              after[u] = unitGroups[r][v];
              after[v] = g;
              term.evalSwap(r, u, v);
            } else {
              if (model.m < 2) continue;
              h = move.h % model.m;
              if (h === g) continue;
              after[u] = h;
              term.evalRelocate(r, u, h);
            }
            const saved = unitGroups[r];
            unitGroups[r] = after;
            const expected = full();
            unitGroups[r] = saved;
            expect(term.dCost).toBe(expected.cost - before.cost);
            expect(term.dHard).toBe(expected.repeats - before.repeats);
            if (move.apply) {
              if (v >= 0) term.applySwap(r, u, v);
              else term.applyRelocate(r, u, h);
              unitGroups[r] = after;
              expect(term.cost).toBe(expected.cost);
              expect(term.hard).toBe(expected.repeats - base.repeats);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
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
