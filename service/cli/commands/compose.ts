/**
 * `tverr compose ROSTER`: compose groups (or several rounds) and write them as CSV, JSON, an
 * Excel workbook (`-o grupper.xlsx`: the groups, a sheet per round, a summary) or a Markdown
 * report. Reads through input.ts, composes through the engine's `compose`, writes
 * through the engine's CSV and report writers.
 */
import {
  type ComposeResult,
  compose,
  groupsCsv,
  groupsWorkbook,
  InfeasibleError,
  markdownReport,
  markdownRounds,
  roundsCsv,
  summaryRows,
} from "../../../engine/index.js";
import { type Context, say } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import type { FlagSpec, ParsedFlags } from "../flags.js";
import { type Loaded, loadInput } from "../input.js";
import { emit, type Format, json, writeFile } from "../output.js";
import { Progress } from "../progress.js";
import {
  columnFlags,
  file,
  generalFlags,
  groupFlags,
  inputFlags,
  integer,
  outputFlags,
  positiveInt,
  ruleFlags,
  seconds,
  weight,
} from "../values.js";
import { noteInput, outputsOf, roundsStateOf, stateOf } from "./shared.js";

export const flags: FlagSpec[] = [
  ...groupFlags,
  ...columnFlags,
  ...ruleFlags,
  { name: "seed", value: "N", group: "search", parse: integer },
  { name: "time", value: "SECONDS", group: "search", parse: seconds },
  { name: "iterations", value: "N", group: "search", parse: positiveInt },
  { name: "fail-if-infeasible", group: "search" },
  { name: "exact", group: "search" },
  { name: "threads", value: "N", group: "search", parse: positiveInt },
  { name: "rounds", value: "N", group: "rounds", parse: positiveInt },
  { name: "history", value: "FILE", group: "rounds", parse: file },
  { name: "meetings-weight", value: "W", group: "rounds", parse: weight },
  { name: "no-repeats", group: "rounds" },
  { name: "sequential", group: "rounds" },
  { name: "reach", group: "rounds" },
  ...inputFlags,
  ...outputFlags(["csv", "json", "md"], true),
  ...generalFlags,
];

