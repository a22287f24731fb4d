/**
 * A grouping as the Excel workbook a coordinator opens: a sheet of groups (one row per
 * person, the group first, then the roster's own columns; for several rounds the round
 * first, as the CSV has it), a sheet per round, and a summary sheet. Column names and sheet
 * names in the locale's language.
 *
 * The rows are the CSV's own (groupsCsv.ts `groupingRows`), so both files say the same. A
 * cell that looks like a plain number (8,7 or 16, not 007 or +47 22 …) is written as a
 * number, so Excel sorts and sums it; every text cell goes through `neutraliseFormula`, and
 * no cell is ever written as a formula, so nothing in the file runs in Excel.
 *
 * Written with write-excel-file; pure: data in, bytes out.
 */
import writeXlsxFile, { type Row, type SheetData } from "write-excel-file/universal";
import type { Locale } from "../locale/types.js";
import type { Changes } from "../report/report.js";
import type { CsvCell } from "../roster/write.js";
import { neutraliseFormula } from "../roster/write.js";
import { type CsvGroup, type GroupsCsvOptions, type GroupsCsvRoster, groupingRows } from "./groupsCsv.js";

/** The workbook's media type (for HTTP). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface GroupsWorkbookInput {
  /** One grouping (no round), or the rounds in order. */
  groupings: readonly { round?: string; groups: readonly CsvGroup[] }[];
  /** The roster's own columns and cells; else `people` make the columns. */
  roster?: GroupsCsvRoster;
  people?: GroupsCsvOptions["people"];
  /** A repaired grouping: who moved and who is new (a column after the group). */
  changes?: Pick<Changes, "moved" | "newcomers">;
  /** The summary sheet's rows (summary.ts); left out when absent. */
  summary?: CsvCell[][];
}

/** A plain number as a coordinator types it: no leading zeros, no sign but minus, ≤ 15 digits. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})([.,]\d{1,15})?$/;

/** Excel refuses sheet names longer than 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Ark";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return name;
}

export async function groupsWorkbook(input: GroupsWorkbookInput, locale: Locale): Promise<Uint8Array> {
  const W = locale.workbook;
  const rounds = input.groupings.some((g) => g.round !== undefined);
  const options: Omit<GroupsCsvOptions, "delimiter" | "bom"> = {
    ...(input.people ? { people: input.people } : {}),
    groupHeader: locale.csv.group,
    ...(input.changes
      ? {
          changes: input.changes,
          changeHeader: locale.csv.change,
          changeText: { moved: locale.csv.moved, newcomer: locale.csv.newcomer },
        }
      : {}),
  };
  const taken = new Set<string>();
  const sheets: { data: SheetData; sheet: string; columns: { width: number }[]; stickyRowsCount: number }[] =
    [];
  const add = (title: string, rows: CsvCell[][], header: boolean) => {
    const name = sheetName(title, taken);
    taken.add(name.toLowerCase());
    sheets.push({
      data: rows.map((row, i) => sheetRow(row, header && i === 0)),
      sheet: name,
      columns: widths(rows),
      stickyRowsCount: header ? 1 : 0,
    });
  };
  add(
    W.groupsSheet,
    groupingRows(input.groupings, input.roster, options, rounds ? locale.csv.round : undefined),
    true,
  );
  if (rounds) {
    for (const g of input.groupings) {
      add(W.roundSheet(g.round ?? ""), groupingRows([{ groups: g.groups }], input.roster, options), true);
    }
  }
  if (input.summary) add(W.summarySheet, input.summary, false);
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

function sheetRow(cells: readonly CsvCell[], header: boolean): Row {
  return cells.map((cell) => {
    if (cell === null || cell === "") return null;
    if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell, type: Number } : null;
    const text = neutraliseFormula(cell);
    if (!header && PLAIN_NUMBER.test(text)) return { value: Number(text.replace(",", ".")), type: Number };
    return header
      ? { value: text, type: String, fontWeight: "bold" as const }
      : { value: text, type: String };
  });
}

/** Column widths from the longest cell (in characters), within reason. */
function widths(rows: readonly CsvCell[][]): { width: number }[] {
  const out: number[] = [];
  for (const row of rows.slice(0, 2000)) {
    row.forEach((cell, i) => {
      const length = cell === null ? 0 : String(cell).length;
      out[i] = Math.max(out[i] ?? 6, Math.min(48, length + 2));
    });
  }
  return out.map((width) => ({ width }));
}
