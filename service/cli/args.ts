/**
 * Flags to settings, with `node:util`'s parseArgs. Every message names the flag it is about.
 * Column names are resolved against the roster later (`problem.ts`); here only the shape of
 * each value is checked.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type Command = "compose" | "check" | "score";
/** Every command: the three that compose or score a problem, and `network`. */
export type CommandName = Command | "network";
export type Format = "csv" | "json" | "md";

type OptionSpec = { type: "string" | "boolean"; multiple?: boolean; short?: string };

const inputOptions = {
  "min-size": { type: "string" },
  "max-size": { type: "string" },
  spread: { type: "string", multiple: true },
  cap: { type: "string", multiple: true },
  "at-least": { type: "string", multiple: true },
  balance: { type: "string", multiple: true },
  apart: { type: "string", multiple: true },
  together: { type: "string", multiple: true },
  pins: { type: "string" },
  repair: { type: "string" },
  stability: { type: "string" },
  config: { type: "string" },
  format: { type: "string" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} satisfies Record<string, OptionSpec>;

const groupOptions = {
  size: { type: "string" },
  groups: { type: "string" },
} satisfies Record<string, OptionSpec>;

export const commandOptions = {
  compose: {
    ...inputOptions,
    ...groupOptions,
    seed: { type: "string" },
    time: { type: "string" },
    iterations: { type: "string" },
    "fail-if-infeasible": { type: "boolean" },
    report: { type: "string" },
    rounds: { type: "string" },
    history: { type: "string" },
    "meetings-weight": { type: "string" },
    "no-repeats": { type: "boolean" },
    sequential: { type: "boolean" },
  },
  check: { ...inputOptions, ...groupOptions },
  score: { ...inputOptions, report: { type: "string" } },
} satisfies Record<Command, Record<string, OptionSpec>>;

/** `--spread COL=2`: a column and an optional weight. */
export interface WeightedColumn {
  column: string;
  weight?: number;
}

/** `--cap COL=K` or `--cap COL:CATEGORY=K`, `--at-least COL:CATEGORY=K`: split later, against the columns. */
export interface CountRule {
  /** Everything left of the last `=`. */
  target: string;
  count: number;
}

export interface InputFlags {
  size?: number;
  groups?: number;
  minSize?: number;
  maxSize?: number;
  spread: WeightedColumn[];
  balance: WeightedColumn[];
  cap: CountRule[];
  atLeast: CountRule[];
  apart: string[];
  together: string[];
  pins?: string;
  repair?: string;
  stability?: number;
  config?: string;
  seed?: number;
  /** Milliseconds. */
  timeLimitMs?: number;
  iterations?: number;
  failIfInfeasible: boolean;
  format?: Format;
  out?: string;
  report?: string;
  /** `compose`: how many re-mixed rounds to compose. */
  rounds?: number;
  /** `compose`: a CSV of earlier rounds (round, group, person). */
  history?: string;
  meetingsWeight?: number;
  noRepeats: boolean;
  sequential: boolean;
}

export interface ParsedCommand {
  command: Command;
  help: boolean;
  positionals: string[];
  flags: InputFlags;
}

export const MAX_SECONDS = 3600;

export function parseCommand(command: Command, argv: string[]): ParsedCommand {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: commandOptions[command] as Record<string, OptionSpec>,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(parseArgsMessage(error, command), command);
  }
  const str = (name: string) => values[name] as string | undefined;
  const all = (name: string) => (values[name] as string[] | undefined) ?? [];
  const flags: InputFlags = {
    size: optional(str("size"), (v) => positiveInt("--size", v)),
    groups: optional(str("groups"), (v) => positiveInt("--groups", v)),
    minSize: optional(str("min-size"), (v) => nonNegativeInt("--min-size", v)),
    maxSize: optional(str("max-size"), (v) => positiveInt("--max-size", v)),
    spread: all("spread").map((v) => weightedColumn("--spread", v)),
    balance: all("balance").map((v) => weightedColumn("--balance", v)),
    cap: all("cap").map((v) => countRule("--cap", v, "COL=K or COL:CATEGORY=K", positiveInt)),
    atLeast: all("at-least").map((v) => countRule("--at-least", v, "COL:CATEGORY=K", positiveInt)),
    apart: all("apart").map((v) => fileName("--apart", v)),
    together: all("together").map((v) => fileName("--together", v)),
    pins: optional(str("pins"), (v) => fileName("--pins", v)),
    repair: optional(str("repair"), (v) => fileName("--repair", v)),
    stability: optional(str("stability"), (v) => weight("--stability", v)),
    config: optional(str("config"), (v) => fileName("--config", v)),
    seed: optional(str("seed"), (v) => integer("--seed", v)),
    timeLimitMs: optional(str("time"), (v) => timeLimit(v)),
    iterations: optional(str("iterations"), (v) => positiveInt("--iterations", v)),
    failIfInfeasible: values["fail-if-infeasible"] === true,
    format: optional(str("format"), (v) => format(command, v)),
    out: optional(str("out"), (v) => fileName("--out", v)),
    report: optional(str("report"), (v) => fileName("--report", v)),
    rounds: optional(str("rounds"), (v) => positiveInt("--rounds", v)),
    history: optional(str("history"), (v) => fileName("--history", v)),
    meetingsWeight: optional(str("meetings-weight"), (v) => weight("--meetings-weight", v)),
    noRepeats: values["no-repeats"] === true,
    sequential: values.sequential === true,
  };
  if (flags.rounds === undefined && flags.history === undefined) {
    const stray = [
      flags.meetingsWeight !== undefined ? "--meetings-weight" : "",
      flags.noRepeats ? "--no-repeats" : "",
      flags.sequential ? "--sequential" : "",
    ].filter(Boolean);
    if (stray.length > 0) {
      throw new UsageError(
        `${stray.join(", ")}: compose rounds with --rounds N (or --history FILE)`,
        command,
      );
    }
  }
  if ((flags.rounds !== undefined || flags.history !== undefined) && flags.repair !== undefined) {
    throw new UsageError(
      "--repair: repairs one grouping; it cannot be combined with --rounds or --history",
      command,
    );
  }
  if (flags.size !== undefined && flags.groups !== undefined) {
    throw new UsageError("--size and --groups: give one of them, not both", command);
  }
  if (flags.minSize !== undefined && flags.maxSize !== undefined && flags.minSize > flags.maxSize) {
    throw new UsageError(`--min-size ${flags.minSize} is above --max-size ${flags.maxSize}`, command);
  }
  if (flags.stability !== undefined && flags.repair === undefined) {
    throw new UsageError("--stability: give the earlier grouping with --repair FILE", command);
  }
  if (flags.out !== undefined && flags.out === flags.report) {
    throw new UsageError("--out and --report: give two different files", command);
  }
  return { command, help: values.help === true, positionals, flags };
}

