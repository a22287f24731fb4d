/**
 * What the CLI reports and how it exits. Bad usage and bad input both exit 2; each line is
 * printed after `tverr: `. Lines never carry a participant's name, e-mail or attribute value.
 */

export const EXIT = { ok: 0, infeasible: 1, input: 2, internal: 3 } as const;

/** A flag or argument the command line cannot take; the message names the flag. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point to, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** Input that cannot be used (a file that cannot be read, a config that does not fit). */
export class InputFailure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "InputFailure";
  }
}
