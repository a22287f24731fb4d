/**
 * What the CLI reports and how it exits. Bad usage and bad input both exit 2. Errors are
 * data (a code and facts); the locale words them. Lines never carry a participant's name,
 * e-mail or attribute value.
 */
import type { CliUsageCode, CliUsageFacts } from "../../engine/index.js";

export const EXIT = { ok: 0, infeasible: 1, input: 2, internal: 3, interrupted: 130 } as const;

/** A flag or argument the command line cannot take. */
export class UsageError<C extends CliUsageCode = CliUsageCode> extends Error {
  constructor(
    readonly code: C,
    readonly facts: CliUsageFacts[C],
    /** The command whose help to point to, if any. */
    readonly command?: string,
  ) {
    super(`usage: ${code}`);
    this.name = "UsageError";
  }
}

/** A file that cannot be read or written. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly mode: "read" | "write",
    readonly reason: string | undefined,
  ) {
    super(`cannot ${mode} ${file}`);
    this.name = "FileError";
  }
}