/** parseArgs's own errors, reworded short and naming the flag. */
function parseArgsMessage(error: unknown, command: CommandName): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${flag ?? ""} for tverr ${command}`.replace("  ", " ");
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return flag !== undefined && /argument missing/.test(message)
        ? `${flag} needs a value`
        : `${flag ?? "an option"} does not take a value`;
    default:
      return `cannot read the command line (${code ?? "unknown error"})`;
  }
}

function optional<T>(value: string | undefined, parse: (v: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

export function positiveInt(flag: string, v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag}: expected a whole number of 1 or more`);
  return n;
}

function nonNegativeInt(flag: string, v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag}: expected a whole number of 0 or more`);
  return n;
}

function integer(flag: string, v: string): number {
  const n = /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag}: expected a whole number`);
  return n;
}

/** A number as written by people used to either decimal mark: `1.5` or `1,5`. */
function decimal(v: string): number {
  return /^\s*\d+(?:[.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : Number.NaN;
}

function weight(flag: string, v: string): number {
  const n = decimal(v);
  if (!Number.isFinite(n)) throw new UsageError(`${flag}: expected a weight of 0 or more, such as 2 or 0.5`);
  return n;
}

function timeLimit(v: string): number {
  const s = decimal(v);
  if (!Number.isFinite(s) || s <= 0 || s > MAX_SECONDS) {
    throw new UsageError(`--time: expected seconds, more than 0 and at most ${MAX_SECONDS}`);
  }
  return Math.max(1, Math.round(s * 1000));
}

function fileName(flag: string, v: string): string {
  if (v.trim() === "") throw new UsageError(`${flag}: expected a file name`);
  return v;
}

function weightedColumn(flag: string, v: string): WeightedColumn {
  const eq = v.lastIndexOf("=");
  const column = (eq >= 0 ? v.slice(0, eq) : v).trim();
  if (column === "") throw new UsageError(`${flag}: expected COLUMN or COLUMN=WEIGHT`);
  if (eq < 0) return { column };
  return { column, weight: weight(flag, v.slice(eq + 1)) };
}

function countRule(
  flag: string,
  v: string,
  shape: string,
  parse: (flag: string, v: string) => number,
): CountRule {
  const eq = v.lastIndexOf("=");
  const target = eq >= 0 ? v.slice(0, eq).trim() : "";
  if (target === "") throw new UsageError(`${flag}: expected ${shape}`);
  return { target, count: parse(flag, v.slice(eq + 1)) };
}

function format(command: Command, v: string): Format {
  const allowed: Format[] = command === "check" ? ["md", "json"] : ["csv", "json", "md"];
  if (!(allowed as string[]).includes(v)) {
    throw new UsageError(`--format: expected ${allowed.join(", ")} for tverr ${command}`, command);
  }
  return v as Format;
}

/** The output format: the flag, else the extension of --out, else Markdown. */
export function outputFormat(flags: InputFlags, command: Command): Format {
  if (flags.format) return flags.format;
  const ext = flags.out?.toLowerCase().match(/\.(csv|json|md|markdown)$/)?.[1];
  if (ext === "markdown") return "md";
  if (ext === "csv" && command === "check") {
    throw new UsageError("--out: tverr check writes Markdown or JSON, not CSV", command);
  }
  return (ext as Format | undefined) ?? "md";
}

// --- tverr network -----------------------------------------------------------------------------

const networkOptions = {
  roster: { type: "string" },
  agency: { type: "string" },
  sector: { type: "string" },
  before: { type: "string" },
  "new-rounds": { type: "string" },
  format: { type: "string" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} satisfies Record<string, OptionSpec>;

export interface NetworkArgs {
  help: boolean;
  positionals: string[];
  roster?: string;
  /** Roster columns (attribute keys) of the agency and the sector, as typed. */
  agency?: string;
  sector?: string;
  /** How many of HISTORY's rounds come before; the rest are the new rounds. */
  before?: number;
  /** A second history file: the new rounds. */
  newRounds?: string;
  format?: "md" | "json";
  out?: string;
}

export function parseNetwork(argv: string[]): NetworkArgs {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: networkOptions,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(parseArgsMessage(error, "network"), "network");
  }
  const str = (name: string) => values[name] as string | undefined;
  const column = (flag: string, v: string) => {
    if (v.trim() === "") throw new UsageError(`${flag}: expected a column name`, "network");
    return v.trim();
  };
  const args: NetworkArgs = {
    help: values.help === true,
    positionals,
    roster: optional(str("roster"), (v) => fileName("--roster", v)),
    agency: optional(str("agency"), (v) => column("--agency", v)),
    sector: optional(str("sector"), (v) => column("--sector", v)),
    before: optional(str("before"), (v) => nonNegativeInt("--before", v)),
    newRounds: optional(str("new-rounds"), (v) => fileName("--new-rounds", v)),
    format: optional(str("format"), (v) => {
      if (v !== "md" && v !== "json")
        throw new UsageError("--format: expected md or json for tverr network", "network");
      return v;
    }),
    out: optional(str("out"), (v) => fileName("--out", v)),
  };
  if (args.before !== undefined && args.newRounds !== undefined) {
    throw new UsageError("--before and --new-rounds: give one of them, not both", "network");
  }
  return args;
}

/** The network report's format: the flag, else the extension of --out, else Markdown. */
export function networkFormat(args: NetworkArgs): "md" | "json" {
  if (args.format) return args.format;
  const ext = args.out?.toLowerCase().match(/\.(csv|json|md|markdown)$/)?.[1];
  if (ext === "csv") throw new UsageError("--out: tverr network writes Markdown or JSON, not CSV", "network");
  return ext === "json" ? "json" : "md";
}
