/**
 * The MDGPLIB-style instance generator: deterministic, in the library's text format (checked
 * against the library's own files), read by the engine's MDGPLIB reader, with the recipe's
 * distances and size ranges; and the reference values on file still belong to the instances
 * the generator makes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatedEntries, REFERENCE_FILE } from "../../benchmarks/mdgp/catalogue.js";
import { readReferenceFile } from "../../benchmarks/mdgp/referenceFile.js";
import {
  fingerprint,
  generateMdgpText,
  MDGP_SETS,
  type MdgpSpec,
  mdgp480Names,
  mdgpGroupSizes,
  mdgpInstanceName,
  mdgpSpecOf,
} from "../../data/generate/mdgpInstances.js";
import { parseMdgpInstance } from "../../engine/io/mdgplib.js";

const LIBRARY = new URL("../../data/mdgp/instances/", import.meta.url);
const spec = (name: string) => mdgpSpecOf(name) as MdgpSpec;
const pairs = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(" "));

describe("MDGPLIB-style instances", () => {
  it("names 30 instances at n = 480 (01–05 of ss and ds per set) that parse back", () => {
    const names = mdgp480Names();
    expect(names).toHaveLength(30);
    expect(new Set(names).size).toBe(30);
    for (const name of names) {
      const s = spec(name);
      expect(s).toMatchObject({ n: 480, m: 20 });
      expect(mdgpInstanceName(s)).toBe(name);
    }
    expect(mdgpSpecOf("RanReal_n481_ss_01")).toBeUndefined();
    expect(mdgpSpecOf("Other_n480_ss_01")).toBeUndefined();
  });

  it("writes the header as the library does: `n m type a_1 b_1 … a_m b_m ` with a trailing space", () => {
    const header = (text: string) => text.slice(0, text.indexOf("\n"));
    const shape = (line: string) => line.replace(/\d+/g, "9");
    for (const type of ["ss", "ds"] as const) {
      const library = header(readFileSync(new URL(`RanReal_n240_${type}_01.txt`, LIBRARY), "utf8"));
      const ours = header(generateMdgpText({ set: "RanReal", n: 240, m: 12, type, index: 1 }));
      expect(shape(ours)).toBe(shape(library));
    }
    expect(header(generateMdgpText(spec("Geo_n480_ds_02")))).toMatch(/^480 20 ds( \d+){40} $/);
  });

  it("draws ds ranges as the library's n = 240 and 480 headers show: a in [0.75·n/m, n/m], b in [n/m, 1.25·n/m]", () => {
    // The recipe's ranges hold for every ds instance of the library subset at n = 240 ...
    for (const file of readdirSync(LIBRARY).filter((f) => /_n240_ds_/.test(f))) {
      const instance = parseMdgpInstance(readFileSync(new URL(file, LIBRARY), "utf8"));
      for (let g = 0; g < instance.m; g++) {
        expect(instance.minSize[g]).toBeGreaterThanOrEqual(15);
        expect(instance.minSize[g]).toBeLessThanOrEqual(20);
        expect(instance.maxSize[g]).toBeGreaterThanOrEqual(20);
        expect(instance.maxSize[g]).toBeLessThanOrEqual(25);
      }
    }
    // ... and the generator keeps them, with Σa ≤ n ≤ Σb, for any instance number.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (index) => {
        const { minSize, maxSize } = mdgpGroupSizes({ set: "RanInt", n: 480, m: 20, type: "ds", index });
        expect(minSize.every((a) => a >= 18 && a <= 24)).toBe(true);
        expect(maxSize.every((b) => b >= 24 && b <= 30)).toBe(true);
        expect(minSize.reduce((s, a) => s + a, 0)).toBeLessThanOrEqual(480);
        expect(maxSize.reduce((s, b) => s + b, 0)).toBeGreaterThanOrEqual(480);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic per name; RanReal and RanInt of the same number share their size ranges", () => {
    const a = generateMdgpText(spec("RanInt_n480_ds_03"));
    expect(generateMdgpText(spec("RanInt_n480_ds_03"))).toBe(a);
    expect(generateMdgpText(spec("RanInt_n480_ds_04"))).not.toBe(a);
    const header = (text: string) => text.slice(0, text.indexOf("\n"));
    expect(header(generateMdgpText(spec("RanReal_n480_ds_03")))).toBe(header(a));
    expect(header(generateMdgpText(spec("RanReal_n480_ds_04")))).not.toBe(header(a));
    expect(generateMdgpText(spec("RanReal_n480_ds_03"))).not.toBe(generateMdgpText(spec("Geo_n480_ds_03")));
  });

  it.each(MDGP_SETS.flatMap((set) => (["ss", "ds"] as const).map((type) => `${set}_n480_${type}_01`)))(
    "%s is read by the engine's MDGPLIB reader with its sizes",
    (name) => {
      const instance = parseMdgpInstance(generateMdgpText(spec(name)));
      expect(instance).toMatchObject({ n: 480, m: 20, type: spec(name).type });
      if (spec(name).type === "ss") {
        expect(instance.minSize).toEqual(new Array(20).fill(24));
        expect(instance.maxSize).toEqual(new Array(20).fill(24));
      }
    },
  );

  it("draws RanInt as integers 0..100 and RanReal as reals in [0, 100] with three decimals", () => {
    const ints = pairs(generateMdgpText(spec("RanInt_n480_ss_02"))).map((p) => p[2]);
    expect(ints).toHaveLength((480 * 479) / 2);
    expect(ints.every((d) => /^\d+$/.test(d) && Number(d) <= 100)).toBe(true);
    expect(new Set(ints).size).toBe(101);
    const reals = pairs(generateMdgpText(spec("RanReal_n480_ss_02"))).map((p) => p[2]);
    expect(reals.every((d) => /^\d+\.\d{3}$/.test(d) && Number(d) <= 100)).toBe(true);
    const mean = reals.reduce((s, d) => s + Number(d), 0) / reals.length;
    expect(Math.abs(mean - 50)).toBeLessThan(0.5);
  });

  it("gives Geo Euclidean distances: symmetric, positive, and the triangle inequality holds", () => {
    const instance = parseMdgpInstance(generateMdgpText(spec("Geo_n480_ds_01")));
    const d = (i: number, j: number) => instance.dist[i * instance.n + j];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 479 }),
        fc.integer({ min: 0, max: 479 }),
        fc.integer({ min: 0, max: 479 }),
        (i, j, k) => {
          fc.pre(i !== j && j !== k && i !== k);
          expect(d(i, j)).toBe(d(j, i));
          expect(d(i, j)).toBeGreaterThan(0);
          // Three-decimal rounding can cost up to 0.0015 on the two sides against the third.
          expect(d(i, k)).toBeLessThanOrEqual(d(i, j) + d(j, k) + 0.0015);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("writes generated files once, with the generator's exact text", () => {
    const dir = mkdtempSync(join(tmpdir(), "tverr-mdgp-test-"));
    try {
      const [entry] = generatedEntries(["Geo_n480_ss_03"], dir);
      const text = generateMdgpText(spec("Geo_n480_ss_03"));
      expect(readFileSync(entry.path, "utf8")).toBe(text);
      expect(entry.fingerprint).toBe(fingerprint(text));
      expect(entry).toMatchObject({ set: "Geo", n: 480, type: "ss", source: "generated" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps reference values only for the instances the generator makes today (same fingerprint)", () => {
    const rows = readReferenceFile(REFERENCE_FILE);
    expect(rows.size).toBeGreaterThan(0);
    for (const row of rows.values()) {
      expect(mdgp480Names()).toContain(row.instance);
      expect(row.fingerprint).toBe(fingerprint(generateMdgpText(spec(row.instance))));
      expect(row.best).toBeGreaterThan(0);
    }
  });
});
