/**
 * Independent seeded runs on several cores; the best result wins.
 *
 * Thread i solves with seed + i (thread 0 with the problem's own seed), each under the
 * problem's time or iteration limit. The best is the feasible one with the lowest soft score,
 * ties going to the lower thread, so under an iteration limit the answer depends only on the
 * input, the seed and the number of threads. The problem is validated here first, so bad
 * input fails before any thread starts.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parseProblem } from "../problem/validate.js";
import type { SolveResult } from "../solve.js";

export interface ParallelOptions {
  /** Threads (default: the machine's cores). */
  threads?: number;
}

export async function solveParallel(input: unknown, options: ParallelOptions = {}): Promise<SolveResult> {
  const problem = parseProblem(input);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const entry = new URL("./worker-entry.mjs", import.meta.url);
  const runs = Array.from(
    { length: threads },
    (_, i) =>
      new Promise<SolveResult>((resolve, reject) => {
        const worker = new Worker(entry, { workerData: { problem, seed: problem.options.seed + i } });
        worker.once("message", (result: SolveResult) => {
          resolve(result);
          void worker.terminate();
        });
        worker.once("error", reject);
      }),
  );
  const results = await Promise.all(runs);
  return results.reduce((best, r) => (better(r, best) ? r : best));
}

function better(a: SolveResult, b: SolveResult): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  if (a.violations.length !== b.violations.length) return a.violations.length < b.violations.length;
  return a.softScore < b.softScore - 1e-12;
}
