/**
 * A synthetic but realistic leader roster for Oslo kommune's top-leader programme: every
 * agency (virksomhet) in the reference list with its leader group (director plus 4–9
 * leaders), sector from the reference, Norwegian names with gender, unique e-mail addresses.
 *
 * `generateOsloRoster` is pure (reference data in, rows out); `loadReference` is the only
 * part that touches the file system.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { Random } from "./random.js";

export type AgencyType = "byrådsavdeling" | "etat" | "foretak" | "bydel" | "annet";

export interface ReferenceAgency {
  virksomhet: string;
  type: AgencyType;
  sektor: string;
  /** Approximate head count, where the detail file gives one. */
  ansatte?: number;
}

export interface ReferenceFirstName {
  fornavn: string;
  kjonn: "K" | "M";
}

export interface OsloReference {
  agencies: ReferenceAgency[];
  /** In frequency order, most common first. */
  fornavn: ReferenceFirstName[];
  /** In frequency order, most common first. */
  etternavn: string[];
}

export interface OsloLeader {
  id: string;
  navn: string;
  epost: string;
  virksomhet: string;
  sektor: string;
  rolle: "Direktør" | "Leder";
  kjonn: "K" | "M";
  /** Years in the organisation, 0–40, one decimal. */
  ansiennitet: number;
}

/** An agency director who should not sit with the director of the byrådsavdeling above them. */
export interface KeepApartPair {
  agencyDirector: OsloLeader;
  sectorDirector: OsloLeader;
}

/** `<repo>/data/reference/`, resolved from this file so it works wherever the repo is cloned. */
export const DEFAULT_REFERENCE_DIR: URL = new URL("../reference/", import.meta.url);

const AGENCY_TYPES: readonly AgencyType[] = ["byrådsavdeling", "etat", "foretak", "bydel", "annet"];

/** Read and check the reference files. */
export function loadReference(dir: string | URL = DEFAULT_REFERENCE_DIR): OsloReference {
  const base = typeof dir === "string" ? dir : fileURLToPath(dir);
  const read = (name: string) => readFileSync(`${base.replace(/\/?$/, "/")}${name}`, "utf8");
  const csv = (name: string) =>
    parse(read(name), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];

  const sizes = new Map<string, number>();
  for (const row of csv("oslo-virksomheter-detaljer.csv")) {
    const n = Number(row.ansatte_ca);
    if (row.ansatte_ca && Number.isFinite(n) && n > 0) sizes.set(row.virksomhet, n);
  }
  const agencies = csv("oslo-virksomheter.csv").map((row, i): ReferenceAgency => {
    if (!AGENCY_TYPES.includes(row.type as AgencyType)) {
      throw new Error(`oslo-virksomheter.csv row ${i + 2}: unknown type "${row.type}"`);
    }
    const agency: ReferenceAgency = {
      virksomhet: row.virksomhet,
      type: row.type as AgencyType,
      sektor: row.sektor,
    };
    const ansatte = sizes.get(row.virksomhet);
    if (ansatte !== undefined) agency.ansatte = ansatte;
    return agency;
  });
  const fornavn = csv("fornavn.txt").map((row, i): ReferenceFirstName => {
    if (row.kjonn !== "K" && row.kjonn !== "M") {
      throw new Error(`fornavn.txt row ${i + 2}: gender must be K or M, got "${row.kjonn}"`);
    }
    return { fornavn: row.fornavn, kjonn: row.kjonn };
  });
  const etternavn = read("etternavn.txt")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { agencies, fornavn, etternavn };
}

/**
 * Typical head count by agency type, for agencies the detail file has no figure for.
 * Bydeler: about 20,400 employees over 15 bydeler in 2019 (see SOURCES.md); the rest are guesses.
 */
const TYPICAL_SIZE: Record<AgencyType, number> = {
  byrådsavdeling: 120,
  etat: 300,
  foretak: 150,
  bydel: 1350,
  annet: 15,
};

/** Leaders under the director: 4 for a ten-person agency, 9 for the largest (about 15,000). */
export function leaderCountFor(agency: ReferenceAgency, rng: Random): number {
  const size = agency.ansatte ?? TYPICAL_SIZE[agency.type];
  const t = Math.min(1, Math.max(0, (Math.log10(size) - 1) / (Math.log10(15000) - 1)));
  const jittered = Math.round(4 + 5 * t + (rng.nextFloat() * 2 - 1));
  return Math.min(9, Math.max(4, jittered));
}

