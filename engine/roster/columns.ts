/**
 * Header recognition: which column holds the id, the name, the e-mail, and which columns are
 * attributes worth mixing or balancing, with their default kind and weight. Headers match
 * case- and accent-insensitively, ignoring spaces, punctuation and a unit in parentheses
 * ("E-post", "epost", "E post"; "Ansiennitet (år)" is "Ansiennitet").
 *
 * The words are those Norwegian and English rosters use: a coordinator's export from the HR
 * system says Stilling or Enhet, a hand-made sheet says Virksomhet or Rolle.
 */
import type { AttributeSpec } from "../problem/schema.js";

export type PersonRole = "id" | "name" | "firstName" | "lastName" | "email";
export type AttributeRole =
  | "agency"
  | "sector"
  | "unit"
  | "role"
  | "gender"
  | "level"
  | "language"
  | "site"
  | "tenure"
  | "age"
  | "years";
export type ColumnRole = PersonRole | AttributeRole;

/** The headers each role is recognised by, as a coordinator would write them. */
export const KNOWN_HEADERS: Readonly<Record<ColumnRole, readonly string[]>> = {
  id: ["Id", "ID", "Ansattnummer", "Ansattnr", "Nr", "Person-id", "Personnummer-id", "Employee id"],
  name: ["Navn", "Name", "Fullt navn", "Full name", "Deltaker", "Participant"],
  firstName: ["Fornavn", "First name", "Given name"],
  lastName: ["Etternavn", "Last name", "Surname", "Family name"],
  email: ["E-post", "Epost", "Email", "E-mail", "E-postadresse", "Email address", "Mail", "Epostadresse"],
  agency: [
    "Virksomhet",
    "Etat",
    "Bydel",
    "Foretak",
    "Enhet",
    "Virksomhetsnavn",
    "Organisasjon",
    "Agency",
    "Organisation",
    "Organization",
  ],
  sector: ["Sektor", "Byrådsavdeling", "Tjenesteområde", "Område", "Sector", "Department"],
  unit: ["Avdeling", "Seksjon", "Section", "Team"],
  role: ["Rolle", "Stilling", "Stillingstittel", "Tittel", "Role", "Position", "Job title", "Title"],
  gender: ["Kjønn", "Gender", "Sex"],
  level: ["Nivå", "Level", "Ledernivå", "Management level"],
  language: ["Språk", "Arbeidsspråk", "Language"],
  site: ["Sted", "Arbeidssted", "Lokasjon", "Site", "Location"],
  tenure: ["Ansiennitet", "Tenure", "Seniority", "År i stillingen", "Years in role"],
  age: ["Alder", "Age"],
  years: ["År", "Years", "Erfaring", "Experience"],
};

/**
 * Default spec of each attribute role: what to mix (weights 3/2/1 for agency, sector, the
 * rest), what to balance, what to keep together. Caps are the coordinator's choice, never a
 * default.
 */
export const DEFAULT_ATTRIBUTE_SPECS: Readonly<Record<AttributeRole, AttributeSpec>> = {
  agency: { kind: "categorical", weight: 3, goal: "mix" },
  sector: { kind: "categorical", weight: 2, goal: "mix" },
  unit: { kind: "categorical", weight: 1, goal: "mix" },
  role: { kind: "categorical", weight: 1, goal: "mix" },
  gender: { kind: "categorical", weight: 1, goal: "mix" },
  level: { kind: "categorical", weight: 1, goal: "mix" },
  language: { kind: "categorical", weight: 1, goal: "similar" },
  site: { kind: "categorical", weight: 1, goal: "similar" },
  tenure: { kind: "numeric", weight: 1 },
  age: { kind: "numeric", weight: 1 },
  years: { kind: "numeric", weight: 1 },
};

const PERSON_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "id",
  "name",
  "firstName",
  "lastName",
  "email",
]);

/**
 * A header reduced for matching: a unit in parentheses dropped, lower case, accents dropped,
 * æ→ae, ø→o, å→a, and only letters and digits kept. "Byrådsavdeling" → "byradsavdeling",
 * "E-post" → "epost", "Ansiennitet (år)" → "ansiennitet".
 */
export function headerKey(header: string): string {
  return header
    .replace(/\s*\([^)]*\)\s*$/, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const ROLE_BY_KEY: ReadonlyMap<string, ColumnRole> = new Map(
  (Object.entries(KNOWN_HEADERS) as [ColumnRole, readonly string[]][]).flatMap(([role, headers]) =>
    headers.map((h) => [headerKey(h), role] as const),
  ),
);

/** The role a header is known by, if any. */
export function recogniseHeader(header: string): ColumnRole | undefined {
  return ROLE_BY_KEY.get(headerKey(header));
}

export function isPersonRole(role: ColumnRole): role is PersonRole {
  return PERSON_ROLES.has(role);
}

/** Default attribute spec of a header, or undefined if the header is not a known attribute. */
export function defaultAttributeSpec(header: string): AttributeSpec | undefined {
  const role = recogniseHeader(header);
  if (role === undefined || isPersonRole(role)) return undefined;
  return { ...DEFAULT_ATTRIBUTE_SPECS[role] };
}

export interface RecognisedColumn {
  /** 0-based position in the header. */
  index: number;
  header: string;
  role: ColumnRole;
}

/** Every column whose header is known, in header order. */
export function recogniseColumns(header: readonly string[]): RecognisedColumn[] {
  const out: RecognisedColumn[] = [];
  header.forEach((h, index) => {
    const role = recogniseHeader(h);
    if (role !== undefined) out.push({ index, header: h, role });
  });
  return out;
}

/** A column as a person names it: exactly, else the one header with the same key (case, accents, punctuation aside). */
export function findColumn(names: readonly string[], wanted: string): string | undefined {
  return new ColumnFinder(names).find(wanted);
}

/**
 * Columns found by name as `findColumn` does, for many names against one header: each
 * header's key is computed once. (Per name over the whole header, a thousand names in a
 * mapping against a header of twenty thousand columns kept a request busy for 15 s.)
 */
export class ColumnFinder {
  readonly #exact = new Map<string, number>();
  readonly #loose = new Map<string, number[]>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      if (!this.#exact.has(name)) this.#exact.set(name, i);
      const key = headerKey(name);
      if (key === "") return;
      const list = this.#loose.get(key);
      if (list) list.push(i);
      else this.#loose.set(key, [i]);
    });
  }

  /** The position of the column `name` means, or undefined (none, or several loosely). */
  indexOf(name: string): number | undefined {
    const exact = this.#exact.get(name);
    if (exact !== undefined) return exact;
    const loose = this.#loose.get(headerKey(name));
    return loose?.length === 1 ? loose[0] : undefined;
  }

  find(name: string): string | undefined {
    const i = this.indexOf(name);
    return i === undefined ? undefined : this.names[i];
  }

  /** `COL`, or `COL:CATEGORY` where COL is the longest prefix before a `:` that names a column. */
  split(target: string): { column: string; category?: string } | undefined {
    const whole = this.find(target);
    if (whole !== undefined) return { column: whole };
    for (let i = target.lastIndexOf(":"); i >= 0; i = target.lastIndexOf(":", i - 1)) {
      const column = this.find(target.slice(0, i).trim());
      const category = target.slice(i + 1).trim();
      if (column !== undefined && category !== "") return { column, category };
      if (i === 0) break;
    }
    return undefined;
  }
}
