/**
 * The benchmark child: one run in its own process, so its memory and JIT state are its own.
 *
 *   node --import tsx benchmarks/child/solveChild.ts --engine ENGINE/index.ts \
 *     --problem problem.json --seed 1 --time-ms 2000 --threads 1 --out result.json [--assignment]
 *     [--search '{"acceptor":"tabu"}']
 *
 * With --threads T it runs T independent seeded searches in worker threads (thread i with
 * seed + i·100003, thread 0 with the seed itself), each on its own thread's CPU clock, and
 * reports the best (feasible first, then fewer violations, then the lower soft score).
 * The report goes to --out as JSON, so nothing an engine prints can corrupt it.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { ChildResult, ThreadRun } from "./childResult.js";
import { type SolveRequest, solveOnce } from "./solveOnce.js";

const SEED_STRIDE = 100_003;

const { values } = parseArgs({
  options: {
    engine: { type: "string" },
    problem: { type: "string" },
    seed: { type: "string", default: "1" },
    "time-ms": { type: "string" },
    threads: { type: "string", default: "1" },
    out: { type: "string" },
    assignment: { type: "boolean", default: false },
    search: { type: "string" },
    "full-budget": { type: "boolean", default: false },
  },
});
if (!values.engine || !values.problem || !values["time-ms"] || !values.out) {
  throw new Error(
    "usage: solveChild --engine PATH --problem PATH --time-ms MS --out PATH [--seed N] [--threads T]",
  );
}
const threads = Number(values.threads);
const request = (seed: number): SolveRequest => ({
  engine: values.engine as string,
  problem: values.problem as string,
  seed,
  timeLimitMs: Math.round(Number(values["time-ms"])),
  withAssignment: values.assignment,
  fullBudget: values["full-budget"],
  ...(values.search ? { search: JSON.parse(values.search) as Record<string, unknown> } : {}),
});

function inThread(seed: number): Promise<ThreadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./solveThread.mjs", import.meta.url), { workerData: request(seed) });
    worker.once("message", (run: ThreadRun) => {
      resolve(run);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

function better(a: ThreadRun, b: ThreadRun): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  if (a.violations !== b.violations) return a.violations < b.violations;
  return a.softScore < b.softScore - 1e-12;
}

const seed = Number(values.seed);
const runs =
  threads > 1
    ? await Promise.all(Array.from({ length: threads }, (_, i) => inThread(seed + i * SEED_STRIDE)))
    : [await solveOnce(request(seed))];
const best = runs.reduce((b, r) => (better(r, b) ? r : b));
const result: ChildResult = {
  ...best,
  threads,
  totalMovesPerSecond: runs.reduce((s, r) => s + r.stats.movesPerSecond, 0),
  peakMB: process.resourceUsage().maxRSS / 1024,
};
writeFileSync(values.out, JSON.stringify(result));
