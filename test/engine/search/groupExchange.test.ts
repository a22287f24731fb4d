/**
 * Group exchange: the move that lets a keep-together pair trade places with two single
 * people when every size is fixed (found by the exact-mode oracle), and its undo.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import { type ProblemInput, parseProblem, solve } from "../../../engine/index.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective } from "../../../engine/score/objective.js";
import { SearchContext } from "../../../engine/search/driver.js";
import { tryGroupExchange } from "../../../engine/search/moves/groupExchange.js";
import { Rng } from "../../../engine/search/rng.js";
import { SingleSpace } from "../../../engine/search/space.js";

// Groups of exactly 2; p0 and p4 together; p4 was in group 3: the optimum moves the pair there.
const input: ProblemInput = {
  people: ["p0", "p1", "p2", "p3", "p4", "p5"].map((id) => ({ id })),
  groups: { count: 3, minSize: 2, maxSize: 2 },
  rules: { together: [["p0", "p4"]] },
  incumbent: { assignment: { p4: "3" }, weight: 1 },
  options: { seed: 150247, iterationLimit: 50_000 },
};

describe("group exchange", () => {
  it("moves a keep-together pair into a full group of single people", async () => {
    const result = await solve(input);
    expect(result.feasible).toBe(true);
    expect(result.softScore).toBe(0);
    expect(result.assignment.p0).toBe("3");
    const distance = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => (i === j ? 0 : 1)),
    );
    const withDistance = await solve({ ...input, distance: { weight: 1, matrix: distance } });
    expect(withDistance.assignment.p4).toBe("3");
  });

  it("undoes exactly when refused, and is refused for pinned units", () => {
    const model = compile(parseProblem({ ...input, rules: { together: [["p0", "p4"]], pins: { p1: "1" } } }));
    const score = new IncrementalScore(
      model,
      buildObjective(model),
      Int32Array.from(model.unitOf.map((_, u) => u % 3)).subarray(0, model.unitCount),
    );
    // Assert mode: every exchange and undo is checked against a full recompute.
    const ctx = new SearchContext(
      new SingleSpace(score, 0.7),
      new Rng(1),
      { timeLimitMs: 1000 },
      { assert: true },
    );
    const exchange = (g: number, h: number, keep: () => boolean) => tryGroupExchange(ctx, score, g, h, keep);
    const before = { groups: Array.from(score.unitGroup), hard: score.hard, soft: score.soft };
    const g = score.unitGroup[model.unitOf[1]];
    expect(exchange(g, (g + 1) % 3, () => true)).toBe(false);
    const others = [0, 1, 2].filter((x) => x !== g);
    expect(exchange(others[0], others[1], () => false)).toBe(false);
    expect({ groups: Array.from(score.unitGroup), hard: score.hard, soft: score.soft }).toEqual(before);
    expect(exchange(others[0], others[1], () => true)).toBe(true);
    expect(Array.from(score.unitGroup)).not.toEqual(before.groups);
    expect(exchange(others[0], others[1], () => true)).toBe(true);
    expect(Array.from(score.unitGroup)).toEqual(before.groups);
    expect(ctx.iterations).toBe(3);
    expect(ctx.accepted).toBe(2);
  });
});
