/**
 * Problem details (RFC 9457): every error the service answers with, in one shape.
 *
 * `problemFrom` is the one place an error becomes a reply body: the engine's error classes
 * by kind (invalid input → 400 with the path or CSV line and column of every issue;
 * infeasible rules → 422 with the diagnosis), the service's own `HttpError`s, fastify's
 * errors by their status code, and anything else as a bare 500 that leaks nothing.
 * `type` is a URN per code, so clients match on it rather than on wording.
 */
import {
  type Diagnosis,
  formatPath,
  InfeasibleError,
  type InputIssue,
  ProblemInputError,
} from "../engine/index.js";

export interface IssueDetail {
  /** `people[3].attributes.Kjønn`, as people read JSON paths (absent for a roster's line). */
  path?: string;
  /** RFC 6901 JSON pointer into the request body (or query). */
  pointer?: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  issues?: IssueDetail[];
  diagnoses?: Diagnosis[];
}

/** An error the service raises on purpose, with its status, code and optional headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = "HttpError";
  }
}

/** A body can be wrong in every one of thousands of rows; a reply lists this many. */
const MAX_ISSUES = 100;

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problemType(code: string): string {
  return `urn:tverr:problem:${code.replace(/_/g, "-")}`;
}

function pointer(path: (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function issueDetail(issue: InputIssue): IssueDetail {
  // A roster issue is placed by line and column; an empty JSON path would say nothing.
  const located = issue.line !== undefined && issue.path.length === 0;
  return {
    ...(located ? {} : { path: formatPath(issue.path), pointer: pointer(issue.path) }),
    message: issue.message,
    ...(issue.file !== undefined ? { file: issue.file } : {}),
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
  };
}

function make(
  status: number,
  code: string,
  detail?: string,
  title = TITLES[status] ?? "Error",
): ProblemDetails {
  return { type: problemType(code), title, status, ...(detail !== undefined ? { detail } : {}), code };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** The reply body for any error. Never includes a stack or an unexpected error's message. */
export function problemFrom(err: unknown): ProblemDetails {
  if (err instanceof ProblemInputError) {
    const n = err.issues.length;
    const listed = n > MAX_ISSUES ? `; the first ${MAX_ISSUES} are listed` : "";
    return {
      ...make(
        400,
        "invalid_input",
        `${n} ${n === 1 ? "issue" : "issues"} in the request${listed}`,
        "Invalid input",
      ),
      issues: err.issues.slice(0, MAX_ISSUES).map(issueDetail),
    };
  }
  if (err instanceof InfeasibleError) {
    return {
      ...make(
        422,
        "infeasible",
        "The hard rules cannot all hold; see diagnoses for why and what would fix it",
        "Infeasible rules",
      ),
      diagnoses: err.diagnoses,
    };
  }
  if (err instanceof HttpError) return make(err.status, err.code, err.message, err.title);
  const e = (err ?? {}) as FastifyLikeError;
  const status =
    typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (status >= 500)
    return make(500, "internal", "Something went wrong on our side; the request id is in the log");
  if (err instanceof SyntaxError || e.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    // Node's message quotes the start of the body, which is personal data: keep the position only.
    const at = /at position (\d+)/.exec(e.message ?? "");
    return make(
      400,
      "invalid_json",
      `The body is not valid JSON${at ? ` (at character ${Number(at[1]) + 1})` : ""}`,
    );
  }
  switch (e.code) {
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return make(400, "invalid_json", "The body is empty but the content type says JSON");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return make(413, "body_too_large", "The request body is larger than this server accepts");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return make(415, "unsupported_media_type", e.message);
    default:
      return make(status, status === 404 ? "not_found" : "bad_request", e.message);
  }
}

/** The server's bound on people per problem: 413, like a body that is too large. */
export function checkPeople(count: number, max: number): void {
  if (count > max) {
    throw new HttpError(
      413,
      "too_many_people",
      "Content too large",
      `${count} people; this server takes at most ${max}`,
    );
  }
}
