import { describe, expect, it } from "vitest";
import { diagnose } from "../../../engine/diagnose/diagnose.js";
import { en, nb, type ProblemInput, parseProblem, score, solve } from "../../../engine/index.js";
import { markdownCheck, markdownReport } from "../../../engine/report/markdown.js";
import { readRoster } from "../../../engine/roster/index.js";

const people = [
  { id: "p1", name: "Kari Ødegård", attributes: { Etat: "UKE", Sektor: "Finans", År: 10 } },
  { id: "p2", name: "Ola | Nordmann", attributes: { Etat: "UKE", Sektor: "Finans", År: 20 } },
  { id: "p3", name: "Åse *Berg*", attributes: { Etat: "EBY", Sektor: "Byutvikling", År: 5 } },
  { id: "p4", name: "Per Ås", attributes: { Etat: "EBY", Sektor: "Finans", År: 15 } },
];
const problem: ProblemInput = {
  people,
  groups: { count: 2 },
  attributes: {
    Etat: { kind: "categorical", weight: 3, maxPerGroup: 1 },
    Sektor: { kind: "categorical", weight: 2 },
    År: { kind: "numeric" },
  },
  rules: { apart: [["p1", "p4"]] },
  options: { iterationLimit: 500 },
};

describe("markdownReport", () => {
  it("summarises a solved grouping: hard rules, each term's quality and bound, search, then a table per group", async () => {
    const result = await solve(problem);
    const md = markdownReport(result, en, {
      people: parseProblem(problem).people,
      title: "Reflection groups",
    });
    expect(md).toMatch(/^# Reflection groups\n\n4 people in 2 groups \(2 per group\)\.\n\n## Summary\n\n/);
    expect(md).toContain("**Hard rules:** all hold.");
    expect(md).toContain("| Term | Weight | Quality | Value | Best possible | Status |");
    expect(md).toContain("| Mix of Etat | 3 | 100% | 0 | 0 | optimal |");
    expect(md).toMatch(/\| Balance of År \| 1 \| (100%|-?\d+(\.\d)?%) \|/);
    expect(md).toMatch(/\*\*Search:\*\* [\d,]+ moves tried in [\d.]+ s \(seed 1; /);
    expect(md).toContain("## Groups");
    expect(md).toContain("### Group 1 (2 people)");
    expect(md).toContain("| # | Name | Etat | Sektor | År |");
    expect(md).toContain("| ---: | --- | --- | --- | --- |");
    // Names are escaped so they cannot break a table or add markup.
    expect(md).toContain("Ola \\| Nordmann");
    expect(md).toContain("Åse \\*Berg\\*");
    expect(md).toMatch(/\| {2}\| Mean \| {2}\| {2}\| \d+(\.\d)? \|/);
    expect(md.endsWith("\n")).toBe(true);
  });

  it("lists each broken rule with names, the diagnoses with fixes, and who shares a category", () => {
    const input: ProblemInput = { ...problem, groups: { count: 1 } };
    const result = score({ ...input, assignment: { p1: "1", p2: "1", p3: "1", p4: "1" } });
    const md = markdownReport(result, en, { people: parseProblem(input).people });
    expect(md).toContain("**Hard rules:** 3 rules do not hold:");
    expect(md).toContain(
      "- Group 1 has 2 with Etat “UKE”, at most 1 allowed: Kari Ødegård and Ola \\| Nordmann.",
    );
    expect(md).toContain("- Kari Ødegård and Per Ås are both in group 1, but are to be kept apart.");
    expect(md).toContain("**Why the rules cannot all hold** (");
    expect(md).toContain(
      "1. The keep-apart set Kari Ødegård and Per Ås has 2 people, but there is only 1 group\n   - Fix: Make 2 groups (groups of 2).",
    );
    expect(md).toContain(
      "\n2. 2 categories of Etat have more people than 1 group with at most 1 each can hold; the largest, UKE, has 2 people\n   - Fix: Allow 2 per group.",
    );
    expect(md).toContain(
      "**Shared:**\n- Etat: “UKE”: Kari Ødegård and Ola \\| Nordmann; “EBY”: Åse \\*Berg\\* and Per Ås",
    );
    expect(md).toContain("- Sektor: “Finans”: Kari Ødegård, Ola \\| Nordmann and Per Ås");
    expect(md).not.toContain("**Search:**");
  });

  it("never rounds a term up to 100% unless it is at its bound; names without people fall back to ids", () => {
    const md = markdownReport(
      {
        feasible: true,
        violations: [],
        softScore: 0.0003,
        gap: 0.0003,
        provenOptimal: false,
        terms: [
          {
            term: "spread",
            label: "Etat",
            attribute: "Etat",
            weight: 1,
            raw: 5,
            lowerBound: 4,
            randomExpectation: 3000,
            normalised: 0.0003,
            qualityPercent: 99.97,
            atBound: false,
            boundApplies: true,
            explanation: { items: [], more: 0 },
          },
        ],
        groups: [
          { id: "1", size: 2, members: ["p9", "p8"], distinct: { Etat: 1 }, shared: [], means: {} },
          { id: "2", size: 0, members: [], distinct: { Etat: 0 }, shared: [], means: {} },
        ],
        assignment: { p9: "1", p8: "1" },
      },
      en,
      { people: [{ id: "p9", name: "Nina", attributes: { Etat: "UKE" } }] },
    );
    expect(md).toContain("| Mix of Etat | 1 | 99.9% | 5 | 4 | 1 pair from the best possible |");
    expect(md).toContain("**Overall:** weighted quality 99.9%.");
    expect(md).toContain("| 1 | Nina | UKE |");
    expect(md).toContain("| 2 | p8 |  |");
    expect(md).toContain("**Shared:** none; no two members have the same Etat.");
    expect(md).toContain("### Group 2 (0 people)\n\nNo members.");
  });

  it("words the same report in Norwegian: headings, decimal commas and «quotes»", async () => {
    const result = await solve(problem);
    const md = markdownReport(result, nb, { people: parseProblem(problem).people });
    expect(md).toMatch(/^# Grupper\n\n4 personer i 2 grupper \(2 per gruppe\)\.\n\n## Oppsummering\n\n/);
    expect(md).toContain("**Regler:** alle holder.");
    expect(md).toContain("| Mål | Vekt | Kvalitet | Verdi | Beste mulige | Status |");
    expect(md).toContain("| Blanding av Etat | 3 | 100 % | 0 | 0 | optimal |");
    expect(md).toMatch(/\| {2}\| Snitt \| {2}\| {2}\| \d+(,\d)? \|/);
    expect(md).toMatch(/- Sektor: «Finans»: [^\n]+ og [^\n]+\n/);
  });
});

describe("markdownReport: skipped roster rows", () => {
  it("lists each skipped row by line, with the column and the reason, in either language", () => {
    const roster = readRoster(
      "Navn;E-post;Virksomhet;Ansiennitet\r\nKari;kari@x.no;UKE;12\r\nOla;ola@x.no;UKE;tolv\r\nPer;per@x.no;;3\r\nÅse;ase@x.no;EBY;1\r\n",
      { file: "roster.csv", mapping: { skipInvalidRows: true } },
    );
    const result = score({
      people: roster.people,
      attributes: roster.attributes,
      groups: { count: 1 },
      assignment: { "kari@x.no": "1", "ase@x.no": "1" },
    });
    const english = markdownReport(result, en, { people: roster.people, skipped: roster.skipped });
    expect(english).toContain("- line 3: column 4 (Ansiennitet): expected a number, found text");
    expect(english).toContain(
      "- line 4: column 3 (Virksomhet): the cell is empty, but every person needs a value here",
    );
    const norsk = markdownReport(result, nb, { people: roster.people, skipped: roster.skipped });
    expect(norsk).toContain("- linje 3: kolonne 4 (Ansiennitet): ");
  });
});

describe("markdownCheck", () => {
  it("says what it read and the diagnosis, worded with names", () => {
    const parsed = parseProblem({ ...problem, groups: { count: 1 } });
    const md = markdownCheck({ problem: parsed, diagnoses: diagnose(parsed) }, en, { title: "Check" });
    expect(md).toMatch(/^# Check\n\n4 people, 1 group of 4\.\n/);
    expect(md).toContain(
      "**Attributes:** Etat (mixed, weight 3, at most 1 per group); Sektor (mixed, weight 2); År (balanced, weight 1).",
    );
    expect(md).toContain("**Rules:** 1 keep-apart set.");
    expect(md).toMatch(/\*\*The hard rules cannot all hold\*\* \(\d reasons?\):\n\n1\. /);
    expect(md).toContain("Kari Ødegård and Per Ås");
    const fine = parseProblem(problem);
    expect(markdownCheck({ problem: fine, diagnoses: diagnose(fine) }, en)).toContain(
      "**No reason found why the hard rules could not all hold.**",
    );
  });
});
