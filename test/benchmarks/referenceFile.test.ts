/** The reference file of the generated MDGPLIB instances: its text round-trips, and merging keeps the best per instance. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatReferenceCsv,
  mergeReference,
  parseReferenceCsv,
  type ReferenceRow,
} from "../../benchmarks/mdgp/referenceFile.js";
import { foldReferences } from "../../benchmarks/mdgp/referenceRuns.js";
import type { MdgpCell } from "../../benchmarks/mdgp/runMdgp.js";

const row = (instance: string, best: number, fingerprint = "abc"): ReferenceRow => ({
  instance,
  fingerprint,
  best,
  runs: 3,
  cpuSecondsPerRun: 1200,
  revision: "d8f0419",
  date: "2026-12-01",
});

describe("reference file", () => {
  it("round-trips its rows (values to three decimals), sorted by instance", () => {
    const rowArb = fc.record({
      instance: fc.stringMatching(/^[A-Za-z]+_n\d{3}_(ss|ds)_\d{2}$/),
      fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/),
      best: fc.integer({ min: 1, max: 10_000_000_000 }).map((x) => x / 1000),
      runs: fc.integer({ min: 1, max: 20 }),
      cpuSecondsPerRun: fc.integer({ min: 1, max: 6000 }),
      revision: fc.stringMatching(/^[0-9a-f]{7}(\+changes)?$/),
      date: fc.constant("2026-12-01"),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (r) => r.instance, maxLength: 30 }), (rows) => {
        const parsed = parseReferenceCsv(formatReferenceCsv(rows));
        expect([...parsed.keys()]).toEqual(rows.map((r) => r.instance).sort((a, b) => a.localeCompare(b)));
        for (const r of rows) expect(parsed.get(r.instance)).toEqual(r);
      }),
    );
  });

  it("rejects a file with another header or a broken row", () => {
    expect(() => parseReferenceCsv("name,value\nx,1\n")).toThrow(/expected the header/);
    const text = formatReferenceCsv([row("RanReal_n480_ss_01", 5)]).replace("5.000", "five");
    expect(() => parseReferenceCsv(text)).toThrow(/line 2/);
  });

  it("keeps the better value per instance, and a row of a changed instance is replaced", () => {
    const rows = new Map<string, ReferenceRow>();
    expect(mergeReference(rows, row("A_n480_ss_01", 10))).toBe("added");
    expect(mergeReference(rows, row("A_n480_ss_01", 9))).toBe("kept");
    expect(rows.get("A_n480_ss_01")?.best).toBe(10);
    expect(mergeReference(rows, row("A_n480_ss_01", 11))).toBe("improved");
    expect(rows.get("A_n480_ss_01")?.best).toBe(11);
    expect(mergeReference(rows, row("A_n480_ss_01", 3, "def"))).toBe("replaced");
    expect(rows.get("A_n480_ss_01")).toEqual(row("A_n480_ss_01", 3, "def"));
  });

  it("folds reference runs into the file: the best of the runs, with their count and budget", () => {
    const dir = mkdtempSync(join(tmpdir(), "tverr-ref-test-"));
    const file = join(dir, "reference.csv");
    try {
      const cell = (
        name: string,
        objectives: number[],
        source: "generated" | "library" = "generated",
      ): MdgpCell => ({
        entry: {
          name,
          set: "RanReal",
          n: 480,
          type: "ss",
          source,
          path: "",
          fingerprint: "0123456789abcdef",
        },
        engine: "this tree (d8f0419)",
        tree: { label: "this tree", revision: "d8f0419", engine: "" },
        timeLimitMs: 1_200_000,
        runs: objectives.map((objective, i) => ({
          seed: i + 1,
          objective,
          timeToBestMs: 0,
          lastImprovementMs: 0,
          movesPerSecond: 0,
          peakMB: 0,
          cpuMs: 0,
        })),
      });
      const report = foldReferences(
        [cell("RanReal_n480_ss_01", [100.5, 101.25, 99]), cell("RanReal_n240_ss_01", [7], "library")],
        file,
        new Date("2026-12-01T12:00:00Z"),
      );
      expect(report).toMatch(/RanReal_n480_ss_01 .*101\.250.*added/);
      expect(report).not.toMatch(/n240/);
      expect(readFileSync(file, "utf8")).toBe(
        "instance,fingerprint,best,runs,cpu_seconds_per_run,revision,date\n" +
          "RanReal_n480_ss_01,0123456789abcdef,101.250,3,1200,d8f0419,2026-12-01\n",
      );
      foldReferences([cell("RanReal_n480_ss_01", [101])], file);
      expect(parseReferenceCsv(readFileSync(file, "utf8")).get("RanReal_n480_ss_01")?.best).toBe(101.25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
