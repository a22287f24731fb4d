/**
 * Roster ingestion: CSV bytes or text in, the problem's people and attributes out; and CSV
 * out that Excel opens safely. No I/O: callers hand in what they read.
 */
import { issue, ProblemInputError } from "../errors.js";
import { type DecodedRoster, decodeRosterBytes, type RosterEncoding } from "./decode.js";
import { parseRosterMapping, type RosterMapping, type RosterPeople, rosterToPeople } from "./mapping.js";
import { type GroupingOptions, type PersonRef, readGrouping, readPersonSets } from "./pairs.js";
import { parseTable, type Table } from "./table.js";

export {
  type AttributeRole,
  type ColumnRole,
  DEFAULT_ATTRIBUTE_SPECS,
  defaultAttributeSpec,
  findColumn,
  headerKey,
  KNOWN_HEADERS,
  type PersonRole,
  type RecognisedColumn,
  recogniseColumns,
  recogniseHeader,
} from "./columns.js";
export {
  type DecodedRoster,
  decodeRosterBytes,
  decodeWindows1252,
  encodeWindows1252,
  type RosterEncoding,
} from "./decode.js";
export { DELIMITERS, type Delimiter, sniffDelimiter } from "./delimiter.js";
export { headerIsData, listColumns } from "./headerData.js";
export {
  type ColumnUse,
  categoryKey,
  parseNumber,
  parseRosterMapping,
  type RosterMapping,
  RosterMappingSchema,
  type RosterOptions,
  type RosterPeople,
  rosterToPeople,
} from "./mapping.js";
export {
  type GroupingOptions,
  PersonMatcher,
  type PersonRef,
  personRefs,
  readGrouping,
  readPersonSets,
  type SideFileOptions,
} from "./pairs.js";
export { type ParseTableOptions, parseTable, type SkippedRow, type Table, type TableRow } from "./table.js";
export { type CsvCell, formatNumber, neutraliseFormula, type ToCsvOptions, toCsv } from "./write.js";

export interface ReadRosterOptions {
  file?: string;
  mapping?: RosterMapping;
  /** Overrides the guess. */
  delimiter?: string;
}

export interface RosterRead extends RosterPeople {
  delimiter: string;
  /** How the bytes were decoded; "utf-8" for text handed in as a string. */
  encoding: RosterEncoding;
}

export function toText(input: Uint8Array | string, file?: string): DecodedRoster {
  if (typeof input === "string") return { text: input, encoding: "utf-8" };
  const format = binaryFormat(input);
  if (format)
    throw new ProblemInputError([issue("binary_file", { format }, [], file !== undefined ? { file } : {})]);
  return decodeRosterBytes(input);
}

/** What a binary file is, by its first bytes (a workbook saved where a CSV was expected). */
export function binaryFormat(bytes: Uint8Array): "xlsx" | "xls" | "ods" | "pdf" | "binary" | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // A zip: an .xlsx names its parts "xl/…", an .ods says so in its mimetype part.
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return head.includes("opendocument") ? "ods" : "xlsx";
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "xls";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf";
  // NUL bytes do not occur in text (UTF-16 starts with a byte-order mark, handled by decode).
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (!starts(0xff, 0xfe) && !starts(0xfe, 0xff) && sample.includes(0)) return "binary";
  return undefined;
}

/** Bytes or text of a roster CSV to people, attributes and the cells to carry to the output. */
export function readRoster(input: Uint8Array | string, options: ReadRosterOptions = {}): RosterRead {
  const { file, mapping = {} } = options;
  // The mapping's skipInvalidRows also governs rows of the wrong width, which the table sees.
  const skipInvalidRows = parseRosterMapping(mapping, file).skipInvalidRows === true;
  const { table, encoding } = readRosterTable(input, { ...options, skipInvalidRows });
  const result = rosterToPeople(table, mapping, file !== undefined ? { file } : {});
  return { ...result, delimiter: table.delimiter, encoding };
}

export interface ReadTableOptions {
  file?: string;
  delimiter?: string;
  skipInvalidRows?: boolean;
}

/** Bytes or text of a roster CSV to its table (for `assemble`), and how it was decoded. */
export function readRosterTable(
  input: Uint8Array | string,
  options: ReadTableOptions = {},
): { table: Table; encoding: RosterEncoding } {
  const { file } = options;
  const { text, encoding } = toText(input, file);
  const table = parseTable(text, {
    ...(file !== undefined ? { file } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    skipInvalidRows: options.skipInvalidRows === true,
  });
  return { table, encoding };
}

export interface ReadSideFileOptions {
  file?: string;
  delimiter?: string;
}

/** Bytes or text of a keep-apart / keep-together CSV to sets of person ids (rows may differ in width). */
export function readPersonSetsCsv(
  input: Uint8Array | string,
  people: readonly PersonRef[],
  options: ReadSideFileOptions = {},
): string[][] {
  const { file, delimiter } = options;
  const table = parseTable(toText(input, file).text, { file, delimiter, ragged: true });
  return readPersonSets(table, people, { file });
}

/** Bytes or text of a person,group CSV (e.g. a published grouping) to person id → group label. */
export function readGroupingCsv(
  input: Uint8Array | string,
  people: readonly PersonRef[],
  options: ReadSideFileOptions & Omit<GroupingOptions, "file"> = {},
): Record<string, string> {
  const { file, delimiter, ignoreUnknown } = options;
  const table = parseTable(toText(input, file).text, { file, delimiter, ragged: true });
  return readGrouping(table, people, { file, ignoreUnknown });
}
export { type ReadHistoryOptions, readHistory, readHistoryCsv } from "./history.js";
