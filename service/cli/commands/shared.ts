/**
 * What the compose, check and score commands share: checking the file arguments, reporting
 * how the roster's columns are used, rows left out and warnings, and the one-line state of a
 * result (no names, no values).
 */
import { type Report, type RoundsResult, wordWarning } from "../../../engine/index.js";
import { type Context, say } from "../context.js";
import { UsageError } from "../errors.js";
import type { ParsedFlags } from "../flags.js";
import type { Loaded } from "../input.js";
import { checkReportPath, type Format, outputFormat } from "../output.js";

export interface Outputs {
  out: string | undefined;
  report: string | undefined;
  format: Format;
}

/**
 * Where a roster command writes (--out, and --report where it has one) and in which format,
 * refused before any input is read: the file arguments, a report path, the format.
 */
export function outputsOf(
  command: "compose" | "check" | "score",
  { values, positionals }: ParsedFlags,
  formats: readonly Format[],
  piped: boolean,
): Outputs {
  const out = values.get("out") as string | undefined;
  const report = values.get("report") as string | undefined;
  checkFiles(command, positionals, sideFiles(values), [
    ["--out", out],
    ["--report", report],
  ]);
  checkReportPath(command, report);
  const format = outputFormat(command, formats, values.get("format") as Format | undefined, out, piped);
  return { out, report, format };
}

/** Positionals, standard input used once, outputs that are not inputs. */
export function checkFiles(
  command: "compose" | "check" | "score",
  positionals: readonly string[],
  inputs: readonly (string | undefined)[],
  outputs: readonly [flag: string, path: string | undefined][],
): void {
  const expected = command === "score" ? 2 : 1;
  if (positionals.length !== expected) {
    throw new UsageError(
      "positionals",
      { command, expected: command === "score" ? "roster_groups" : "roster", got: positionals.length },
      command,
    );
  }
  const all = [...positionals, ...inputs].filter((p): p is string => p !== undefined);
  if (all.filter((p) => p === "-").length > 1) throw new UsageError("one_stdin", {}, command);
  for (const [flag, path] of outputs) {
    if (path !== undefined && all.includes(path))
      throw new UsageError("output_is_input", { flag, file: path }, command);
  }
}

/** How each column is used, rows left out, and anything worth a look: on standard error. */
export async function noteInput(loaded: Loaded, ctx: Context): Promise<void> {
  const L = ctx.locale;
  const lines: string[] = [];
  if (loaded.kind === "csv" && loaded.columns.length > 0) {
    lines.push(L.cli.columnsHeading(loaded.file));
    for (const c of loaded.columns) lines.push(L.cli.columnLine(c.column, L.columnUse(c)));
  }
  const skipped = loaded.roster?.skipped ?? [];
  if (skipped.length > 0)
    lines.push(L.cli.skippedRows(skipped.length, loaded.file, skipped.map((s) => s.line).join(", ")));
  for (const w of loaded.roster?.warnings ?? []) if (w.code !== "rows_skipped") lines.push(wordWarning(w, L));
  await say(ctx, lines);
}

/** "every hard rule holds", or how many break, by kind of rule. */
export function stateOf(result: Pick<Report, "violations">, ctx: Context): string {
  const L = ctx.locale;
  if (result.violations.length === 0) return L.cli.allHold;
  const byRule = new Map<string, number>();
  for (const v of result.violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  return L.cli.broken(
    result.violations.length,
    [...byRule].map(([rule, n]) => L.cli.ruleCount(rule, n)).join(", "),
  );
}

/** The rounds' hard rules and the no-repeat rule, in words. */
export function roundsStateOf(result: RoundsResult, ctx: Context): string {
  const L = ctx.locale;
  const parts = result.rounds.filter((r) => !r.feasible).map((r) => L.cli.roundBroken(r.id, stateOf(r, ctx)));
  const m = result.meetings;
  if (m.forbidRepeats && m.repeats > 0) parts.push(L.cli.repeatsBroken(m.repeats));
  return parts.length === 0 ? L.cli.allHoldRounds : parts.join("; ");
}

/** The files the flags read, so an output never overwrites one. */
export function sideFiles(values: ReadonlyMap<string, unknown>): (string | undefined)[] {
  return [
    ...((values.get("apart") as string[] | undefined) ?? []),
    ...((values.get("together") as string[] | undefined) ?? []),
    values.get("pins") as string | undefined,
    values.get("repair") as string | undefined,
    values.get("history") as string | undefined,
    values.get("config") as string | undefined,
  ];
}
