/**
 * A report a coordinator reads: the summary (do the hard rules hold, how good is each soft
 * term and is it at its bound, diagnoses, search statistics), then one table per group with
 * its members and their categories, and who shares a category with whom. Also the text of
 * `tverr check`. Pure: result in, Markdown out.
 *
 * Every English word is in `en` below; a Norwegian report is a second object of its shape.
 */
import type { Diagnosis, DiagnosisData } from "../diagnose/types.js";
import { english, word } from "../diagnose/wording.js";
import { comparisonMarkdown } from "../network/markdown.js";
import type { Person, Problem } from "../problem/schema.js";
import { resolveGroups } from "../problem/validate.js";
import type { SkippedRow } from "../roster/table.js";
import type { RoundsResult } from "../rounds/solveRounds.js";
import type { SolveStats } from "../solve.js";
import type { GroupReport, Report, TermReport } from "./report.js";
import type { Violation } from "./violations.js";

type PersonLike = Pick<Person, "id" | "name" | "attributes">;

export interface MarkdownOptions {
  /** Display name by person id; else the person's name from `people`; else the id. */
  names?: Record<string, string>;
  /** The problem's people: names, and the categories shown in the group tables. */
  people?: readonly PersonLike[];
  /** Heading of the report. */
  title?: string;
  /** Roster rows left out (the mapping's skipInvalidRows), listed by line. */
  skipped?: readonly SkippedRow[];
}

/** What a report is made from: `solve`'s or `evaluate`'s result. */
export type ReportInput = Report & { diagnoses?: Diagnosis[]; stats?: SolveStats };

// --- wording -------------------------------------------------------------------------------

