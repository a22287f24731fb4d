/**
 * A short Markdown report of the has-met network: the overall figures (before and after new
 * rounds, when there are two networks) and the agencies with the widest and narrowest reach.
 * Names no person (rosters are personal data); agencies are named.
 */

import type { Locale, NetworkRow } from "../locale/types.js";
import type { AgencyReach, NetworkComparison, NetworkMeasures, OverallMeasures } from "./measures.js";

type RowKey = NetworkRow;

export interface NetworkMarkdownOptions {
  /** How many agencies to list at the top and at the bottom (default 5). */
  agencies?: number;
}

const pct = (L: Locale, x: number | null) => (x === null ? L.network.none : `${L.num(x * 100, 1)} %`);
const num = (L: Locale, x: number | null, digits = 0) => (x === null ? L.network.none : L.num(x, digits));
const cell = (s: string) =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");

/** The figure of one overall row, shown as text, and its number (for the change column). */
function figure(
  L: Locale,
  o: OverallMeasures,
  key: RowKey,
): { text: string; value: number | null; unit: "" | "pp" } {
  switch (key) {
    case "people":
    case "rounds":
    case "ties":
    case "repeatedPairs":
      return { text: num(L, o[key]), value: o[key], unit: "" };
    case "averagePeopleMet":
      return { text: num(L, o.averagePeopleMet, 1), value: o.averagePeopleMet, unit: "" };
    case "agencyPairCoverage":
      return {
        text:
          o.agencyPairCoverage === null
            ? L.network.none
            : `${pct(L, o.agencyPairCoverage)} (${L.num(o.connectedAgencyPairs, 0)} / ${L.num(o.agencyPairs, 0)})`,
        value: o.agencyPairCoverage,
        unit: "pp",
      };
    case "crossAgencyShare":
    case "crossSectorShare":
      return { text: pct(L, o[key]), value: o[key], unit: "pp" };
    case "agencyModularity":
      return { text: num(L, o.agencyModularity, 3), value: o.agencyModularity, unit: "" };
  }
}

function change(
  L: Locale,
  before: ReturnType<typeof figure>,
  after: ReturnType<typeof figure>,
  key: RowKey,
): string {
  if (before.value === null || after.value === null) return L.network.none;
  const d = after.value - before.value;
  // A fall is formatted by the locale, so it carries the same minus sign as the figures in
  // its row (en-GB writes "-0.167", nb-NO "−0,167"); a rise or no change gets "+" or "±".
  const sign = d > 0 ? "+" : d < 0 ? "" : "±";
  const abs = d < 0 ? d : Math.abs(d);
  if (after.unit === "pp") return `${sign}${L.num(abs * 100, 1)} ${L.network.percentPoints}`;
  if (key === "agencyModularity") return `${sign}${L.num(abs, 3)}`;
  if (key === "averagePeopleMet") return `${sign}${L.num(abs, 1)}`;
  return `${sign}${L.num(abs, 0)}`;
}

/** The network's figures in the order every report gives them (Markdown here, the workbook's summary). */
export const NETWORK_ROWS: readonly RowKey[] = [
  "people",
  "rounds",
  "ties",
  "averagePeopleMet",
  "agencyPairCoverage",
  "crossAgencyShare",
  "crossSectorShare",
  "agencyModularity",
  "repeatedPairs",
];

function agencyTables(
  L: Locale,
  agencies: readonly { agency: string; people: number; before?: number; after: number }[],
  agencyCount: number,
  limit: number,
  withBefore: boolean,
): string[] {
  if (agencies.length === 0 || limit <= 0) return [];
  const W = L.network;
  const widest = [...agencies].sort((a, b) => b.after - a.after || a.agency.localeCompare(b.agency, "nb"));
  const n = Math.min(limit, agencies.length);
  const top = widest.slice(0, n);
  // The bottom list leaves out agencies already in the top list, so a small programme shows each once.
  const bottom = widest.slice(Math.max(n, widest.length - n)).reverse();
  const header = withBefore
    ? [
        `| ${W.agency} | ${W.agencyPeople} | ${W.connectedBefore} | ${W.connectedAfter} |`,
        "|---|---:|---:|---:|",
      ]
    : [`| ${W.agency} | ${W.agencyPeople} | ${W.connected} |`, "|---|---:|---:|"];
  const line = (a: (typeof agencies)[number]) =>
    withBefore
      ? `| ${cell(a.agency)} | ${a.people} | ${a.before ?? 0} | ${a.after} ${W.ofAgencies(agencyCount - 1)} |`
      : `| ${cell(a.agency)} | ${a.people} | ${a.after} ${W.ofAgencies(agencyCount - 1)} |`;
  const out = ["", `### ${W.widest(top.length)}`, "", ...header, ...top.map(line)];
  if (bottom.length > 0)
    out.push("", `### ${W.narrowest(bottom.length)}`, "", ...header, ...bottom.map(line));
  return out;
}

/** The report of one network (no before/after). */
export function networkMarkdown(
  measures: NetworkMeasures,
  L: Locale,
  options: NetworkMarkdownOptions = {},
): string {
  const W = L.network;
  const o = measures.overall;
  const lines = [`## ${W.title}`, "", `| ${W.measure} | ${W.value} |`, "|---|---:|"];
  for (const key of NETWORK_ROWS) lines.push(`| ${W.rows[key]} | ${figure(L, o, key).text} |`);
  const rows = measures.agencies.map((a: AgencyReach) => ({
    agency: a.agency,
    people: a.people,
    after: a.connectedAgencies,
  }));
  lines.push(...agencyTables(L, rows, o.agencies, options.agencies ?? 5, false), "", W.note, "");
  return lines.join("\n");
}

/** The report of a network before and after new rounds. */
export function comparisonMarkdown(
  comparison: NetworkComparison,
  L: Locale,
  options: NetworkMarkdownOptions = {},
): string {
  const W = L.network;
  const b = comparison.before.overall;
  const a = comparison.after.overall;
  const lines = [
    `## ${W.title}`,
    "",
    `| ${W.measure} | ${W.before} | ${W.after} | ${W.change} |`,
    "|---|---:|---:|---:|",
  ];
  for (const key of NETWORK_ROWS) {
    const fb = figure(L, b, key);
    const fa = figure(L, a, key);
    lines.push(`| ${W.rows[key]} | ${fb.text} | ${fa.text} | ${change(L, fb, fa, key)} |`);
  }
  lines.push(
    ...agencyTables(L, comparison.agencies, a.agencies, options.agencies ?? 5, true),
    "",
    W.note,
    "",
  );
  return lines.join("\n");
}
