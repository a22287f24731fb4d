/**
 * The roster family generator: deterministic per seed, and every shape has the structure it
 * promises (agency count, nesting, size distribution, attributes and their weights, cap,
 * group sizing), is a valid problem whose hard rules can hold, and reads back through the
 * CSV path with Norwegian headers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSizes } from "../../data/generate/agencySizes.js";
import { toCsv } from "../../data/generate/csv.js";
import {
  agencyCount,
  CATEGORICAL_HEADERS,
  type FamilyRoster,
  familyProblem,
  familyTable,
  generateFamilyRoster,
  minGroupCount,
  NUMERIC_HEADERS,
  type RosterShape,
} from "../../data/generate/family.js";
import { defaultShapesAt, FAMILY_SHAPES, familyShape } from "../../data/generate/familyShapes.js";
import { diagnose } from "../../engine/diagnose/diagnose.js";
import { parseProblem } from "../../engine/problem/validate.js";
import { readRoster } from "../../engine/roster/index.js";

/** People per agency and sectors per agency, counted from the people themselves. */
function structure(roster: FamilyRoster) {
  const perAgency = new Map<string, number>();
  const sectorsOf = new Map<string, Set<string>>();
  for (const p of roster.people) {
    const a = String(p.attributes.Virksomhet);
    perAgency.set(a, (perAgency.get(a) ?? 0) + 1);
    const set = sectorsOf.get(a) ?? new Set<string>();
    set.add(String(p.attributes.Sektor));
    sectorsOf.set(a, set);
  }
  const sectors = new Set(roster.people.map((p) => String(p.attributes.Sektor)));
  return { perAgency, sectorsOf, sectors };
}

/** Promises every roster of a shape keeps, whatever the seed. */
function expectShape(roster: FamilyRoster, shape: RosterShape, n: number) {
  const { perAgency, sectorsOf, sectors } = structure(roster);
  expect(roster.people).toHaveLength(n);
  expect(new Set(roster.people.map((p) => p.id)).size).toBe(n);
  expect(perAgency.size).toBe(agencyCount(shape, n));
  expect([...perAgency.values()].sort((a, b) => a - b)).toEqual(
    Array.from(roster.agencySizes).sort((a, b) => a - b),
  );
  expect(Math.min(...perAgency.values())).toBeGreaterThanOrEqual(1);
  if (shape.nested) {
    for (const set of sectorsOf.values()) expect(set.size).toBe(1);
    expect(sectors.size).toBe(shape.sectors);
  } else {
    expect(sectors.size).toBeLessThanOrEqual(shape.sectors);
    // Sectors cross agencies: some agency of several people spans more than one sector.
    expect([...sectorsOf.entries()].some(([a, set]) => (perAgency.get(a) ?? 0) > 1 && set.size > 1)).toBe(
      true,
    );
  }
  const cat = CATEGORICAL_HEADERS.slice(0, shape.categorical);
  const num = NUMERIC_HEADERS.slice(0, shape.numeric);
  expect(Object.keys(roster.attributes)).toEqual([...cat, ...num]);
  for (const key of cat) {
    expect(roster.attributes[key]).toEqual({
      kind: "categorical",
      weight: key === "Virksomhet" ? 3 : key === "Sektor" ? 2 : 1,
      ...(key === "Virksomhet" && shape.agencyCap ? { maxPerGroup: 1 } : {}),
    });
  }
  for (const key of num) expect(roster.attributes[key]).toEqual({ kind: "numeric", weight: 1 });
  for (const p of roster.people) expect(Object.keys(p.attributes).sort()).toEqual([...cat, ...num].sort());
  if (shape.agencyCap) expect(Math.max(...perAgency.values())).toBeLessThanOrEqual(minGroupCount(n));
  expect(roster.groups).toEqual(shape.groupSize === "6" ? { size: 6 } : { minSize: 5, maxSize: 6 });
}

/** Coefficient of variation and concentration of the agency sizes. */
function profile(sizes: Int32Array) {
  const s = Array.from(sizes).sort((a, b) => b - a);
  const n = s.reduce((a, b) => a + b, 0);
  const mean = n / s.length;
  const sd = Math.sqrt(s.reduce((q, x) => q + (x - mean) ** 2, 0) / s.length);
  const top = s.slice(0, Math.ceil(s.length / 100)).reduce((a, b) => a + b, 0);
  return {
    cv: sd / mean,
    largestOverMean: s[0] / mean,
    topPercentShare: top / n,
    median: s[s.length >> 1],
    mean,
  };
}