const en = {
  title: "Groups",
  checkTitle: "Check",
  summary: "Summary",
  groups: "Groups",
  headcount: (people: number, groups: number, sizes: string) =>
    `${count(people, "person", "people")} in ${count(groups, "group", "groups")} (${sizes} per group).`,
  hardHold: "**Hard rules:** all hold.",
  hardBroken: (n: number) => `**Hard rules:** ${n === 1 ? "1 rule does" : `${n} rules do`} not hold:`,
  violation: (v: Violation, name: (id: string) => string): string => {
    switch (v.rule) {
      case "size":
        return `Group ${v.group} has ${count(v.size, "person", "people")}; it must have ${range(v.minSize, v.maxSize)}.`;
      case "cap":
        return `Group ${v.group} has ${v.count} with ${v.attribute} ${quote(v.category)}, at most ${v.cap} allowed: ${list(v.people.map(name))}.`;
      case "min":
        return `Group ${v.group} has ${v.count} with ${v.attribute} ${quote(v.category)}, at least ${v.min} required.`;
      case "apart":
        return `${name(v.people[0])} and ${name(v.people[1])} are both in group ${v.group}, but are to be kept apart.`;
      case "together":
        return `${list(v.people.map(name))} are to be kept together, but are in groups ${list(v.groups)}.`;
      case "pin":
        return `${name(v.person)} is pinned to group ${v.pinnedTo}, but is in group ${v.group}.`;
      case "allowed":
        return `${name(v.person)} is in group ${v.group}, where they are not allowed.`;
    }
  },
  termsIntro:
    "**Soft terms.** Quality: 100% is the best possible (the lower bound), 0% no better than a random grouping.",
  termHeader: ["Term", "Weight", "Quality", "Value", "Best possible", "Status"],
  termName: (t: TermReport) =>
    t.kind === "categorical"
      ? `Mix of ${t.name}`
      : t.kind === "numeric"
        ? `Balance of ${t.name}`
        : t.kind === "pairwise"
          ? "Pair preferences"
          : t.kind === "distance"
            ? "Diversity (distances inside groups)"
            : "Stability",
  atBound: "optimal",
  gap: (t: TermReport) =>
    t.kind === "categorical"
      ? `${count(roundTo(t.raw - t.lowerBound, 2), "pair", "pairs")} above the bound`
      : t.kind === "stability"
        ? `${count(t.raw, "person", "people")} moved`
        : `${amount(t.raw - t.lowerBound)} above the bound`,
  termsNote:
    "Value: pairs in one group who share the category (mix), spread of the group means (balance), people moved (stability), minus the distances inside groups (diversity). A term at its best possible value is proven optimal.",
  noTerms: "**Soft terms:** none.",
  overallOptimal: "**Overall:** proven optimal: every hard rule holds and every soft term is at its bound.",
  overall: (quality: string) => `**Overall:** weighted quality ${quality}.`,
  diagnosesIntro: (n: number) =>
    `**Why the rules cannot all hold** (${n === 1 ? "1 reason" : `${n} reasons`}, found before searching):`,
  fix: "Fix",
  search: (s: SolveStats) =>
    `**Search:** ${num(s.iterations)} moves tried in ${seconds(s.totalMs)} (seed ${s.seed}; ${stopWords[s.stopReason]}); best found after ${seconds(s.timeToBestMs)}.`,
  skipped: (n: number) => `**Rows left out** of the roster (${n}):`,
  skippedRow: (r: SkippedRow) => `line ${r.line}: ${r.reason}`,
  groupHeading: (g: GroupReport) =>
    `Group ${g.id}${g.name ? ` — ${g.name}` : ""} (${count(g.size, "person", "people")})`,
  memberNo: "#",
  memberName: "Name",
  mean: "Mean",
  distinct: (parts: string[]) => `**Different values:** ${parts.join(", ")}.`,
  distinctPart: (attribute: string, n: number) => `${attribute} ${n}`,
  shared: "**Shared:**",
  sharedPart: (category: string, people: string[]) => `${quote(category)}: ${list(people)}`,
  noneShared: (attributes: string[]) =>
    `**Shared:** none; no two members have the same ${list(attributes, "or")}.`,
  emptyGroup: "No members.",
  checkSummary: (people: number, groups: number, sizes: string) =>
    `${count(people, "person", "people")}, ${count(groups, "group", "groups")} of ${sizes}.`,
  noGroups: (people: number) => `${count(people, "person", "people")}; no groups given.`,
  attributes: (parts: string[]) =>
    parts.length > 0 ? `**Attributes:** ${parts.join("; ")}.` : "**Attributes:** none.",
  attributePart: (name: string, kind: "categorical" | "numeric", weight: number, rules: string[]) =>
    `${name} (${[kind === "categorical" ? "mix" : "balance", `weight ${num(weight)}`, ...rules].join(", ")})`,
  capRule: (cap: number) => `at most ${cap} per group`,
  capByCategory: (category: string, cap: number) => `at most ${cap} ${quote(category)}`,
  minRule: (category: string, min: number) => `at least ${min} ${quote(category)}`,
  rules: (parts: string[]) =>
    parts.length > 0 ? `**Rules:** ${parts.join("; ")}.` : "**Rules:** none besides sizes.",
  apartRule: (n: number) => count(n, "keep-apart set", "keep-apart sets"),
  togetherRule: (n: number) => count(n, "keep-together set", "keep-together sets"),
  pinRule: (n: number) => count(n, "pin", "pins"),
  allowedRule: (n: number) => `${count(n, "person", "people")} limited to some groups`,
  incumbentRule: (n: number, weight: number) =>
    `repairing an earlier grouping of ${count(n, "person", "people")} (stability weight ${num(weight)})`,
  checkHolds:
    "**No reason found why the hard rules could not all hold.** The check looks for the usual conflicts; `tverr compose` confirms it by finding a grouping.",
  roundsTitle: "Groups over rounds",
  roundsHeadcount: (rounds: number, people: number) =>
    `${count(rounds, "round", "rounds")}; ${count(people, "person", "people")} placed in the first.`,
  roundsHold: (forbid: boolean) =>
    `**Hard rules:** all hold in every round${forbid ? ", and no pair meets twice" : ""}.`,
  roundsBroken: (rounds: string[], repeats: number, forbid: boolean) =>
    `**Hard rules:** ${[
      rounds.length > 0 ? `do not all hold in round ${list(rounds)}` : "",
      forbid && repeats > 0
        ? `${count(repeats, "pair meets", "pairs meet")} again, though repeats are forbidden`
        : "",
    ]
      .filter(Boolean)
      .join("; ")}.`,
  meetings: "Meetings",
  meetingsHeader: ["Figure", "Value"],
  meetingRows: {
    pairsMet: "Pairs who have met (history included)",
    newPairs: "Pairs who meet for the first time",
    repeatPairs: "Pairs who meet again",
    repeats: "Groupings that put together a pair who had met",
    maxMeetings: "Most meetings of any pair",
    cost: "Repeated-meetings cost",
    lowerBound: "Best possible cost",
    randomExpectation: "Cost of random groupings",
  },
  meetingsNote: (weight: number, penalty: "square" | "linear", forbid: boolean) =>
    `A pair's meetings beyond the first cost ${penalty === "square" ? "their square" : "one each"} (weight ${num(weight)})${forbid ? "; a pair meeting twice is forbidden" : ""}.`,
  roundsSearch: (s: RoundsResult["stats"]) =>
    `**Search:** ${s.mode}, ${num(s.iterations)} moves tried in ${seconds(s.totalMs)} (seed ${s.seed}; ${stopWords[s.stopReason]}).`,
  roundHeading: (id: string, repeat: number) => `Round ${id}${repeat > 1 ? ` (meets ${repeat} times)` : ""}`,
  checkFails: (n: number) => `**The hard rules cannot all hold** (${n === 1 ? "1 reason" : `${n} reasons`}):`,
};

