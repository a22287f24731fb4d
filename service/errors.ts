/**
 * Problem details (RFC 9457): every error the service answers with, in one shape.
 *
 * Two steps, because a job's error is kept and shown later, in whatever language its reader
 * asks for: `problemFrom` turns any error into `ProblemData` (status, code, facts, the
 * engine's issues and diagnoses as data), and `present` words it in a locale into the reply
 * body. The engine's error classes map by kind (invalid input → 400 with where every issue
 * is; infeasible rules → 422 with the diagnosis), the service's own `HttpError`s by code,
 * fastify's errors by their status code, and anything else to a bare 500 that leaks nothing.
 * `type` is a URN per code, so clients match on it rather than on wording.
 */
import {
  type Diagnosis,
  ExactUnsupportedError,
  entries,
  formatPath,
  type HttpCode,
  type HttpFacts,
  InfeasibleError,
  type InputIssue,
  issue,
  issueMessage,
  jsonPointer,
  type Locale,
  type PathPart,
  ProblemInputError,
  wordDiagnosis,
  wordHint,
} from "../engine/index.js";
import type { Config } from "./config.js";

export interface IssueDetail {
  code: string;
  /** `people[3].attributes.Kjønn`, as people read JSON paths (absent for a file's line). */
  path?: string;
  /** RFC 6901 JSON pointer into the request body (or query). */
  pointer?: string;
  /** The issue in words, where it is included. */
  message: string;
  file?: string;
  line?: number;
  column?: number;
  columnName?: string;
  hint?: string;
}

export interface DiagnosisDetail extends Diagnosis {
  message: string;
  fixTexts: string[];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  issues?: IssueDetail[];
  diagnoses?: DiagnosisDetail[];
}

/** An error before wording: kept with a job, worded when shown. */
export interface ProblemData {
  status: number;
  code: HttpCode;
  facts: Record<string, unknown>;
  issues?: InputIssue[];
  diagnoses?: Diagnosis[];
}

/** An error the service raises on purpose, with its status, code, facts and optional headers. */
export class HttpError<C extends HttpCode = HttpCode> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    readonly facts: HttpFacts[C],
    readonly headers: Record<string, string> = {},
  ) {
    super(`http ${status} ${code}`);
    this.name = "HttpError";
  }
}

/**
 * An error already turned into data elsewhere (on a solver thread, where class identity is
 * lost at the boundary), thrown again on the main thread as what it was.
 */
export class ProblemDataError extends Error {
  constructor(readonly problem: ProblemData) {
    super(`problem ${problem.status} ${problem.code}`);
    this.name = "ProblemDataError";
  }
}

/** A body can be wrong in every one of thousands of rows; a reply lists this many. */
const MAX_ISSUES = 100;

export function problemType(code: string): string {
  return `urn:tverr:problem:${code.replace(/_/g, "-")}`;
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

/** Any error as data. Never keeps a stack or an unexpected error's message. */
export function problemFrom(err: unknown): ProblemData {
  if (err instanceof ProblemDataError) return err.problem;
  if (err instanceof ProblemInputError) {
    return {
      status: 400,
      code: "invalid_input",
      facts: { count: err.issues.length, listed: Math.min(MAX_ISSUES, err.issues.length) },
      issues: err.issues.slice(0, MAX_ISSUES),
    };
  }
  if (err instanceof InfeasibleError) {
    return {
      status: 422,
      code: "infeasible",
      facts: { count: err.diagnoses.length },
      diagnoses: err.diagnoses,
    };
  }
  if (err instanceof ExactUnsupportedError)
    return { status: 422, code: "exact_unsupported", facts: { terms: err.terms } };
  if (err instanceof HttpError)
    return { status: err.status, code: err.code, facts: err.facts as Record<string, unknown> };
  const e = (err ?? {}) as FastifyLikeError;
  const status =
    typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (status >= 500 && status !== 503) return { status: 500, code: "internal", facts: {} };
  if (
    err instanceof SyntaxError ||
    e.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    e.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
  ) {
    return { status: 400, code: "invalid_json", facts: {} };
  }
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "body_too_large", facts: {} };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 415, code: "unsupported_media_type", facts: {} };
    default:
      break;
  }
  if (status === 503) return { status, code: "shutting_down", facts: {} };
  if (status === 404) return { status, code: "not_found", facts: { method: "", path: "" } };
  if (status === 405) return { status, code: "method_not_allowed", facts: {} };
  if (status === 406) return { status, code: "not_acceptable", facts: {} };
  if (status === 413 || status === 414 || status === 431) return { status, code: "too_large", facts: {} };
  if (status === 415) return { status, code: "unsupported_media_type", facts: {} };
  return { status, code: "bad_request", facts: {} };
}

