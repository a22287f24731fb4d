/**
 * Text to a table of trimmed cells, each row knowing the line it starts on.
 *
 * csv-parse does the quoting; this module adds what a roster needs around it: line numbers
 * that count from 1 with the header on its own line, blank rows dropped, a header that names
 * every column once, rows as wide as the header, and every problem as an InputIssue with
 * file, line and column (never a stack trace, never a cell's value: rosters are personal data).
 */
import { CsvError, type Options, parse } from "csv-parse/sync";
import { type InputIssue, ProblemInputError } from "../errors.js";
import { headerKey } from "./columns.js";
import { sniffDelimiter } from "./delimiter.js";

export interface TableRow {
  /** The line the row starts on (a quoted field may carry it over several lines). */
  line: number;
  cells: string[];
}

export interface SkippedRow {
  line: number;
  reason: string;
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
}

interface RawRecord {
  line: number;
  cells: string[];
}

/** Parse CSV text into a header and rows, or throw ProblemInputError listing every problem. */
export function parseTable(text: string, options: ParseTableOptions = {}): Table {
  const { file } = options;
  const issue = (message: string, line?: number, column?: number): InputIssue => ({
    path: [],
    message,
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  });

  if (text.startsWith("\uFEFF")) text = text.slice(1);
  // One line break, so line numbers are plain to count (a CRLF inside a quoted cell becomes LF).
  text = text.replace(/\r\n?/g, "\n");

  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (!isUsableDelimiter(delimiter)) {
    throw new ProblemInputError([issue("the delimiter must be one character such as ; , or tab")]);
  }

  const records = readRecords(text, delimiter, issue);
  const nonBlank = records.filter((r) => r.cells.some((c) => c !== ""));
  if (nonBlank.length === 0)
    throw new ProblemInputError([issue("the file is empty: expected a header line")]);
  const [headerRecord, ...dataRecords] = nonBlank;

  if (options.ragged) {
    return {
      delimiter,
      header: headerRecord.cells,
      headerLine: headerRecord.line,
      rows: dataRecords.map((r) => ({ line: r.line, cells: r.cells })),
      skipped: [],
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
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      issues.push(
        issue(`line ${headerLine}, column ${i + 1}: the column has no name in the header`, headerLine, i + 1),
      );
      return;
    }
    const key = headerKey(name) || name;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue(
          `line ${headerLine}, column ${i + 1}: duplicate column name "${name}" (same as column ${first + 1})`,
          headerLine,
          i + 1,
        ),
      );
    } else seen.set(key, i);
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
    const reason = `expected ${width} fields as in the header, found ${found}`;
    if (options.skipInvalidRows) skipped.push({ line: record.line, reason });
    else issues.push(issue(`line ${record.line}: ${reason}`, record.line));
  }

  if (issues.length > 0) throw new ProblemInputError(issues);
  return { delimiter, header, headerLine, rows, skipped };
}

/** All records, blank ones included, with the line each starts on and trimmed cells. */
function readRecords(
  text: string,
  delimiter: string,
  issue: (message: string, line?: number, column?: number) => InputIssue,
): RawRecord[] {
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
    const { line, column, message } = describeCsvError(error, consumed + 1, delimiter);
    throw new ProblemInputError([
      issue(`line ${line}${column ? `, column ${column}` : ""}: ${message}`, line, column),
    ]);
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

/** csv-parse's error in our words, located at the record's line, without the cell's value. */
function describeCsvError(
  error: CsvError,
  recordLine: number,
  delimiter: string,
): { line: number; column?: number; message: string } {
  const context = error as CsvError & { raw?: unknown; index?: unknown };
  const raw = typeof context.raw === "string" ? context.raw : undefined;
  const column = typeof context.index === "number" ? context.index + 1 : undefined;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const open = raw === undefined ? undefined : unclosedQuote(raw, delimiter);
      return {
        line: recordLine + (open ? countBreaks(raw ?? "", open.offset) : 0),
        column: open ? open.field + 1 : column,
        message: 'a quoted field is never closed (its opening " has no closing " before the end of the file)',
      };
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return {
        line: recordLine + (raw ? countBreaks(raw.replace(/\n$/, "")) : 0),
        column,
        message: 'unexpected text after the closing quote of a field (inside quotes, write " as "")',
      };
    case "INVALID_OPENING_QUOTE":
      return {
        line: recordLine + (raw ? countBreaks(raw.replace(/\n$/, "")) : 0),
        column,
        message: 'a quote inside an unquoted field (put the field in quotes and write " as "")',
      };
    case "CSV_MAX_RECORD_SIZE":
      return { line: recordLine, message: "the record is too long (is the delimiter right?)" };
    default:
      return { line: recordLine, column, message: `the CSV cannot be read here (${error.code})` };
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
