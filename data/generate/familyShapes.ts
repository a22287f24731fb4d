/**
 * The named roster family the benchmark runs: shapes chosen to cover the space (agency size
 * distribution, agencies n/5 to n/50, 4 to 30 sectors, nested or crossed, 2–6 categorical and
 * 0–3 numeric attributes, with and without at most one per agency, groups of 5–6 or 6).
 * Every shape runs at 1,000 and 10,000 people; three of them also at 100,000.
 */
import type { RosterShape } from "./family.js";

export interface FamilyShape extends RosterShape {
  /** Also run at 100,000 people. */
  at100k: boolean;
}

export const FAMILY_SHAPES: readonly FamilyShape[] = [
  {
    name: "issue12",
    about:
      "the roster of issue 12: ~1,400 agencies per 10,000 of log-normal sizes in 6 sectors, groups of 5–6",
    sizes: { kind: "lognormal", sigma: 1.3 },
    peoplePerAgency: 10_000 / 1400,
    sectors: 6,
    nested: true,
    categorical: 3,
    numeric: 0,
    agencyCap: false,
    groupSize: "5-6",
    at100k: true,
  },
  {
    name: "oslo-capped",
    about: "Oslo-like: log-normal agencies in 20 sectors, four categories and two numbers, one per agency",
    sizes: { kind: "lognormal", sigma: 1.3 },
    peoplePerAgency: 10,
    sectors: 20,
    nested: true,
    categorical: 4,
    numeric: 2,
    agencyCap: true,
    groupSize: "6",
    at100k: false,
  },
  {
    name: "pareto-giants",
    about: "a few giant agencies (Pareto 1.1) holding much of the cohort, 12 sectors, no cap",
    sizes: { kind: "pareto", alpha: 1.1 },
    peoplePerAgency: 20,
    sectors: 12,
    nested: true,
    categorical: 4,
    numeric: 1,
    agencyCap: false,
    groupSize: "5-6",
    at100k: false,
  },
  {
    name: "pareto-capped",
    about: "Pareto 1.2 agencies clipped at one per group (giants in every group), 8 sectors",
    sizes: { kind: "pareto", alpha: 1.2 },
    peoplePerAgency: 8,
    sectors: 8,
    nested: true,
    categorical: 3,
    numeric: 2,
    agencyCap: true,
    groupSize: "6",
    at100k: true,
  },
  {
    name: "uniform-many",
    about:
      "many small agencies of similar size (n/5), 30 sectors, six categories and three numbers, one per agency",
    sizes: { kind: "uniform" },
    peoplePerAgency: 5,
    sectors: 30,
    nested: true,
    categorical: 6,
    numeric: 3,
    agencyCap: true,
    groupSize: "6",
    at100k: true,
  },
  {
    name: "uniform-few",
    about: "few large agencies of similar size (n/50), 4 sectors across agencies, agency and sector only",
    sizes: { kind: "uniform" },
    peoplePerAgency: 50,
    sectors: 4,
    nested: false,
    categorical: 2,
    numeric: 0,
    agencyCap: false,
    groupSize: "5-6",
    at100k: false,
  },
  {
    name: "crossed-sectors",
    about:
      "log-normal agencies with 16 sectors across them, five categories and three numbers, one per agency",
    sizes: { kind: "lognormal", sigma: 1.0 },
    peoplePerAgency: 15,
    sectors: 16,
    nested: false,
    categorical: 5,
    numeric: 3,
    agencyCap: true,
    groupSize: "5-6",
    at100k: false,
  },
  {
    name: "lognormal-wide",
    about: "very uneven log-normal agencies (σ = 2) in 10 sectors, six categories, no numbers, no cap",
    sizes: { kind: "lognormal", sigma: 2.0 },
    peoplePerAgency: 30,
    sectors: 10,
    nested: true,
    categorical: 6,
    numeric: 0,
    agencyCap: false,
    groupSize: "6",
    at100k: false,
  },
  {
    name: "pareto-crossed",
    about:
      "Pareto 1.5 agencies (n/40), 30 sectors across them, agency and sector plus three numbers, one per agency",
    sizes: { kind: "pareto", alpha: 1.5 },
    peoplePerAgency: 40,
    sectors: 30,
    nested: false,
    categorical: 2,
    numeric: 3,
    agencyCap: true,
    groupSize: "5-6",
    at100k: false,
  },
];

/** The shapes the benchmark runs by default at n people. */
export function defaultShapesAt(n: number): FamilyShape[] {
  return FAMILY_SHAPES.filter((s) => n < 100_000 || s.at100k);
}

export function familyShape(name: string): FamilyShape {
  const shape = FAMILY_SHAPES.find((s) => s.name === name);
  if (!shape) {
    throw new RangeError(`no shape ${name}; shapes: ${FAMILY_SHAPES.map((s) => s.name).join(", ")}`);
  }
  return shape;
}
