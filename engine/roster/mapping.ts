/**
 * A table of cells to the problem's people and attributes.
 *
 * The mapping says which columns are the id, the name, the e-mail and the attributes; what it
 * leaves out is recognised from the header (see `columns.ts`). Every problem in every row is
 * collected and thrown as one ProblemInputError with line and column, naming the column but
 * never echoing a cell (rosters are personal data); with `skipInvalidRows` the rows with
 * problems are left out and listed in `skipped` instead. Where a problem looks like an Excel
 * artefact (merged cells, a totals row, a number with its unit), the issue carries a hint; a
 * totals row is one issue for the row, not one per cell, and only a row that looks like one
 * (`looksLikeTotals`): never a row with a person's name, id or e-mail in it.
 *
 * The result says how every column is used (`columnUses`), so a front end can show it and
 * nothing is dropped without a word.
 */
import { z } from "zod";
import { type InputIssue, type IssueHint, issue, type PathPart, ProblemInputError } from "../errors.js";
import type { InputWarning, IssueCode, IssueFacts } from "../locale/codes.js";
import { MAX_ID_LENGTH, MAX_MAGNITUDE } from "../problem/fields.js";
import { entries, keyedRecord, nullRecord } from "../problem/records.js";
import { type AttributeSpec, AttributeSpecSchema, type Person } from "../problem/schema.js";
import { zodIssues } from "../problem/validate.js";
import { ColumnFinder, type ColumnRole, defaultAttributeSpec, recogniseHeader } from "./columns.js";
import { headerIsData, listColumns } from "./headerData.js";
import type { SkippedRow, Table } from "./table.js";

const column = z.string().min(1, "must name a column").max(200);

/** How roster columns become people: the CLI's config file, the HTTP query and the page all use it. */
export const RosterMappingSchema = z.strictObject({
  id: column
    .optional()
    .describe("Column with a unique id per person; else the e-mail, else P1, P2, … in file order"),
  name: column.optional().describe("Column with the person's name"),
  email: column.optional().describe("Column with the person's e-mail"),
  attributes: keyedRecord(AttributeSpecSchema, column)
    .optional()
    .describe("Attribute columns and their specs; adds to or overrides the recognised ones"),
  ignore: z.array(column).max(1000).optional().describe("Columns not to use (still carried to the output)"),
  skipInvalidRows: z
    .boolean()
    .optional()
    .describe("Leave out rows with problems and list them, instead of failing"),
});
/** A mapping as written (weights may be omitted). */
export type RosterMapping = z.input<typeof RosterMappingSchema>;

/** Check a mapping, or throw ProblemInputError with paths under `mapping`. */
export function parseRosterMapping(mapping: unknown, file?: string): z.output<typeof RosterMappingSchema> {
  const parsed = RosterMappingSchema.safeParse(mapping ?? {});
  if (parsed.success) return parsed.data;
  throw new ProblemInputError(
    zodIssues(parsed.error, mapping, ["mapping"]).map((i) => (file !== undefined ? { ...i, file } : i)),
  );
}

/** How one column of the roster is used. */
export interface ColumnUse {
  column: string;
  /** 0-based position. */
  index: number;
  use: "id" | "name" | "firstName" | "lastName" | "email" | "attribute" | "ignored" | "unused";
  /** The role its header was recognised as, if any. */
  recognised?: ColumnRole;
  /** For an attribute: its spec (kind, weight, goal, rules). */
  spec?: AttributeSpec;
  /** The spec came from the mapping (else from the header). */
  mapped?: boolean;
}

export interface RosterPeople {
  people: Person[];
  attributes: Record<string, AttributeSpec>;
  /** All the roster's columns, in file order. */
  columns: string[];
  columnUses: ColumnUse[];
  /** The roster's own (trimmed) cells of each person, in column order, for output. */
  cells: Map<string, string[]>;
  /** E-mail of each person that has one (Person has no e-mail field); used to match side files. */
  emails: Map<string, string>;
  /** The file line of each person. */
  lines: Map<string, number>;
  /** Rows left out under `skipInvalidRows`, in line order; empty otherwise. */
  skipped: SkippedRow[];
  warnings: InputWarning[];
}

export interface RosterOptions {
  file?: string;
}