describe("the named family", () => {
  it("has at least 8 shapes at 10,000 and 1,000 people (the same ones) and 3 at 100,000", () => {
    expect(defaultShapesAt(10_000).length).toBeGreaterThanOrEqual(8);
    expect(defaultShapesAt(1000).map((s) => s.name)).toEqual(defaultShapesAt(10_000).map((s) => s.name));
    expect(defaultShapesAt(100_000)).toHaveLength(3);
    expect(new Set(FAMILY_SHAPES.map((s) => s.name)).size).toBe(FAMILY_SHAPES.length);
  });

  it("covers the space: distributions, agencies n/5 to n/50, 4 to 30 sectors, nesting, attributes, caps, group sizes", () => {
    const shapes = defaultShapesAt(10_000);
    const values = <T>(f: (s: RosterShape) => T) => new Set(shapes.map(f));
    expect(values((s) => s.sizes.kind)).toEqual(new Set(["lognormal", "pareto", "uniform"]));
    expect(values((s) => s.nested)).toEqual(new Set([true, false]));
    expect(values((s) => s.agencyCap)).toEqual(new Set([true, false]));
    expect(values((s) => s.groupSize)).toEqual(new Set(["5-6", "6"]));
    expect(values((s) => s.categorical)).toEqual(new Set([2, 3, 4, 5, 6]));
    expect(values((s) => s.numeric)).toEqual(new Set([0, 1, 2, 3]));
    const ppa = shapes.map((s) => s.peoplePerAgency);
    expect([Math.min(...ppa), Math.max(...ppa)]).toEqual([5, 50]);
    const sectors = shapes.map((s) => s.sectors);
    expect([Math.min(...sectors), Math.max(...sectors)]).toEqual([4, 30]);
    const big = defaultShapesAt(100_000);
    expect(new Set(big.map((s) => s.sizes.kind)).size).toBe(3);
    expect(new Set(big.map((s) => s.agencyCap))).toEqual(new Set([true, false]));
  });

  it("includes issue 12's roster: ~1,400 log-normal agencies in 6 sectors, groups of 5–6, agency/sector/gender 3/2/1, no cap", () => {
    const roster = generateFamilyRoster(familyShape("issue12"), 10_000, 1);
    const { perAgency, sectorsOf, sectors } = structure(roster);
    expect(perAgency.size).toBe(1400);
    expect(sectors.size).toBe(6);
    for (const set of sectorsOf.values()) expect(set.size).toBe(1);
    expect(roster.shape.sizes.kind).toBe("lognormal");
    expect(roster.groups).toEqual({ minSize: 5, maxSize: 6 });
    expect(roster.attributes).toEqual({
      Virksomhet: { kind: "categorical", weight: 3 },
      Sektor: { kind: "categorical", weight: 2 },
      Kjønn: { kind: "categorical", weight: 1 },
    });
  });

  it.each(FAMILY_SHAPES.map((s) => [s.name, s] as const))(
    "%s keeps its promises at 1,000 and 10,000 people",
    (_, shape) => {
      for (const n of [1000, 10_000]) expectShape(generateFamilyRoster(shape, n, 1), shape, n);
    },
  );

  it.each(defaultShapesAt(100_000).map((s) => [s.name, s] as const))(
    "%s keeps its promises at 100,000 people",
    (_, shape) => {
      expectShape(generateFamilyRoster(shape, 100_000, 1), shape, 100_000);
    },
  );

  it("is a valid problem whose hard rules can hold, for every shape at 1,000 and 10,000", () => {
    for (const shape of FAMILY_SHAPES) {
      for (const n of [1000, 10_000]) {
        const problem = parseProblem(familyProblem(generateFamilyRoster(shape, n, 2)));
        expect(diagnose(problem), `${shape.name} at ${n}`).toEqual([]);
      }
    }
  });

  it("draws agency sizes from the shape's distribution", () => {
    const at10k = (name: string) => profile(generateFamilyRoster(familyShape(name), 10_000, 1).agencySizes);
    for (const name of ["uniform-many", "uniform-few"]) {
      const p = at10k(name);
      expect(p.cv).toBeLessThan(0.35);
      expect(p.largestOverMean).toBeLessThan(1.6);
    }
    for (const name of ["issue12", "oslo-capped", "crossed-sectors"]) {
      const p = at10k(name);
      expect(p.cv).toBeGreaterThan(0.9);
      expect(p.cv).toBeLessThan(3);
      expect(p.median).toBeLessThan(p.mean); // right-skewed: many small, a tail of large
    }
    for (const name of ["pareto-giants", "pareto-capped"]) {
      const p = at10k(name);
      expect(p.topPercentShare).toBeGreaterThan(0.2); // a few giants hold a large share
      expect(p.largestOverMean).toBeGreaterThan(20);
    }
  });

  it("clips giant agencies at the number of groups when at most one per agency is allowed", () => {
    // pareto-capped at 1,000: the largest agency's weight would give it more than 166 people.
    const roster = generateFamilyRoster(familyShape("pareto-capped"), 1000, 1);
    expect(Math.max(...roster.agencySizes)).toBe(minGroupCount(1000));
  });
});

