/** The family benchmark's tables: medians over seeds, pairs above the bound, issue 12's targets, growth with n. */
import { describe, expect, it } from "vitest";
import type { ChildResult, EngineTerm } from "../../benchmarks/child/childResult.js";
import {
  type FamilyCell,
  meetsTarget,
  scalingTable,
  shapeTable,
  summaryTable,
  termSummaries,
} from "../../benchmarks/family/familyTables.js";
import { numericYardsticks, regrade } from "../../benchmarks/family/regrade.js";
import { familyShape } from "../../data/generate/familyShapes.js";

const term = (
  name: string,
  kind: string,
  raw: number,
  lowerBound: number,
  qualityPercent = 100,
): EngineTerm => ({
  name,
  kind,
  raw,
  lowerBound,
  qualityPercent,
});

function run(terms: EngineTerm[], over: Partial<ChildResult> = {}): ChildResult {
  return {
    seed: 1,
    feasible: true,
    violations: 0,
    softScore: 0,
    terms,
    stats: {
      iterations: 1,
      movesPerSecond: 5e6,
      searchMs: 1800,
      totalMs: 2000,
      constructionMs: 200,
      timeToBestMs: 400,
      stopReason: "timeLimit",
    },
    lastImprovementMs: 450,
    callCpuMs: 2000,
    wallMs: 2100,
    clock: "thread",
    threads: 1,
    totalMovesPerSecond: 5e6,
    peakMB: 140,
    ...over,
  };
}

const cell = (n: number, runs: ChildResult[], engine = "this tree (d8f0419)"): FamilyCell => ({
  case: { shape: familyShape("issue12"), n, agencies: Math.round(n / 7.14), timeLimitMs: 2000 },
  engine,
  runs,
});

describe("family tables", () => {
  const runs = [
    run([
      term("Virksomhet", "categorical", 0, 0),
      term("Sektor", "categorical", 1322, 1295),
      term("Alder", "numeric", 3, 0, 99.95),
    ]),
    run(
      [
        term("Virksomhet", "categorical", 2, 0),
        term("Sektor", "categorical", 1300, 1295),
        term("Alder", "numeric", 3, 0, 99.8),
      ],
      {
        violations: 2,
        totalMovesPerSecond: 9.2e6,
      },
    ),
    run([
      term("Virksomhet", "categorical", 1, 0),
      term("Sektor", "categorical", 1296, 1295),
      term("Alder", "numeric", 3, 0, 99.91),
    ]),
  ];

  it("takes per term the median of raw − bound, the bound and the quality", () => {
    expect(termSummaries(runs)).toEqual([
      { name: "Virksomhet", kind: "categorical", excess: 1, bound: 0, quality: 100 },
      { name: "Sektor", kind: "categorical", excess: 5, bound: 1295, quality: 100 },
      { name: "Alder", kind: "numeric", excess: 3, bound: 0, quality: 99.91 },
    ]);
  });

  it("judges issue 12's targets: 1 pair and 99.9% below 100,000; 0.01% of the bound at 100,000; no hard violation", () => {
    const t = (excess: number, bound: number, kind = "categorical", quality = 100) => ({
      name: "x",
      kind,
      excess,
      bound,
      quality,
    });
    expect(meetsTarget(10_000, [t(1, 1295), t(0, 0, "numeric", 99.9)], 0)).toBe(true);
    expect(meetsTarget(10_000, [t(2, 1295)], 0)).toBe(false);
    expect(meetsTarget(10_000, [t(0, 1295), t(0, 0, "numeric", 99.89)], 0)).toBe(false);
    expect(meetsTarget(10_000, [t(0, 1295)], 1)).toBe(false);
    expect(meetsTarget(100_000, [t(2, 25_663), t(0, 0, "numeric", 99)], 0)).toBe(true);
    expect(meetsTarget(100_000, [t(3, 25_663)], 0)).toBe(false);
  });

  it("prints a shape table with the medians and a summary with the target", () => {
    const table = shapeTable([cell(10_000, runs)]);
    expect(table).toMatch(/^### issue12: /);
    const row = table.split("\n").find((l) => l.includes("this tree"));
    expect(row?.split("|").map((c) => c.trim())).toEqual([
      "",
      "10,000",
      "1,401",
      "this tree (d8f0419)",
      "1 (0)",
      "5 (1,295)",
      "99.91",
      "0",
      "5.00 M",
      "0.40",
      "0.45",
      "140",
      "",
    ]);
    const summary = summaryTable([cell(10_000, runs)])
      .split("\n")[2]
      .split("|")
      .map((c) => c.trim());
    expect(summary.slice(1, 4)).toEqual(["issue12", "10,000", "this tree (d8f0419)"]);
    expect(summary.slice(5, 7)).toEqual(["5", "99.91"]);
    expect(summary.at(-2)).toBe("✗");
  });

  it("shows growth of time outside the search and of memory against n log n", () => {
    const at = (n: number, outsideMs: number, mb: number) =>
      cell(n, [run([term("Virksomhet", "categorical", 0, 0)], { callCpuMs: 1800 + outsideMs, peakMB: mb })]);
    expect(scalingTable([at(10_000, 200, 140)])).toBeUndefined();
    const lines =
      scalingTable([at(100_000, 2500, 420), at(1000, 20, 100), at(10_000, 200, 140)])?.split("\n") ?? [];
    const cells = lines.slice(2).map((l) => l.split("|").map((c) => c.trim()));
    expect(cells.map((c) => c[3])).toEqual(["1,000", "10,000", "100,000"]);
    expect(cells.map((c) => c[6])).toEqual(["0.02", "0.20", "2.50"]);
    expect(cells.map((c) => c[9])).toEqual(["×1.00", "×10.0", "×125.0"]);
    expect(cells.map((c) => c[10])).toEqual(["×1.00", "×1.40", "×4.20"]);
    // n log n: 10,000 · log 10,000 / (1,000 · log 1,000) = 13.3.
    expect(cells.map((c) => c[11])).toEqual(["×1.00", "×13.3", "×166.7"]);
  });
});

describe("numeric regrading", () => {
  it("grades every engine's numeric terms against this tree's bound and expectation", () => {
    // One person far above the rest: no group of two holding them can reach the mean.
    const values = [0, 0, 0, 0, 0, 10];
    const problem = {
      attributes: { T: { kind: "numeric", weight: 1 } },
      people: values.map((t, i) => ({ id: `p${i}`, attributes: { T: t } })),
      groups: { count: 3 },
    };
    const stick = numericYardsticks(problem).get("T");
    expect(stick?.lowerBound).toBeGreaterThan(0);
    const { lowerBound, expectation } = stick as { lowerBound: number; expectation: number };
    // An older engine reported the raw value against a bound of 0.
    const raw = lowerBound + 0.25 * (expectation - lowerBound);
    const old = run([
      term("T", "numeric", raw, 0, 100 * (1 - raw / expectation)),
      term("A", "categorical", 3, 1),
    ]);
    const regraded = regrade(old, numericYardsticks(problem));
    expect(regraded.terms[0].lowerBound).toBe(lowerBound);
    expect(regraded.terms[0].qualityPercent).toBeCloseTo(75, 9);
    expect(regraded.terms[1]).toEqual(old.terms[1]);
  });
});