const stopWords: Record<SolveStats["stopReason"], string> = {
  timeLimit: "stopped at the time limit",
  iterationLimit: "stopped at the move limit",
  aborted: "stopped early",
  optimal: "stopped: proven optimal",
  nothingToMove: "nothing could be moved",
};

// --- report --------------------------------------------------------------------------------

export function markdownReport(result: ReportInput, options: MarkdownOptions = {}): string {
  const name = nameOf(options);
  const out: string[] = [];
  out.push(`# ${md(options.title ?? en.title)}`, "");
  const people = result.groups.reduce((s, g) => s + g.size, 0);
  out.push(en.headcount(people, result.groups.length, sizeRange(result.groups.map((g) => g.size))), "");

  out.push(`## ${en.summary}`, "");
  if (result.violations.length === 0) out.push(en.hardHold, "");
  else {
    out.push(en.hardBroken(result.violations.length), "");
    for (const v of result.violations) out.push(`- ${md(en.violation(v, name))}`);
    out.push("");
  }

  const diagnoses = result.diagnoses ?? [];
  if (diagnoses.length > 0) {
    out.push(en.diagnosesIntro(diagnoses.length), "");
    out.push(...diagnosisList(diagnoses, name), "");
  }

  if (result.terms.length === 0) out.push(en.noTerms, "");
  else {
    out.push(en.termsIntro, "");
    out.push(
      ...table(
        en.termHeader,
        result.terms.map((t) => [
          en.termName(t),
          num(t.weight),
          percent(t.qualityPercent, t.atBound),
          amount(t.raw),
          amount(t.lowerBound),
          t.atBound ? en.atBound : en.gap(t),
        ]),
        [false, true, true, true, true, false],
      ),
      "",
      en.termsNote,
      "",
    );
    if (result.provenOptimal) out.push(en.overallOptimal, "");
    else out.push(en.overall(percent(100 * (1 - result.gap), result.gap <= 1e-12)), "");
  }

  if (result.stats) out.push(en.search(result.stats), "");

  if (options.skipped && options.skipped.length > 0) {
    out.push(en.skipped(options.skipped.length), "");
    for (const r of options.skipped) out.push(`- ${md(en.skippedRow(r))}`);
    out.push("");
  }

  out.push(`## ${en.groups}`, "");
  const byId = new Map((options.people ?? []).map((p) => [p.id, p]));
  for (const group of result.groups) out.push(...groupSection(group, byId, name), "");
  return `${out.join("\n").trimEnd()}\n`;
}

