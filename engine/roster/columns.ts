/**
 * Header recognition: which column holds the id, the name, the e-mail, and which columns are
 * attributes worth balancing, with their default kind and weight. Headers match case- and
 * accent-insensitively, ignoring spaces and punctuation ("E-post", "epost", "E post").
 */
import type { AttributeSpec } from "../problem/schema.js";

export type PersonRole = "id" | "name" | "firstName" | "lastName" | "email";
export type AttributeRole = "agency" | "sector" | "role" | "gender" | "level" | "tenure" | "age" | "years";
export type ColumnRole = PersonRole | AttributeRole;

/** The headers each role is recognised by, as a coordinator would write them. */
export const KNOWN_HEADERS: Readonly<Record<ColumnRole, readonly string[]>> = {
  id: ["Id", "ID", "Ansattnummer", "Ansattnr", "Nr", "Person-id"],
  name: ["Navn", "Name", "Fullt navn", "Full name"],
  firstName: ["Fornavn", "First name", "Given name"],
  lastName: ["Etternavn", "Last name", "Surname", "Family name"],
  email: ["E-post", "Epost", "Email", "E-mail", "E-postadresse", "Email address", "Mail"],
  agency: ["Virksomhet", "Etat", "Bydel", "Foretak", "Agency", "Organisation", "Organization", "Enhet"],
  sector: ["Sektor", "Byrådsavdeling", "Sector", "Department"],
  role: ["Rolle", "Role"],
  gender: ["Kjønn", "Gender", "Sex"],
  level: ["Nivå", "Level", "Ledernivå"],
  tenure: ["Ansiennitet", "Tenure", "Seniority"],
  age: ["Alder", "Age"],
  years: ["År", "Years"],
};

/** Default spec of each attribute role. Caps (maxPerGroup) are the coordinator's choice, never a default. */
export const DEFAULT_ATTRIBUTE_SPECS: Readonly<Record<AttributeRole, AttributeSpec>> = {
  agency: { kind: "categorical", weight: 3 },
  sector: { kind: "categorical", weight: 2 },
  role: { kind: "categorical", weight: 1 },
  gender: { kind: "categorical", weight: 1 },
  level: { kind: "categorical", weight: 1 },
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
 * A header reduced for matching: lower case, accents dropped, æ→ae, ø→o, å→a, and only
 * letters and digits kept. "Byrådsavdeling" → "byradsavdeling", "E-post" → "epost".
 */
export function headerKey(header: string): string {
  return header
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
