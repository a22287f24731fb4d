/**
 * Targeted moves and chains (engine/search/moves/targeted.ts), on random problems with every
 * term and rule: the group member lists match the grouping after any moves; a drawn move is
 * left evaluated with the delta it reports; neither evaluates more moves than its budget
 * (so an iteration limit is met exactly); a chain that is not kept leaves the grouping and
 * score exactly as before; a kept chain does not worsen the score, which equals a full
 * recompute.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import type { Model } from "../../../engine/compile/model.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective, type Objective, fullScore as scoreOf } from "../../../engine/score/objective.js";
import { Move } from "../../../engine/search/moves/random.js";
import { TargetedMoves } from "../../../engine/search/moves/targeted.js";
import { Rng } from "../../../engine/search/rng.js";
import { problemArb } from "../helpers/arbitraries.js";

function fullScore(model: Model, objective: Objective, unitGroup: Int32Array) {
  const groupOf = new Int32Array(model.n);
  for (let p = 0; p < model.n; p++) groupOf[p] = unitGroup[model.unitOf[p]];
  return scoreOf(model, objective, groupOf);
}

/** Each group's units by the lists, sorted, against the grouping's own. */
function listsMatch(score: IncrementalScore): boolean {
  const { m, unitCount } = score.model;
  for (let g = 0; g < m; g++) {
    const listed: number[] = [];
    for (let u = score.groupHead[g]; u >= 0; u = score.unitNext[u]) listed.push(u);
    const actual: number[] = [];
    for (let u = 0; u < unitCount; u++) if (score.unitGroup[u] === g) actual.push(u);
    if (listed.sort((a, b) => a - b).join() !== actual.join()) return false;
  }
  return true;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

const options = {
  conflictGroups: 4,
  targetGroups: 3,
  targetScan: 64,
  depth: 2,
  balanceShare: 0.5,
  balanceMove: "twins" as const,
  twinScan: 64,
  balanceDepth: 3,
};

describe.each(["twins", "both"] as const)("targeted moves, balancing by %s", (balanceMove) => {
  it("keep the member lists, report the delta they leave evaluated, and undo unkept chains exactly", () => {
    fc.assert(
      fc.property(
        problemArb({ maxPeople: 14, maxGroups: 4, rules: true, extras: true }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (input, start, seed) => {
          const model = compile(parseProblem(input));
          if (model.m < 2) return;
          const objective = buildObjective(model);
          const initial = Int32Array.from(
            { length: model.unitCount },
            (_, u) => start[u % start.length] % model.m,
          );
          const score = new IncrementalScore(model, objective, initial);
          const targeted = new TargetedMoves(score, { ...options, balanceMove });
          const rng = new Rng(seed);
          const move = new Move();
          expect(listsMatch(score)).toBe(true);
          for (let step = 0; step < 40; step++) {
            // Small budgets too: a pick and a chain never evaluate more than they are given.
            const budget = step % 3 === 0 ? rng.nextInt(40) : 1_000_000;
            const found = targeted.pick(rng, move, budget);
            expect(targeted.evaluations).toBeLessThanOrEqual(budget);
            if (!found) continue;
            // The move left evaluated is the one reported.
            expect(score.dHard).toBe(targeted.dHard);
            expect(close(score.dSoft, targeted.dSoft)).toBe(true);
            const before = Int32Array.from(score.unitGroup);
            const soft = score.soft;
            const hard = score.hard;
            if (targeted.dHard === 0 && targeted.dSoft > 1e-12) {
              const kept = targeted.chain(rng, move, budget);
              expect(targeted.evaluations).toBeLessThanOrEqual(budget);
              if (kept) {
                expect(targeted.chainHard < 0 || targeted.chainSoft <= 1e-12).toBe(true);
                expect(close(score.soft, soft + targeted.chainSoft)).toBe(true);
              } else {
                expect(Array.from(score.unitGroup)).toEqual(Array.from(before));
                expect(score.hard).toBe(hard);
                expect(close(score.soft, soft)).toBe(true);
              }
            } else if (targeted.dHard <= 0) {
              if (move.v >= 0) score.applySwap(move.u, move.v);
              else score.applyRelocate(move.u, move.h);
            }
            const full = fullScore(model, objective, score.unitGroup);
            expect(score.hard).toBe(full.hard);
            expect(close(score.soft, full.soft)).toBe(true);
            expect(listsMatch(score)).toBe(true);
          }
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });
});
