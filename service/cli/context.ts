/**
 * What a command runs with: the process's streams and files, the reader of input files,
 * the locale, an abort signal (Ctrl-C), and where parts of the input came from, so an issue
 * names the right file or flag.
 */
import { formatPath, type InputIssue, type Locale, type PathPart, wordIssue } from "../../engine/index.js";
import type { Origins, Reader } from "./input.js";
import type { CliIo } from "./io.js";

export interface Context {
  io: CliIo;
  read: Reader;
  locale: Locale;
  /** Aborted on Ctrl-C: a search stops and the best grouping so far is written. */
  signal?: AbortSignal;
  /** Filled in while the input is read. */
  origins: Partial<Origins>;
  /** The flags given on the command line, by name (without `--`). */
  given?: ReadonlySet<string>;
}

/** `tverr: …` lines on standard error. */
export async function say(ctx: Context, lines: readonly string[]): Promise<void> {
  if (lines.length > 0) await ctx.io.stderr.write(lines.map((l) => `tverr: ${l}\n`).join(""));
}

/**
 * Settings paths the flags write, so an issue at one names the flag: the first step (and,
 * for groups and meetings, the second) of the path. Several flags can write one path; the
 * ones given on the command line are named.
 */
const FLAGS_OF: Readonly<Record<string, readonly string[]>> = {
  mix: ["spread"],
  balance: ["balance"],
  balanceSpread: ["balance-spread"],
  similar: ["similar"],
  caps: ["cap"],
  atLeast: ["at-least"],
  notAlone: ["not-alone"],
  groups: ["size", "groups", "min-size", "max-size"],
  "groups.size": ["size"],
  "groups.count": ["groups"],
  "groups.minSize": ["min-size"],
  "groups.maxSize": ["max-size"],
  meetings: ["meetings-weight", "no-repeats"],
  "meetings.weight": ["meetings-weight"],
  "meetings.forbidRepeats": ["no-repeats"],
  reach: ["reach"],
  exact: ["exact"],
  threads: ["threads"],
  roundsMode: ["sequential"],
  rounds: ["rounds"],
  agency: ["agency"],
  sector: ["sector"],
};

/** The flag (or flags, `--size/--groups`) an issue's settings path came from, if it came from flags. */
export function flagOf(issue: InputIssue, ctx: Context): string | undefined {
  if (issue.line !== undefined || issue.file !== undefined) return undefined;
  const [head, sub] = issue.path;
  if (typeof head !== "string") return undefined;
  const candidates = (typeof sub === "string" ? FLAGS_OF[`${head}.${sub}`] : undefined) ?? FLAGS_OF[head];
  if (candidates === undefined) return undefined;
  const given = ctx.given ? candidates.filter((f) => ctx.given?.has(f)) : candidates;
  // Not from a flag (the config file, say): let the caller place it.
  if (given.length === 0) return undefined;
  return given.map((f) => `--${f}`).join("/");
}

/** One engine issue as a line: located in the file, or at the flag, the offending part came from. */
export function issueLine(issue: InputIssue, ctx: Context, fromFlags = false): string {
  const { locale, origins } = ctx;
  const flag = fromFlags ? flagOf(issue, ctx) : undefined;
  if (flag !== undefined) return `${flag}: ${wordIssue({ ...issue, path: [] }, locale)}`;
  // The issue knows its file (and line): the engine's location says it.
  if (issue.line !== undefined || issue.file !== undefined) return wordIssue(issue, locale);
  const [head, sub] = issue.path;
  const message = wordIssue({ ...issue, path: [] }, locale);
  const at = (file: string | undefined, path: PathPart[]) => {
    const where = formatPath(path);
    return `${file ?? ""}${file && where ? ": " : ""}${where}${file || where ? ": " : ""}${message}`;
  };
  if (head === "rules" && sub === "pins" && origins.pins) return at(origins.pins, []);
  if (head === "incumbent" && origins.repair) return at(origins.repair, []);
  if (head === "history" && origins.history) return at(origins.history, []);
  if ((head === "mapping" || head === "problem") && origins.config) return at(origins.config, issue.path);
  return at(origins.roster, issue.path);
}
