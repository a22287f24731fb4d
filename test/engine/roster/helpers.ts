import { expect } from "vitest";
import { type InputIssue, ProblemInputError } from "../../../engine/errors.js";
import { en, wordIssue } from "../../../engine/locale/index.js";

/** The issues a call throws; fails the test if it returns or throws anything else. */
export function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemInputError);
    return (error as ProblemInputError).issues;
  }
  throw new Error("expected a ProblemInputError, but the call returned");
}

/** Lines joined with CRLF, as Excel writes them. */
export function crlf(...lines: string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Issues as data together with the sentence a coordinator reads in English (`wordIssue`:
 * where, what, and the hint), so a test pins both the codes and the wording.
 */
export function worded(issues: readonly InputIssue[]): (InputIssue & { text: string })[] {
  return issues.map((i) => ({ ...i, text: wordIssue(i, en) }));
}
