/**
 * Error classes by kind, so callers (CLI exit codes, HTTP status codes, tests) match on the
 * class and the `code`, never on the wording.
 */
import type { Diagnosis } from "./diagnose/types.js";

/** One thing wrong with the input, located by a JSON path (or a CSV line and column). */
export interface InputIssue {
  /** JSON path into the problem, e.g. `["people", 3, "attributes", "Ansiennitet"]`. */
  path: (string | number)[];
  message: string;
  /** CSV location, when the issue comes from a roster file. Lines and columns count from 1. */
  file?: string;
  line?: number;
  column?: number;
}

/** The input does not match the problem schema or its cross-field rules. */
export class ProblemInputError extends Error {
  readonly code = "invalid_input";
  constructor(readonly issues: InputIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ProblemInputError";
  }
}

/** The hard rules cannot all hold and the caller asked to fail rather than get a best effort. */
export class InfeasibleError extends Error {
  readonly code = "infeasible";
  constructor(readonly diagnoses: Diagnosis[]) {
    super(diagnoses.map((d) => d.message).join("\n"));
    this.name = "InfeasibleError";
  }
}

/** `people[3].attributes.Kjønn` style, the way people read JSON paths. */
export function formatPath(path: (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(root)";
}

export function formatIssue(issue: InputIssue): string {
  // Roster messages carry their own "line N, column M (Header)"; only the file is added.
  if (issue.line !== undefined)
    return issue.file !== undefined ? `${issue.file}: ${issue.message}` : issue.message;
  return `${formatPath(issue.path)}: ${issue.message}`;
}
