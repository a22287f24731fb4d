/**
 * A report a coordinator reads, in her language: the summary (do the hard rules hold, how
 * good is each soft term and is it at its bound, diagnoses, search statistics, who moved),
 * then one table per group with its members and their categories, and who shares a category
 * with whom. Also the text of a check, and of several rounds. Pure: result in, Markdown out;
 * every word comes from the locale.
 */
import type { Diagnosis } from "../diagnose/types.js";
import type { InputWarning } from "../locale/codes.js";
import { formatAmount } from "../locale/format.js";
import { wordDiagnosis, wordIssue, wordWarning } from "../locale/index.js";
import type { Locale } from "../locale/types.js";
import { comparisonMarkdown } from "../network/markdown.js";
import { resolveGroups } from "../problem/groups.js";
import { entries, own } from "../problem/records.js";
import type { Person, Problem } from "../problem/schema.js";
import type { ColumnUse } from "../roster/mapping.js";
import type { SkippedRow } from "../roster/table.js";
import type { RoundsResult } from "../rounds/solveRounds.js";
import type { SolveStats } from "../solve.js";
import type { GroupReport, Report } from "./report.js";

type PersonLike = Pick<Person, "id" | "name" | "attributes">;

export interface MarkdownOptions {
  /** The problem's people: names, and the categories shown in the group tables. */
  people?: readonly PersonLike[];
  /** Heading of the report. */
  title?: string;
  /** Roster rows left out (skipInvalidRows), listed by line. */
  skipped?: readonly SkippedRow[];
  warnings?: readonly InputWarning[];
}

/** What a report is made from: a composition's or a score's result. */
export type ReportInput = Report & { diagnoses?: Diagnosis[]; stats?: SolveStats };

// --- report --------------------------------------------------------------------------------

export function markdownReport(result: ReportInput, locale: Locale, options: MarkdownOptions = {}): string {
  const R = locale.report;
  const name = nameOf(options);
  const out: string[] = [];
  out.push(`# ${md(options.title ?? R.title)}`, "");
  const people = result.groups.reduce((s, g) => s + g.size, 0);
  out.push(
    R.headcount(
      people,
      result.groups.length,
      sizeRange(
        result.groups.map((g) => g.size),
        locale,
      ),
    ),
    "",
  );

  out.push(`## ${R.summary}`, "");
  if (result.violations.length === 0) out.push(R.hardHold, "");
  else {
    out.push(R.hardBroken(result.violations.length), "");
    for (const v of result.violations) {
      out.push(
        `- ${md((locale.violation[v.rule] as (v: unknown, n: (id: string) => string) => string)(v, name))}`,
      );
    }
    out.push("");
  }

  const diagnoses = result.diagnoses ?? [];
  if (diagnoses.length > 0)
    out.push(R.diagnosesIntro(diagnoses.length), "", ...diagnosisList(diagnoses, locale, name), "");

  if (result.terms.length === 0) out.push(R.noTerms, "");
  else {
    out.push(R.termsIntro, "");
    out.push(
      ...table(
        R.termHeader,
        result.terms.map((t) => [
          locale.term.name(t),
          locale.num(t.weight),
          locale.percent(t.qualityPercent, t.atBound),
          formatAmount(locale.intl, t.raw),
          formatAmount(locale.intl, t.lowerBound),
          locale.term.status(t),
        ]),
        [false, true, true, true, true, false],
      ),
      "",
    );
    const kinds = [...new Set(result.terms.map((t) => t.term))];
    const negative = result.terms.some((t) => t.qualityPercent !== null && t.qualityPercent < 0);
    out.push(
      `${R.valueNote(kinds.map((k) => `${locale.term.value[k]} (${locale.term.kind[k]})`).join(", "))} ${R.boundNote}${negative ? ` ${R.negativeNote}` : ""}`,
      "",
    );
    if (result.provenOptimal) out.push(R.overallOptimal, "");
    else out.push(R.overall(locale.percent(100 * (1 - result.gap), result.gap <= 1e-12)), "");
  }

  if (result.changes) {
    const { moved, newcomers } = result.changes;
    out.push(R.changes(moved.length, newcomers.length), "");
    for (const m of moved.slice(0, 50)) out.push(`- ${md(R.movedRow(name(m.person), m.from, m.to))}`);
    if (moved.length > 50) out.push(`- ${R.andMore(moved.length - 50)}`);
    if (newcomers.length > 0) out.push(`- ${md(R.newcomersRow(locale.list(newcomers.map(name))))}`);
    out.push("");
  }

  if (result.stats) out.push(R.search(result.stats), "");
  out.push(...inputNotes(options, locale));

  out.push(`## ${R.groups}`, "");
  const byId = new Map((options.people ?? []).map((p) => [p.id, p]));
  for (const group of result.groups) out.push(...groupSection(group, byId, name, locale), "");
  return `${out.join("\n").trimEnd()}\n`;
}