interface CellProblem {
  column?: number;
  code: IssueCode;
  facts: IssueFacts[IssueCode];
  hint?: IssueHint;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function rosterToPeople(
  table: Table,
  mapping: RosterMapping = {},
  options: RosterOptions = {},
): RosterPeople {
  const { file } = options;
  const at = (path: PathPart[], where: { line?: number; column?: number; hint?: IssueHint } = {}) => ({
    path,
    ...(file !== undefined ? { file } : {}),
    ...where,
  });
  const make = <C extends IssueCode>(code: C, facts: IssueFacts[C], path: PathPart[], where = {}) => {
    const a = at(path, where);
    return issue(code, facts, a.path, a);
  };

  const map = parseRosterMapping(mapping, file);
  const header = table.header;

  // --- columns -------------------------------------------------------------------------
  const issues: InputIssue[] = [];
  // A header that is a person's row (no header in the file) is never named back.
  const dataHeader = headerIsData(table);
  const listed = listColumns(table);
  const finder = new ColumnFinder(header);
  const resolve = (name: string, path: PathPart[]): number | undefined => {
    const found = finder.indexOf(name);
    if (found !== undefined) return found;
    issues.push(make("mapping_column_missing", { name: name.slice(0, 80), ...listed }, path));
    return undefined;
  };

  const ignored = new Set<number>();
  map.ignore?.forEach((name, i) => {
    if (issues.length >= 20) return;
    const index = resolve(name, ["mapping", "ignore", i]);
    if (index !== undefined) ignored.add(index);
  });
  const mapped: Partial<Record<"id" | "name" | "email", number>> = {};
  for (const role of ["id", "name", "email"] as const) {
    const name = map[role];
    if (name === undefined) continue;
    const index = resolve(name, ["mapping", role]);
    if (index === undefined) continue;
    if (ignored.has(index))
      issues.push(make("mapping_column_twice", { name, first: role, second: "ignore" }, ["mapping", role]));
    mapped[role] = index;
  }
  const mappedAttributes = new Map<number, AttributeSpec>();
  for (const [name, spec] of entries(map.attributes)) {
    const index = resolve(name, ["mapping", "attributes", name]);
    if (index === undefined) continue;
    const clash = (["id", "name", "email"] as const).find((r) => mapped[r] === index);
    if (clash) {
      issues.push(
        make("mapping_column_twice", { name, first: clash, second: "attribute" }, [
          "mapping",
          "attributes",
          name,
        ]),
      );
    } else if (ignored.has(index)) {
      issues.push(
        make("mapping_column_twice", { name, first: "attribute", second: "ignore" }, [
          "mapping",
          "attributes",
          name,
        ]),
      );
    }
    mappedAttributes.set(index, spec);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);

  // Recognised columns fill the roles the mapping leaves open (first column of a role wins).
  // A column the mapping gives one person role may still be recognised for another (id: "E-post"
  // leaves E-post the e-mail column too); ignored and attribute columns are out of the running.
  const taken = new Set<number>([...ignored, ...mappedAttributes.keys()]);
  const autoRole = (role: string): number | undefined => {
    const index = header.findIndex((h, i) => !taken.has(i) && recogniseHeader(h) === role);
    return index >= 0 ? index : undefined;
  };
  const idCol = mapped.id ?? autoRole("id");
  const emailCol = mapped.email ?? autoRole("email");
  const nameCol = mapped.name ?? autoRole("name");
  const firstCol = nameCol === undefined ? autoRole("firstName") : undefined;
  const lastCol = nameCol === undefined ? autoRole("lastName") : undefined;
  const personCols = new Set([idCol, emailCol, nameCol, firstCol, lastCol].filter((i) => i !== undefined));

  const attributeCols = new Map<number, AttributeSpec>();
  header.forEach((h, i) => {
    const spec =
      mappedAttributes.get(i) ?? (taken.has(i) || personCols.has(i) ? undefined : defaultAttributeSpec(h));
    if (spec) attributeCols.set(i, spec);
  });
  const attributes = nullRecord<AttributeSpec>([]);
  for (const [i, spec] of attributeCols) attributes[header[i]] = spec;
  const columnUses: ColumnUse[] = header.map((h, i): ColumnUse => {
    const recognised = recogniseHeader(h);
    const base = { column: h, index: i, ...(recognised !== undefined ? { recognised } : {}) };
    if (i === idCol) return { ...base, use: "id" };
    if (i === emailCol) return { ...base, use: "email" };
    if (i === nameCol) return { ...base, use: "name" };
    if (i === firstCol) return { ...base, use: "firstName" };
    if (i === lastCol) return { ...base, use: "lastName" };
    const spec = attributeCols.get(i);
    if (spec) return { ...base, use: "attribute", spec, mapped: mappedAttributes.has(i) };
    return { ...base, use: ignored.has(i) ? "ignored" : "unused" };
  });

  // --- rows ----------------------------------------------------------------------------
  const skip = map.skipInvalidRows === true;
  const people: Person[] = [];
  const cells = new Map<string, string[]>();
  const emails = new Map<string, string>();
  const lines = new Map<string, number>();
  const skipped: SkippedRow[] = [...table.skipped];
  const warnings: InputWarning[] = [];
  const lineOfId = new Map<string, number>();
  const byEmail = new Map<string, { line: number; name: string }>();
  /** Same name and same agency without an e-mail column: probably one person twice. */
  const agencyCol = [...attributeCols.keys()].find((i) => recogniseHeader(header[i]) === "agency");
  const byNameAgency = new Map<string, number>();
  /** Categories compare case- and space-insensitively; the first spelling is kept. */
  const spelling = new Map<number, Map<string, string>>();
  const emptyInColumn = new Int32Array(header.length);

  if (table.rows.length === 0 && table.skipped.length === 0) {
    throw new ProblemInputError([make("no_rows", {}, [], { line: table.headerLine })]);
  }
  // The last row, if it looks like a totals row (see `looksLikeTotals`); -1 if none does.
  const numericCols = new Set(
    [...attributeCols].flatMap(([i, spec]) => (spec.kind === "numeric" ? [i] : [])),
  );
  const lastRow = table.rows.length > 0 ? table.rows[table.rows.length - 1] : undefined;
  const totalsLine =
    lastRow !== undefined && looksLikeTotals(lastRow.cells, personCols, numericCols) ? lastRow.line : -1;
  // Empty cells per column, for the merged-cells hint: a totals row is not a person, and its
  // empty cells would make one person's single gap look like a merged block.
  const countedRows = table.rows.length - (totalsLine >= 0 ? 1 : 0);
  for (const row of table.rows) {
    if (row.line === totalsLine) continue;
    row.cells.forEach((c, i) => {
      if (c === "") emptyInColumn[i]++;
    });
  }

  const fileColumn = (index: number) => index + 1 + (table.columnOffset ?? 0);
  /** A row's empty cells that need a value, by column: the file's number, and the name unless the header is data. */
  const emptyColumns = (problems: readonly CellProblem[]) =>
    [...new Set(problems.flatMap((p) => (p.code === "cell_empty" ? (p.column ?? []) : [])))]
      .sort((a, b) => a - b)
      .map((i) => ({ column: fileColumn(i), ...(dataHeader ? {} : { name: header[i].slice(0, 40) }) }));

  // Ids, names and categories come back in every result (once per group for a category):
  // a cell too long for one is reported at its line and column, as any other cell problem.
  const textCols = [
    ...personCols,
    ...[...attributeCols].flatMap(([i, spec]) => (spec.kind === "categorical" ? [i] : [])),
  ];
  table.rows.forEach((row, r) => {
    const problems: CellProblem[] = [];
    const checked = new Set<number>();
    const required = (index: number | undefined): string | undefined => {
      if (index === undefined) return undefined;
      const cell = row.cells[index];
      if (cell === "" && !checked.has(index)) problems.push({ column: index, code: "cell_empty", facts: {} });
      checked.add(index);
      return cell;
    };

    const idCell = required(idCol);
    const emailCell = required(emailCol);
    if (emailCell && !EMAIL.test(emailCell))
      problems.push({ column: emailCol, code: "cell_not_email", facts: {} });
    let name = required(nameCol);
    if (firstCol !== undefined || lastCol !== undefined) {
      name = [firstCol, lastCol]
        .map((i) => (i === undefined ? "" : row.cells[i]))
        .filter((s) => s !== "")
        .join(" ");
      if (name === "") problems.push({ column: firstCol ?? lastCol, code: "cell_empty", facts: {} });
    }

    const values = nullRecord<string | number | null>([]);
    for (const [i, spec] of attributeCols) {
      const cell = row.cells[i];
      if (spec.kind === "numeric") {
        if (cell === "") values[header[i]] = null;
        else {
          const n = numberOf(cell);
          if (n === undefined) {
            problems.push({
              column: i,
              code: "cell_not_number",
              facts: {},
              ...(NUMBER_WITH_UNIT.test(cell) ? { hint: { kind: "number_with_unit" as const } } : {}),
            });
          } else if (!(Math.abs(n) <= MAX_MAGNITUDE)) {
            problems.push({ column: i, code: "number_too_large", facts: { limit: MAX_MAGNITUDE } });
          } else values[header[i]] = n;
        }
      } else if (cell === "") {
        problems.push({
          column: i,
          code: "cell_empty",
          facts: {},
          ...(emptyInColumn[i] >= 2 && emptyInColumn[i] < countedRows
            ? { hint: { kind: "merged_cells" as const } }
            : {}),
        });
      } else {
        let known = spelling.get(i);
        if (!known) {
          known = new Map();
          spelling.set(i, known);
        }
        const key = categoryKey(cell);
        const first = known.get(key);
        if (first === undefined) known.set(key, cell);
        values[header[i]] = first ?? cell;
      }
    }

    for (const i of textCols) {
      if (row.cells[i].length > MAX_ID_LENGTH)
        problems.push({ column: i, code: "above_limit", facts: { limit: MAX_ID_LENGTH, what: "length" } });
    }

    const id = idCol !== undefined ? idCell : emailCol !== undefined ? emailCell?.toLowerCase() : `P${r + 1}`;
    const emailKey = emailCell ? emailCell.toLowerCase() : undefined;
    const nameKey = name ? categoryKey(name) : "";
    let duplicate: CellProblem | undefined;
    if (id) {
      const firstLine = lineOfId.get(id);
      if (firstLine !== undefined) {
        duplicate = {
          code: "duplicate_row",
          facts: { first: firstLine, same: idCol !== undefined ? "id" : "email" },
        };
      }
    }
    if (!duplicate && emailKey) {
      const first = byEmail.get(emailKey);
      if (first) {
        duplicate = {
          code: "duplicate_row",
          facts: { first: first.line, same: first.name === nameKey ? "name_and_email" : "email" },
        };
      }
    }
    if (duplicate) problems.push(duplicate);

    // A totals row with problems is one issue; one whose every needed cell is filled is a person.
    const totals = row.line === totalsLine;
    if (problems.length > 0) {
      // A totals row is one problem, whatever its cells say: one issue for the row, not one per cell.
      const located = totals
        ? [
            make("totals_row", { empty: emptyColumns(problems) }, [], {
              line: row.line,
              hint: { kind: "totals_row" as const },
            }),
          ]
        : problems.map((p) =>
            make(p.code, p.facts as never, [], {
              line: row.line,
              ...(p.column !== undefined
                ? { column: fileColumn(p.column), ...(dataHeader ? {} : { columnName: header[p.column] }) }
                : {}),
              ...(p.hint ? { hint: p.hint } : {}),
            }),
          );
      if (skip) {
        skipped.push({ line: row.line, issues: located });
        return;
      }
      issues.push(...located);
    }
    if (!id) return;
    if (!lineOfId.has(id)) lineOfId.set(id, row.line);
    if (emailKey && !byEmail.has(emailKey)) byEmail.set(emailKey, { line: row.line, name: nameKey });
    if (problems.length > 0) return;

    if (emailCol === undefined && agencyCol !== undefined && nameKey !== "") {
      const key = `${nameKey}\u0000${categoryKey(row.cells[agencyCol])}`;
      const first = byNameAgency.get(key);
      if (first !== undefined) {
        warnings.push({
          code: "probable_duplicate",
          facts: { first, column: header[agencyCol] },
          line: row.line,
          ...(file !== undefined ? { file } : {}),
        });
      } else byNameAgency.set(key, row.line);
    }

    const person: Person = { id, attributes: values };
    if (name !== undefined && name !== "") person.name = name;
    people.push(person);
    if (emailCell) emails.set(id, emailCell);
    lines.set(id, row.line);
    cells.set(id, row.cells.slice());
  });

  if (issues.length > 0) throw new ProblemInputError(issues.slice(0, 500));
  skipped.sort((a, b) => a.line - b.line);
  if (skipped.length > 0)
    warnings.push({
      code: "rows_skipped",
      facts: { count: skipped.length },
      ...(file !== undefined ? { file } : {}),
    });
  return { people, attributes, columns: [...header], columnUses, cells, emails, lines, skipped, warnings };
}

/**
 * Whether a roster's last row looks like a totals row: what a coordinator's sheet has under
 * the last person when Excel sums or counts the columns (`Sum;;;;;;40`, `Totalt;;;;;;40`,
 * `;;;;;;40`, `Antall: 40` in column A).
 *
 * Its hint tells the coordinator to delete the row, so the rule is conservative: a real person
 * called a totals row is a leader deleted from the roster, while a totals row missed is only
 * reported cell by cell, as any other row. The row is a totals row only when all of these hold:
 *
 * - the roster has a column that identifies a person (id, name, first or last name, e-mail, as
 *   the mapping says or the header is recognised): without one, any row may be a person;
 * - every identifying cell is empty or a total label: a name, an id (a numeric one too) or an
 *   e-mail is a person, however many of the person's other cells are empty;
 * - it holds a number (in a cell, or after a label); and either
 * - a cell is a total label and every other filled cell is a number (a SUM or COUNT under any
 *   column), or
 * - no cell is a label and every filled cell is a number in a numeric column.
 *
 * A total label is a whole cell of one or more of the words sum, totalsum, total, totalt,
 * totals, i alt and antall, in any case ("Totalt antall"), with an optional ":" or "." and
 * number after them ("Sum:", "Antall: 40"). A longer label ("Sum ansatte") and any category
 * value (an agency, a role) are text: a row holding one is reported cell by cell.
 *
 * The caller looks only at the last row: Excel's totals go under the table.
 */
function looksLikeTotals(
  cells: readonly string[],
  identity: ReadonlySet<number>,
  numeric: ReadonlySet<number>,
): boolean {
  if (identity.size === 0) return false;
  let labelled = false;
  let counted = false;
  let numbersInNumericColumns = true;
  for (const [i, cell] of cells.entries()) {
    if (cell.trim() === "") continue;
    const label = totalLabel(cell);
    if (label !== undefined) {
      labelled = true;
      counted ||= label.number;
      continue;
    }
    if (identity.has(i) || parseNumber(cell) === undefined) return false;
    counted = true;
    if (!numeric.has(i)) numbersInNumericColumns = false;
  }
  return counted && (labelled || numbersInNumericColumns);
}

const TOTAL_WORD = String.raw`(?:totalsum|totals|totalt|total|sum|i\s+alt|antall)(?![\p{L}\d])`;
/** A total label's words, then an optional ":" or ".", then whatever follows (a number, or nothing). */
const TOTAL_LABEL = new RegExp(String.raw`^${TOTAL_WORD}(?:\s+${TOTAL_WORD})*\s*[:.]?\s*(.*)$`, "iu");

/** A cell that is a total label (see `looksLikeTotals`), and whether a number follows its words. */
function totalLabel(cell: string): { number: boolean } | undefined {
  const match = TOTAL_LABEL.exec(cell.trim());
  if (match === null) return undefined;
  const rest = match[1];
  if (rest === "") return { number: false };
  return parseNumber(rest) !== undefined ? { number: true } : undefined;
}

/** Case- and space-insensitive key of a category or name. */
export function categoryKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

const NUMBER = /^[+\-\u2212]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)?(?:[.,]\d+)?$/;
/** "55 år", "12,5 %", "3 yrs": a number with a unit after it. */
const NUMBER_WITH_UNIT = /^[+\-\u2212]?\d+(?:[.,]\d+)?\s*[\p{L}%]+\.?$/u;

/**
 * A number as Norwegian and English rosters write it: `12,5`, `12.5`, `1 234,5` (space or
 * no-break space between thousands), `-3`. Undefined for anything else ("1.234,5" and
 * "1,234.5" are ambiguous and refused).
 */
export function parseNumber(cell: string): number | undefined {
  const n = numberOf(cell);
  return n !== undefined && Math.abs(n) <= MAX_MAGNITUDE ? n : undefined;
}

/**
 * The number a cell writes, however large (Infinity beyond a double's range), or undefined
 * for text: so a number too large to compute with is reported as that, not as text.
 */
function numberOf(cell: string): number | undefined {
  const s = cell.trim();
  if (!NUMBER.test(s) || !/\d/.test(s)) return undefined;
  return Number(
    s
      .replace(/[ \u00a0\u202f]/g, "")
      .replace("\u2212", "-")
      .replace(",", "."),
  );
}
