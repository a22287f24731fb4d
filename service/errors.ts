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
  formatPath,
  type HttpCode,
  type HttpFacts,
  InfeasibleError,
  type InputIssue,
  issueMessage,
  jsonPointer,
  type Locale,
  ProblemInputError,
  wordDiagnosis,
  wordHint,
} from "../engine/index.js";

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
