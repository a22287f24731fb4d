/**
 * The thread entry of `solveParallel`: one seeded search of the problem it is handed.
 */
import type { SearchProgress } from "../index.js";
import { type SolveResult, solve } from "../solve.js";
import { serveThread } from "./serveThread.js";

export interface SeededRun {
  problem: { options?: Record<string, unknown> };
  seed: number;
  progressIntervalMs?: number;
}

serveThread<SeededRun, SolveResult, SearchProgress>(({ problem, seed, progressIntervalMs }, context) =>
  solve(
    { ...problem, options: { ...problem.options, seed } },
    { signal: context.signal, onProgress: context.progress, progressIntervalMs },
  ),
);
