/**
 * The summary of a grouping (or of several rounds) as rows of cells, for the summary sheet
 * of a workbook: do the hard rules hold (and which do not, and why), each soft term's
 * weight, quality, value and bound, whether it is optimal, the overall quality, who moved,
 * and for rounds the meetings and the has-met network before and after. Every word from the
 * locale; numbers stay numbers, so Excel can sort and sum them.
 */
import type { Locale } from "../locale/types.js";
import { NETWORK_ROWS } from "../network/markdown.js";
import type { NetworkComparison } from "../network/measures.js";
import type { Report } from "../report/report.js";
import type { CsvCell } from "../roster/write.js";
import type { MeetingsReport } from "../rounds/solveRounds.js";

type ReportLike = Pick<Report, "violations" | "terms" | "groups" | "gap" | "provenOptimal" | "changes">;

export interface SummaryInput {
  /** One report, or one per round (with the round's id). */
  reports: readonly { round?: string; repeat?: number; report: ReportLike }[];
  meetings?: MeetingsReport;
  network?: NetworkComparison;
  /** Display names for person ids (default: the ids). */
  name?: (id: string) => string;
  title?: string;
}

/** A report's words carry Markdown bold for the CLI's report; a sheet has none. */
const plain = (text: string) => text.replace(/\*\*/g, "");

export function summaryRows(input: SummaryInput, locale: Locale): CsvCell[][] {
  const R = locale.report;
  const name = input.name ?? ((id: string) => id);
  const rounds = input.reports.length > 1 || input.reports[0]?.round !== undefined;
  const rows: CsvCell[][] = [[input.title ?? (rounds ? R.roundsTitle : R.title)]];
  for (const { round, repeat, report } of input.reports) {
    rows.push([]);
    if (round !== undefined) rows.push([R.roundHeading(round, repeat ?? 1)]);
    const people = report.groups.reduce((s, g) => s + g.size, 0);
    const sizes = report.groups.map((g) => g.size);
    const range = sizes.length === 0 ? "0" : R.range(Math.min(...sizes), Math.max(...sizes));
    rows.push([plain(R.headcount(people, report.groups.length, range))]);
    if (report.violations.length === 0) rows.push([plain(R.hardHold)]);
    else {
      rows.push([plain(R.hardBroken(report.violations.length))]);
      for (const v of report.violations) {
        rows.push([(locale.violation[v.rule] as (v: unknown, n: (id: string) => string) => string)(v, name)]);
      }
    }
    if (report.terms.length === 0) rows.push([plain(R.noTerms)]);
    else {
      rows.push([...R.termHeader]);
      for (const t of report.terms) {
        rows.push([
          locale.term.name(t),
          t.weight,
          t.qualityPercent === null ? null : round2(t.qualityPercent),
          round2(t.raw),
          round2(t.lowerBound),
          locale.term.status(t),
        ]);
      }
      rows.push([
        plain(
          report.provenOptimal
            ? R.overallOptimal
            : R.overall(locale.percent(100 * (1 - report.gap), report.gap <= 1e-12)),
        ),
      ]);
    }
    if (report.changes) {
      const { moved, newcomers } = report.changes;
      rows.push([plain(R.changes(moved.length, newcomers.length))]);
      for (const m of moved) rows.push([R.movedRow(name(m.person), m.from, m.to)]);
      if (newcomers.length > 0) rows.push([R.newcomersRow(locale.list(newcomers.map(name)))]);
    }
  }
  if (input.meetings) {
    const m = input.meetings;
    rows.push([], [R.meetings], [...R.meetingsHeader]);
    for (const key of Object.keys(R.meetingRows) as (keyof typeof R.meetingRows)[]) {
      rows.push([R.meetingRows[key], round2(m[key])]);
    }
  }
  if (input.network) {
    const N = locale.network;
    const { before, after } = input.network;
    rows.push([], [N.title], [N.measure, N.before, N.after]);
    for (const key of NETWORK_ROWS) {
      rows.push([N.rows[key], figure(before.overall[key]), figure(after.overall[key])]);
    }
  }
  return rows;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const figure = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
