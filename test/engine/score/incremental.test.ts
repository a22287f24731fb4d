/**
 * Incremental equals from scratch: every relocate and swap delta, on random problems with
 * every term and rule, equals the difference of two full recomputes; and after applying a
 * sequence of moves the running score equals a full recompute.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import type { Model } from "../../../engine/compile/model.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective, type Objective, fullScore as scoreOf } from "../../../engine/score/objective.js";
import { problemArb } from "../helpers/arbitraries.js";

/** The score from scratch of a grouping by units. */
function fullScore(model: Model, objective: Objective, unitGroup: Int32Array) {
  const groupOf = new Int32Array(model.n);
  for (let p = 0; p < model.n; p++) groupOf[p] = unitGroup[model.unitOf[p]];
  return scoreOf(model, objective, groupOf);
}

const moveArb = fc.array(
  fc.record({ swap: fc.boolean(), u: fc.nat(), v: fc.nat(), h: fc.nat(), apply: fc.boolean() }),
  { minLength: 1, maxLength: 30 },
);

describe("incremental score", () => {
  it.each([
    { layout: "a dense table", denseCells: undefined },
    { layout: "member slots (tally.ts), growing when a group outgrows them", denseCells: 0 },
  ])(
    "every move delta equals a full recompute, and applied moves keep the running score exact, with $layout",
    ({ denseCells }) => {
      fc.assert(
        fc.property(
          problemArb({ maxPeople: 12, maxGroups: 4, rules: true, extras: true }),
          fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
          moveArb,
          (input, start, moves) => {
            const model = compile(parseProblem(input));
            const objective = buildObjective(model);
            const initial = Int32Array.from(
              { length: model.unitCount },
              (_, u) => start[u % start.length] % model.m,
            );
            const score = new IncrementalScore(model, objective, initial, denseCells);
            const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
            for (const move of moves) {
              const u = move.u % model.unitCount;
              const g = score.unitGroup[u];
              const before = fullScore(model, objective, score.unitGroup);
              const after = Int32Array.from(score.unitGroup);
              let v = -1;
              let h = -1;
              if (move.swap) {
                v = move.v % model.unitCount;
                if (score.unitGroup[v] === g) continue;
                after[u] = score.unitGroup[v];
                after[v] = g;
                score.evalSwap(u, v);
              } else {
                if (model.m < 2) continue;
                h = move.h % model.m;
                if (h === g) continue;
                after[u] = h;
                score.evalRelocate(u, h);
              }
              const expected = fullScore(model, objective, after);
              expect(score.dHard).toBe(expected.hard - before.hard);
              expect(Math.abs(score.dSoft - (expected.soft - before.soft))).toBeLessThanOrEqual(
                tol(expected.soft),
              );
              if (move.apply) {
                if (v >= 0) score.applySwap(u, v);
                else score.applyRelocate(u, h);
                expect(Array.from(score.unitGroup)).toEqual(Array.from(after));
                expect(score.hard).toBe(expected.hard);
                expect(Math.abs(score.soft - expected.soft)).toBeLessThanOrEqual(tol(expected.soft));
              }
            }
          },
        ),
        { numRuns: 300, seed: 301 },
      );
    },
  );

  it("edge cases: moving into an empty group and out of a group of one", () => {
    const model = compile(
      parseProblem({
        people: [
          { id: "a", attributes: { s: "x", t: 1 } },
          { id: "b", attributes: { s: "x", t: 5 } },
          { id: "c", attributes: { s: "y", t: 9 } },
        ],
        groups: { count: 3, minSize: 0, maxSize: 3 },
        attributes: { s: { kind: "categorical" }, t: { kind: "numeric" } },
      }),
    );
    const objective = buildObjective(model);
    const score = new IncrementalScore(model, objective, Int32Array.from([0, 0, 1]));
    // c leaves its group of one for the empty group 2; then a joins c.
    for (const [u, h] of [
      [2, 2],
      [0, 2],
    ]) {
      const after = Int32Array.from(score.unitGroup);
      after[u] = h;
      const before = fullScore(model, objective, score.unitGroup);
      const expected = fullScore(model, objective, after);
      score.evalRelocate(u, h);
      expect(score.dSoft).toBeCloseTo(expected.soft - before.soft, 12);
      score.applyRelocate(u, h);
    }
    expect(Array.from(score.unitGroup)).toEqual([2, 0, 2]);
  });
});
