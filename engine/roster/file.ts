/**
 * A file, whatever it is, to its table: an Excel workbook (told by its first bytes, never by
 * its name) read with xlsx.ts, anything else as CSV text. Every door (the CLI, the HTTP
 * service, the page through it) and every kind of file (the roster, a grouping to score or
 * repair, a history, keep-apart and keep-together lists, pins) reads through here, so an
 * .xlsx works wherever a CSV does, with the same issues on the same lines.
 */
import { issue, ProblemInputError } from "../errors.js";
import type { InputWarning } from "../locale/codes.js";
import type { History } from "../network/history.js";
import type { RosterEncoding } from "./decode.js";
import { readHistory } from "./history.js";
import { binaryFormat, readRosterTable, toText } from "./index.js";
import { type GroupingOptions, type PersonRef, readGrouping, readPersonSets } from "./pairs.js";
import { parseTable, type Table } from "./table.js";
import type { WorkbookLimits } from "./workbook.js";
import { readWorkbookTable } from "./xlsx.js";

export type RosterFormat = "csv" | "xlsx";

export interface ReadFileOptions {
  /** The file's name, for issues. */
  file?: string;
  /** A workbook's sheet, by name (default: the first visible one). Refused for a CSV. */
  sheet?: string;
  /** A CSV's delimiter (guessed when absent). */
  delimiter?: string;
  skipInvalidRows?: boolean;
  limits?: Partial<WorkbookLimits>;
}

export interface FileTable {
  table: Table;
  format: RosterFormat;
  /** How a CSV's bytes were decoded. */
  encoding?: RosterEncoding;
  /** A workbook's sheet read, and all its sheets. */
  sheet?: string;
  sheets?: { name: string; hidden: boolean; rows: number }[];
  /** What reading a workbook changed (merged cells filled down, title rows left out). */
  warnings: InputWarning[];
}

/** Is this an .xlsx workbook? (By its bytes: a zip whose parts are a workbook's.) */
export function isWorkbook(bytes: Uint8Array): boolean {
  return binaryFormat(bytes) === "xlsx";
}

/** A roster's bytes (CSV or .xlsx) to its table. */
export async function readRosterFile(bytes: Uint8Array, options: ReadFileOptions = {}): Promise<FileTable> {
  return readTable(bytes, options, false);
}

/** Bytes of a keep-apart or keep-together list (CSV or .xlsx) to sets of person ids. */
export async function readPersonSetsFile(
  bytes: Uint8Array,
  people: readonly PersonRef[],
  options: ReadFileOptions = {},
): Promise<string[][]> {
  const { table } = await readTable(bytes, options, true);
  return readPersonSets(table, people, { file: options.file });
}

/** Bytes of a grouping (CSV or .xlsx: person and group columns) to person id → group label. */
export async function readGroupingFile(
  bytes: Uint8Array,
  people: readonly PersonRef[],
  options: ReadFileOptions & Omit<GroupingOptions, "file"> = {},
): Promise<Record<string, string>> {
  const { table } = await readTable(bytes, options, true);
  return readGrouping(table, people, { file: options.file, ignoreUnknown: options.ignoreUnknown });
}

/** Bytes of a meeting history (CSV or .xlsx: round, group and person columns) to the history. */
export async function readHistoryFile(
  bytes: Uint8Array,
  people: readonly PersonRef[],
  options: ReadFileOptions & { ignoreUnknown?: boolean } = {},
): Promise<History> {
  const { table } = await readTable(bytes, options, true);
  return readHistory(table, people, {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.ignoreUnknown !== undefined ? { ignoreUnknown: options.ignoreUnknown } : {}),
  });
}

async function readTable(bytes: Uint8Array, options: ReadFileOptions, ragged: boolean): Promise<FileTable> {
  const { file } = options;
  const where = file !== undefined ? { file } : {};
  if (isWorkbook(bytes)) {
    const read = await readWorkbookTable(bytes, {
      ...where,
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.skipInvalidRows ? { skipInvalidRows: true } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ragged,
    });
    return {
      table: read.table,
      format: "xlsx",
      sheet: read.sheet,
      sheets: read.sheets,
      warnings: read.warnings,
    };
  }
  if (options.sheet !== undefined) {
    throw new ProblemInputError([issue("not_applicable", { part: "sheet", reason: "xlsx_only" }, [], where)]);
  }
  const delimiter = options.delimiter !== undefined ? { delimiter: options.delimiter } : {};
  if (ragged) {
    const table = parseTable(toText(bytes, file).text, { ...where, ...delimiter, ragged: true });
    return { table, format: "csv", warnings: [] };
  }
  const { table, encoding } = readRosterTable(bytes, {
    ...where,
    ...delimiter,
    skipInvalidRows: options.skipInvalidRows === true,
  });
  return { table, format: "csv", encoding, warnings: [] };
}
