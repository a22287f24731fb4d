/**
 * Text to a table of trimmed cells, each row knowing the line it starts on.
 *
 * csv-parse does the quoting; this module adds what a roster needs around it: line numbers
 * that count from 1 with the header on its own line, blank rows dropped, a header that names
 * every column once, rows as wide as the header, and every problem as an InputIssue with
 * file, line and column (never a stack trace, never a cell's value: rosters are personal data).
 */
import { CsvError, type Options, parse } from "csv-parse/sync";
import { type InputIssue, issue as makeIssue, ProblemInputError } from "../errors.js";
import type { IssueCode, IssueFacts } from "../locale/codes.js";
import { headerKey } from "./columns.js";
import { sniffDelimiter } from "./delimiter.js";

export interface TableRow {
  /** The line the row starts on (a quoted field may carry it over several lines). */
  line: number;
  cells: string[];
}

/** A row left out under `skipInvalidRows`, with the issues that made it invalid. */
export interface SkippedRow {
  line: number;
  issues: InputIssue[];
}

export interface Table {
  delimiter: string;
  /** Column names, trimmed, in file order. */
  header: string[];
  /** The line the header is on: 1 unless the file starts with blank lines. */
  headerLine: number;
  /** Data rows, blank ones dropped; each has exactly `header.length` cells (unless ragged). */
  rows: TableRow[];
  /** Rows left out because `skipInvalidRows` was set; empty otherwise. */
  skipped: SkippedRow[];
  /**
   * Columns of the file before the table's first (a sheet whose data starts in column C has
   * 2): issues add it, so they name the file's own column numbers. Absent for a CSV.
   */
  columnOffset?: number;
}

export interface ParseTableOptions {
  /** File name for issues. */
  file?: string;
  /** `;`, `,` or tab; guessed with `sniffDelimiter` when absent. */
  delimiter?: string;
  /**
   * For list-like files (keep-apart sets): rows may differ in width and header names are not
   * checked. Cells are still trimmed and blank rows dropped.
   */
  ragged?: boolean;
  /** Leave out rows with the wrong number of fields, listing them in `skipped`, instead of failing. */
  skipInvalidRows?: boolean;
  /** See `Table.columnOffset` (records from a sheet whose first columns are empty). */
  columnOffset?: number;
}

/** Parse CSV text into a header and rows, or throw ProblemInputError listing every problem. */
export function parseTable(text: string, options: ParseTableOptions = {}): Table {
  const { file } = options;
  const issue = <C extends IssueCode>(code: C, facts: IssueFacts[C], line?: number, column?: number) =>
    makeIssue(code, facts, [], {
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });

  if (text.startsWith("\uFEFF")) text = text.slice(1);
  // One line break, so line numbers are plain to count (a CRLF inside a quoted cell becomes LF).
  text = text.replace(/\r\n?/g, "\n");

  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (!isUsableDelimiter(delimiter)) {
    throw new ProblemInputError([issue("bad_delimiter", {})]);
  }

  return tableFromRecords(readRecords(text, delimiter, issue), delimiter, options);
}

/** A row of cells and the line (or sheet row) it starts on, before any check. */
export interface RawRecord {
  line: number;
  cells: string[];
}

/**
 * Records (from a CSV text, or from a workbook's sheet) to the table: the same checks and
 * issues for every format, so a roster reads the same whichever way it came.
 */