describe("generateFamilyRoster", () => {
  it("is deterministic for a seed; different seeds differ", () => {
    for (const shape of FAMILY_SHAPES) {
      expect(generateFamilyRoster(shape, 1000, 7)).toEqual(generateFamilyRoster(shape, 1000, 7));
      expect(generateFamilyRoster(shape, 1000, 7).people).not.toEqual(
        generateFamilyRoster(shape, 1000, 8).people,
      );
    }
  });

  const shapeArb = fc.record({
    name: fc.constant("property"),
    about: fc.constant(""),
    sizes: fc.oneof(
      fc.record({
        kind: fc.constant("lognormal" as const),
        sigma: fc.double({ min: 0.2, max: 2.5, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant("pareto" as const),
        alpha: fc.double({ min: 1.05, max: 3, noNaN: true }),
      }),
      fc.record({ kind: fc.constant("uniform" as const) }),
    ),
    peoplePerAgency: fc.integer({ min: 5, max: 50 }),
    sectors: fc.integer({ min: 4, max: 30 }),
    nested: fc.boolean(),
    categorical: fc.integer({ min: 2, max: 6 }),
    numeric: fc.integer({ min: 0, max: 3 }),
    agencyCap: fc.boolean(),
    groupSize: fc.constantFrom("5-6" as const, "6" as const),
  });

  it("keeps the promises of any shape in the parameter space, deterministically", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 600, max: 3000 }), fc.integer(), (shape, n, seed) => {
        fc.pre(!shape.nested || shape.sectors <= agencyCount(shape, n));
        const roster = generateFamilyRoster(shape, n, seed);
        expectShape(roster, shape, n);
        expect(generateFamilyRoster(shape, n, seed).people).toEqual(roster.people);
        if (shape.agencyCap) expect(diagnose(parseProblem(familyProblem(roster)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("refuses a shape whose nested sectors outnumber its agencies", () => {
    const shape = { ...familyShape("uniform-few"), nested: true, sectors: 30 };
    expect(() => generateFamilyRoster(shape, 1000, 1)).toThrow(
      /30 nested sectors need at least as many agencies/,
    );
  });

  it("reads back through the CSV path as a Norwegian Excel roster, with tverr's default weights", () => {
    const roster = generateFamilyRoster(familyShape("uniform-many"), 300, 3);
    const { header, rows } = familyTable(roster);
    const csv = toCsv(header, rows, { delimiter: ";", bom: true, lineEnding: "\r\n", decimal: "," });
    const read = readRoster(csv);
    expect(read.delimiter).toBe(";");
    expect(read.people.map((p) => p.id)).toEqual(roster.people.map((p) => p.id));
    // Every recognised column gets the generator's spec (caps are never a default); Utdanning is not a known header.
    const expected = Object.fromEntries(
      Object.entries(roster.attributes)
        .filter(([key]) => key !== "Utdanning")
        .map(([key, spec]) => [
          key,
          spec.kind === "categorical" ? { kind: spec.kind, weight: spec.weight, goal: "mix" } : spec,
        ]),
    );
    expect(read.attributes).toEqual(expected);
    for (const [i, person] of read.people.entries()) {
      for (const key of Object.keys(expected))
        expect(person.attributes[key]).toEqual(roster.people[i].attributes[key]);
    }
  });
});

describe("allocateSizes", () => {
  it("sums to n with every agency in [1, max], heavier agencies never smaller", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
        (weights, extra, max) => {
          const k = weights.length;
          const n = max === undefined ? k + extra : k + (extra % (k * (max - 1) + 1));
          const sizes = allocateSizes(n, Float64Array.from(weights), max);
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
          for (let a = 0; a < k; a++) {
            expect(sizes[a]).toBeGreaterThanOrEqual(1);
            if (max !== undefined) expect(sizes[a]).toBeLessThanOrEqual(max);
            for (let b = 0; b < k; b++)
              if (weights[a] > weights[b]) expect(sizes[a]).toBeGreaterThanOrEqual(sizes[b]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses sizes that cannot be met", () => {
    expect(() => allocateSizes(2, Float64Array.from([1, 1, 1]))).toThrow(/at least one person per agency/);
    expect(() => allocateSizes(10, Float64Array.from([1, 1]), 4)).toThrow(/cannot hold 10 people/);
  });
});
