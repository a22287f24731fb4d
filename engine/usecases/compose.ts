/**
 * `compose`: the one way to compose groups. One grouping or several rounds, by search, by
 * exact MIP, or by several searches on threads: all parts of one request
 * (ComposeRequestSchema), so every door offers all of them.
 */
import { diagnose } from "../diagnose/diagnose.js";
import { InfeasibleError, issue, ProblemInputError } from "../errors.js";
import { type ExactStatus, MAX_EXACT_CELLS, solveExactParsed } from "../exact/mip.js";
import { solveParallel } from "../parallel/solveParallel.js";
import { groupCount } from "../problem/groups.js";
import type { Problem } from "../problem/schema.js";
import { checkProblem, zodIssues } from "../problem/validate.js";
import { type RoundsResult, type SolveRoundsRuntime, solveRounds } from "../rounds/solveRounds.js";
import { type SolveResult, type SolveRuntime, solveParsed } from "../solve.js";
import { type ComposeRequest, ComposeRequestSchema } from "./schemas.js";

/** What exact mode proved. */
export interface ExactSummary {
  status: ExactStatus;
  /** A proven lower bound on the soft score of every grouping that keeps the hard rules. */
  softLowerBound?: number;
  solverStatus: string;
}

export type SingleComposition = { kind: "single" } & SolveResult & { exact?: ExactSummary };
export type RoundsComposition = { kind: "rounds" } & RoundsResult;
export type ComposeResult = SingleComposition | RoundsComposition;

export interface ComposeRuntime extends SolveRuntime {
  /** Rounds: per-round progress carries the round's id. */
  onProgress?: SolveRoundsRuntime["onProgress"];
}

/** The request's parts that are not a problem (how to search), taken off before the problem is parsed. */
const SEARCH_KEYS = ["rounds", "history", "meetings", "reach", "exact", "threads", "roundsMode"] as const;

/** Check a compose request: the schema, then what its parts say together. */
export function parseComposeRequest(input: unknown): ComposeRequest {
  const parsed = ComposeRequestSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input));
  const request = parsed.data;
  const issues = [];
  if (!request.rounds) {
    for (const part of ["history", "meetings", "reach"] as const) {
      if (request[part] !== undefined)
        issues.push(issue("not_applicable", { part, reason: "rounds_only" }, [part]));
    }
  } else {
    if (request.exact)
      issues.push(issue("not_applicable", { part: "exact", reason: "single_only" }, ["exact"]));
    if (request.threads > 1)
      issues.push(issue("not_applicable", { part: "threads", reason: "single_only" }, ["threads"]));
  }
  // Refused before the model is built: it would take the heap first (see MAX_EXACT_CELLS).
  if (request.exact && !request.rounds) {
    const cells = request.people.length * groupCount(request.groups, request.people.length);
    if (cells > MAX_EXACT_CELLS)
      issues.push(issue("exact_too_large", { cells, limit: MAX_EXACT_CELLS }, ["exact"]));
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return request;
}

/** The problem part of a request (for one grouping). */
export function problemOf(request: ComposeRequest): Problem {
  const rest: Record<string, unknown> = { ...request };
  for (const key of SEARCH_KEYS) delete rest[key];
  return rest as Problem;
}

export async function compose(input: unknown, runtime: ComposeRuntime = {}): Promise<ComposeResult> {
  const t0 = performance.now();
  const request = parseComposeRequest(input);
  if (request.rounds) {
    const { exact: _e, threads: _t, roundsMode, ...rounds } = request;
    const result = await solveRounds(rounds, { ...runtime, mode: roundsMode });
    return { kind: "rounds", ...result };
  }
  // The request's problem was checked by its schema; the cross-field rules are checked here.
  const problem = checkProblem(problemOf(request));
  if (request.exact) return composeExact(problem, runtime, t0);
  if (request.threads > 1) {
    const result = await solveParallel(problem, { threads: request.threads });
    return { kind: "single", ...result };
  }
  return { kind: "single", ...(await solveParsed(problem, runtime, t0)) };
}

/**
 * Exact mode: the MIP's optimum, or on a time-out its best grouping and proven bound. When
 * the MIP finds no grouping in time, the search finds one and the result says what was
 * proven (nothing).
 */
async function composeExact(
  problem: Problem,
  runtime: ComposeRuntime,
  t0: number,
): Promise<SingleComposition> {
  const diagnoses = diagnose(problem);
  if (diagnoses.length > 0 && problem.options.onInfeasible === "fail") throw new InfeasibleError(diagnoses);
  const exact = await solveExactParsed(problem, { timeLimitMs: problem.options.timeLimitMs });
  const summary: ExactSummary = {
    status: exact.status,
    ...(exact.softLowerBound !== undefined ? { softLowerBound: exact.softLowerBound } : {}),
    solverStatus: exact.solverStatus,
  };
  if (!exact.report) {
    const spent = performance.now() - t0;
    const fallback = await solveParsed(
      {
        ...problem,
        options: { ...problem.options, timeLimitMs: Math.max(1000, problem.options.timeLimitMs - spent) },
      },
      runtime,
    );
    return { kind: "single", ...fallback, exact: summary };
  }
  const totalMs = performance.now() - t0;
  return {
    kind: "single",
    ...exact.report,
    diagnoses,
    stats: {
      seed: problem.options.seed,
      iterations: 0,
      acceptedMoves: 0,
      movesPerSecond: 0,
      constructionMs: 0,
      searchMs: totalMs,
      totalMs,
      timeToBestMs: totalMs,
      timeToFeasibleMs: exact.report.feasible ? totalMs : -1,
      stopReason: exact.status === "optimal" ? "optimal" : "timeLimit",
    },
    exact: summary,
  };
}