/** Skipped rows and warnings about the roster. */
function inputNotes(options: MarkdownOptions, locale: Locale): string[] {
  const out: string[] = [];
  if (options.skipped && options.skipped.length > 0) {
    out.push(locale.report.skipped(options.skipped.length), "");
    for (const r of options.skipped) {
      const reasons = r.issues
        .map((i) => wordIssue({ ...i, file: undefined, line: undefined }, locale))
        .join("; ");
      out.push(`- ${md(locale.report.skippedRow(r.line, reasons))}`);
    }
    out.push("");
  }
  const warnings = (options.warnings ?? []).filter((w) => w.code !== "rows_skipped");
  if (warnings.length > 0) {
    out.push(locale.report.warnings, "");
    for (const w of warnings) out.push(`- ${md(wordWarning(w, locale))}`);
    out.push("");
  }
  return out;
}

function groupSection(
  group: GroupReport,
  people: ReadonlyMap<string, PersonLike>,
  name: (id: string) => string,
  locale: Locale,
): string[] {
  const R = locale.report;
  const out = [`### ${md(R.groupHeading(group.id, group.name, group.size))}`, ""];
  if (group.size === 0) return [...out, R.emptyGroup];
  const categorical = Object.keys(group.distinct);
  const numeric = Object.keys(group.means);
  const known = people.size > 0;
  const columns = known ? [...categorical, ...numeric] : [];
  const rows = group.members.map((id, i) => [
    String(i + 1),
    name(id),
    ...columns.map((c) => cell(own(people.get(id)?.attributes, c), locale)),
  ]);
  if (numeric.length > 0 && known) {
    rows.push([
      "",
      R.mean,
      ...categorical.map(() => ""),
      ...numeric.map((c) => cell(group.means[c], locale, 1)),
    ]);
  }
  out.push(
    ...table([R.memberNo, R.memberName, ...columns], rows, [true, false, ...columns.map(() => false)]),
    "",
  );
  if (!known && numeric.length > 0) {
    out.push(
      `**${R.mean}:** ${numeric.map((c) => `${md(c)} ${cell(group.means[c], locale, 1)}`).join(", ")}.`,
      "",
    );
  }
  if (categorical.length > 0) {
    out.push(
      escapeParts(R.distinct(categorical.map((c) => R.distinctPart(c, group.distinct[c])).join(", "))),
      "",
    );
    if (group.shared.length === 0) out.push(escapeParts(R.noneShared(locale.list(categorical, "or"))));
    else {
      out.push(R.shared);
      for (const attribute of categorical) {
        const parts = group.shared
          .filter((s) => s.attribute === attribute)
          .map((s) => R.sharedPart(s.category, locale.list(s.people.map(name))));
        if (parts.length > 0) out.push(`- ${md(attribute)}: ${md(parts.join("; "))}`);
      }
    }
  }
  return out;
}

// --- check ---------------------------------------------------------------------------------

export interface CheckInput {
  problem: Problem;
  diagnoses: readonly Diagnosis[];
  /** How each roster column is used, when the problem came from a roster. */
  columns?: readonly ColumnUse[];
}

/** The text of a check: what was read, the rules, and the diagnosis. */
export function markdownCheck(input: CheckInput, locale: Locale, options: MarkdownOptions = {}): string {
  const R = locale.report;
  const { problem, diagnoses } = input;
  const name = nameOf({ people: problem.people, ...options });
  const out: string[] = [`# ${md(options.title ?? R.checkTitle)}`, ""];
  const groups = resolveGroups(problem);
  const n = problem.people.length;
  out.push(
    groups.length === 0
      ? R.noGroups(n)
      : R.checkSummary(
          n,
          groups.length,
          R.range(Math.min(...groups.map((g) => g.minSize)), Math.max(...groups.map((g) => g.maxSize))),
        ),
    "",
  );
  const attributes = entries(problem.attributes).map(([attr, spec]) =>
    R.attributePart(attr, locale.columnUse({ column: attr, index: 0, use: "attribute", spec })),
  );
  out.push(escapeParts(R.attributes(attributes)), "");
  const r = problem.rules;
  const rules: string[] = [];
  if (r.apart.length > 0) rules.push(R.apartRule(r.apart.length));
  if (r.together.length > 0) rules.push(R.togetherRule(r.together.length));
  const pins = entries(r.pins).length;
  if (pins > 0) rules.push(R.pinRule(pins));
  const allowed = entries(r.allowedGroups).length;
  if (allowed > 0) rules.push(R.allowedRule(allowed));
  if (problem.incumbent) {
    const ids = new Set(problem.people.map((p) => p.id));
    const kept = entries(problem.incumbent.assignment).filter(([id]) => ids.has(id)).length;
    rules.push(R.incumbentRule(kept, locale.num(problem.incumbent.weight)));
  }
  out.push(escapeParts(R.rules(rules)), "");
  out.push(...inputNotes(options, locale));
  if (diagnoses.length === 0) out.push(R.checkHolds);
  else out.push(R.checkFails(diagnoses.length), "", ...diagnosisList(diagnoses, locale, name));
  return `${out.join("\n").trimEnd()}\n`;
}

