/**
 * Twin swaps (engine/search/moves/twinSwaps.ts) on rosters big enough for classes to form:
 * the two people of every swap drawn agree on every attribute the classes are made of, so the
 * swap cannot change those tallies; the move left evaluated is the one reported; chains not
 * kept leave grouping and score exactly as before, kept ones do not worsen the score, which
 * equals a recompute.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective, fullScore } from "../../../engine/score/objective.js";
import { Move } from "../../../engine/search/moves/random.js";
import { TwinSwaps } from "../../../engine/search/moves/twinSwaps.js";
import { Rng } from "../../../engine/search/rng.js";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

/** n people: few-category A and B (the classes), many-category C, two numbers, groups of 5. */
function roster(n: number, seed: number) {
  const rng = new Rng(seed);
  return {
    attributes: {
      A: { kind: "categorical", weight: 2 },
      B: { kind: "categorical", weight: 1 },
      C: { kind: "categorical", weight: 3, maxPerGroup: 2 },
      T: { kind: "numeric", weight: 1 },
      U: { kind: "numeric", weight: 2 },
    },
    people: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      attributes: {
        A: `a${rng.nextInt(2)}`,
        B: `b${rng.nextInt(3)}`,
        C: `c${rng.nextInt(40)}`,
        T: rng.nextInt(10) === 0 ? 50 + rng.nextInt(50) : rng.nextInt(20),
        U: rng.nextFloat() * 10,
      },
    })),
    groups: { size: 5 },
  };
}

describe("twin swaps", () => {
  it("swap people alike on the class attributes, report the delta left evaluated, and undo unkept chains", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 700 }), fc.integer({ min: 1, max: 1_000_000 }), (n, seed) => {
        const model = compile(parseProblem(roster(n, seed)));
        const objective = buildObjective(model);
        const rng = new Rng(seed);
        const start = Int32Array.from({ length: model.unitCount }, (_, u) => u % model.m);
        const score = new IncrementalScore(model, objective, start);
        const twins = new TwinSwaps(score, { groups: 4, scan: 32, depth: 3 });
        expect(twins.useful).toBe(true);
        // A and B (2 × 3 classes) refine while classes stay large; C's 40 categories would not.
        const names = twins.classAttributes.map((a) => model.categorical[a].name).sort();
        expect(names).toEqual(["A", "B"]);
        const cats = model.categorical.length;
        const keyOf = (u: number, a: number) =>
          model.personKey[model.unitMembers[model.unitStart[u]] * cats + a];
        const move = new Move();
        for (let step = 0; step < 60; step++) {
          if (!twins.pick(rng, move, 1000)) continue;
          for (const a of twins.classAttributes) expect(keyOf(move.u, a)).toBe(keyOf(move.v, a));
          expect(score.dHard).toBe(twins.dHard);
          expect(close(score.dSoft, twins.dSoft)).toBe(true);
          const before = Int32Array.from(score.unitGroup);
          const soft = score.soft;
          if (twins.dHard === 0 && twins.dSoft > 1e-12) {
            const kept = twins.chain(rng, move, 1000);
            if (kept) expect(twins.chainHard < 0 || twins.chainSoft <= 1e-12).toBe(true);
            else {
              expect(Array.from(score.unitGroup)).toEqual(Array.from(before));
              expect(close(score.soft, soft)).toBe(true);
            }
          } else if (twins.dHard <= 0) score.applySwap(move.u, move.v);
          const full = fullScore(model, objective, score.groupOf);
          expect(score.hard).toBe(full.hard);
          expect(close(score.soft, full.soft)).toBe(true);
        }
      }),
      { seed: 20261202, numRuns: 25 },
    );
  });
});
