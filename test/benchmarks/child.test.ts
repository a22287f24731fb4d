/**
 * The benchmark child end to end: a run in its own process on a CPU budget reports the
 * engine's terms, violations and stats, its peak memory and the time of the last
 * improvement; with threads the best thread wins; and it runs another revision's engine
 * from a temporary worktree, which is removed afterwards.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { baselineTree, currentTree } from "../../benchmarks/lib/engineTrees.js";
import { runChild } from "../../benchmarks/lib/runChild.js";
import { familyProblem, generateFamilyRoster } from "../../data/generate/family.js";
import { familyShape } from "../../data/generate/familyShapes.js";

const dir = mkdtempSync(join(tmpdir(), "tverr-child-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const roster = generateFamilyRoster(familyShape("oslo-capped"), 600, 1);
const problem = join(dir, "problem.json");
writeFileSync(problem, JSON.stringify(familyProblem(roster)));
const engine = currentTree().engine;

describe("benchmark child", () => {
  it("reports a run's terms, violations, stats, peak memory and last improvement", async () => {
    const result = await runChild({
      engine,
      problem,
      seed: 3,
      timeLimitMs: 400,
      threads: 1,
      withAssignment: true,
    });
    expect(result.terms.map((t) => t.name)).toEqual(Object.keys(roster.attributes));
    expect(result.terms.filter((t) => t.kind === "categorical")).toHaveLength(4);
    for (const t of result.terms) expect(t.raw).toBeGreaterThanOrEqual(t.lowerBound - 1e-9);
    expect(result.violations).toBe(0);
    expect(result.seed).toBe(3);
    expect(result.stats.iterations).toBeGreaterThan(1000);
    expect(result.totalMovesPerSecond).toBe(result.stats.movesPerSecond);
    // The budget is CPU time of the whole call: the search stops within it (one chunk of slack).
    expect(result.callCpuMs).toBeLessThan(400 + 150);
    expect(result.stats.searchMs).toBeLessThanOrEqual(result.callCpuMs);
    expect(result.lastImprovementMs).toBeGreaterThanOrEqual(0);
    expect(result.lastImprovementMs).toBeLessThanOrEqual(result.stats.searchMs + 1);
    expect(result.peakMB).toBeGreaterThan(30);
    expect(Object.keys(result.assignment ?? {})).toHaveLength(600);
  });

  it("runs several seeded threads and keeps the best", async () => {
    const result = await runChild({ engine, problem, seed: 5, timeLimitMs: 300, threads: 2 });
    expect(result.threads).toBe(2);
    expect([5, 5 + 100_003]).toContain(result.seed);
    expect(result.totalMovesPerSecond).toBeGreaterThan(result.stats.movesPerSecond);
    expect(result.assignment).toBeUndefined();
  });

  it("fails with the child's message when the engine has no solve()", async () => {
    const notEngine = fileURLToPath(new URL("../../benchmarks/lib/stats.ts", import.meta.url));
    await expect(
      runChild({ engine: notEngine, problem, seed: 1, timeLimitMs: 100, threads: 1 }),
    ).rejects.toThrow(/exports no solve\(\)/);
  });

  it("runs the engine of another revision from a temporary worktree, then removes it", async () => {
    const baseline = baselineTree("HEAD");
    try {
      expect(baseline.engine).not.toBe(engine);
      expect(existsSync(baseline.engine)).toBe(true);
      const result = await runChild({
        engine: baseline.engine,
        problem,
        seed: 1,
        timeLimitMs: 200,
        threads: 1,
      });
      expect(result.terms.map((t) => t.name)).toEqual(Object.keys(roster.attributes));
    } finally {
      baseline.dispose();
    }
    expect(existsSync(baseline.engine)).toBe(false);
    expect(existsSync(fileURLToPath(new URL("../../node_modules/tsx/package.json", import.meta.url)))).toBe(
      true,
    );
  });
});
