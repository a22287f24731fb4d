import { expect } from "vitest";
import { type InputIssue, ProblemInputError } from "../../../engine/errors.js";

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