/** The reply body, worded in `locale`. */
export function present(problem: ProblemData, locale: Locale, instance?: string): ProblemDetails {
  const detail = (locale.http.detail[problem.code] as (f: unknown) => string)(problem.facts);
  return {
    type: problemType(problem.code),
    title: locale.http.title(problem.status),
    status: problem.status,
    detail,
    ...(instance !== undefined ? { instance } : {}),
    code: problem.code,
    ...(problem.issues ? { issues: problem.issues.map((i) => issueDetail(i, locale)) } : {}),
    ...(problem.diagnoses ? { diagnoses: problem.diagnoses.map((d) => diagnosisDetail(d, locale)) } : {}),
  };
}

export function issueDetail(issue: InputIssue, locale: Locale): IssueDetail {
  // A file's issue is placed by line and column; an empty JSON path would say nothing.
  const located = issue.line !== undefined && issue.path.length === 0;
  return {
    code: issue.code,
    ...(located ? {} : { path: formatPath(issue.path) || "(root)", pointer: jsonPointer(issue.path) }),
    message: issueMessage(issue, locale),
    ...(issue.file !== undefined ? { file: issue.file } : {}),
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
    ...(issue.columnName !== undefined ? { columnName: issue.columnName } : {}),
    ...(issue.hint ? { hint: wordHint(issue, locale) } : {}),
  };
}

function diagnosisDetail(d: Diagnosis, locale: Locale): DiagnosisDetail {
  const worded = wordDiagnosis(d, locale);
  return { ...d, message: worded.message, fixTexts: worded.fixes };
}

/** The server's bound on people per problem: 413, like a body that is too large. */
export function checkPeople(count: number, max: number): void {
  if (count > max) throw new HttpError(413, "too_many_people", { count, max });
}

/**
 * The server's bounds on rounds: how many, and people × rounds. Each round is restricted,
 * validated, compiled and (for a check) diagnosed per person, so the product bounds the work
 * a request costs before its search starts; checked before any round is built.
 */
export function checkRounds(
  rounds: readonly unknown[] | undefined,
  people: number,
  config: Pick<Config, "maxRounds" | "maxRoundPlacements">,
): void {
  if (rounds === undefined) return;
  if (rounds.length > config.maxRounds) {
    throw new ProblemInputError([
      issue("above_limit", { limit: config.maxRounds, what: "rounds" }, ["rounds"]),
    ]);
  }
  if (rounds.length * people > config.maxRoundPlacements) {
    throw new ProblemInputError([
      issue("above_limit", { limit: config.maxRoundPlacements, what: "placements" }, ["rounds"]),
    ]);
  }
}

/**
 * The server's bound on an explicit list of groups: no more groups than the people cap. A
 * list may name groups that stay empty, but beyond the cap they are only work (every term
 * and the diagnosis count per group), on the main thread for a check.
 */
export function checkGroupLists(
  request: {
    groups: { list?: readonly unknown[] };
    rounds?: readonly { groups?: { list?: readonly unknown[] } }[];
  },
  max: number,
): void {
  const lists: [readonly unknown[] | undefined, PathPart[]][] = [
    [request.groups.list, ["groups", "list"]],
    ...(request.rounds ?? []).map((r, i): [readonly unknown[] | undefined, PathPart[]] => [
      r.groups?.list,
      ["rounds", i, "groups", "list"],
    ]),
  ];
  const issues = lists
    .filter(([list]) => list !== undefined && list.length > max)
    .map(([, path]) => issue("above_limit", { limit: max, what: "groups" }, path));
  if (issues.length > 0) throw new ProblemInputError(issues.slice(0, 20));
}

/** Groups of earlier or new rounds: group id -> the people in it. */
type Rounds = readonly { groups: Readonly<Record<string, readonly unknown[]>> }[] | undefined;

/**
 * The server's bound on the meetings a history (and new rounds) stands for: the pairs in its
 * groups, Σ k(k−1)/2. The has-met network holds one tie per pair met, so ten thousand people
 * in groups of a thousand are five million ties, for a body well under the size limit.
 */
export function checkMeetingPairs(parts: [Rounds, PathPart[]][], max: number): void {
  let pairs = 0;
  for (const [rounds, path] of parts) {
    for (const round of rounds ?? []) {
      for (const [, members] of entries(round.groups)) pairs += (members.length * (members.length - 1)) / 2;
    }
    if (pairs > max) throw new ProblemInputError([issue("above_limit", { limit: max, what: "pairs" }, path)]);
  }
}

/**
 * The server's bound on `threads`: each is a thread with its own heap, inside a solver thread
 * of the pool; 64 of them for twelve people took 2.8 GB and a minute.
 */
export function checkThreads(threads: number, max: number): void {
  if (threads > max)
    throw new ProblemInputError([issue("above_limit", { limit: max, what: "threads" }, ["threads"])]);
}
