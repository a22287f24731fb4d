/**
 * A meeting-history CSV: one row per person per round, columns round, group, person
 * (Runde/Samling/Round, Gruppe/Group, Person/Id/E-post/Navn/Name). Rows become the history's
 * rounds (in the order each round first appears) and groups (likewise).
 *
 * A person cell names someone by id, e-mail or a name only one person has, as in the other
 * side files. With several person columns (say E-post and Navn), a row uses the first non-empty
 * one in the order Person, Id, E-post, Navn. Cells are never echoed in messages (rosters are personal data); line and
 * column say where.
 */
import { type InputIssue, ProblemInputError } from "../errors.js";
import type { History } from "../network/history.js";
import { nullRecord } from "../problem/records.js";
import { headerKey } from "./columns.js";
import { decodeRosterBytes } from "./decode.js";
import { listColumns } from "./headerData.js";
import { matchIssue, PersonMatcher, type PersonRef, sideIssue } from "./pairs.js";
import { parseTable, type Table, type TableRow } from "./table.js";

export interface ReadHistoryOptions {
  file?: string;
  /** `;`, `,` or tab; guessed when absent. */
  delimiter?: string;
  /** Leave out rows naming people not in the roster (people who have left the programme). */
  ignoreUnknown?: boolean;
}

const ROUND_HEADERS = new Set(
  ["Runde", "Samling", "Round", "Gathering", "Session", "Rundenr", "Samlingsnr"].map(headerKey),
);
const GROUP_HEADERS = new Set(
  ["Gruppe", "Group", "Refleksjonsgruppe", "Gruppenr", "Gruppenummer"].map(headerKey),
);
/** By preference: the first of these sets that a header matches is the person column. */
const PERSON_HEADERS = [
  ["Person", "Deltaker", "Participant"],
  ["Id", "Person-id", "Ansattnummer", "Ansattnr", "Nr"],
  ["E-post", "Epost", "Email", "E-mail", "E-postadresse", "Email address"],
  ["Navn", "Name", "Fullt navn", "Full name"],
].map((list) => new Set(list.map(headerKey)));

/** Bytes or text of a round, group, person CSV to a meeting history. */
export function readHistoryCsv(
  input: Uint8Array | string,
  people: readonly PersonRef[],
  options: ReadHistoryOptions = {},
): History {
  const { file, delimiter } = options;
  const text = typeof input === "string" ? input : decodeRosterBytes(input).text;
  const table = parseTable(text, {
    ...(file !== undefined ? { file } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ragged: true,
  });
  return readHistory(table, people, options);
}

/**
 * A parsed table to a meeting history. Columns are found by header; a file of exactly three
 * columns whose headers are not recognised is read as round, group, person, and its first line
 * is data when its third cell names a person.
 */
export function readHistory(
  table: Table,
  people: readonly PersonRef[],
  options: Omit<ReadHistoryOptions, "delimiter"> = {},
): History {
  const { file } = options;
  const matcher = new PersonMatcher(people);
  const keys = table.header.map(headerKey);
  const roundCol = keys.findIndex((k) => ROUND_HEADERS.has(k));
  const groupCol = keys.findIndex((k) => GROUP_HEADERS.has(k));
  // Every person column, by preference; a row uses the first that is not empty.
  const personCols: number[] = [];
  for (const set of PERSON_HEADERS) {
    keys.forEach((k, i) => {
      if (set.has(k) && !personCols.includes(i)) personCols.push(i);
    });
  }
  let cols = { round: roundCol, group: groupCol, persons: personCols };
  let rows: TableRow[] = table.rows;
  let named = true;
  if ((roundCol < 0 || groupCol < 0 || personCols.length === 0) && table.header.length === 3) {
    cols = { round: 0, group: 1, persons: [2] };
    named = false;
    if ("id" in matcher.match(table.header[2]))
      rows = [{ line: table.headerLine, cells: table.header }, ...rows];
  }
  if (cols.round < 0 || cols.group < 0 || cols.persons.length === 0) {
    throw new ProblemInputError([
      sideIssue("side_file_columns", { kind: "history", ...listColumns(table) }, file, table.headerLine),
    ]);
  }
  const columnName = (index: number) => (named ? table.header[index] : undefined);

  const issues: InputIssue[] = [];
  const rounds = new Map<string, { groups: Map<string, string[]>; lineOf: Map<string, [number, string]> }>();
  for (const row of rows) {
    const round = row.cells[cols.round] ?? "";
    const group = row.cells[cols.group] ?? "";
    const personCol = cols.persons.find((i) => (row.cells[i] ?? "") !== "") ?? cols.persons[0];
    const personCell = row.cells[personCol] ?? "";
    let bad = false;
    for (const [index, cell] of [
      [cols.round, round],
      [cols.group, group],
      [personCol, personCell],
    ] as const) {
      if (cell === "") {
        issues.push(sideIssue("cell_empty", {}, file, row.line, index + 1, columnName(index)));
        bad = true;
      }
    }
    if (personCell === "") continue;
    const m = matcher.match(personCell);
    if (!("id" in m)) {
      if (m.problem === "unknown" && options.ignoreUnknown) continue;
      issues.push(matchIssue(m, file, row.line, personCol + 1, columnName(personCol)));
      continue;
    }
    if (bad) continue;
    let entry = rounds.get(round);
    if (!entry) {
      entry = { groups: new Map(), lineOf: new Map() };
      rounds.set(round, entry);
    }
    const first = entry.lineOf.get(m.id);
    if (first !== undefined) {
      issues.push(
        sideIssue(
          "person_twice_in_round",
          { line: first[0], sameGroup: first[1] === group },
          file,
          row.line,
          personCol + 1,
          columnName(personCol),
        ),
      );
      continue;
    }
    entry.lineOf.set(m.id, [row.line, group]);
    const members = entry.groups.get(group);
    if (members) members.push(m.id);
    else entry.groups.set(group, [m.id]);
  }
  if (issues.length > 0) throw new ProblemInputError(issues.slice(0, 500));
  return {
    rounds: [...rounds].map(([round, { groups }]) => ({ round, groups: nullRecord(groups) })),
  };
}
