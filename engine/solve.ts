/**
 * `solve`: the engine's one job. Validate, diagnose, compile, construct, search, report.
 */
import { compile } from "./compile/compile.js";
import { diagnose } from "./diagnose/diagnose.js";
import type { Diagnosis } from "./diagnose/types.js";
import { InfeasibleError } from "./errors.js";
import { parseProblem } from "./problem/validate.js";
import { buildReport, type Report } from "./report/report.js";
import { IncrementalScore } from "./score/incremental.js";
import { buildObjective } from "./score/objective.js";
import { dealConstruction } from "./search/construct.js";
import {
  defaultIteratedDescentConfig,
  iteratedDescent,
  preferPairMaximisingSizes,
} from "./search/iteratedDescent.js";
import {
  defaultSearchConfig,
  localSearch,
  type SearchConfig,
  type SearchProgress,
  type StopReason,
} from "./search/localSearch.js";
import { Rng } from "./search/rng.js";

export interface SolveRuntime {
  /** Abort to stop early; the best grouping found so far is returned. */
  signal?: AbortSignal;
  /** Called about every `progressIntervalMs` while searching, and once at the end. */
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
  /** The clock the time limit is measured on (ms); default wall time. Benchmarks pass CPU time. */
  clock?: () => number;
  /** Search tuning, for benchmarks and analysts; defaults are measured choices. */
  search?: Partial<SearchConfig>;
}

export interface SolveStats {
  seed: number;
  iterations: number;
  acceptedMoves: number;
  movesPerSecond: number;
  constructionMs: number;
  searchMs: number;
  totalMs: number;
  timeToBestMs: number;
  /** Search time until every hard rule held: 0 when the construction met them, -1 never. */
  timeToFeasibleMs: number;
  stopReason: StopReason;
}

export interface SolveResult extends Report {
  /** Reasons found before searching why the hard rules cannot all hold (empty when none). */
  diagnoses: Diagnosis[];
  stats: SolveStats;
}

export async function solve(input: unknown, runtime: SolveRuntime = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const problem = parseProblem(input);
  const diagnoses = diagnose(problem);
  if (diagnoses.length > 0 && problem.options.onInfeasible === "fail") throw new InfeasibleError(diagnoses);
  const model = compile(problem);
  if (model.m === 0) throw new InfeasibleError(diagnoses);
  const objective = buildObjective(model);
  const rng = new Rng(problem.options.seed);
  const initial = dealConstruction(model, rng);
  const score = new IncrementalScore(model, objective, initial);
  if (model.hasDistance) preferPairMaximisingSizes(score, rng);
  const t1 = performance.now();
  const config = { ...defaultSearchConfig, ...runtime.search };
  const limits = {
    // The time limit bounds the whole call, so preparation counts against it.
    timeLimitMs: Math.max(0, problem.options.timeLimitMs - (t1 - t0)),
    iterationLimit: problem.options.iterationLimit,
    signal: runtime.signal,
    onProgress: runtime.onProgress,
    progressIntervalMs: runtime.progressIntervalMs,
    clock: runtime.clock,
  };
  // A dense distance term makes every pair matter: systematic descent with kicks beats random
  // moves there (benchmarks/mdgp.ts); rosters keep the late-acceptance search.
  const descent = config.strategy === "iteratedDescent" || (config.strategy === "auto" && model.hasDistance);
  const outcome = descent
    ? await iteratedDescent(score, rng, { ...defaultIteratedDescentConfig, ...config.descent }, limits)
    : await localSearch(score, rng, config, limits);
  const groupOf = new Int32Array(model.n);
  for (let p = 0; p < model.n; p++) groupOf[p] = outcome.unitGroup[model.unitOf[p]];
  const report = buildReport(model, objective, groupOf);
  const t2 = performance.now();
  return {
    ...report,
    diagnoses,
    stats: {
      seed: problem.options.seed,
      iterations: outcome.iterations,
      acceptedMoves: outcome.acceptedMoves,
      movesPerSecond: outcome.elapsedMs > 0 ? Math.round((outcome.iterations / outcome.elapsedMs) * 1000) : 0,
      constructionMs: t1 - t0,
      searchMs: outcome.elapsedMs,
      totalMs: t2 - t0,
      timeToBestMs: outcome.timeToBestMs,
      timeToFeasibleMs: outcome.timeToFeasibleMs,
      stopReason: outcome.stopReason,
    },
  };
}