export async function run(parsed: ParsedFlags, ctx: Context): Promise<number> {
  const { values, positionals } = parsed;
  const { out, report, format } = outputsOf(
    "compose",
    parsed,
    ["csv", "json", "md", "xlsx"],
    ctx.io.stdout.isTTY !== true,
  );
  const loaded = await loadInput(positionals[0], values, ctx.read, "compose", ctx.origins);
  Object.assign(ctx.origins, loaded.origins);
  if (loaded.request.groups === undefined) throw new UsageError("no_groups", {}, "compose");
  await noteInput(loaded, ctx);

  const progress = new Progress(ctx.io.stderr, ctx.locale);
  let result: ComposeResult;
  try {
    result = await compose(loaded.request, {
      onProgress: progress.update,
      progressIntervalMs: 200,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    await progress.done();
    if (error instanceof InfeasibleError) {
      await say(ctx, [ctx.locale.cli.infeasible(error.diagnoses.length)]);
      return EXIT.infeasible;
    }
    throw error;
  }
  await progress.done();
  const interrupted = result.stats.stopReason === "aborted" && ctx.signal?.aborted === true;
  const state = result.kind === "rounds" ? roundsStateOf(result, ctx) : stateOf(result, ctx);
  if (!result.feasible && values.get("fail-if-infeasible") === true && !interrupted) {
    await say(ctx, [ctx.locale.cli.failIfInfeasible(state), ctx.locale.cli.infeasibleHint]);
    return EXIT.infeasible;
  }
  const written = await write(result, loaded, format, out, report, ctx);
  const L = ctx.locale;
  const lines: string[] = [];
  if (result.kind === "single" && result.exact) {
    const bound = result.exact.softLowerBound;
    lines.push(L.cli.exact(result.exact.status, bound !== undefined ? L.num(bound, 4) : undefined));
  }
  if (result.kind === "rounds") {
    const m = result.meetings;
    lines.push(
      L.cli.roundsSummary(
        result.rounds.length,
        loaded.refs.length,
        state,
        m.newPairs,
        m.repeatPairs,
        written,
      ),
    );
  } else
    lines.push(
      L.cli.summary(
        result.groups.reduce((s, g) => s + g.size, 0),
        result.groups.length,
        state,
        written,
      ),
    );
  if (interrupted) lines.push(L.cli.interrupted(written));
  await say(ctx, lines);
  if (interrupted) return EXIT.interrupted;
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}

/** Write the result in the chosen format (and the report); the files written. */
async function write(
  result: ComposeResult,
  loaded: Loaded,
  format: Format,
  out: string | undefined,
  reportPath: string | undefined,
  ctx: Context,
): Promise<string[]> {
  const L = ctx.locale;
  const people = loaded.roster?.people ?? (loaded.request.people as never);
  const options = {
    people,
    skipped: loaded.roster?.skipped ?? [],
    warnings: loaded.roster?.warnings ?? [],
  };
  const rosterCsv = loaded.roster
    ? { columns: loaded.roster.columns, cells: loaded.roster.cells, delimiter: loaded.delimiter }
    : undefined;
  const csvNames = { groupHeader: L.csv.group, roundHeader: L.csv.round };
  const report = () =>
    result.kind === "rounds"
      ? markdownRounds(result, L, { ...options, title: `${L.report.roundsTitle}: ${loaded.file}` })
      : markdownReport(result, L, { ...options, title: `${L.report.title}: ${loaded.file}` });
  if (format === "xlsx" && out !== undefined) {
    await writeFile(out, await workbook(result, loaded, ctx), ctx.io);
    if (reportPath !== undefined) await writeFile(reportPath, report(), ctx.io);
    return [out, reportPath].filter((f): f is string => f !== undefined);
  }
  const text =
    format === "json"
      ? json(result)
      : format === "md"
        ? report()
        : result.kind === "rounds"
          ? roundsCsv(result, rosterCsv, { people, ...csvNames })
          : groupsCsv(result, rosterCsv, {
              people,
              ...csvNames,
              ...(result.changes
                ? {
                    changes: result.changes,
                    changeHeader: L.csv.change,
                    changeText: { moved: L.csv.moved, newcomer: L.csv.newcomer },
                  }
                : {}),
            });
  await emit(text, out, ctx.io);
  if (reportPath !== undefined) await writeFile(reportPath, report(), ctx.io);
  return [out, reportPath].filter((f): f is string => f !== undefined);
}

/** The result as a workbook: the groups (a sheet per round), and a summary sheet. */
async function workbook(result: ComposeResult, loaded: Loaded, ctx: Context): Promise<Uint8Array> {
  const people = loaded.roster?.people ?? (loaded.request.people as never as { id: string; name?: string }[]);
  const names = new Map(people.map((p) => [p.id, p.name ?? p.id]));
  const name = (id: string) => names.get(id) ?? id;
  const roster = loaded.roster
    ? { columns: loaded.roster.columns, cells: loaded.roster.cells, delimiter: loaded.delimiter }
    : undefined;
  const rounds = result.kind === "rounds";
  return groupsWorkbook(
    {
      groupings: rounds
        ? result.rounds.map((r) => ({ round: r.id, groups: r.groups }))
        : [{ groups: result.groups }],
      ...(roster ? { roster } : { people: people as never }),
      ...(!rounds && result.changes ? { changes: result.changes } : {}),
      summary: summaryRows(
        rounds
          ? {
              reports: result.rounds.map((r) => ({ round: r.id, repeat: r.repeat, report: r })),
              meetings: result.meetings,
              network: result.network,
              name,
            }
          : { reports: [{ report: result }], name },
        ctx.locale,
      ),
    },
    ctx.locale,
  );
}
