import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../data/generate/csv.js";
import { buildDataFiles, osloProblem } from "../../data/generate/files.js";
import { asciiFold, generateOsloRoster, loadReference, osloKeepApart } from "../../data/generate/oslo.js";
import { Random } from "../../data/generate/random.js";
import { generateSyntheticPeople, syntheticAttributes } from "../../data/generate/synthetic.js";
import { parseProblem } from "../../engine/problem/validate.js";

const reference = loadReference();
const repoRoot = new URL("../../", import.meta.url);

describe("Random", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 20 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays in range and shuffles into a permutation", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = new Random(seed);
        const f = rng.nextFloat();
        const k = rng.nextInt(n);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThan(1);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        const arr = Array.from({ length: n % 50 }, (_, i) => i);
        expect(rng.shuffled(arr).sort((a, b) => a - b)).toEqual(arr);
      }),
    );
  });
});

describe("Oslo roster", () => {
  it("has the reference shape", () => {
    expect(reference.agencies.length).toBeGreaterThan(40);
    expect(reference.fornavn.some((f) => f.kjonn === "K")).toBe(true);
    expect(reference.fornavn.some((f) => f.kjonn === "M")).toBe(true);
    expect(reference.etternavn.length).toBeGreaterThan(20);
  });

  it("is deterministic for a seed; different seeds differ", () => {
    expect(generateOsloRoster(reference, 2026)).toEqual(generateOsloRoster(reference, 2026));
    expect(generateOsloRoster(reference, 2026)).not.toEqual(generateOsloRoster(reference, 2027));
  });

  it("gives every agency its leader group: one director and 4-9 leaders, with unique e-mails", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const roster = generateOsloRoster(reference, seed);
        expect(roster.length).toBeGreaterThanOrEqual(350);
        expect(roster.length).toBeLessThanOrEqual(560);
        for (const agency of reference.agencies) {
          const members = roster.filter((r) => r.virksomhet === agency.virksomhet);
          expect(members.length).toBeGreaterThanOrEqual(5);
          expect(members.length).toBeLessThanOrEqual(10);
          expect(members.filter((r) => r.rolle === "Direktør")).toHaveLength(1);
          expect(members.every((r) => r.sektor === agency.sektor)).toBe(true);
        }
        expect(new Set(roster.map((r) => r.epost)).size).toBe(roster.length);
        expect(new Set(roster.map((r) => r.id)).size).toBe(roster.length);
        for (const r of roster) {
          expect(r.epost).toMatch(/^[a-z0-9]+\.[a-z0-9]+@oslo\.kommune\.no$/);
          expect(r.ansiennitet).toBeGreaterThanOrEqual(0);
          expect(r.ansiennitet).toBeLessThanOrEqual(40);
          expect(Math.round(r.ansiennitet * 10) / 10).toBe(r.ansiennitet);
          const first = r.navn.split(" ")[0];
          expect(reference.fornavn.find((f) => f.fornavn === first)?.kjonn).toBe(r.kjonn);
        }
      }),
      { numRuns: 20, seed: 1121 },
    );
  });

  it("scales leader groups with agency size", () => {
    const roster = generateOsloRoster(reference, 2026);
    const size = (name: string) => roster.filter((r) => r.virksomhet === name).length;
    expect(size("Utdanningsetaten")).toBeGreaterThan(size("Mobbeombudet"));
  });

  it("folds Norwegian letters to ASCII", () => {
    expect(asciiFold("Bjørg")).toBe("bjorg");
    expect(asciiFold("Nygård")).toBe("nygaard");
    expect(asciiFold("Ærlig Grünerløkka")).toBe("aerliggrunerlokka");
  });

  it("keeps each agency director apart from their byrådsavdeling's director only", () => {
    const roster = generateOsloRoster(reference, 2026);
    const pairs = osloKeepApart(roster, reference);
    expect(pairs.length).toBeGreaterThan(20);
    expect(pairs.length).toBeLessThan(60);
    for (const { agencyDirector, sectorDirector } of pairs) {
      expect(agencyDirector.rolle).toBe("Direktør");
      expect(sectorDirector.rolle).toBe("Direktør");
      expect(sectorDirector.virksomhet).toBe(agencyDirector.sektor);
      expect(agencyDirector.virksomhet).not.toBe(sectorDirector.virksomhet);
    }
  });

  it("makes a valid engine problem", () => {
    const roster = generateOsloRoster(reference, 2026);
    const problem = parseProblem(osloProblem(roster, reference));
    expect(problem.people).toHaveLength(roster.length);
    expect(problem.rules.apart.length).toBe(osloKeepApart(roster, reference).length);
  });
});

