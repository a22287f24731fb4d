/**
 * A minimal CSV writer for the sample data, RFC 4180 style: a field is quoted when it holds
 * the delimiter, a double quote, CR or LF (or starts/ends with a space), and quotes inside
 * are doubled. Options cover the Excel dialects rosters arrive in: `;` with a byte-order mark
 * and CRLF (Norwegian locale) or `,` with LF.
 */
export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Field delimiter, one character. Default `,`. */
  delimiter?: string;
  /** Write a UTF-8 byte-order mark first. Default false. */
  bom?: boolean;
  /** Record separator, also written after the last record. Default `\n`. */
  lineEnding?: "\n" | "\r\n";
  /** Decimal separator for numbers. Default `.`. */
  decimal?: "." | ",";
}

export function formatCsvField(value: CsvValue, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    text = String(value);
    if (options.decimal === ",") text = text.replace(".", ",");
  } else text = value;
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes("\n") ||
    text.includes("\r") ||
    /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header and rows to CSV text. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  const eol = options.lineEnding ?? "\n";
  const line = (fields: readonly CsvValue[]) => fields.map((f) => formatCsvField(f, options)).join(delimiter);
  let out = options.bom ? "\uFEFF" : "";
  out += line(header) + eol;
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row has ${row.length} fields, header has ${header.length}`);
    }
    out += line(row) + eol;
  }
  return out;
}
