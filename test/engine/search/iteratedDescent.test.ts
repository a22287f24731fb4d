/**
 * Iterated descent (the search for problems with a distance term): brute force is the
 * oracle on tiny random problems with every term and rule; MDGPLIB's smallest instances are
 * solved to their proven optima; the start sizes are checked by hand.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { parseProblem, solve } from "../../../engine/index.js";
import { mdgpObjective, mdgpProblem, parseMdgpInstance } from "../../../engine/io/mdgplib.js";
import { buildObjective, fullScore } from "../../../engine/score/objective.js";
import { pairMaximisingSizes } from "../../../engine/search/construct.js";
import { problemArb } from "../helpers/arbitraries.js";
import { forEachGrouping } from "../helpers/enumerate.js";

describe("iterated descent", () => {
  it("reaches the brute-force optimum of the weighted objective with a distance term", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb({ maxPeople: 8, maxGroups: 3, rules: false, extras: true }).filter(
          (p) => p.distance !== undefined,
        ),
        async (input) => {
          const problem = parseProblem({ ...input, options: { ...input.options, iterationLimit: 50_000 } });
          const model = compile(problem);
          const objective = buildObjective(model);
          let best = Number.POSITIVE_INFINITY;
          forEachGrouping(model, (groupOf) => {
            const score = fullScore(model, objective, groupOf);
            if (score.hard > 0) return;
            best = Math.min(best, score.soft - objective.offset);
          });
          const result = await solve(problem);
          expect(result.feasible).toBe(true);
          expect(result.softScore).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 40, seed: 401 },
    );
  });

  const DATA = new URL("../../../data/mdgp/", import.meta.url);
  const small = ["RanInt", "RanReal"].flatMap((set) =>
    ["n010_ss", "n010_ds", "n012_ss", "n012_ds"].map((kind) => `${set}_${kind}_01`),
  );
  it.each(small)("%s: the proven optimum, every seed", async (name) => {
    const bks = readFileSync(new URL("bks.csv", DATA), "utf8")
      .split(/\r?\n/)
      .map((l) => l.split(","))
      .find((c) => c[0] === name);
    const instance = parseMdgpInstance(readFileSync(new URL(`instances/${name}.txt`, DATA), "utf8"));
    for (const seed of [1, 2, 3]) {
      const result = await solve(mdgpProblem(instance, { seed, iterationLimit: 200_000 }));
      const groupOf = Int32Array.from({ length: instance.n }, (_, i) => Number(result.assignment[String(i)]));
      expect(result.feasible).toBe(true);
      expect(mdgpObjective(instance, groupOf)).toBeGreaterThanOrEqual(Number(bks?.[3]) - 1e-3);
    }
  });

  // Many groups (m² = 400 per cyclic exchange, a scan of 80 evaluations) on short chunks:
  // neither may carry the count past the limit when a chunk ends just before it.
  it("meets an iteration limit exactly with many groups", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20_000, max: 40_000 }),
        fc.integer({ min: 1, max: 9 }),
        async (limit, seed) => {
          const n = 60;
          const m = 20;
          const dist = new Float64Array(n * n);
          let x = seed;
          for (let p = 0; p < n; p++)
            for (let q = p + 1; q < n; q++) {
              x = (x * 1103515245 + 12345) % 2147483648;
              dist[p * n + q] = dist[q * n + p] = x % 100;
            }
          const instance = {
            n,
            m,
            type: "ss" as const,
            minSize: Array(m).fill(3),
            maxSize: Array(m).fill(3),
            dist,
          };
          const result = await solve(
            mdgpProblem(instance, { seed, iterationLimit: limit, stopWhenStalled: false }),
          );
          expect(result.stats.iterations).toBeLessThanOrEqual(limit);
          if (result.stats.stopReason === "iterationLimit") expect(result.stats.iterations).toBe(limit);
        },
      ),
      { numRuns: 400, seed: 402 },
    );
  });

  it("start sizes maximise the pairs inside groups", () => {
    // 10 people, groups 2..5 and 2..7: 3 + 7 (24 pairs) beats 5 + 5 (20).
    expect(pairMaximisingSizes(10, Int32Array.from([2, 2]), Int32Array.from([5, 7]))).toEqual([3, 7]);
    expect(pairMaximisingSizes(10, Int32Array.from([2, 2]), Int32Array.from([3, 3]))).toBeNull();
  });
});
