/**
 * Side files that name people: keep-apart / keep-together sets (a row per set) and a grouping
 * (a row per person: who is in which group, e.g. a published grouping to repair).
 *
 * A cell names a person by id, by e-mail (any case) or by a name only one person has. Cells
 * are never echoed in messages (rosters are personal data); line and column say where.
 */
import { type InputIssue, ProblemInputError } from "../errors.js";
import type { Person } from "../problem/schema.js";
import { headerKey } from "./columns.js";
import type { Table, TableRow } from "./table.js";

/** What a side file can name a person by. */
export interface PersonRef {
  id: string;
  name?: string;
  email?: string;
}

export interface SideFileOptions {
  file?: string;
}

export interface GroupingOptions extends SideFileOptions {
  /** Leave out people not in the roster (people who dropped out of a published grouping). */
  ignoreUnknown?: boolean;
}

/** PersonRefs from `rosterToPeople`'s result (Person has no e-mail; the result keeps them apart). */
export function personRefs(roster: {
  people: readonly Person[];
  emails?: Record<string, string>;
}): PersonRef[] {
  return roster.people.map((p) => ({
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(roster.emails?.[p.id] !== undefined ? { email: roster.emails[p.id] } : {}),
  }));
}

type Match = { id: string } | { problem: "unknown" | "ambiguous"; count?: number };

function nameKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Resolve cells to person ids: id first, then e-mail, then a unique name. */
export class PersonMatcher {
  private readonly ids = new Set<string>();
  private readonly emails = new Map<string, string>();
  private readonly names = new Map<string, string[]>();

  constructor(people: readonly PersonRef[]) {
    for (const p of people) {
      this.ids.add(p.id);
      if (p.email) this.emails.set(p.email.trim().toLowerCase(), p.id);
      if (p.name) {
        const key = nameKey(p.name);
        const list = this.names.get(key);
        if (list) list.push(p.id);
        else this.names.set(key, [p.id]);
      }
    }
  }

  match(cell: string): Match {
    const s = cell.trim();
    if (this.ids.has(s)) return { id: s };
    const byEmail = this.emails.get(s.toLowerCase());
    if (byEmail !== undefined) return { id: byEmail };
    const byName = this.names.get(nameKey(s));
    if (byName?.length === 1) return { id: byName[0] };
    if (byName && byName.length > 1) return { problem: "ambiguous", count: byName.length };
    return { problem: "unknown" };
  }
}

