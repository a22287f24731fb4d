/**
 * Rows to CSV text that Excel opens safely: CRLF line ends, quotes where a cell needs them,
 * an optional byte-order mark (so Excel reads UTF-8 as UTF-8), decimal commas for a `;` file,
 * and no formula injection: a text cell that Excel would run as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`. Numbers stay numbers, negative ones too.
 */

export type CsvCell = string | number | null;

export interface ToCsvOptions {
  delimiter: string;
  /** Start with a UTF-8 byte-order mark (U+FEFF); encode the result as UTF-8. */
  bom: boolean;
  /** Write 12,5 for 12.5: use it when the delimiter is `;` (Norwegian Excel). */
  decimalComma?: boolean;
}

/** Starts a formula in Excel, LibreOffice or Google Sheets (fullwidth forms included). */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * A cell starting with + or − that holds only digits, spaces and ( ) . , / − (a phone number
 * "+47 22 00 00 00", a negative number "-3", a date): nothing a spreadsheet could run, since a
 * formula needs a name or a reference (letters) to do harm.
 */
const HARMLESS_SIGNED = /^[+\-\uFF0B\uFF0D][\d\s().,/-]*$/;

/**
 * Neutralise a text cell a spreadsheet would run as a formula: one starting with tab or CR,
 * or with `=`, `+`, `-`, `@` after any whitespace (importers that trim would otherwise
 * expose it), unless it is a signed number or phone number with no letters in it.
 */
export function neutraliseFormula(text: string): string {
  if (/^[\t\r]/.test(text)) return `'${text}`;
  const lead = text.replace(/^\s+/, "");
  return FORMULA_START.test(lead) && !HARMLESS_SIGNED.test(lead) ? `'${text}` : text;
}

export function formatNumber(n: number, decimalComma = false): string {
  if (!Number.isFinite(n)) return "";
  const s = String(n);
  return decimalComma ? s.replace(".", ",") : s;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions): string {
  const { delimiter, bom, decimalComma = false } = options;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError("toCsv: the delimiter must be one character other than a quote or a line break");
  }
  const field = (cell: CsvCell): string => {
    const text =
      cell === null
        ? ""
        : typeof cell === "number"
          ? formatNumber(cell, decimalComma)
          : neutraliseFormula(cell);
    const needsQuotes =
      text.includes(delimiter) ||
      text.includes('"') ||
      text.includes("\n") ||
      text.includes("\r") ||
      text !== text.trim();
    return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((row) => row.map(field).join(delimiter)).join("\r\n");
  return (bom ? "\uFEFF" : "") + (rows.length > 0 ? `${body}\r\n` : "");
}
