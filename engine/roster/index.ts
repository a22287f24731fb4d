/**
 * Roster ingestion: CSV bytes or text in, the problem's people and attributes out; and CSV
 * out that Excel opens safely. No I/O: callers hand in what they read.
 */
import { type DecodedRoster, decodeRosterBytes, type RosterEncoding } from "./decode.js";
import { parseRosterMapping, type RosterMapping, type RosterPeople, rosterToPeople } from "./mapping.js";
import { type GroupingOptions, type PersonRef, readGrouping, readPersonSets } from "./pairs.js";
import { parseTable } from "./table.js";

export {
  type AttributeRole,
  type ColumnRole,
  DEFAULT_ATTRIBUTE_SPECS,
  defaultAttributeSpec,
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
export {
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

function toText(input: Uint8Array | string): DecodedRoster {
  return typeof input === "string" ? { text: input, encoding: "utf-8" } : decodeRosterBytes(input);
}

/** Bytes or text of a roster CSV to people, attributes and the cells to carry to the output. */
export function readRoster(input: Uint8Array | string, options: ReadRosterOptions = {}): RosterRead {
  const { file, mapping = {} } = options;
  const { text, encoding } = toText(input);
  // The mapping's skipInvalidRows also governs rows of the wrong width, which the table sees.
  const skipInvalidRows = parseRosterMapping(mapping, file).skipInvalidRows === true;
  const table = parseTable(text, {
    ...(file !== undefined ? { file } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    skipInvalidRows,
  });
  const result = rosterToPeople(table, mapping, file !== undefined ? { file } : {});
  return { ...result, delimiter: table.delimiter, encoding };
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
  const table = parseTable(toText(input).text, { file, delimiter, ragged: true });
  return readPersonSets(table, people, { file });
}

/** Bytes or text of a person,group CSV (e.g. a published grouping) to person id → group label. */
export function readGroupingCsv(
  input: Uint8Array | string,
  people: readonly PersonRef[],
  options: ReadSideFileOptions & Omit<GroupingOptions, "file"> = {},
): Record<string, string> {
  const { file, delimiter, ignoreUnknown } = options;
  const table = parseTable(toText(input).text, { file, delimiter, ragged: true });
  return readGrouping(table, people, { file, ignoreUnknown });
}
export { type ReadHistoryOptions, readHistory, readHistoryCsv } from "./history.js";