// --- rounds --------------------------------------------------------------------------------

/**
 * The report of several rounds: the summary over all rounds (hard rules, meetings figures,
 * reach, search), the network before and after the new rounds, then each round's own report.
 */
export function markdownRounds(result: RoundsResult, locale: Locale, options: MarkdownOptions = {}): string {
  const R = locale.report;
  const out: string[] = [];
  out.push(`# ${md(options.title ?? R.roundsTitle)}`, "");
  const first = result.rounds[0]?.groups.reduce((s, g) => s + g.size, 0) ?? 0;
  out.push(R.roundsHeadcount(result.rounds.length, first), "");
  out.push(`## ${R.summary}`, "");
  const m = result.meetings;
  const broken = result.rounds.filter((r) => !r.feasible).map((r) => md(r.id));
  out.push(
    broken.length === 0 && !(m.forbidRepeats && m.repeats > 0)
      ? R.roundsHold(m.forbidRepeats)
      : R.roundsBroken(broken, m.repeats, m.forbidRepeats),
    "",
  );
  if (result.reach) {
    const parts = Object.entries(result.reach.meanMet).map(([a, mean]) =>
      R.reachPart(a, locale.num(mean, 1)),
    );
    out.push(R.reach(locale.list(parts)), "");
  }
  out.push(R.roundsSearch(result.stats), "");
  out.push(...inputNotes(options, locale));

  out.push(`## ${R.meetings}`, "");
  const rows = R.meetingRows;
  out.push(
    ...table(
      R.meetingsHeader,
      (Object.keys(rows) as (keyof typeof rows)[]).map((k) => [
        rows[k],
        k === "cost" || k === "lowerBound" || k === "randomExpectation"
          ? formatAmount(locale.intl, m[k])
          : locale.num(m[k], 0),
      ]),
      [false, true],
    ),
    "",
    R.meetingsNote(locale.num(m.weight), m.penalty, m.forbidRepeats),
    "",
  );
  out.push(comparisonMarkdown(result.network, locale).trimEnd(), "");

  for (const round of result.rounds) {
    // Each round's report, one heading level down, under the round's heading.
    const report = markdownReport(round, locale, {
      ...options,
      skipped: [],
      warnings: [],
      title: R.roundHeading(round.id, round.repeat),
    });
    out.push(report.replace(/^(#+) /gm, "#$1 ").trimEnd(), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

// --- helpers -------------------------------------------------------------------------------

function nameOf(options: MarkdownOptions): (id: string) => string {
  const names = new Map<string, string>();
  for (const p of options.people ?? []) if (p.name) names.set(p.id, p.name);
  return (id) => names.get(id) ?? id;
}

/** Diagnoses worded with display names in place of ids, each with its fixes. */
function diagnosisList(
  diagnoses: readonly Diagnosis[],
  locale: Locale,
  name: (id: string) => string,
): string[] {
  const out: string[] = [];
  diagnoses.forEach((d, i) => {
    const worded = wordDiagnosis(d, locale, name);
    out.push(`${i + 1}. ${md(worded.message)}`);
    for (const fix of worded.fixes) out.push(`   - ${locale.report.fix}: ${md(fix)}`);
  });
  return out;
}

function sizeRange(sizes: number[], locale: Locale): string {
  return sizes.length === 0 ? "0" : locale.report.range(Math.min(...sizes), Math.max(...sizes));
}

function cell(v: string | number | null | undefined, locale: Locale, digits = 2): string {
  if (v === undefined || v === null) return "";
  return typeof v === "number" ? locale.num(v, digits) : v;
}

/** Text from a roster made safe for Markdown: no table breaks, no markup, no HTML. */
export function md(text: string): string {
  return text.replace(/\r\n?|\n/g, " ").replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Escape a line made of wording whose own `**bold**` must survive: escape all but leading bold. */
function escapeParts(line: string): string {
  const m = /^(\*\*[^*]+\*\*)(.*)$/.exec(line);
  return m ? `${m[1]}${md(m[2])}` : md(line);
}

function table(header: readonly string[], rows: string[][], right: boolean[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => md(c)).join(" | ")} |`;
  return [
    line(header),
    `|${right.map((r) => (r ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map((r) => line(r)),
  ];
}
