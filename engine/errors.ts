/**
 * Error classes by kind, so callers (CLI exit codes, HTTP status codes, tests) match on the
 * class and the `code`, never on the wording; and the input issue as data.
 *
 * An issue is a code, the facts its wording needs, and where it is: a JSON path, or a file
 * with line and column. It never holds a sentence: every sentence comes from a locale
 * (`engine/locale/`), in Norwegian or English. Facts never hold a participant's data (a cell,
 * an id that may be an e-mail): issues point at people by position instead, because error
 * replies and terminal output travel further than results.
 */
import type { Diagnosis } from "./diagnose/types.js";
import type { IssueCode, IssueFacts } from "./locale/codes.js";

/** A step of a JSON path: a key, an array index, or the n-th entry (from 0) of a record keyed by people. */
export type PathPart = string | number | { entry: number };

/** Where an issue is, in a file. */
export interface IssueLocation {
  /** The file, when the issue comes from one (a roster, a side file). */
  file?: string;
  /** Line and column in that file, counting from 1. */
  line?: number;
  column?: number;
  /** The column's header, when the file has one. */
  columnName?: string;
  /** What the file looks like around the problem, when that explains it (see `IssueHint`). */
  hint?: IssueHint;
}

/** One thing wrong with the input. */
export type InputIssue = {
  [C in IssueCode]: {
    code: C;
    facts: IssueFacts[C];
    /** JSON path into the request, e.g. `["people", 3, "attributes", "Ansiennitet"]`. */
    path: PathPart[];
  } & IssueLocation;
}[IssueCode];

/** A guess at the cause of a roster problem, worded by the locale ("the header seems to be on line 2"). */
export type IssueHint =
  | { kind: "header_below"; line: number }
  | { kind: "merged_cells" }
  | { kind: "totals_row" }
  | { kind: "number_with_unit" }
  | { kind: "excel_file" }
  | { kind: "wrong_delimiter"; delimiter: string };

/** Build an issue with typed facts. */
export function issue<C extends IssueCode>(
  code: C,
  facts: IssueFacts[C],
  path: PathPart[] = [],
  where: IssueLocation = {},
): InputIssue {
  return { code, facts, path, ...where } as InputIssue;
}

/** The input does not match the request schema or its cross-field rules. */
export class ProblemInputError extends Error {
  readonly code = "invalid_input";
  constructor(readonly issues: InputIssue[]) {
    // The message names codes and places only: it may end up in a log.
    super(
      `invalid input: ${issues
        .slice(0, 5)
        .map(
          (i) => `${i.code} at ${formatPath(i.path) || (i.line !== undefined ? `line ${i.line}` : "(root)")}`,
        )
        .join("; ")}${issues.length > 5 ? ` and ${issues.length - 5} more` : ""}`,
    );
    this.name = "ProblemInputError";
  }
}

/** The hard rules cannot all hold and the caller asked to fail rather than get a best effort. */
export class InfeasibleError extends Error {
  readonly code = "infeasible";
  constructor(readonly diagnoses: Diagnosis[]) {
    super(`infeasible: ${diagnoses.map((d) => d.code).join(", ")}`);
    this.name = "InfeasibleError";
  }
}

/** `people[3].attributes.Kjønn` style, the way people read JSON paths. */
export function formatPath(path: readonly PathPart[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "object") out += `[#${part.entry + 1}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** RFC 6901 JSON pointer of a path; a record entry named by position stops the pointer at its record. */
export function jsonPointer(path: readonly PathPart[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "object") break;
    out += `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  return out;
}