function issueAt(
  file: string | undefined,
  line: number,
  column: number | undefined,
  message: string,
): InputIssue {
  return {
    path: [],
    message,
    line,
    ...(column !== undefined ? { column } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}

function matchMessage(m: Exclude<Match, { id: string }>): string {
  return m.problem === "ambiguous"
    ? `the name matches ${m.count} people; use their id or e-mail`
    : "matches no person in the roster (by id, e-mail or name)";
}

/**
 * Keep-apart or keep-together sets: each row lists two or more people. The first line is a
 * header unless every cell on it names a person. Parse the file with `ragged: true` when rows
 * may differ in width.
 */
export function readPersonSets(
  table: Table,
  people: readonly PersonRef[],
  options: SideFileOptions = {},
): string[][] {
  const { file } = options;
  const matcher = new PersonMatcher(people);
  const headerCells = table.header.filter((c) => c !== "");
  const headerIsData = headerCells.length > 0 && headerCells.every((c) => "id" in matcher.match(c));
  const rows: TableRow[] = headerIsData
    ? [{ line: table.headerLine, cells: table.header }, ...table.rows]
    : table.rows;
  const where = (line: number, index: number) =>
    !headerIsData && table.header[index]
      ? `line ${line}, column ${index + 1} (${table.header[index]})`
      : `line ${line}, column ${index + 1}`;

  const issues: InputIssue[] = [];
  const sets: string[][] = [];
  for (const row of rows) {
    const ids: string[] = [];
    const columnOf = new Map<string, number>();
    let bad = false;
    row.cells.forEach((cell, i) => {
      if (cell === "") return;
      const m = matcher.match(cell);
      if (!("id" in m)) {
        issues.push(issueAt(file, row.line, i + 1, `${where(row.line, i)}: ${matchMessage(m)}`));
        bad = true;
        return;
      }
      const first = columnOf.get(m.id);
      if (first !== undefined) {
        issues.push(
          issueAt(file, row.line, i + 1, `${where(row.line, i)}: the same person as column ${first + 1}`),
        );
        bad = true;
        return;
      }
      columnOf.set(m.id, i);
      ids.push(m.id);
    });
    if (bad) continue;
    if (ids.length < 2) {
      issues.push(
        issueAt(
          file,
          row.line,
          undefined,
          `line ${row.line}: a set needs at least two people, found ${ids.length}`,
        ),
      );
      continue;
    }
    sets.push(ids);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return sets;
}

const PERSON_HEADERS = [
  ["Person", "Deltaker", "Participant"],
  ["Id", "ID", "Ansattnummer", "Ansattnr", "Nr"],
  ["E-post", "Epost", "Email", "E-mail", "E-postadresse", "Email address"],
  ["Navn", "Name", "Fullt navn", "Full name"],
].map((list) => new Set(list.map(headerKey)));
const GROUP_HEADERS = new Set(
  ["Gruppe", "Group", "Refleksjonsgruppe", "Gruppenr", "Gruppenummer"].map(headerKey),
);

/**
 * A grouping: person → group label. The person column is the first of Person, Id, E-post or
 * Navn/Name (by that preference); the group column is Gruppe/Group. A two-column file with
 * another header, or none, is read as person, group.
 */
export function readGrouping(
  table: Table,
  people: readonly PersonRef[],
  options: GroupingOptions = {},
): Record<string, string> {
  const { file } = options;
  const matcher = new PersonMatcher(people);
  const keys = table.header.map(headerKey);
  let personCol = -1;
  for (const set of PERSON_HEADERS) {
    personCol = keys.findIndex((k) => set.has(k));
    if (personCol >= 0) break;
  }
  let groupCol = keys.findIndex((k) => GROUP_HEADERS.has(k));
  let rows = table.rows;
  let named = true;
  if ((personCol < 0 || groupCol < 0) && table.header.length === 2) {
    personCol = 0;
    groupCol = 1;
    named = false;
    if ("id" in matcher.match(table.header[0]))
      rows = [{ line: table.headerLine, cells: table.header }, ...rows];
  }
  if (personCol < 0 || groupCol < 0) {
    throw new ProblemInputError([
      issueAt(
        file,
        table.headerLine,
        undefined,
        `line ${table.headerLine}: expected a person column (Person, Id, E-post, Navn or Name) and a group column (Gruppe or Group); found: ${table.header.join(", ")}`,
      ),
    ]);
  }
  const where = (line: number, index: number) =>
    named
      ? `line ${line}, column ${index + 1} (${table.header[index]})`
      : `line ${line}, column ${index + 1}`;

  const issues: InputIssue[] = [];
  const grouping: Record<string, string> = {};
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const personCell = row.cells[personCol] ?? "";
    const group = row.cells[groupCol] ?? "";
    if (personCell === "") {
      issues.push(
        issueAt(file, row.line, personCol + 1, `${where(row.line, personCol)}: required cell is empty`),
      );
      continue;
    }
    const m = matcher.match(personCell);
    if (!("id" in m)) {
      if (m.problem === "unknown" && options.ignoreUnknown) continue;
      issues.push(
        issueAt(file, row.line, personCol + 1, `${where(row.line, personCol)}: ${matchMessage(m)}`),
      );
      continue;
    }
    const first = lineOf.get(m.id);
    if (first !== undefined) {
      issues.push(
        issueAt(
          file,
          row.line,
          personCol + 1,
          `${where(row.line, personCol)}: the same person as on line ${first}`,
        ),
      );
      continue;
    }
    lineOf.set(m.id, row.line);
    if (group === "") {
      issues.push(
        issueAt(file, row.line, groupCol + 1, `${where(row.line, groupCol)}: required cell is empty`),
      );
      continue;
    }
    grouping[m.id] = group;
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return grouping;
}
