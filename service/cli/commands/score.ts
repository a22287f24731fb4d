/**
 * `tverr score ROSTER GROUPS`: a grouping made by hand scored with the same report compose
 * gives. GROUPS names people by id, e-mail or name; groups are its labels (the problem's
 * groups when the labels are their ids, else one group per label with even sizes).
 */
import {
  groupsCsv,
  markdownReport,
  ProblemInputError,
  readGroupingFile,
  type ScoreResult,
  score,
  wordIssue,
} from "../../../engine/index.js";
import { type Context, issueLine, say } from "../context.js";
import { EXIT } from "../errors.js";
import type { FlagSpec, ParsedFlags } from "../flags.js";
import { loadInput } from "../input.js";
import { emit, json, writeFile } from "../output.js";
import { columnFlags, generalFlags, inputFlags, outputFlags, ruleFlags, sizeBoundFlags } from "../values.js";
import { noteInput, outputsOf, stateOf } from "./shared.js";

export const flags: FlagSpec[] = [
  ...sizeBoundFlags,
  ...columnFlags,
  ...ruleFlags,
  ...inputFlags,
  ...outputFlags(["csv", "json", "md"], true),
  ...generalFlags,
];

export async function run(parsed: ParsedFlags, ctx: Context): Promise<number> {
  const { values, positionals } = parsed;
  const {
    out,
    report: reportPath,
    format,
  } = outputsOf("score", parsed, ["csv", "json", "md"], ctx.io.stdout.isTTY !== true);
  const loaded = await loadInput(positionals[0], values, ctx.read, "score", ctx.origins);
  Object.assign(ctx.origins, loaded.origins);
  await noteInput(loaded, ctx);
  const groupsSource = await ctx.read(positionals[1]);
  const assignment = await readGroupingFile(groupsSource.bytes, loaded.refs, { file: groupsSource.name });
  const request = {
    ...loaded.request,
    groups: scoredGroups(loaded.request.groups, assignment, values),
    assignment,
  };
  let result: ScoreResult;
  try {
    result = score(request);
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    // People missing from GROUPS: how many, then each by name and line in the roster, to the
    // user who has both files.
    const people: { id: string; name?: string }[] = loaded.roster?.people ?? loaded.refs;
    const unplaced = error.issues.filter((i) => i.code === "person_unplaced");
    const count = unplaced.reduce((n, i) => n + (i.code === "person_unplaced" ? i.facts.count : 0), 0);
    const lines: string[] = [];
    if (count > 0) {
      lines.push(
        `${groupsSource.name}: ${wordIssue({ code: "person_unplaced", facts: { count }, path: [] }, ctx.locale)}`,
      );
    }
    for (const i of error.issues) {
      if (i.code !== "person_unplaced") lines.push(issueLine(i, ctx));
      else if (typeof i.path[1] === "number") {
        const p = people[i.path[1]];
        const line = p ? loaded.roster?.lines.get(p.id) : undefined;
        lines.push(`${loaded.file}: ${ctx.locale.cli.unplaced(line, p?.name ?? p?.id ?? "")}`);
      }
    }
    await say(ctx, lines);
    return EXIT.input;
  }
  const L = ctx.locale;
  const people = loaded.roster?.people ?? (loaded.request.people as never);
  const report = () =>
    markdownReport(result, L, {
      people,
      title: `${L.report.title}: ${groupsSource.name}`,
      skipped: loaded.roster?.skipped ?? [],
      warnings: loaded.roster?.warnings ?? [],
    });
  const rosterCsv = loaded.roster
    ? { columns: loaded.roster.columns, cells: loaded.roster.cells, delimiter: loaded.delimiter }
    : undefined;
  const text =
    format === "json"
      ? json(result)
      : format === "md"
        ? report()
        : groupsCsv(result, rosterCsv, { people, groupHeader: L.csv.group });
  await emit(text, out, ctx.io);
  if (reportPath !== undefined) await writeFile(reportPath, report(), ctx.io);
  const written = [out, reportPath].filter((f): f is string => f !== undefined);
  await say(ctx, [L.cli.summary(people.length, result.groups.length, stateOf(result, ctx), written)]);
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}

/**
 * The groups of a grouping being scored: as given when its labels are the problem's group
 * ids, else one group per label, sizes as even as the head count allows (or the flags' bounds).
 */
function scoredGroups(
  given: unknown,
  assignment: Record<string, string>,
  values: ReadonlyMap<string, unknown>,
): unknown {
  const labels = [...new Set(Object.values(assignment))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  const n = Object.keys(assignment).length;
  const m = Math.max(1, labels.length);
  const minSize = (values.get("min-size") as number | undefined) ?? Math.floor(n / m);
  const maxSize = (values.get("max-size") as number | undefined) ?? Math.max(1, Math.ceil(n / m));
  if (typeof given === "object" && given !== null && "list" in given) {
    const list = (given as { list: { id: string }[] }).list;
    if (labels.every((l) => list.some((g) => g.id === l))) return given;
  }
  return { list: labels.map((id) => ({ id, minSize, maxSize })) };
}
