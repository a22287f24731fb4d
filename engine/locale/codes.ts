/**
 * Every input issue code and the facts its wording takes. A locale maps each code to a
 * sentence (`Locale["issue"]`), so a code without a wording fails the typecheck.
 *
 * Facts are numbers, column names, category and group labels the caller wrote in the rules,
 * and short lists of those: never a participant's cell or id (see `engine/errors.ts`).
 */

/** A zod issue without its input (which may be a person's data), for the locale to word. */
export interface SchemaIssueFacts {
  zod:
    | "invalid_type"
    | "too_small"
    | "too_big"
    | "invalid_format"
    | "not_multiple_of"
    | "unrecognized_keys"
    | "invalid_union"
    | "invalid_key"
    | "invalid_element"
    | "invalid_value"
    | "custom";
  expected?: string;
  /** For invalid_type: what was found (`string`, `number`, `null`, `array`, `object`, ...). */
  received?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  /** What a size applies to: `string`, `array`, `number`, ... */
  origin?: string;
  keys?: string[];
  values?: string[];
  format?: string;
}

/** What a JSON text lacked where it broke. */
export type JsonSyntax =
  | "value"
  | "unclosedString"
  | "controlInString"
  | "badEscape"
  | "propertyName"
  | "colon"
  | "objectEnd"
  | "arrayEnd"
  | "trailing"
  | "end";

/** A list shown in a message: at most a few items, and how many more there were. */
export interface Shortlist {
  items: string[];
  more: number;
}

/**
 * The first `shown` items (each cut to `width` characters) and how many more. One more than
 * `shown` is shown in full: "and 1 more" would take the place of the name it hides.
 */
export function shortlist(items: readonly string[], shown = 6, width = 40): Shortlist {
  const kept = items.length <= shown + 1 ? items : items.slice(0, shown);
  return { items: kept.map((item) => item.slice(0, width)), more: items.length - kept.length };
}

/**
 * The columns a message about a file may name: a few of its header's names, or, when the
 * header line looks like a person's data (a file without a header), that line's number only.
 */
export type ColumnsListed = { columns: Shortlist; dataLine?: never } | { dataLine: number; columns?: never };

