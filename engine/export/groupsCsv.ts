/**
 * A grouping as the CSV a coordinator opens in Excel: one row per person, in group order,
 * the group first (for several rounds, `roundsCsv`: the round, then the group), then the roster's own columns (or, for a JSON problem, the id, the name
 * and the attributes). The one place that turns a result into CSV: the CLI and the HTTP
 * service both call it. Pure: text in, text out.
 *
 * Written by `toCsv`, so a cell that Excel would run as a formula is neutralised. The
 * delimiter follows the roster: `;` with decimal commas when it used `;` (Excel in a
 * Norwegian locale), `,` otherwise; UTF-8 with a byte-order mark so Excel reads æøå right.
 */
import type { Person } from "../problem/schema.js";
import type { GroupReport } from "../report/report.js";
import { headerKey } from "../roster/columns.js";
import { type CsvCell, toCsv } from "../roster/write.js";

/** What of a roster the CSV carries: `readRoster`'s result fits as is. */
export interface GroupsCsvRoster {
  /** The roster's columns, in file order. */
  columns: readonly string[];
  /** Each person's own cells, in column order. */
  cells: ReadonlyMap<string, readonly string[]>;
  /** The roster's delimiter. */
  delimiter: string;
}

export interface GroupsCsvOptions {
  /** Without a roster: the people whose id, name and attributes make the columns. */
  people?: readonly Pick<Person, "id" | "name" | "attributes">[];
  /** Overrides the delimiter the roster implies (without a roster the default is `,`). */
  delimiter?: "," | ";" | "\t";
  /** Start with a UTF-8 byte-order mark; default true. */
  bom?: boolean;
  /** Header of the group column; default "Group". */
  groupHeader?: string;
  /** Header of the group-name column, written only when some group has a name; default "Group name". */
  groupNameHeader?: string;
  /**
   * A repaired grouping: a column (after the group) saying who moved and who is new, worded
   * by `changeHeader` and `changeText`.
   */
  changes?: { moved: readonly { person: string; from: string }[]; newcomers: readonly string[] };
  changeHeader?: string;
  changeText?: { moved: (from: string) => string; newcomer: string };
}

/** Column headers without a roster. */
const ID_HEADER = "Id";
const NAME_HEADER = "Name";

/**
 * One row per person, sorted by group (in the result's group order), members in roster
 * order. A roster column with the same name as the group column (e.g. a roster that is an
 * earlier output) is replaced by the new grouping rather than repeated.
 */
export function groupsCsv(
  result: { groups: readonly CsvGroup[] },
  roster?: GroupsCsvRoster,
  options: GroupsCsvOptions = {},
): string {
  return groupingsCsv([{ groups: result.groups }], roster, options);
}

/** What of a round the CSV needs: its label and its groups. */
export interface RoundsCsvRound {
  id: string;
  groups: readonly CsvGroup[];
}

export interface RoundsCsvOptions extends GroupsCsvOptions {
  /** Header of the round column; default "Round". */
  roundHeader?: string;
}

/**
 * Several rounds as one CSV: the round first, then the columns `groupsCsv` writes; one row
 * per person per round, rounds in order, each round sorted as `groupsCsv` sorts a grouping.
 */
export function roundsCsv(
  result: { rounds: readonly RoundsCsvRound[] },
  roster?: GroupsCsvRoster,
  options: RoundsCsvOptions = {},
): string {
  return groupingsCsv(
    result.rounds.map((r) => ({ round: r.id, groups: r.groups })),
    roster,
    options,
    options.roundHeader ?? "Round",
  );
}

export type CsvGroup = Pick<GroupReport, "id" | "name" | "members">;

/** One or more groupings as CSV; with `roundHeader`, each row starts with its round. */
function groupingsCsv(
  groupings: readonly { round?: string; groups: readonly CsvGroup[] }[],
  roster: GroupsCsvRoster | undefined,
  options: GroupsCsvOptions,
  roundHeader?: string,
): string {
  const delimiter = options.delimiter ?? (roster?.delimiter === ";" ? ";" : ",");
  const rows = groupingRows(groupings, roster, options, roundHeader);
  return toCsv(rows, { delimiter, bom: options.bom ?? true, decimalComma: delimiter === ";" });
}

/**
 * The rows (header first) of one or more groupings, as the CSV has them: the one table a
 * grouping becomes, whether written as CSV or as a workbook's sheet (groupsXlsx.ts).
 */
export function groupingRows(
  groupings: readonly { round?: string; groups: readonly CsvGroup[] }[],
  roster: GroupsCsvRoster | undefined,
  options: Omit<GroupsCsvOptions, "delimiter" | "bom">,
  roundHeader?: string,
): CsvCell[][] {
  const groupHeader = options.groupHeader ?? "Group";
  const groupNameHeader = options.groupNameHeader ?? "Group name";
  const named = groupings.some((r) => r.groups.some((g) => g.name !== undefined && g.name !== ""));
  const changeOf = new Map<string, string>();
  if (options.changes) {
    const text = options.changeText ?? { moved: (from: string) => `moved from ${from}`, newcomer: "new" };
    for (const m of options.changes.moved) changeOf.set(m.person, text.moved(m.from));
    for (const p of options.changes.newcomers) changeOf.set(p, text.newcomer);
  }
  const withChanges = options.changes !== undefined;
  const ownHeaders = [
    ...(roundHeader !== undefined ? [roundHeader] : []),
    ...(named ? [groupHeader, groupNameHeader] : [groupHeader]),
    ...(withChanges ? [options.changeHeader ?? "Change"] : []),
  ];
  const ownKeys = new Set(ownHeaders.map((h) => headerKey(h) || h));

  const personColumns = roster ? rosterColumns(roster, ownKeys) : peopleColumns(options.people ?? []);

  const rows: CsvCell[][] = [[...ownHeaders, ...personColumns.header]];
  for (const grouping of groupings) {
    const round: CsvCell[] = roundHeader !== undefined ? [grouping.round ?? ""] : [];
    for (const group of grouping.groups) {
      const lead: CsvCell[] = named ? [...round, group.id, group.name ?? ""] : [...round, group.id];
      for (const id of group.members) {
        rows.push([...lead, ...(withChanges ? [changeOf.get(id) ?? ""] : []), ...personColumns.cells(id)]);
      }
    }
  }
  return rows;
}

interface Columns {
  header: string[];
  cells: (id: string) => CsvCell[];
}

function rosterColumns(roster: GroupsCsvRoster, ownKeys: ReadonlySet<string>): Columns {
  const kept = roster.columns.flatMap((c, i) => (ownKeys.has(headerKey(c) || c) ? [] : [i]));
  return {
    header: kept.map((i) => roster.columns[i]),
    cells: (id) => {
      const own = roster.cells.get(id);
      return own ? kept.map((i) => own[i] ?? null) : kept.map(() => null);
    },
  };
}

function peopleColumns(people: readonly Pick<Person, "id" | "name" | "attributes">[]): Columns {
  const attributes: string[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    for (const key of Object.keys(p.attributes ?? Object.create(null))) {
      if (!seen.has(key)) {
        seen.add(key);
        attributes.push(key);
      }
    }
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const withNames = people.some((p) => p.name !== undefined);
  return {
    header: [ID_HEADER, ...(withNames ? [NAME_HEADER] : []), ...attributes],
    cells: (id) => {
      const p = byId.get(id);
      const name: CsvCell[] = withNames ? [p?.name ?? null] : [];
      return [
        id,
        ...name,
        ...attributes.map((a) => (p && Object.hasOwn(p.attributes, a) ? p.attributes[a] : null)),
      ];
    },
  };
}
