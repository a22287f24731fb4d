/**
 * Incremental equals from scratch for the cross-round reach term, as for the meetings term:
 * every relocate and swap delta, on random multi-round problems with history, absent people,
 * repeats, units of two and a person lacking a category, equals the difference of two full
 * recomputes (`reachFigures`); applied moves keep the running value exact. Plus the bound
 * and the solver's figures on a small case.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRounds, type RoundsModel } from "../../../engine/rounds/compile.js";
import { compileReach, ReachTerm, reachFigures, reachNorm } from "../../../engine/rounds/reach.js";
import { solveRounds } from "../../../engine/rounds/solveRounds.js";
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

describe("reach term", () => {
  it("every move delta equals a full recompute, and applied moves keep the running value exact", () => {
    fc.assert(
      fc.property(
        roundsProblemArb({ maxPeople: 10, maxRounds: 3, rules: true, reach: true }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        moveArb,
        (input, start, joinMask, moves) => {
          const { problem, roundProblems } = parseRoundsProblem(input);
          const rm = compileRounds(problem, roundProblems);
          const reach = compileReach(problem);
          if (!reach) throw new Error("reach missing");
          const joined = rm.rounds.map((_, r) => r === 0 || joinMask[r]);
          const unitGroups = rm.rounds.map((round) =>
            Int32Array.from(
              { length: round.model.unitCount },
              (_, u) => start[u % start.length] % round.model.m,
            ),
          );
          const term = new ReachTerm(rm, reach);
          rm.rounds.forEach((_, r) => {
            if (joined[r]) term.addRound(r, unitGroups[r]);
          });
          const full = () => 0 - reachFigures(rm, reach, groupOfs(rm, unitGroups, joined)).total;
          expect(term.cost).toBe(full());
          // The bound holds for any grouping within the sizes, the constructions included.
          const norm = reachNorm(rm, reach, 1, 2);
          expect(norm.lowerBound).toBeLessThanOrEqual(norm.expectation);
          const k = joined.filter(Boolean).length;
          const withinSizes = rm.rounds.every((round, r) => {
            if (!joined[r]) return true;
            const size = new Int32Array(round.model.m);
            for (let p = 0; p < round.model.n; p++) size[unitGroups[r][round.model.unitOf[p]]]++;
            return size.every((s, g) => s <= round.model.maxSize[g]);
          });
          // Joined rounds are a prefix only when k rounds from 0 joined; check that case.
          if (withinSizes && joined.every((j, r) => j === r < k)) {
            expect(full()).toBeGreaterThanOrEqual(norm.boundAfter[k]);
          }
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
            expect(term.cost).toBe(before);
            const saved = unitGroups[r];
            unitGroups[r] = after;
            const expected = full();
            unitGroups[r] = saved;
            expect(term.dCost).toBe(expected - before);
            if (move.apply) {
              if (v >= 0) term.applySwap(r, u, v);
              else term.applyRelocate(r, u, h);
              unitGroups[r] = after;
              expect(term.cost).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
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