export type IssueFacts = {
  /** The request does not match its schema. */
  schema: SchemaIssueFacts;
  // --- files ---------------------------------------------------------------------------------
  bad_delimiter: Record<string, never>;
  empty_file: Record<string, never>;
  /** The file is an Excel workbook or another binary format where text was expected. */
  binary_file: { format: "xlsx" | "xls" | "ods" | "pdf" | "binary" };
  header_blank: Record<string, never>;
  /** Two columns have the same name (column numbers, not names: a header may be a data row). */
  header_duplicate: { first: number };
  /**
   * The first line holds one cell and the line below is full: a title above the header, one
   * issue for the line (its hint says where the header seems to be), not one per column.
   */
  title_row: Record<string, never>;
  row_width: { expected: number; found: number };
  csv_quote_not_closed: Record<string, never>;
  csv_text_after_quote: Record<string, never>;
  csv_quote_in_field: Record<string, never>;
  csv_record_too_long: Record<string, never>;
  csv_unreadable: { reason: string };
  /** The file is larger than the configured limit (rows or cells). */
  file_too_large: { limit: number; unit: "rows" | "columns" | "bytes" };
  // --- roster mapping --------------------------------------------------------------------------
  mapping_column_missing: { name: string } & ColumnsListed;
  mapping_column_twice: { name: string; first: string; second: string };
  no_rows: Record<string, never>;
  cell_empty: Record<string, never>;
  cell_not_email: Record<string, never>;
  cell_not_number: Record<string, never>;
  /**
   * The last row looks like a totals row (a "Sum" label or numbers only, and no name, id or
   * e-mail: `looksLikeTotals` in roster/mapping.ts): one issue for the row, not one per cell.
   * `empty` are its cells that need a value: the file's column number, and the column's name
   * unless the header line is a person's data.
   */
  totals_row: { empty: { column: number; name?: string }[] };
  /** A second row for a person already on line `first`, by the same id or e-mail. */
  duplicate_row: { first: number; same: "id" | "email" | "name_and_email" };
  // --- side files: people named by id, e-mail or name --------------------------------------
  person_not_found: Record<string, never>;
  person_ambiguous: { count: number };
  /** The same person earlier in this row (column) or file (line). */
  person_again: { column?: number; line?: number };
  set_too_small: { found: number };
  side_file_columns: { kind: "grouping" | "history" } & ColumnsListed;
  /** In a history: a person twice in one round. */
  person_twice_in_round: { line: number; sameGroup: boolean };
  // --- the problem ---------------------------------------------------------------------------
  duplicate_id: { kind: "person" | "group" | "round"; first: number };
  attribute_not_numeric: { attribute: string };
  unknown_person: Record<string, never>;
  unknown_group: Record<string, never>;
  unknown_attribute: { attribute: string };
  listed_twice: Record<string, never>;
  pair_same_person: Record<string, never>;
  groups_conflict: { given: string[] };
  groups_missing: Record<string, never>;
  groups_list_with_sizes: Record<string, never>;
  min_above_max: { min: number; max: number };
  /** More groups than people: some would stay empty. */
  groups_above_people: { groups: number; people: number };
  /** A size or count that does not fit the head count at all. */
  size_above_people: { size: number; people: number };
  distance_rows: { expected: number; found: number };
  distance_columns: { expected: number; found: number };
  distance_diagonal: Record<string, never>;
  distance_asymmetric: { row: number; column: number };
  /** A number so large that the arithmetic would overflow. */
  number_too_large: { limit: number };
  /** Exact mode on a problem too large for the MIP: people × groups above the limit. */
  exact_too_large: { cells: number; limit: number };
  /** The category is not among the attribute's categories (nobody has it). */
  unknown_category: { attribute: string };
  /** A part that applies to rounds only was given without rounds. */
  rounds_only: { part: string };
  incumbent_with_rounds: Record<string, never>;
  round_empty: Record<string, never>;
  group_in_no_round: Record<string, never>;
  person_unplaced: { count: number };
  /** Above a configured cap (people, rounds, groups, cells, …). */
  above_limit: {
    limit: number;
    what:
      | "people"
      | "rounds"
      | "groups"
      | "cells"
      | "length"
      | "items"
      | "placements"
      | "pairs"
      | "threads"
      | "attributes";
  };
  /** An option of a door (a query parameter, a form field) that does not apply to this request. */
  not_applicable: {
    part: string;
    reason: "csv_only" | "json_only" | "rounds_only" | "single_only" | "xlsx_only";
  };
  /** A JSON text that does not parse, and what was expected where it broke. */
  json_syntax: { reason: JsonSyntax };
  /** The value of a setting names a column whose values are not categories (or not numbers). */
  column_kind: { column: string; expected: "categorical" | "numeric" };
  /** Two settings ask different things of one column (e.g. mix and balance). */
  column_conflict: { column: string; first: string; second: string };
  /** `--cap COLUMN:CATEGORY` names a category nobody in the column has. */
  category_not_found: { column: string };
  // --- workbooks (.xlsx) ---------------------------------------------------------------------
  /** Not a workbook that can be read (a damaged zip, a part missing, no sheet with cells). */
  workbook_unreadable: Record<string, never>;
  /** The sheet asked for is not in the workbook; these are (names of sheets, not of people). */
  sheet_not_found: { sheets: Shortlist };
};

export type IssueCode = keyof IssueFacts;

/** Something worth knowing about the input that does not stop the composition. */
export type WarningFacts = {
  /** Two rows with the same name and the same agency: probably one person entered twice. */
  probable_duplicate: { first: number; column: string };
  /** Rows left out because the caller asked to skip invalid rows. */
  rows_skipped: { count: number };
  /** A column the roster has that no setting uses. */
  column_unused: { column: string };
  /** A value merged down over `rows` rows (to row `last`) was filled into each of them. */
  merged_filled: { rows: number; last: number };
  /** A row above the header made only of merged cells (a title) was not read as the header. */
  title_row_skipped: Record<string, never>;
};

export type WarningCode = keyof WarningFacts;

export type InputWarning = {
  [C in WarningCode]: { code: C; facts: WarningFacts[C]; file?: string; line?: number; column?: number };
}[WarningCode];
