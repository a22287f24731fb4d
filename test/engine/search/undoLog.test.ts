/**
 * The undo log (engine/search/moves/undoLog.ts), on random problems with every term and
 * rule: after any moves, undoing them gives back the saved grouping exactly, with the running
 * score equal to a full recompute and to the saved score; a log that overflowed declines and
 * changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective, fullScore } from "../../../engine/score/objective.js";
import { UndoLog } from "../../../engine/search/moves/undoLog.js";
import { SingleSpace } from "../../../engine/search/space.js";
import { problemArb } from "../helpers/arbitraries.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

describe("undo log", () => {
  it("undoes any moves back to the saved grouping and score, or declines when full", () => {
    fc.assert(
      fc.property(
        problemArb({ maxPeople: 14, maxGroups: 4, rules: true, extras: true }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (input, moves, capacity) => {
          const model = compile(parseProblem(input));
          if (model.m < 2 || model.unitCount < 2) return;
          const objective = buildObjective(model);
          const start = Int32Array.from({ length: model.unitCount }, (_, u) => u % model.m);
          const score = new IncrementalScore(model, objective, start);
          const space = new SingleSpace(score, 0.7);
          const saved = Int32Array.from(score.unitGroup);
          const savedHard = score.hard;
          const savedSoft = score.soft;
          const log = new UndoLog(capacity);
          let made = 0;
          for (const [a, b, swap] of moves) {
            const u = a % model.unitCount;
            const g = score.unitGroup[u];
            if (swap) {
              const v = b % model.unitCount;
              if (score.unitGroup[v] === g) continue;
              log.record(u, v, g);
              space.evaluate(0, u, v, score.unitGroup[v]);
              space.apply(0, u, v, score.unitGroup[v]);
            } else {
              const h = (g + 1 + (b % (model.m - 1))) % model.m;
              log.record(u, -1, g);
              space.evaluate(0, u, -1, h);
              space.apply(0, u, -1, h);
            }
            made++;
          }
          const before = Int32Array.from(score.unitGroup);
          const undone = log.undo(space);
          expect(undone).toBe(made <= capacity);
          if (!undone) {
            expect(Array.from(score.unitGroup)).toEqual(Array.from(before));
            return;
          }
          expect(Array.from(score.unitGroup)).toEqual(Array.from(saved));
          const exact = fullScore(model, objective, score.groupOf);
          expect(score.hard).toBe(exact.hard);
          expect(close(score.soft, exact.soft)).toBe(true);
          expect(score.hard).toBe(savedHard);
          expect(close(score.soft, savedSoft)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 77 },
    );
  });
});
