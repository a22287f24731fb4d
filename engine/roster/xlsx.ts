/**
 * An Excel workbook (`.xlsx`) to the same `Table` the CSV parser makes, so a workbook roster
 * is read, checked and worded exactly as a CSV one: line numbers are sheet rows, columns are
 * sheet columns (A = 1), and every issue names them.
 *
 * read-excel-file reads the cells (shared strings, number formats, dates, a formula's cached
 * value); workbook.ts first checks the file's size and finds its sheets and merged ranges.
 * Cells become the text a coordinator sees in Excel, in the form a Norwegian CSV export has:
 * numbers with a decimal comma and at most 15 significant digits (as Excel shows them), dates
 * as 2026-03-01 (with the time when it is not midnight), TRUE/FALSE, an error cell (#N/A)
 * empty.
 *
 * Merged cells: a value merged down over several rows (an agency written once beside its
 * five leaders) is meant for each of those rows, so it is filled down, and a warning says
 * where. Rows above the header made only of merged ranges (a title across the sheet,
 * "Contact" over E-post and Telefon) are headings, not the header: they are left out, and a
 * warning names them.
 */
import { readSheet } from "read-excel-file/universal";
import { type InputIssue, issue, ProblemInputError } from "../errors.js";
import type { InputWarning } from "../locale/codes.js";
import { type RawRecord, type Table, tableFromRecords } from "./table.js";
import {
  type CellRange,
  DEFAULT_WORKBOOK_LIMITS,
  inspectWorkbook,
  type WorkbookLimits,
  type WorkbookSheet,
} from "./workbook.js";

/** The delimiter a workbook roster's CSV is written with: Norwegian Excel's. */
export const WORKBOOK_DELIMITER = ";";

export interface ReadWorkbookOptions {
  file?: string;
  /** The sheet to read, by name; default the first visible one. */
  sheet?: string;
  /** For list-like side files: rows may differ in width (see `parseTable`). */
  ragged?: boolean;
  skipInvalidRows?: boolean;
  limits?: Partial<WorkbookLimits>;
}

export interface WorkbookTable {
  table: Table;
  /** The sheet read. */
  sheet: string;
  /** Every sheet of the workbook, in order (for a front end to offer the others). */
  sheets: { name: string; hidden: boolean; rows: number }[];
  /** Merged cells filled down, title rows left out. */
  warnings: InputWarning[];
}

type Cell = string | number | boolean | Date | null | undefined;

/** An .xlsx file's bytes to a roster table, or ProblemInputError with every issue located. */
export async function readWorkbookTable(
  bytes: Uint8Array,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookTable> {
  const { file } = options;
  const where = file !== undefined ? { file } : {};
  const limits = { ...DEFAULT_WORKBOOK_LIMITS, ...options.limits };
  const workbook = inspectWorkbook(bytes, limits, file);
  const sheet = pickSheet(workbook.sheets, options.sheet, file);
  let data: Cell[][];
  try {
    data = (await readSheet(arrayBufferOf(bytes), sheet.name)) as Cell[][];
  } catch {
    throw new ProblemInputError([issue("workbook_unreadable", {}, [], where)]);
  }
  const grid = data.map((row) => row.map(cellText));
  const warnings = [...fillMergedDown(grid, sheet.merges, file), ...blankTitleRows(grid, sheet.merges, file)];
  // A sheet whose data starts in column B or C: the empty columns before it are not columns
  // of the roster, but issues still count from A.
  const offset = leadingEmptyColumns(grid);
  const records: RawRecord[] = grid.map((cells, i) => {
    const own = cells.slice(offset);
    return { line: i + 1, cells: options.ragged ? trimRight(own) : own };
  });
  const table = tableFromRecords(records, WORKBOOK_DELIMITER, {
    ...where,
    ...(offset > 0 ? { columnOffset: offset } : {}),
    ...(options.ragged ? { ragged: true } : {}),
    ...(options.skipInvalidRows ? { skipInvalidRows: true } : {}),
  });
  return {
    table,
    sheet: sheet.name,
    sheets: workbook.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows })),
    warnings,
  };
}

/** The named sheet, or the first visible one. */
function pickSheet(sheets: readonly WorkbookSheet[], name: string | undefined, file?: string): WorkbookSheet {
  if (name === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0];
  const exact = sheets.find((s) => s.name === name);
  const loose = exact ?? sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (loose) return loose;
  const issues: InputIssue[] = [
    issue(
      "sheet_not_found",
      { sheets: { items: sheets.slice(0, 10).map((s) => s.name), more: Math.max(0, sheets.length - 10) } },
      [],
      file !== undefined ? { file } : {},
    ),
  ];
  throw new ProblemInputError(issues);
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A cell as text, as Norwegian Excel shows and exports it. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (!Number.isFinite(value)) return "";
  // Excel stores 8.7 as 8.6999999999999993 and shows 15 significant digits.
  return String(Number(value.toPrecision(15))).replace(".", ",");
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? date : `${date} ${pad(h)}:${pad(m)}`;
}

function leadingEmptyColumns(grid: readonly string[][]): number {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  let n = 0;
  while (n < width - 1 && grid.every((r) => (r[n] ?? "") === "")) n++;
  return n;
}

function trimRight(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end);
}

/** Each range merged over several rows: its value into every row of its first column. */
function fillMergedDown(grid: string[][], merges: readonly CellRange[], file?: string): InputWarning[] {
  const warnings: InputWarning[] = [];
  for (const range of merges) {
    if (range.bottom <= range.top) continue;
    const value = grid[range.top - 1]?.[range.left - 1] ?? "";
    if (value === "") continue;
    let filled = 0;
    for (let r = range.top + 1; r <= range.bottom && r <= grid.length; r++) {
      const row = grid[r - 1];
      if (row && (row[range.left - 1] ?? "") === "") {
        while (row.length < range.left) row.push("");
        row[range.left - 1] = value;
        filled++;
      }
    }
    if (filled > 0) {
      warnings.push({
        code: "merged_filled",
        facts: { rows: filled + 1, last: range.bottom },
        ...(file !== undefined ? { file } : {}),
        line: range.top,
        column: range.left,
      });
    }
  }
  return warnings;
}

/**
 * Rows above the header that hold only merged ranges, each spanning several columns or
 * going on into the row below (a title across the sheet, "Contact" over E-post and Telefon, a
 * header cell two rows tall), are headings over the header: blanked, so the header is the
 * row below them (blank rows are dropped, and line numbers stay the sheet's). The first row
 * with a cell of its own is the header.
 */
function blankTitleRows(grid: string[][], merges: readonly CellRange[], file?: string): InputWarning[] {
  const heading = (row: number, column: number) =>
    merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        column >= m.left &&
        column <= m.right &&
        (m.right > m.left || m.bottom > row),
    );
  const warnings: InputWarning[] = [];
  for (let r = 0; r < grid.length; r++) {
    const filled = grid[r].flatMap((c, i) => (c === "" ? [] : [i + 1]));
    if (filled.length === 0) continue;
    if (!filled.every((column) => heading(r + 1, column))) break;
    grid[r] = grid[r].map(() => "");
    warnings.push({
      code: "title_row_skipped",
      facts: {},
      ...(file !== undefined ? { file } : {}),
      line: r + 1,
    });
  }
  return warnings;
}
