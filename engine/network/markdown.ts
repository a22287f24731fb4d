/**
 * A short Markdown report of the has-met network: the overall figures (before and after new
 * rounds, when there are two networks) and the agencies with the widest and narrowest reach.
 * Names no person (rosters are personal data); agencies are named.
 */
import type { AgencyReach, NetworkComparison, NetworkMeasures, OverallMeasures } from "./measures.js";

/** Every word of the report, in one place. */
export const NETWORK_WORDS = {
  title: "Network: who has met whom",
  measure: "Measure",
  value: "Value",
  before: "Before",
  after: "After",
  change: "Change",
  none: "–",
  rows: {
    people: "People",
    rounds: "Rounds",
    ties: "Pairs who have met",
    averagePeopleMet: "People met, on average",
    agencyPairCoverage: "Agency pairs with at least one tie",
    crossAgencyShare: "Ties that cross agencies",
    crossSectorShare: "Ties that cross sectors",
    agencyModularity: "Modularity of the agency partition (lower = more mixing)",
    repeatedPairs: "Pairs who met more than once",
  },
  widest: (n: number) => `Agencies with the widest reach (top ${n})`,
  narrowest: (n: number) => `Agencies with the narrowest reach (bottom ${n})`,
  agency: "Agency",
  agencyPeople: "People",
  connected: "Other agencies met",
  connectedBefore: "Other agencies met, before",
  connectedAfter: "after",
  ofAgencies: (n: number) => `of ${n}`,
  note: "Agencies and sectors met do not count a person's own agency or sector.",
} as const;

type RowKey = keyof typeof NETWORK_WORDS.rows;

export interface NetworkMarkdownOptions {
  /** How many agencies to list at the top and at the bottom (default 5). */
  agencies?: number;
}

const pct = (x: number | null) => (x === null ? NETWORK_WORDS.none : `${(x * 100).toFixed(1)} %`);
const num = (x: number | null, digits = 0) => (x === null ? NETWORK_WORDS.none : x.toFixed(digits));
const cell = (s: string) =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");

/** The figure of one overall row, shown as text, and its number (for the change column). */
function figure(o: OverallMeasures, key: RowKey): { text: string; value: number | null; unit: "" | "pp" } {
  switch (key) {
    case "people":
    case "rounds":
    case "ties":
    case "repeatedPairs":
      return { text: num(o[key]), value: o[key], unit: "" };
    case "averagePeopleMet":
      return { text: num(o.averagePeopleMet, 1), value: o.averagePeopleMet, unit: "" };
    case "agencyPairCoverage":
      return {
        text:
          o.agencyPairCoverage === null
            ? NETWORK_WORDS.none
            : `${pct(o.agencyPairCoverage)} (${o.connectedAgencyPairs} / ${o.agencyPairs})`,
        value: o.agencyPairCoverage,
        unit: "pp",
      };
    case "crossAgencyShare":
    case "crossSectorShare":
      return { text: pct(o[key]), value: o[key], unit: "pp" };
    case "agencyModularity":
      return { text: num(o.agencyModularity, 3), value: o.agencyModularity, unit: "" };
  }
}

function change(before: ReturnType<typeof figure>, after: ReturnType<typeof figure>, key: RowKey): string {
  if (before.value === null || after.value === null) return NETWORK_WORDS.none;
  const d = after.value - before.value;
  const sign = d > 0 ? "+" : d < 0 ? "-" : "±";
  const abs = Math.abs(d);
  if (after.unit === "pp") return `${sign}${(abs * 100).toFixed(1)} pp`;
  if (key === "agencyModularity") return `${sign}${abs.toFixed(3)}`;
  if (key === "averagePeopleMet") return `${sign}${abs.toFixed(1)}`;
  return `${sign}${abs.toFixed(0)}`;
}

const ROW_KEYS = Object.keys(NETWORK_WORDS.rows) as RowKey[];

function agencyTables(
  agencies: readonly { agency: string; people: number; before?: number; after: number }[],
  agencyCount: number,
  limit: number,
  withBefore: boolean,
): string[] {
  if (agencies.length === 0 || limit <= 0) return [];
  const W = NETWORK_WORDS;
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
export function networkMarkdown(measures: NetworkMeasures, options: NetworkMarkdownOptions = {}): string {
  const W = NETWORK_WORDS;
  const o = measures.overall;
  const lines = [`## ${W.title}`, "", `| ${W.measure} | ${W.value} |`, "|---|---:|"];
  for (const key of ROW_KEYS) lines.push(`| ${W.rows[key]} | ${figure(o, key).text} |`);
  const rows = measures.agencies.map((a: AgencyReach) => ({
    agency: a.agency,
    people: a.people,
    after: a.connectedAgencies,
  }));
  lines.push(...agencyTables(rows, o.agencies, options.agencies ?? 5, false), "", W.note, "");
  return lines.join("\n");
}

/** The report of a network before and after new rounds. */
export function comparisonMarkdown(
  comparison: NetworkComparison,
  options: NetworkMarkdownOptions = {},
): string {
  const W = NETWORK_WORDS;
  const b = comparison.before.overall;
  const a = comparison.after.overall;
  const lines = [
    `## ${W.title}`,
    "",
    `| ${W.measure} | ${W.before} | ${W.after} | ${W.change} |`,
    "|---|---:|---:|---:|",
  ];
  for (const key of ROW_KEYS) {
    const fb = figure(b, key);
    const fa = figure(a, key);
    lines.push(`| ${W.rows[key]} | ${fb.text} | ${fa.text} | ${change(fb, fa, key)} |`);
  }
  lines.push(...agencyTables(comparison.agencies, a.agencies, options.agencies ?? 5, true), "", W.note, "");
  return lines.join("\n");
}
