/**
 * Roster families: synthetic cohorts of any size in one of many shapes, so the search is
 * measured (and tuned) on a spread of organisations rather than on one case.
 *
 * A shape fixes the structure as ratios (people per agency, sectors, nesting, attributes,
 * caps, group size); n and a seed make one roster of it. Headers are the Norwegian ones Oslo
 * rosters use, so a roster written as CSV is read by `tverr compose` with its default
 * weights (Virksomhet 3, Sektor 2, the rest 1). Deterministic: the same shape, n and seed
 * give the same roster on every platform.
 */
import type { AttributeSpecInput, Person, ProblemInput } from "../../engine/problem/schema.js";
import { agencySizesFrom, type SizeDistribution, shuffledAgencySlots } from "./agencySizes.js";
import { hashSeed } from "./hashSeed.js";
import { Random } from "./random.js";

export type GroupSizing = "5-6" | "6";

export interface RosterShape {
  name: string;
  /** What the shape stands for, in one line. */
  about: string;
  sizes: SizeDistribution;
  /** n / agencies: 5 (many small agencies) to 50 (few large ones). */
  peoplePerAgency: number;
  /** 4 to 30. */
  sectors: number;
  /** Every agency in one sector (Oslo's etater under byrådsavdelinger), or sectors across agencies. */
  nested: boolean;
  /** Categorical attributes, 2 to 6, in the order of CATEGORICAL_HEADERS. */
  categorical: number;
  /** Numeric attributes, 0 to 3, in the order of NUMERIC_HEADERS. */
  numeric: number;
  /** Hard rule: at most one person per agency in a group. */
  agencyCap: boolean;
  /** Groups of 5 to 6 (the fewest that fit), or of 6 (the count rounded). */
  groupSize: GroupSizing;
}

/** Categorical columns in the order shapes take them; the first five are recognised by `tverr`. */
export const CATEGORICAL_HEADERS = [
  "Virksomhet",
  "Sektor",
  "Kjønn",
  "Rolle",
  "Ledernivå",
  "Utdanning",
] as const;
/** Numeric columns in the order shapes take them; all three are recognised by `tverr`. */
export const NUMERIC_HEADERS = ["Ansiennitet", "Alder", "År"] as const;
/** The id column (recognised as the person id). */
export const ID_HEADER = "Ansattnummer";

/** The default weights `tverr` gives these columns: agency 3, sector 2, the others 1. */
const WEIGHT: Readonly<Record<string, number>> = { Virksomhet: 3, Sektor: 2 };

const GENDERS = ["K", "M"] as const;
const GENDER_WEIGHTS = [0.52, 0.48];
const DEPUTY_ROLES = ["Avdelingsdirektør", "Seksjonssjef", "Enhetsleder"] as const;
const DEPUTY_WEIGHTS = [0.15, 0.3, 0.55];
const LEVELS = ["Nivå 1", "Nivå 2", "Nivå 3", "Nivå 4"] as const;
const LEVEL_WEIGHTS = [0.1, 0.25, 0.35, 0.3];
const EDUCATION = ["Fagbrev", "Bachelor", "Master", "Doktorgrad", "Annet"] as const;
const EDUCATION_WEIGHTS = [0.12, 0.33, 0.45, 0.04, 0.06];

export interface FamilyRoster {
  shape: RosterShape;
  n: number;
  seed: number;
  people: Person[];
  attributes: Record<string, AttributeSpecInput>;
  groups: { size: number } | { minSize: number; maxSize: number };
  /** People per agency, agency k named `Virksomhet k+1`. */
  agencySizes: Int32Array;
  /** Sector of each agency when nested, else -1 for all. */
  agencySector: Int32Array;
}

/** Agencies of the shape at n people: n / peoplePerAgency, rounded, at least one. */
export function agencyCount(shape: RosterShape, n: number): number {
  return Math.max(1, Math.round(n / shape.peoplePerAgency));
}

/**
 * The fewest groups the shape's sizing can make of n people, which bounds an agency's size
 * under the cap (one per group): size 6 rounds n / 6, 5–6 takes ceil(n / 6), both ≥ floor(n / 6).
 */
export function minGroupCount(n: number): number {
  return Math.max(1, Math.floor(n / 6));
}

export function checkShape(shape: RosterShape, n: number): void {
  const fail = (what: string) => {
    throw new RangeError(`shape ${shape.name}: ${what}`);
  };
  if (!Number.isInteger(n) || n < 12) fail(`n must be an integer of at least 12, got ${n}`);
  if (!(shape.peoplePerAgency >= 1)) fail("peoplePerAgency must be at least 1");
  if (!Number.isInteger(shape.sectors) || shape.sectors < 1) fail("sectors must be a positive integer");
  if (shape.nested && shape.sectors > agencyCount(shape, n))
    fail(`${shape.sectors} nested sectors need at least as many agencies, got ${agencyCount(shape, n)}`);
  if (!Number.isInteger(shape.categorical) || shape.categorical < 2 || shape.categorical > 6)
    fail("categorical must be 2 to 6");
  if (!Number.isInteger(shape.numeric) || shape.numeric < 0 || shape.numeric > 3)
    fail("numeric must be 0 to 3");
}