/** Lower-case ASCII for an e-mail local part: æ→ae, ø→o, å→aa, other accents dropped. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "");
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The roster: agencies in reference order, each director first. Ids `P0001`, `P0002`, … */
export function generateOsloRoster(reference: OsloReference, seed = 2026): OsloLeader[] {
  const rng = new Random(seed);
  const { fornavn, etternavn } = reference;
  if (fornavn.length === 0 || etternavn.length === 0) throw new Error("reference name lists are empty");
  // Frequency order -> gently falling weights, so common names are commoner without dominating.
  // Gender first (even odds), then a name by rank within that gender.
  const byGender = (k: "K" | "M") => fornavn.filter((f) => f.kjonn === k);
  const firstNames = [byGender("K"), byGender("M")].filter((list) => list.length > 0);
  const firstWeights = firstNames.map((list) => list.map((_, i) => 1 / (1 + i / 15)));
  const lastWeights = etternavn.map((_, i) => 1 / (1 + i / 10));
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const rows: OsloLeader[] = [];

  const drawName = (): { first: ReferenceFirstName; last: string } => {
    // Redraw on a repeated full name (up to a point): two "Anne Hansen" in one roster confuse readers.
    let first = fornavn[0];
    let last = etternavn[0];
    for (let attempt = 0; attempt < 50; attempt++) {
      const g = rng.nextInt(firstNames.length);
      first = firstNames[g][rng.pickWeighted(firstWeights[g])];
      last = etternavn[rng.pickWeighted(lastWeights)];
      if (!usedNames.has(`${first.fornavn} ${last}`)) break;
    }
    usedNames.add(`${first.fornavn} ${last}`);
    return { first, last };
  };
  const email = (first: string, last: string): string => {
    const local = `${asciiFold(first)}.${asciiFold(last)}`;
    let candidate = local;
    for (let k = 2; usedEmails.has(candidate); k++) candidate = `${local}${k}`;
    usedEmails.add(candidate);
    return `${candidate}@oslo.kommune.no`;
  };

  for (const agency of reference.agencies) {
    const leaders = leaderCountFor(agency, rng);
    for (let j = 0; j <= leaders; j++) {
      const rolle = j === 0 ? "Direktør" : "Leder";
      const { first, last } = drawName();
      // Lognormal years (right-skewed, no pile-up at 0), redrawn above 40; directors have been around longer.
      let tenure = 41;
      while (tenure > 40) {
        tenure = Math.exp(
          rolle === "Direktør" ? rng.nextNormal(Math.log(15), 0.5) : rng.nextNormal(Math.log(10), 0.7),
        );
      }
      rows.push({
        id: `P${String(rows.length + 1).padStart(4, "0")}`,
        navn: `${first.fornavn} ${last}`,
        epost: email(first.fornavn, last),
        virksomhet: agency.virksomhet,
        sektor: agency.sektor,
        rolle,
        kjonn: first.kjonn,
        ansiennitet: Math.min(40, Math.max(0, round1(tenure))),
      });
    }
  }
  return rows;
}

/**
 * Reporting lines kept apart: each agency director vs the director of the byrådsavdeling
 * their agency answers to. Agencies without a byrådsavdeling in the roster (sector
 * "Bystyret") and the byrådsavdelinger themselves get no pair.
 */
export function osloKeepApart(roster: readonly OsloLeader[], reference: OsloReference): KeepApartPair[] {
  const directors = new Map<string, OsloLeader>();
  for (const row of roster) if (row.rolle === "Direktør") directors.set(row.virksomhet, row);
  const departments = new Set(
    reference.agencies.filter((a) => a.type === "byrådsavdeling").map((a) => a.virksomhet),
  );
  const pairs: KeepApartPair[] = [];
  for (const agency of reference.agencies) {
    if (agency.type === "byrådsavdeling" || !departments.has(agency.sektor)) continue;
    const agencyDirector = directors.get(agency.virksomhet);
    const sectorDirector = directors.get(agency.sektor);
    if (agencyDirector && sectorDirector) pairs.push({ agencyDirector, sectorDirector });
  }
  return pairs;
}
