/**
 * What a benchmark child reports about one run, and the little it relies on from an engine:
 * `solve(problem, runtime)` and the result's `terms`, `violations` and `stats`. Declared here
 * structurally, not imported, so the same child can run the engine of another revision.
 */

/** A term as the child reports it, whichever revision's engine ran. */
export interface EngineTerm {
  /** categorical (mixed or kept similar), numeric (balance), or another term's kind. */
  kind: string;
  name: string;
  raw: number;
  lowerBound: number;
  qualityPercent: number | null;
}

/**
 * A term as an engine reports it: `kind` and `name` before the term registry (d8f0419 and
 * earlier), `term` and `label` since.
 */
export interface EngineTermReport {
  kind?: string;
  name?: string;
  term?: string;
  label?: string;
  raw: number;
  lowerBound: number;
  qualityPercent: number | null;
}

const KIND_OF_TERM = new Map([
  ["spread", "categorical"],
  ["similar", "categorical"],
  ["balance", "numeric"],
]);

export function engineTerm(t: EngineTermReport): EngineTerm {
  const kind = t.kind ?? KIND_OF_TERM.get(t.term ?? "") ?? t.term ?? "unknown";
  return {
    kind,
    name: t.name ?? t.label ?? "",
    raw: t.raw,
    lowerBound: t.lowerBound,
    qualityPercent: t.qualityPercent,
  };
}

export interface EngineStats {
  iterations: number;
  movesPerSecond: number;
  searchMs: number;
  totalMs: number;
  constructionMs: number;
  timeToBestMs: number;
  stopReason: string;
}

export interface EngineResult {
  feasible: boolean;
  violations: unknown[];
  softScore: number;
  terms: EngineTermReport[];
  stats: EngineStats;
  assignment: Record<string, string>;
}

export interface EngineProgress {
  elapsedMs: number;
  bestHard: number;
  bestSoft: number;
}

export interface EngineRuntime {
  clock?: () => number;
  onProgress?: (progress: EngineProgress) => void;
  progressIntervalMs?: number;
  search?: Record<string, unknown>;
}

export type SolveFunction = (problem: unknown, runtime?: EngineRuntime) => Promise<EngineResult>;

/** One search thread's run. */
export interface ThreadRun {
  seed: number;
  feasible: boolean;
  violations: number;
  softScore: number;
  terms: EngineTerm[];
  stats: EngineStats;
  /** CPU time (on the run's clock) of the first progress report showing the final best. */
  lastImprovementMs: number;
  /** CPU time of the whole solve call (validation … report), on the run's clock. */
  callCpuMs: number;
  wallMs: number;
  clock: "thread" | "process";
  assignment?: Record<string, string>;
}

/** The child's report: the best thread's run, with moves summed over threads and the process's peak memory. */
export interface ChildResult extends ThreadRun {
  threads: number;
  /** Moves per second over all threads. */
  totalMovesPerSecond: number;
  /** Peak resident set of the child process, MB. */
  peakMB: number;
}