function agencyName(a: number, agencies: number): string {
  return `Virksomhet ${String(a + 1).padStart(String(agencies).length, "0")}`;
}

function sectorName(s: number, sectors: number): string {
  return `Sektor ${String(s + 1).padStart(Math.max(2, String(sectors).length), "0")}`;
}

export function generateFamilyRoster(shape: RosterShape, n: number, seed: number): FamilyRoster {
  checkShape(shape, n);
  const rng = new Random(hashSeed("family", shape.name, n, seed));
  const agencies = agencyCount(shape, n);
  const maxSize = shape.agencyCap ? minGroupCount(n) : Number.POSITIVE_INFINITY;
  const sizes = agencySizesFrom(shape.sizes, n, agencies, rng, maxSize);

  // Sectors differ in how many agencies (or people) they draw: weights spread by a factor of about 3.
  const sectorWeights = Array.from({ length: shape.sectors }, () => Math.exp(rng.nextNormal(0, 0.6)));
  const agencySector = new Int32Array(agencies).fill(-1);
  if (shape.nested) {
    // The first `sectors` agencies seed one sector each, so every sector has an agency.
    for (let a = 0; a < agencies; a++)
      agencySector[a] = a < shape.sectors ? a : rng.pickWeighted(sectorWeights);
  }

  // One slot per person holding its agency, shuffled so rows do not come sorted by agency;
  // each agency's first slot in file order is its director.
  const slot = shuffledAgencySlots(sizes, n, rng);
  const hasDirector = new Uint8Array(agencies);

  const cat = CATEGORICAL_HEADERS.slice(0, shape.categorical);
  const num = NUMERIC_HEADERS.slice(0, shape.numeric);
  const idWidth = String(n).length;
  const people: Person[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = slot[i];
    const attributes: Record<string, string | number | null> = {
      Virksomhet: agencyName(a, agencies),
      Sektor: sectorName(shape.nested ? agencySector[a] : rng.pickWeighted(sectorWeights), shape.sectors),
    };
    if (shape.categorical >= 3) attributes.Kjønn = GENDERS[rng.pickWeighted(GENDER_WEIGHTS)];
    if (shape.categorical >= 4) {
      attributes.Rolle = hasDirector[a] ? DEPUTY_ROLES[rng.pickWeighted(DEPUTY_WEIGHTS)] : "Direktør";
      hasDirector[a] = 1;
    }
    if (shape.categorical >= 5) attributes.Ledernivå = LEVELS[rng.pickWeighted(LEVEL_WEIGHTS)];
    if (shape.categorical >= 6) attributes.Utdanning = EDUCATION[rng.pickWeighted(EDUCATION_WEIGHTS)];
    if (shape.numeric >= 1) {
      const age = Math.min(67, Math.max(27, Math.round(rng.nextNormal(49, 8))));
      const tenure = Math.round(rng.nextFloat() * (age - 24) * 10) / 10;
      attributes.Ansiennitet = tenure;
      if (shape.numeric >= 2) attributes.Alder = age;
      // Years as a leader: a skewed share of the tenure.
      if (shape.numeric >= 3) attributes.År = Math.round(rng.nextFloat() ** 1.5 * tenure * 10) / 10;
    }
    people[i] = { id: `P${String(i + 1).padStart(idWidth, "0")}`, attributes };
  }

  const attributes: Record<string, AttributeSpecInput> = {};
  for (const key of cat) {
    const cap = key === "Virksomhet" && shape.agencyCap ? { maxPerGroup: 1 } : {};
    attributes[key] = { kind: "categorical", weight: WEIGHT[key] ?? 1, ...cap };
  }
  for (const key of num) attributes[key] = { kind: "numeric", weight: 1 };

  return {
    shape,
    n,
    seed,
    people,
    attributes,
    groups: shape.groupSize === "6" ? { size: 6 } : { minSize: 5, maxSize: 6 },
    agencySizes: sizes,
    agencySector,
  };
}

/** The roster as an engine problem (options as given: seed and limits are the caller's). */
export function familyProblem(roster: FamilyRoster, options: ProblemInput["options"] = {}): ProblemInput {
  return { people: roster.people, groups: roster.groups, attributes: roster.attributes, options };
}

/** Header and rows of the roster as a coordinator's spreadsheet: id, then the attribute columns. */
export function familyTable(roster: FamilyRoster): { header: string[]; rows: (string | number | null)[][] } {
  const keys = Object.keys(roster.attributes);
  return {
    header: [ID_HEADER, ...keys],
    rows: roster.people.map((person) => [person.id, ...keys.map((k) => person.attributes[k] ?? null)]),
  };
}
