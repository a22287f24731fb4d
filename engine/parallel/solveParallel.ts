/**
 * Independent seeded runs on several cores; the best result wins.
 *
 * Thread i solves with seed + i (thread 0 with the problem's own seed), each under the
 * problem's time or iteration limit. The best is the feasible one with the lowest soft score,
 * ties going to the lower thread, so under an iteration limit the answer depends only on the
 * input, the seed and the number of threads. The problem is validated here first, so bad
 * input fails before any thread starts.
 *
 * The runs share one `ThreadPool` (the engine's worker runner): cancelling stops every thread
 * (each answers with its best so far), `timeCapMs` stops them on the wall clock, and if one
 * thread fails the others are stopped before the error is thrown.
 */
import { availableParallelism } from "node:os";
import type { SearchProgress } from "../index.js";
import { parseProblem } from "../problem/validate.js";
import type { SolveResult } from "../solve.js";
import type { SeededRun } from "./searchThread.js";
import { siblingModule } from "./threadEntry.js";
import { runAll, ThreadPool } from "./threadPool.js";

export interface ParallelOptions {
  /** Threads (default: the machine's cores). */
  threads?: number;
  signal?: AbortSignal;
  /** Progress of each thread, with its index. */
  onProgress?: (progress: SearchProgress, thread: number) => void;
  progressIntervalMs?: number;
  /** Stop every thread this long after it started, whatever the problem's own limits. */
  timeCapMs?: number;
}

export async function solveParallel(input: unknown, options: ParallelOptions = {}): Promise<SolveResult> {
  const problem = parseProblem(input);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new ThreadPool<SeededRun, SolveResult, SearchProgress>({
    entry: siblingModule(import.meta.url, "searchThread"),
    size: threads,
  });
  try {
    const runs = Array.from({ length: threads }, (_, i) => ({
      problem,
      seed: problem.options.seed + i,
      progressIntervalMs: options.progressIntervalMs,
    }));
    const results = await runAll(pool, runs, {
      signal: options.signal,
      onProgress: options.onProgress,
      timeCapMs: options.timeCapMs,
    });
    return results.reduce((best, r) => (better(r, best) ? r : best));
  } finally {
    await pool.close();
  }
}

function better(a: SolveResult, b: SolveResult): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  if (a.violations.length !== b.violations.length) return a.violations.length < b.violations.length;
  return a.softScore < b.softScore - 1e-12;
}