describe("synthetic people", () => {
  it("gives exactly n people, agencies nested in sectors, deterministic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (n, sectors, extraAgencies, seed) => {
          const agencies = sectors + extraAgencies;
          const people = generateSyntheticPeople({ n, agencies, sectors, seed });
          expect(people).toHaveLength(n);
          expect(new Set(people.map((p) => p.id)).size).toBe(n);
          const sectorOf = new Map<unknown, unknown>();
          for (const p of people) {
            const seen = sectorOf.get(p.attributes.agency);
            if (seen === undefined) sectorOf.set(p.attributes.agency, p.attributes.sector);
            else expect(seen).toBe(p.attributes.sector);
          }
          if (n >= agencies) expect(sectorOf.size).toBe(agencies);
          expect(generateSyntheticPeople({ n, agencies, sectors, seed })).toEqual(people);
        },
      ),
      { numRuns: 30, seed: 1122 },
    );
  });

  it("has heavy-tailed agency sizes and the documented attribute keys", () => {
    const people = generateSyntheticPeople({ n: 10_000, agencies: 200, sectors: 15, seed: 1 });
    const counts = new Map<unknown, number>();
    for (const p of people) counts.set(p.attributes.agency, (counts.get(p.attributes.agency) ?? 0) + 1);
    const sizes = [...counts.values()].sort((a, b) => a - b);
    expect(sizes.at(-1)).toBeGreaterThan(200);
    expect(sizes[Math.floor(sizes.length / 4)]).toBeLessThan(25);
    expect(Object.keys(people[0].attributes)).toEqual([
      "agency",
      "sector",
      "role",
      "gender",
      "tenure",
      "age",
    ]);
    expect(Object.keys(syntheticAttributes())).toEqual(Object.keys(people[0].attributes));
    expect(generateSyntheticPeople({ n: 100, agencies: 5, sectors: 2, seed: 2 })).not.toEqual(
      generateSyntheticPeople({ n: 100, agencies: 5, sectors: 2, seed: 3 }),
    );
  });

  it("supports more or fewer attributes, matching syntheticAttributes", () => {
    const people = generateSyntheticPeople({
      n: 50,
      agencies: 5,
      sectors: 2,
      categorical: 6,
      numeric: 3,
      seed: 9,
    });
    const attrs = syntheticAttributes({ categorical: 6, numeric: 3, agencyCap: 1 });
    expect(Object.keys(people[0].attributes).sort()).toEqual(Object.keys(attrs).sort());
    expect(attrs.agency).toEqual({ kind: "categorical", weight: 1, maxPerGroup: 1 });
    const problem = parseProblem({ people, groups: { size: 5 }, attributes: attrs });
    expect(problem.people).toHaveLength(50);
  });

  it("makes 100,000 people quickly", () => {
    const start = performance.now();
    const people = generateSyntheticPeople({ n: 100_000, agencies: 1000, sectors: 20, seed: 1 });
    const ms = performance.now() - start;
    expect(people).toHaveLength(100_000);
    expect(ms).toBeLessThan(2000); // well under a second on a laptop; slack for shared CI machines
  });
});

describe("CSV writer", () => {
  const tricky = fc.string({
    unit: fc.constantFrom("a", "Z", "æ", "ø", "å", "Å", ";", ",", '"', "\n", "\r", " ", "=", "1", "\t"),
    maxLength: 12,
  });
  const dialects = [
    { delimiter: ";", bom: true, lineEnding: "\r\n" },
    { delimiter: ",", bom: false, lineEnding: "\n" },
    { delimiter: "\t", bom: false, lineEnding: "\r\n" },
  ] as const;

  it("round-trips tricky fields through csv-parse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dialects),
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.array(tricky, { minLength: width, maxLength: width }),
              fc.array(fc.array(tricky, { minLength: width, maxLength: width }), { maxLength: 6 }),
            ),
          ),
        (dialect, [header, rows]) => {
          const text = toCsv(header, rows, dialect);
          expect(text.startsWith("\uFEFF")).toBe(dialect.bom);
          const back = parse(text, { bom: true, delimiter: dialect.delimiter, relax_column_count: false });
          expect(back).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 300, seed: 1123 },
    );
  });

  it("writes numbers with the chosen decimal separator", () => {
    expect(toCsv(["x"], [[12.5], [3]], { delimiter: ";", decimal: "," })).toBe("x\n12,5\n3\n");
    expect(toCsv(["x"], [[12.5]], { delimiter: ",", decimal: "," })).toBe('x\n"12,5"\n');
    expect(toCsv(["x", "y"], [[null, 'a"b']])).toBe('x,y\n,"a""b"\n');
  });
});

describe("generated files", () => {
  const files = buildDataFiles(reference);

  it("are deterministic", () => {
    expect(buildDataFiles(reference)).toEqual(files);
  });

  it("are up to date on disk (run `npm run data:generate`)", () => {
    for (const file of files) {
      expect(readFileSync(new URL(file.path, repoRoot), "utf8"), file.path).toBe(file.content);
    }
  });

  it("use the Excel dialect they promise", () => {
    const oslo = files.find((f) => f.path === "data/oslo-ledere.csv")!;
    expect(oslo.content.startsWith("\uFEFFNavn;E-post;Virksomhet;Sektor;Rolle;Kjønn;Ansiennitet\r\n")).toBe(
      true,
    );
    expect(oslo.content.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parse(oslo.content, { bom: true, delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(oslo.rows);
    expect(rows.every((r) => /^\d+(,\d)?$/.test(r.Ansiennitet))).toBe(true);
    const en = files.find((f) => f.path === "data/example-en.csv")!;
    expect(en.content.startsWith("Name,Email,Agency,Sector,Role,Gender,Tenure\n")).toBe(true);
    expect(en.content).not.toContain("\r");
    expect(parse(en.content, { columns: true })).toHaveLength(30);
  });
});
