/**
 * The three commands. Each reads its input through `problem.ts`, calls the engine, and writes
 * what the engine returns in the chosen format; it returns the exit code.
 */

import { groupsCsv, roundsCsv } from "../../engine/export/groupsCsv.js";
import {
  diagnose,
  evaluate,
  type Problem,
  ProblemInputError,
  parseRoundsProblem,
  type Report,
  type RoundsProblem,
  type RoundsResult,
  resolveGroups,
  solve,
  solveRounds,
} from "../../engine/index.js";
import {
  markdownCheck,
  markdownReport,
  markdownRounds,
  type ReportInput,
} from "../../engine/report/markdown.js";
import { readHistoryCsv } from "../../engine/roster/index.js";
import { type Command, type Format, type InputFlags, outputFormat, parseCommand } from "./args.js";
import { EXIT, InputFailure, UsageError } from "./errors.js";
import { commandHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { type BuiltProblem, buildProblem, issueLine, type Reader, validateProblem } from "./problem.js";
import { Progress } from "./progress.js";

export interface Context {
  io: CliIo;
  read: Reader;
}

export async function runCommand(command: Command, argv: string[], ctx: Context): Promise<number> {
  const parsed = parseCommand(command, argv);
  if (parsed.help) {
    await ctx.io.stdout.write(commandHelp[command]);
    return EXIT.ok;
  }
  const expected = command === "score" ? 2 : 1;
  if (parsed.positionals.length !== expected) {
    const what = command === "score" ? "a ROSTER and a GROUPS file" : "one ROSTER file";
    throw new UsageError(
      `tverr ${command} takes ${what}; got ${parsed.positionals.length} arguments`,
      command,
    );
  }
  if (parsed.positionals.filter((p) => p === "-").length > 1) {
    throw new UsageError("only one file can come from standard input (-)", command);
  }
  const { flags } = parsed;
  for (const [flag, path] of [
    ["--out", flags.out],
    ["--report", flags.report],
  ] as const) {
    if (path !== undefined && (parsed.positionals.includes(path) || path === flags.history)) {
      throw new UsageError(`${flag}: ${path} is an input; write the result to another file`, command);
    }
  }
  const format = outputFormat(flags, command);
  switch (command) {
    case "compose":
      return compose(parsed.positionals[0], flags, format, ctx);
    case "check":
      return check(parsed.positionals[0], flags, format, ctx);
    case "score":
      return score(parsed.positionals[0], parsed.positionals[1], flags, format, ctx);
  }
}

async function compose(roster: string, flags: InputFlags, format: Format, ctx: Context): Promise<number> {
  const built = await buildProblem(roster, flags, ctx.read, { command: "compose" });
  if (flags.rounds !== undefined || flags.history !== undefined || built.input.rounds !== undefined)
    return composeRounds(built, flags, format, ctx);
  const problem = validateProblem(built);
  await noteSkipped(built, ctx);
  const progress = new Progress(ctx.io.stderr);
  let result: Awaited<ReturnType<typeof solve>>;
  try {
    result = await solve(problem, { onProgress: progress.update, progressIntervalMs: 200 });
  } finally {
    await progress.done();
  }
  if (!result.feasible && flags.failIfInfeasible) {
    await say(ctx, [
      `${brokenSummary(result)}; nothing written (--fail-if-infeasible).`,
      "Run without --fail-if-infeasible to get the best grouping found and the list of what breaks.",
    ]);
    return EXIT.infeasible;
  }
  const title = `Groups from ${built.file}`;
  await writeResult(result, problem, built, flags, format, title, ctx);
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}

/**
 * `compose --rounds N [--history FILE]`: N re-mixed rounds with the problem's groups, after
 * the rounds in FILE, solved jointly (or one after another with --sequential). A JSON problem
 * may bring its own rounds, history and meetings; the flags win over them.
 */
async function composeRounds(
  built: BuiltProblem,
  flags: InputFlags,
  format: Format,
  ctx: Context,
): Promise<number> {
  const input = built.input;
  if (flags.history !== undefined) {
    if (flags.history === "-" && built.file === "stdin") {
      throw new UsageError("only one file can come from standard input (-)", "compose");
    }
    const source = await ctx.read(flags.history);
    input.history = readHistoryCsv(source.bytes, built.refs, { file: source.name });
  }
  if (flags.rounds !== undefined || input.rounds === undefined) {
    const first = firstRoundNumber(input.history);
    input.rounds = Array.from({ length: flags.rounds ?? 1 }, (_, i) => ({ id: String(first + i) }));
  }
  if (flags.meetingsWeight !== undefined || flags.noRepeats) {
    const prior = isRecord(input.meetings) ? input.meetings : {};
    input.meetings = {
      ...prior,
      ...(flags.meetingsWeight !== undefined ? { weight: flags.meetingsWeight } : {}),
      ...(flags.noRepeats ? { forbidRepeats: true } : {}),
    };
  }
  let problem: RoundsProblem;
  try {
    problem = parseRoundsProblem(input).problem;
  } catch (error) {
    if (error instanceof ProblemInputError)
      throw new InputFailure(error.issues.map((i) => issueLine(i, built)));
    throw error;
  }
  await noteSkipped(built, ctx);
  const progress = new Progress(ctx.io.stderr);
  let result: RoundsResult;
  try {
    result = await solveRounds(problem, {
      onProgress: progress.update,
      progressIntervalMs: 200,
      mode: flags.sequential ? "sequential" : "joint",
    });
  } finally {
    await progress.done();
  }
  const state = roundsState(result);
  if (!result.feasible && flags.failIfInfeasible) {
    await say(ctx, [
      `${state}; nothing written (--fail-if-infeasible).`,
      "Run without --fail-if-infeasible to get the best rounds found and the list of what breaks.",
    ]);
    return EXIT.infeasible;
  }
  const report = () =>
    markdownRounds(result, {
      people: problem.people,
      title: `Groups over rounds from ${built.file}`,
      skipped: built.skipped,
    });
  const text =
    format === "csv"
      ? roundsCsv(result, built.roster, { people: problem.people })
      : format === "json"
        ? json(result)
        : report();
  await emit(text, flags.out, ctx);
  if (flags.report !== undefined) await writeFile(flags.report, report(), ctx);
  const written = [flags.out, flags.report].filter((f) => f !== undefined);
  const tail = written.length > 0 ? ` Wrote ${written.join(" and ")}.` : "";
  const m = result.meetings;
  await say(ctx, [
    `${plural(result.rounds.length, "round", "rounds")} of ${plural(problem.people.length, "person", "people")}; ${state}; ${plural(m.newPairs, "new pair", "new pairs")} met, ${plural(m.repeatPairs, "pair", "pairs")} met again.${tail}`,
  ]);
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}

/** The rounds' hard rules and the no-repeat rule, in words: no names, no values. */
function roundsState(result: RoundsResult): string {
  const parts = result.rounds.filter((r) => !r.feasible).map((r) => `round ${r.id}: ${brokenSummary(r)}`);
  const m = result.meetings;
  if (m.forbidRepeats && m.repeats > 0)
    parts.push(`${plural(m.repeats, "pair meets", "pairs meet")} again, though --no-repeats forbids it`);
  return parts.length === 0 ? "every hard rule holds in every round" : parts.join("; ");
}

/** New rounds continue the history's numbering when its rounds are numbered; else start at 1. */
function firstRoundNumber(history: unknown): number {
  const rounds = isRecord(history) && Array.isArray(history.rounds) ? history.rounds : [];
  const labels = rounds.map((r) => (isRecord(r) ? String(r.round) : ""));
  if (labels.length === 0 || !labels.every((l) => /^\d{1,6}$/.test(l))) return 1;
  return Math.max(...labels.map(Number)) + 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function check(roster: string, flags: InputFlags, format: Format, ctx: Context): Promise<number> {
  const built = await buildProblem(roster, flags, ctx.read, { command: "check" });
  const problem = validateProblem(built);
  await noteSkipped(built, ctx);
  const diagnoses = diagnose(problem);
  const text =
    format === "json"
      ? json({
          feasible: diagnoses.length === 0,
          people: problem.people.length,
          groups: resolveGroups(problem).length,
          diagnoses,
          skipped: built.skipped,
        })
      : markdownCheck({ problem, diagnoses }, { title: `Check of ${built.file}`, skipped: built.skipped });
  await emit(text, flags.out, ctx);
  if (flags.out !== undefined) {
    await say(ctx, [
      diagnoses.length === 0
        ? `no reason found why the hard rules could not all hold. Wrote ${flags.out}.`
        : `the hard rules cannot all hold (${plural(diagnoses.length, "reason", "reasons")}). Wrote ${flags.out}.`,
    ]);
  }
  return diagnoses.length === 0 ? EXIT.ok : EXIT.infeasible;
}

async function score(
  roster: string,
  groups: string,
  flags: InputFlags,
  format: Format,
  ctx: Context,
): Promise<number> {
  const built = await buildProblem(roster, flags, ctx.read, { command: "score", grouping: groups });
  const problem = validateProblem(built);
  await noteSkipped(built, ctx);
  let result: ReturnType<typeof evaluate>;
  try {
    result = evaluate(problem, built.assignment);
  } catch (error) {
    if (error instanceof ProblemInputError) {
      throw new InputFailure(error.issues.map((i) => issueLine(i, built)));
    }
    throw error;
  }
  const title = `Score of ${groups === "-" ? "the grouping" : groups}`;
  await writeResult(result, problem, built, flags, format, title, ctx);
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}

async function writeResult(
  result: ReportInput,
  problem: Problem,
  built: BuiltProblem,
  flags: InputFlags,
  format: Format,
  title: string,
  ctx: Context,
): Promise<void> {
  const report = () => markdownReport(result, { people: problem.people, title, skipped: built.skipped });
  const text =
    format === "csv"
      ? groupsCsv(result, built.roster, { people: problem.people })
      : format === "json"
        ? json(result)
        : report();
  await emit(text, flags.out, ctx);
  if (flags.report !== undefined) await writeFile(flags.report, report(), ctx);
  const written = [flags.out, flags.report].filter((f) => f !== undefined);
  const people = problem.people.length;
  const head = `${plural(people, "person", "people")} in ${plural(result.groups.length, "group", "groups")}`;
  const state = result.feasible ? "every hard rule holds" : brokenSummary(result);
  const tail = written.length > 0 ? ` Wrote ${written.join(" and ")}.` : "";
  await say(ctx, [`${head}; ${state}.${tail}`]);
}

/** How many hard rules break, by kind of rule: no names, no values. */
function brokenSummary(result: Pick<Report, "violations">): string {
  const byRule = new Map<string, number>();
  for (const v of result.violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  const parts = [...byRule].map(([rule, n]) => `${n} ${ruleWords[rule] ?? rule}`);
  return `${plural(result.violations.length, "hard rule does", "hard rules do")} not hold (${parts.join(", ")})`;
}

const ruleWords: Record<string, string> = {
  size: "group size",
  cap: "cap",
  min: "at-least",
  apart: "keep-apart",
  together: "keep-together",
  pin: "pin",
  allowed: "allowed-group",
};

async function noteSkipped(built: BuiltProblem, ctx: Context): Promise<void> {
  if (built.skipped.length === 0) return;
  const lines = built.skipped.map((s) => s.line).join(", ");
  await say(ctx, [
    `${plural(built.skipped.length, "row", "rows")} of ${built.file} left out: line ${lines}.`,
  ]);
}

async function emit(text: string, out: string | undefined, ctx: Context): Promise<void> {
  if (out === undefined) await ctx.io.stdout.write(text);
  else await writeFile(out, text, ctx);
}

async function writeFile(path: string, text: string, ctx: Context): Promise<void> {
  try {
    await ctx.io.writeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFailure([`${path}: cannot write the file (${fileProblem(code)})`]);
  }
}

export function fileProblem(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return code ?? "unknown error";
  }
}

async function say(ctx: Context, lines: string[]): Promise<void> {
  await ctx.io.stderr.write(lines.map((l) => `tverr: ${l}\n`).join(""));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