function groupSection(
  group: GroupReport,
  people: ReadonlyMap<string, PersonLike>,
  name: (id: string) => string,
): string[] {
  const out = [`### ${md(en.groupHeading(group))}`, ""];
  if (group.size === 0) return [...out, en.emptyGroup];
  const categorical = Object.keys(group.distinct);
  const numeric = Object.keys(group.means);
  const known = people.size > 0;
  const columns = known ? [...categorical, ...numeric] : [];
  const rows = group.members.map((id, i) => [
    String(i + 1),
    name(id),
    ...columns.map((c) => cell(people.get(id)?.attributes[c])),
  ]);
  if (numeric.length > 0 && known) {
    rows.push(["", en.mean, ...categorical.map(() => ""), ...numeric.map((c) => cell(group.means[c], 1))]);
  }
  out.push(
    ...table([en.memberNo, en.memberName, ...columns], rows, [true, false, ...columns.map(() => false)]),
    "",
  );
  if (!known && numeric.length > 0) {
    out.push(`**${en.mean}:** ${numeric.map((c) => `${md(c)} ${cell(group.means[c], 1)}`).join(", ")}.`, "");
  }
  if (categorical.length > 0) {
    out.push(escapeParts(en.distinct(categorical.map((c) => en.distinctPart(c, group.distinct[c])))), "");
    if (group.shared.length === 0) out.push(escapeParts(en.noneShared(categorical)));
    else {
      out.push(en.shared);
      for (const attribute of categorical) {
        const parts = group.shared
          .filter((s) => s.attribute === attribute)
          .map((s) => en.sharedPart(s.category, s.people.map(name)));
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
}

/** The text of `tverr check`: what was read, the rules, and the diagnosis. */
export function markdownCheck(input: CheckInput, options: MarkdownOptions = {}): string {
  const { problem, diagnoses } = input;
  const name = nameOf({ people: problem.people, ...options });
  const out: string[] = [`# ${md(options.title ?? en.checkTitle)}`, ""];
  const groups = resolveGroups(problem);
  const n = problem.people.length;
  out.push(
    groups.length === 0
      ? en.noGroups(n)
      : en.checkSummary(
          n,
          groups.length,
          rangeOf(Math.min(...groups.map((g) => g.minSize)), Math.max(...groups.map((g) => g.maxSize))),
        ),
    "",
  );
  const attributes = Object.entries(problem.attributes).map(([attr, spec]) => {
    const rules: string[] = [];
    if (spec.kind === "categorical") {
      if (spec.maxPerGroup !== undefined) rules.push(en.capRule(spec.maxPerGroup));
      for (const [c, k] of Object.entries(spec.maxPerGroupByCategory ?? {}))
        rules.push(en.capByCategory(c, k));
      for (const [c, k] of Object.entries(spec.minPerGroup ?? {})) rules.push(en.minRule(c, k));
    }
    return en.attributePart(attr, spec.kind, spec.weight, rules);
  });
  out.push(escapeParts(en.attributes(attributes)), "");
  const r = problem.rules;
  const rules: string[] = [];
  if (r.apart.length > 0) rules.push(en.apartRule(r.apart.length));
  if (r.together.length > 0) rules.push(en.togetherRule(r.together.length));
  const pins = Object.keys(r.pins).length;
  if (pins > 0) rules.push(en.pinRule(pins));
  const allowed = Object.keys(r.allowedGroups).length;
  if (allowed > 0) rules.push(en.allowedRule(allowed));
  if (problem.incumbent) {
    const ids = new Set(problem.people.map((p) => p.id));
    const kept = Object.keys(problem.incumbent.assignment).filter((id) => ids.has(id)).length;
    rules.push(en.incumbentRule(kept, problem.incumbent.weight));
  }
  out.push(escapeParts(en.rules(rules)), "");
  if (options.skipped && options.skipped.length > 0) {
    out.push(en.skipped(options.skipped.length), "");
    for (const row of options.skipped) out.push(`- ${md(en.skippedRow(row))}`);
    out.push("");
  }
  if (diagnoses.length === 0) out.push(en.checkHolds);
  else out.push(en.checkFails(diagnoses.length), "", ...diagnosisList(diagnoses, name));
  return `${out.join("\n").trimEnd()}\n`;
}

// --- helpers -------------------------------------------------------------------------------

function nameOf(options: MarkdownOptions): (id: string) => string {
  const names = new Map<string, string>();
  for (const p of options.people ?? []) if (p.name) names.set(p.id, p.name);
  for (const [id, n] of Object.entries(options.names ?? {})) names.set(id, n);
  return (id) => names.get(id) ?? id;
}

/** Diagnoses worded again with display names in place of ids. */
function diagnosisList(diagnoses: readonly Diagnosis[], name: (id: string) => string): string[] {
  const out: string[] = [];
  diagnoses.forEach((d, i) => {
    const facts = { ...d.facts };
    if (typeof facts.person === "string") facts.person = name(facts.person);
    const worded = word({ ...d, people: d.people.map(name), facts } as unknown as DiagnosisData, english);
    out.push(`${i + 1}. ${md(worded.message)}`);
    for (const fix of worded.fixes) out.push(`   - ${en.fix}: ${md(fix)}`);
  });
  return out;
}

function count(n: number, one: string, many: string): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

function range(min: number, max: number): string {
  return min === max ? `exactly ${min}` : `${min}–${max}`;
}

function rangeOf(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

function sizeRange(sizes: number[]): string {
  return sizes.length === 0 ? "0" : rangeOf(Math.min(...sizes), Math.max(...sizes));
}

function list(items: readonly string[], word: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

function quote(s: string): string {
  return `“${s}”`;
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const formats = new Map<number, Intl.NumberFormat>();

/** English number: thousands separated, at most `digits` decimals. */
function num(x: number, digits = 2): string {
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  const s = f.format(x);
  return s === "-0" ? "0" : s;
}

/** A term's value: three decimals, and never a misleading 0 for a small positive amount. */
function amount(x: number): string {
  if (x !== 0 && Math.abs(x) < 0.001) return x > 0 ? "< 0.001" : "> -0.001";
  return num(x, 3);
}

/**
 * A quality percentage that never claims more than is true: 100% only at the bound, and
 * otherwise rounded down to one decimal (99.96% shows as 99.9%, not 100%).
 */
function percent(quality: number, atBound: boolean): string {
  if (atBound) return "100%";
  const shown = Math.min(99.9, Math.floor(quality * 10) / 10);
  return `${shown.toFixed(1)}%`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${num(ms / 1000, 2)} s` : `${num(ms / 1000, 1)} s`;
}

function cell(v: string | number | null | undefined, digits = 2): string {
  if (v === undefined || v === null) return "";
  return typeof v === "number" ? num(v, digits) : v;
}

/** Text from a roster made safe for Markdown: no table breaks, no markup, no HTML. */
function md(text: string): string {
  return text.replace(/\r\n?|\n/g, " ").replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Escape a line made of wording whose own `**bold**` must survive: escape all but leading bold. */
function escapeParts(line: string): string {
  const m = /^(\*\*[^*]+\*\*)(.*)$/.exec(line);
  return m ? `${m[1]}${md(m[2])}` : md(line);
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => md(c)).join(" | ")} |`;
  return [
    line(header),
    `|${right.map((r) => (r ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map((r) => line(r)),
  ];
}

// --- rounds --------------------------------------------------------------------------------

/**
 * The report of `solveRounds`: the summary over all rounds (hard rules, meetings figures,
 * search), the network before and after the new rounds, then each round's own report.
 */
export function markdownRounds(result: RoundsResult, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${md(options.title ?? en.roundsTitle)}`, "");
  const first = result.rounds[0]?.groups.reduce((s, g) => s + g.size, 0) ?? 0;
  out.push(en.roundsHeadcount(result.rounds.length, first), "");
  out.push(`## ${en.summary}`, "");
  const m = result.meetings;
  const broken = result.rounds.filter((r) => !r.feasible).map((r) => md(r.id));
  out.push(
    broken.length === 0 && !(m.forbidRepeats && m.repeats > 0)
      ? en.roundsHold(m.forbidRepeats)
      : en.roundsBroken(broken, m.repeats, m.forbidRepeats),
    "",
  );
  out.push(en.roundsSearch(result.stats), "");
  if (options.skipped && options.skipped.length > 0) {
    out.push(en.skipped(options.skipped.length), "");
    for (const r of options.skipped) out.push(`- ${md(en.skippedRow(r))}`);
    out.push("");
  }

  out.push(`## ${en.meetings}`, "");
  const rows = en.meetingRows;
  out.push(
    ...table(
      en.meetingsHeader,
      (Object.keys(rows) as (keyof typeof rows)[]).map((k) => [
        rows[k],
        k === "cost" || k === "lowerBound" || k === "randomExpectation" ? amount(m[k]) : num(m[k]),
      ]),
      [false, true],
    ),
    "",
    en.meetingsNote(m.weight, m.penalty, m.forbidRepeats),
    "",
  );
  out.push(comparisonMarkdown(result.network).trimEnd(), "");

  for (const round of result.rounds) {
    // Each round's report, one heading level down, under the round's heading.
    const report = markdownReport(round, { ...options, title: en.roundHeading(round.id, round.repeat) });
    out.push(report.replace(/^(#+) /gm, "#$1 ").trimEnd(), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
