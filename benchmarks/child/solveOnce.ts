/**
 * One search thread of a benchmark child: load an engine, solve with a CPU-time clock, and
 * watch the progress reports for the time the best last improved. The engine reports its own
 * time to best; the progress trace is an outside view of the same thing (to the report
 * interval), which stays honest when a driver estimates its time to best.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { threadCpuClock } from "../lib/cpuClock.js";
import { type EngineProgress, engineTerm, type SolveFunction, type ThreadRun } from "./childResult.js";

/** Wall milliseconds between progress reports: the resolution of the last-improvement time. */
const PROGRESS_INTERVAL_MS = 20;

export interface SolveRequest {
  /** Path of the engine's index.ts (this tree's or another revision's). */
  engine: string;
  /** Path of the problem JSON. */
  problem: string;
  seed: number;
  /** CPU milliseconds for the whole solve call. */
  timeLimitMs: number;
  withAssignment: boolean;
  /**
   * Use the whole time limit: the literature's limits are fixed budgets, and a stall rule
   * that stops early (1 s after the last new best) would compare less search with more.
   * Revisions from before the rule have no such option and always run to the limit.
   */
  fullBudget?: boolean;
  /** Search tuning passed to the engine as `runtime.search` (an analyst's variant). */
  search?: Record<string, unknown>;
}

export async function loadSolve(engine: string): Promise<SolveFunction> {
  const module = (await import(pathToFileURL(engine).href)) as { solve?: SolveFunction };
  if (typeof module.solve !== "function") throw new Error(`${engine} exports no solve()`);
  return module.solve;
}

/** Whether the engine's problem schema has `stopWhenStalled` (its options are strict). */
function engineKnowsStallRule(engine: string): boolean {
  try {
    return readFileSync(join(dirname(engine), "problem", "schema.ts"), "utf8").includes("stopWhenStalled");
  } catch {
    return false;
  }
}

export async function solveOnce(request: SolveRequest): Promise<ThreadRun> {
  const solve = await loadSolve(request.engine);
  const problem = JSON.parse(readFileSync(request.problem, "utf8")) as { options?: Record<string, unknown> };
  problem.options = { ...problem.options, seed: request.seed, timeLimitMs: request.timeLimitMs };
  if (request.fullBudget && engineKnowsStallRule(request.engine)) problem.options.stopWhenStalled = false;
  const clock = threadCpuClock();
  let best: EngineProgress | undefined;
  let lastImprovementMs = 0;
  const onProgress = (p: EngineProgress) => {
    if (
      best === undefined ||
      p.bestHard < best.bestHard ||
      (p.bestHard === best.bestHard && p.bestSoft < best.bestSoft - 1e-12)
    ) {
      best = p;
      lastImprovementMs = p.elapsedMs;
    }
  };
  const cpu0 = clock.now();
  const wall0 = performance.now();
  const result = await solve(problem, {
    clock: clock.now,
    onProgress,
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    ...(request.search ? { search: request.search } : {}),
  });
  const callCpuMs = clock.now() - cpu0;
  const wallMs = performance.now() - wall0;
  clock.close();
  const s = result.stats;
  return {
    seed: request.seed,
    feasible: result.feasible,
    violations: result.violations.length,
    softScore: result.softScore,
    terms: result.terms.map(engineTerm),
    stats: {
      iterations: s.iterations,
      movesPerSecond: s.movesPerSecond,
      searchMs: s.searchMs,
      totalMs: s.totalMs,
      constructionMs: s.constructionMs,
      timeToBestMs: s.timeToBestMs,
      stopReason: s.stopReason,
    },
    lastImprovementMs,
    callCpuMs,
    wallMs,
    clock: clock.kind,
    ...(request.withAssignment ? { assignment: result.assignment } : {}),
  };
}
