/**
 * Side files that name people: keep-apart / keep-together sets (a row per set) and a grouping
 * (a row per person: who is in which group, e.g. a published grouping to repair).
 *
 * A cell names a person by id, by e-mail (any case) or by a name only one person has. Cells
 * are never echoed in messages (rosters are personal data); line and column say where.
 */
import { type InputIssue, issue, ProblemInputError } from "../errors.js";
import type { IssueCode, IssueFacts } from "../locale/codes.js";
import type { Person } from "../problem/schema.js";
import { headerKey } from "./columns.js";
import { listColumns } from "./headerData.js";
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
  emails?: ReadonlyMap<string, string>;
}): PersonRef[] {
  return roster.people.map((p) => {
    const email = roster.emails?.get(p.id);
    return {
      id: p.id,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(email !== undefined ? { email } : {}),
    };
  });
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

/** An issue in a side file at a line (and column, with its header when the file has one). */
export function sideIssue<C extends IssueCode>(
  code: C,
  facts: IssueFacts[C],
  file: string | undefined,
  line: number,
  column?: number,
  columnName?: string,
): InputIssue {
  return issue(code, facts, [], {
    line,
    ...(column !== undefined ? { column } : {}),
    ...(columnName ? { columnName } : {}),
    ...(file !== undefined ? { file } : {}),
  });
}

/** The issue for a cell that names no one, or more than one. */
export function matchIssue(
  m: Exclude<Match, { id: string }>,
  file: string | undefined,
  line: number,
  column: number,
  columnName?: string,
): InputIssue {
  return m.problem === "ambiguous"
    ? sideIssue("person_ambiguous", { count: m.count ?? 0 }, file, line, column, columnName)
    : sideIssue("person_not_found", {}, file, line, column, columnName);
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
  const columnName = (index: number) => (!headerIsData ? table.header[index] : undefined);

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
        issues.push(matchIssue(m, file, row.line, i + 1, columnName(i)));
        bad = true;
        return;
      }
      const first = columnOf.get(m.id);
      if (first !== undefined) {
        issues.push(sideIssue("person_again", { column: first + 1 }, file, row.line, i + 1, columnName(i)));
        bad = true;
        return;
      }
      columnOf.set(m.id, i);
      ids.push(m.id);
    });
    if (bad) continue;
    if (ids.length < 2) {
      issues.push(sideIssue("set_too_small", { found: ids.length }, file, row.line));
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
      sideIssue("side_file_columns", { kind: "grouping", ...listColumns(table) }, file, table.headerLine),
    ]);
  }
  const columnName = (index: number) => (named ? table.header[index] : undefined);

  const issues: InputIssue[] = [];
  const grouping: Record<string, string> = Object.create(null);
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const personCell = row.cells[personCol] ?? "";
    const group = row.cells[groupCol] ?? "";
    if (personCell === "") {
      issues.push(sideIssue("cell_empty", {}, file, row.line, personCol + 1, columnName(personCol)));
      continue;
    }
    const m = matcher.match(personCell);
    if (!("id" in m)) {
      if (m.problem === "unknown" && options.ignoreUnknown) continue;
      issues.push(matchIssue(m, file, row.line, personCol + 1, columnName(personCol)));
      continue;
    }
    const first = lineOf.get(m.id);
    if (first !== undefined) {
      issues.push(
        sideIssue("person_again", { line: first }, file, row.line, personCol + 1, columnName(personCol)),
      );
      continue;
    }
    lineOf.set(m.id, row.line);
    if (group === "") {
      issues.push(sideIssue("cell_empty", {}, file, row.line, groupCol + 1, columnName(groupCol)));
      continue;
    }
    grouping[m.id] = group;
  }
  if (issues.length > 0) throw new ProblemInputError(issues.slice(0, 500));
  return grouping;
}
