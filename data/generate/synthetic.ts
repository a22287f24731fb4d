/**
 * Synthetic people for benchmarks (10,000 to 100,000 and more): agencies nested in sectors
 * with heavy-tailed agency sizes (lognormal: a few agencies with hundreds of people, many with
 * a handful), plus role, gender and numeric tenure and age. Deterministic for a seed and fast
 * (typed arrays, one pass).
 */
import type { AttributeSpecInput, Person } from "../../engine/problem/schema.js";
import { shuffledAgencySlots } from "./agencySizes.js";
import { Random } from "./random.js";

export interface SyntheticOptions {
  /** Number of people. */
  n: number;
  /** Number of agencies (at least `sectors`). Every agency gets at least one person when n >= agencies. */
  agencies: number;
  /** Number of sectors; every sector gets at least one agency. */
  sectors: number;
  /** Categorical attributes in all, at least 2: agency, sector, role, gender, then cat5, cat6, … */
  categorical?: number;
  /** Numeric attributes: tenure, age, then num3, num4, … */
  numeric?: number;
  seed: number;
  /** Spread of the lognormal agency sizes; larger is more uneven. */
  sizeSigma?: number;
}

const ROLES = ["director", "manager", "specialist", "staff"] as const;
const ROLE_WEIGHTS = [0.05, 0.2, 0.35, 0.4];
const GENDERS = ["F", "M", "X"] as const;
const GENDER_WEIGHTS = [0.52, 0.47, 0.01];

/** Attribute keys in order, for the given counts. */
export function syntheticKeys(categorical = 4, numeric = 2): { categorical: string[]; numeric: string[] } {
  checkCounts(categorical, numeric);
  const cat = ["agency", "sector", "role", "gender"].slice(0, categorical);
  for (let k = 5; k <= categorical; k++) cat.push(`cat${k}`);
  const num = ["tenure", "age"].slice(0, numeric);
  for (let k = 3; k <= numeric; k++) num.push(`num${k}`);
  return { categorical: cat, numeric: num };
}

/** The engine `attributes` config for the synthetic keys: weight 1 each, no caps unless asked. */
export function syntheticAttributes(
  options: { categorical?: number; numeric?: number; agencyCap?: number } = {},
): Record<string, AttributeSpecInput> {
  const keys = syntheticKeys(options.categorical ?? 4, options.numeric ?? 2);
  const out: Record<string, AttributeSpecInput> = {};
  for (const key of keys.categorical) {
    const spec: Extract<AttributeSpecInput, { kind: "categorical" }> = { kind: "categorical", weight: 1 };
    if (key === "agency" && options.agencyCap !== undefined) spec.maxPerGroup = options.agencyCap;
    out[key] = spec;
  }
  for (const key of keys.numeric) out[key] = { kind: "numeric", weight: 1 };
  return out;
}

function checkCounts(categorical: number, numeric: number): void {
  if (!Number.isInteger(categorical) || categorical < 2) {
    throw new RangeError(`categorical must be an integer >= 2 (agency, sector), got ${categorical}`);
  }
  if (!Number.isInteger(numeric) || numeric < 0) {
    throw new RangeError(`numeric must be a non-negative integer, got ${numeric}`);
  }
}

function label(prefix: string, i: number, count: number): string {
  return `${prefix}${String(i + 1).padStart(Math.max(2, String(count).length), "0")}`;
}

/** Agency sizes summing to n: at least 1 each (when n allows), the rest by lognormal weight. */
export function agencySizes(n: number, agencies: number, rng: Random, sigma = 1.3): Int32Array {
  const sizes = new Int32Array(agencies);
  const base = n >= agencies ? 1 : 0;
  sizes.fill(base);
  const rest = n - base * agencies;
  const weights = new Float64Array(agencies);
  let total = 0;
  for (let a = 0; a < agencies; a++) {
    weights[a] = Math.exp(rng.nextNormal(0, sigma));
    total += weights[a];
  }
  // Largest remainder: floor shares, then one more to the largest fractional parts.
  let given = 0;
  const frac: number[] = new Array(agencies);
  for (let a = 0; a < agencies; a++) {
    const share = (rest * weights[a]) / total;
    const whole = Math.floor(share);
    sizes[a] += whole;
    given += whole;
    frac[a] = share - whole;
  }
  const order = Array.from({ length: agencies }, (_, a) => a).sort((x, y) => frac[y] - frac[x] || x - y);
  for (let k = 0; k < rest - given; k++) sizes[order[k]] += 1;
  return sizes;
}

export function generateSyntheticPeople(options: SyntheticOptions): Person[] {
  const { n, agencies, sectors, seed } = options;
  const categorical = options.categorical ?? 4;
  const numeric = options.numeric ?? 2;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(sectors) || sectors < 1) throw new RangeError(`sectors must be >= 1, got ${sectors}`);
  if (!Number.isInteger(agencies) || agencies < sectors) {
    throw new RangeError(`agencies must be an integer >= sectors (${sectors}), got ${agencies}`);
  }
  const keys = syntheticKeys(categorical, numeric);
  const rng = new Random(seed);

  // Agencies nested in sectors: the first `sectors` agencies seed one sector each, the rest at random.
  const agencySector = new Int32Array(agencies);
  for (let a = 0; a < agencies; a++) agencySector[a] = a < sectors ? a : rng.nextInt(sectors);
  const agencyNames = Array.from({ length: agencies }, (_, a) => label("A", a, agencies));
  const sectorNames = Array.from({ length: sectors }, (_, s) => label("S", s, sectors));

  // One slot per person holding its agency, then shuffled so rows do not come sorted by agency.
  const sizes = agencySizes(n, agencies, rng, options.sizeSigma ?? 1.3);
  const slot = shuffledAgencySlots(sizes, n, rng);

  const extraCat = keys.categorical.slice(4).map((key, k) => ({ key, values: 3 + (k % 4) }));
  const extraNum = keys.numeric.slice(2);
  const idWidth = String(n).length;
  const people: Person[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = slot[i];
    const attributes: Record<string, string | number | null> = {
      agency: agencyNames[a],
      sector: sectorNames[agencySector[a]],
    };
    if (categorical >= 3) attributes.role = ROLES[rng.pickWeighted(ROLE_WEIGHTS)];
    if (categorical >= 4) attributes.gender = GENDERS[rng.pickWeighted(GENDER_WEIGHTS)];
    for (const { key, values } of extraCat) attributes[key] = `v${1 + rng.nextInt(values)}`;
    if (numeric >= 1) {
      const age = Math.min(67, Math.max(23, Math.round(rng.nextNormal(46, 9))));
      const tenure = Math.min(40, Math.round((age - 22) * rng.nextFloat() * 10) / 10);
      attributes.tenure = tenure;
      if (numeric >= 2) attributes.age = age;
    }
    for (const key of extraNum) attributes[key] = Math.round(rng.nextNormal(0, 1) * 1000) / 1000;
    people[i] = { id: `P${String(i + 1).padStart(idWidth, "0")}`, attributes };
  }
  return people;
}
