/**
 * A file's first row may be a person rather than a header (a roster or side file exported
 * without one). Messages must then not list its cells as column names: they would be that
 * person's name, e-mail and agency, sent back in an error reply or a log. These are the
 * signs that a "header" is data; a message then says which line looks like data instead.
 */
import { type ColumnsListed, shortlist } from "../locale/codes.js";
import type { Table } from "./table.js";

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Numbers and dates as rosters write them: 42, 8,7, 01.02.2024, 2024-02-01. */
const NUMERIC = /^[-+]?\d[\d\s.,:/-]*$/;
/** Rows looked at for a header cell repeated as a value of its own column. */
const SAMPLE = 50;

/**
 * An e-mail or a number as a column name, or a name that is also a value below it; or a file
 * of one line, whose line cannot be told from a header (nothing below to compare it with).
 */
export function headerIsData(table: Pick<Table, "header" | "rows">): boolean {
  if (table.rows.length === 0) return true;
  const rows = table.rows.slice(0, SAMPLE);
  return table.header.some(
    (cell, i) =>
      EMAIL.test(cell) || NUMERIC.test(cell) || (cell !== "" && rows.some((row) => row.cells[i] === cell)),
  );
}

/** What a message may say about a file's columns: a few of their names, or that its header line is data. */
export function listColumns(table: Pick<Table, "header" | "rows" | "headerLine">): ColumnsListed {
  return headerIsData(table) ? { dataLine: table.headerLine } : { columns: shortlist(table.header) };
}
