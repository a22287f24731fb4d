/**
 * `solve`: one grouping, found by search. Validate, diagnose, compile, construct, search,
 * report. The `compose` use case (usecases/compose.ts) calls it for a single round; it is
 * also the engine's stable entry for benchmarks.
 */
import { compile } from "./compile/compile.js";
import type { Model } from "./compile/model.js";
import { diagnose } from "./diagnose/diagnose.js";
import type { Diagnosis } from "./diagnose/types.js";
import { InfeasibleError } from "./errors.js";
import type { Problem } from "./problem/schema.js";
import { parseProblem } from "./problem/validate.js";
import { buildReport, type Report } from "./report/report.js";
import { IncrementalScore } from "./score/incremental.js";
import { buildObjective, lightestWeight } from "./score/objective.js";
import type { SearchConfigInput } from "./search/config.js";
import { searchConfig } from "./search/config.js";
import { dealConstruction, preferPairMaximisingSizes } from "./search/construct.js";
import { runSearch, type SearchProgress, type StopReason, stallRule } from "./search/driver.js";
import { Rng } from "./search/rng.js";
import { SingleSpace } from "./search/space.js";
import { singleRoundStrategy } from "./search/strategies/index.js";

export interface SolveRuntime {
  /** Abort to stop early; the best grouping found so far is returned. */
  signal?: AbortSignal;
  /** Called about every `progressIntervalMs` while searching, and once at the end. */
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
  /** The clock the time limit is measured on (ms); default wall time. Benchmarks pass CPU time. */
  clock?: () => number;
  /** Search tuning, for benchmarks and analysts; defaults are measured choices (search/config.ts). */
  search?: SearchConfigInput;
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
  return solveParsed(parseProblem(input), runtime, t0);
}

/** `solve` for a problem already validated (the compose use case parses once). */
export async function solveParsed(
  problem: Problem,
  runtime: SolveRuntime = {},
  t0 = performance.now(),
): Promise<SolveResult> {
  const diagnoses = diagnose(problem);
  if (diagnoses.length > 0 && problem.options.onInfeasible === "fail") throw new InfeasibleError(diagnoses);
  const model = compile(problem);
  if (model.m === 0) throw new InfeasibleError(diagnoses);
  const objective = buildObjective(model);
  const rng = new Rng(problem.options.seed);
  const score = new IncrementalScore(model, objective, dealConstruction(model, rng));
  preferPairMaximisingSizes(score, rng);
  const t1 = performance.now();
  const config = searchConfig(runtime.search);
  const space = new SingleSpace(score, config.swapShare);
  const outcome = await runSearch(
    space,
    singleRoundStrategy(space, config),
    rng,
    {
      // The time limit bounds the whole call, so preparation counts against it.
      timeLimitMs: Math.max(0, problem.options.timeLimitMs - (t1 - t0)),
      iterationLimit: problem.options.iterationLimit,
      signal: runtime.signal,
      onProgress: runtime.onProgress,
      progressIntervalMs: runtime.progressIntervalMs,
      clock: runtime.clock,
    },
    {
      assert: config.assert === "full",
      stall: stallRule(config.stall, problem.options.stopWhenStalled, lightestWeight([objective])),
    },
  );
  const report = buildReport(model, objective, groupOfPeople(model, score.unitGroup));
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

/** Each person's group from each unit's. */
export function groupOfPeople(model: Model, unitGroup: Int32Array): Int32Array {
  const groupOf = new Int32Array(model.n);
  for (let p = 0; p < model.n; p++) groupOf[p] = unitGroup[model.unitOf[p]];
  return groupOf;
}
