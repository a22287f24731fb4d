/**
 * Independent seeded runs in worker threads: reproducible under an iteration limit, and never
 * worse than the single run with the problem's own seed (thread 0 is that run).
 */
import { describe, expect, it } from "vitest";
import { solve } from "../../../engine/index.js";
import { solveParallel } from "../../../engine/parallel/solveParallel.js";

const problem = {
  people: Array.from({ length: 60 }, (_, i) => ({
    id: `p${i}`,
    attributes: { agency: `a${i % 13}`, sector: `s${(i * 7) % 5}`, tenure: (i * 37) % 23 },
  })),
  groups: { size: 6 },
  attributes: {
    agency: { kind: "categorical" as const, maxPerGroup: 1 },
    sector: { kind: "categorical" as const },
    tenure: { kind: "numeric" as const },
  },
  options: { seed: 5, iterationLimit: 30_000 },
};

describe("solveParallel", () => {
  it("is reproducible and at least as good as the single run with the same seed", async () => {
    const a = await solveParallel(problem, { threads: 2 });
    const b = await solveParallel(problem, { threads: 2 });
    const single = await solve(problem);
    expect(a.assignment).toEqual(b.assignment);
    expect(a.feasible).toBe(true);
    expect(a.softScore).toBeLessThanOrEqual(single.softScore + 1e-12);
  });
});
