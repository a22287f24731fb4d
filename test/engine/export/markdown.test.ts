import { describe, expect, it } from "vitest";
import { diagnose, evaluate, type ProblemInput, parseProblem, solve } from "../../../engine/index.js";
import { markdownCheck, markdownReport } from "../../../engine/report/markdown.js";

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
    const md = markdownReport(result, { people: parseProblem(problem).people, title: "Reflection groups" });
    expect(md).toMatch(/^# Reflection groups\n\n4 people in 2 groups \(2 per group\)\.\n\n## Summary\n\n/);
    expect(md).toContain("**Hard rules:** all hold.");
    expect(md).toContain("| Term | Weight | Quality | Value | Best possible | Status |");
    expect(md).toContain("| Mix of Etat | 3 | 100% | 0 | 0 | optimal |");
    expect(md).toMatch(/\| Balance of År \| 1 \| (100%|-?\d+\.\d%) \|/);
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
    const result = evaluate(input, { p1: "1", p2: "1", p3: "1", p4: "1" });
    const md = markdownReport(result, { people: parseProblem(input).people });
    expect(md).toContain("**Hard rules:** 3 rules do not hold:");
    expect(md).toContain(
      "- Group 1 has 2 with Etat “UKE”, at most 1 allowed: Kari Ødegård and Ola \\| Nordmann.",
    );
    expect(md).toContain("- Kari Ødegård and Per Ås are both in group 1, but are to be kept apart.");
    expect(md).toContain("**Why the rules cannot all hold** (");
    expect(md).toContain(
      "1. The keep-apart set Kari Ødegård and Per Ås has 2 people, but there is only 1 group\n   - Fix: Make 2 groups.",
    );
    expect(md).toContain(
      "\n2. UKE has 2 people, there is 1 group and at most 1 per group is allowed\n   - Fix: Allow 2 per group.",
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
            kind: "categorical",
            name: "Etat",
            weight: 1,
            raw: 5,
            lowerBound: 4,
            randomExpectation: 3000,
            normalised: 0.0003,
            qualityPercent: 99.97,
            atBound: false,
          },
        ],
        groups: [
          { id: "1", size: 1, members: ["p9"], distinct: { Etat: 1 }, shared: [], means: {} },
          { id: "2", size: 0, members: [], distinct: { Etat: 0 }, shared: [], means: {} },
        ],
        assignment: { p9: "1" },
      },
      { names: { p9: "Nina" } },
    );
    expect(md).toContain("| Mix of Etat | 1 | 99.9% | 5 | 4 | 1 pair above the bound |");
    expect(md).toContain("**Overall:** weighted quality 99.9%.");
    expect(md).toContain("| 1 | Nina |");
    expect(md).toContain("**Shared:** none; no two members have the same Etat.");
    expect(md).toContain("### Group 2 (0 people)\n\nNo members.");
  });
});

describe("markdownCheck", () => {
  it("says what it read and the diagnosis, worded with names", () => {
    const parsed = parseProblem({ ...problem, groups: { count: 1 } });
    const md = markdownCheck({ problem: parsed, diagnoses: diagnose(parsed) }, { title: "Check" });
    expect(md).toMatch(/^# Check\n\n4 people, 1 group of 4\.\n/);
    expect(md).toContain(
      "**Attributes:** Etat (mix, weight 3, at most 1 per group); Sektor (mix, weight 2); År (balance, weight 1).",
    );
    expect(md).toContain("**Rules:** 1 keep-apart set.");
    expect(md).toMatch(/\*\*The hard rules cannot all hold\*\* \(\d reasons?\):\n\n1\. /);
    expect(md).toContain("Kari Ødegård and Per Ås");
    const fine = parseProblem(problem);
    expect(markdownCheck({ problem: fine, diagnoses: diagnose(fine) })).toContain(
      "**No reason found why the hard rules could not all hold.**",
    );
  });
});