export function tableFromRecords(
  records: readonly RawRecord[],
  delimiter: string,
  options: Omit<ParseTableOptions, "delimiter"> = {},
): Table {
  const { file } = options;
  const offset = options.columnOffset ?? 0;
  const issue = <C extends IssueCode>(code: C, facts: IssueFacts[C], line?: number, column?: number) =>
    makeIssue(code, facts, [], {
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column: column + offset } : {}),
    });
  const shifted = offset > 0 ? { columnOffset: offset } : {};
  const nonBlank = records.filter((r) => r.cells.some((c) => c !== ""));
  if (nonBlank.length === 0) throw new ProblemInputError([issue("empty_file", {})]);
  const [headerRecord, ...dataRecords] = nonBlank;

  if (options.ragged) {
    return {
      delimiter,
      header: headerRecord.cells,
      headerLine: headerRecord.line,
      rows: dataRecords.map((r) => ({ line: r.line, cells: r.cells })),
      skipped: [],
      ...shifted,
    };
  }

  // Excel may export a few empty columns to the right (a cell once formatted); a column with
  // no name and no data anywhere is not a column.
  let width = headerRecord.cells.length;
  while (
    width > 1 &&
    headerRecord.cells[width - 1] === "" &&
    dataRecords.every((r) => (r.cells[width - 1] ?? "") === "")
  ) {
    width--;
  }
  const header = headerRecord.cells.slice(0, width);
  const headerLine = headerRecord.line;

  const issues: InputIssue[] = [];
  // A title row above the header (a sheet name, a date): one named cell, and a full row below.
  const filled = (cells: string[]) => cells.filter((c) => c !== "").length;
  const below = dataRecords[0];
  const titleAbove =
    below !== undefined && filled(headerRecord.cells) <= 1 && filled(below.cells) >= Math.max(2, width - 1);
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      issues.push(issue("header_blank", {}, headerLine, i + 1));
      return;
    }
    const key = headerKey(name) || name;
    const first = seen.get(key);
    // Column numbers, not the name: a "header" may be a row of data when the file has none.
    if (first !== undefined)
      issues.push(issue("header_duplicate", { first: first + 1 + offset }, headerLine, i + 1));
    else seen.set(key, i);
  });

  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const record of dataRecords) {
    const found = record.cells.length;
    const fits = found >= width && record.cells.slice(width).every((c) => c === "");
    if (fits) {
      rows.push({ line: record.line, cells: record.cells.slice(0, width) });
      continue;
    }
    const problem = issue("row_width", { expected: width, found }, record.line);
    if (options.skipInvalidRows) skipped.push({ line: record.line, issues: [problem] });
    else issues.push(problem);
  }

  // The title is the problem, not its empty columns, nor the rows measured against its width
  // (a title typed without delimiters is one column wide): one issue for the line, whose hint
  // names the line the header seems to be on. Every row is still there once the title goes.
  if (titleAbove && (header.includes("") || rows.length === 0)) {
    throw new ProblemInputError([
      { ...issue("title_row", {}, headerLine), hint: { kind: "header_below", line: below.line } },
    ]);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return { delimiter, header, headerLine, rows, skipped, ...shifted };
}

/** All records, blank ones included, with the line each starts on and trimmed cells. */
type MakeIssue = <C extends IssueCode>(
  code: C,
  facts: IssueFacts[C],
  line?: number,
  column?: number,
) => InputIssue;

function readRecords(text: string, delimiter: string, issue: MakeIssue): RawRecord[] {
  // The records' raw texts tile the input (no lines are skipped by the parser), so the line a
  // record starts on is one plus the line breaks in all the raw text before it.
  let consumed = 0;
  try {
    const options: Options = {
      delimiter,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: false,
      on_record: (parsed: unknown) => {
        const { record, raw } = parsed as { record: string[]; raw?: string };
        const line = consumed + 1;
        consumed += countBreaks(raw ?? "");
        return { line, cells: record.map((c) => c.trim()) } as unknown as string[];
      },
    };
    return parse(text, options) as unknown as RawRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ProblemInputError([describeCsvError(error, consumed + 1, delimiter, issue)]);
  }
}

function isUsableDelimiter(d: string): boolean {
  return d.length === 1 && (d === "\t" || (d !== '"' && d.trim() !== ""));
}

function countBreaks(s: string, end = s.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** csv-parse's error as an issue code, located at the record's line, without the cell's value. */
function describeCsvError(
  error: CsvError,
  recordLine: number,
  delimiter: string,
  issue: MakeIssue,
): InputIssue {
  const context = error as CsvError & { raw?: unknown; index?: unknown };
  const raw = typeof context.raw === "string" ? context.raw : undefined;
  const column = typeof context.index === "number" ? context.index + 1 : undefined;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const open = raw === undefined ? undefined : unclosedQuote(raw, delimiter);
      return issue(
        "csv_quote_not_closed",
        {},
        recordLine + (open ? countBreaks(raw ?? "", open.offset) : 0),
        open ? open.field + 1 : column,
      );
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return issue(
        "csv_text_after_quote",
        {},
        recordLine + (raw ? countBreaks(raw.replace(/\n$/, "")) : 0),
        column,
      );
    case "INVALID_OPENING_QUOTE":
      return issue(
        "csv_quote_in_field",
        {},
        recordLine + (raw ? countBreaks(raw.replace(/\n$/, "")) : 0),
        column,
      );
    case "CSV_MAX_RECORD_SIZE":
      return issue("csv_record_too_long", {}, recordLine);
    default:
      return issue("csv_unreadable", { reason: String(error.code) }, recordLine, column);
  }
}

/** Where the quote that is never closed opens in a record's raw text, and in which field. */
function unclosedQuote(raw: string, delimiter: string): { offset: number; field: number } | undefined {
  let field = 0;
  let atFieldStart = true;
  let quoted = false;
  let open = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c === '"') {
        if (raw[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === delimiter) {
      field++;
      atFieldStart = true;
    } else if (c === '"' && atFieldStart) {
      quoted = true;
      open = i;
      atFieldStart = false;
    } else if (c !== " " && c !== "\t") {
      atFieldStart = false;
    }
  }
  return quoted && open >= 0 ? { offset: open, field } : undefined;
}
