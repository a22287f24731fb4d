/**
 * What is inside an `.xlsx` file before any cell is read: its sheets (name, hidden or not,
 * which part holds it), each sheet's merged ranges, and how large each sheet is.
 *
 * An `.xlsx` is a zip of XML parts. The XML parts are inflated here with fflate, counting
 * every byte, so a small file that would inflate to gigabytes (a zip bomb) or a sheet with
 * one cell at row 1,000,000 (which a cell reader would pad into a grid of a billion empty
 * cells) is refused with an issue before the cell reader sees it. Only the few elements read
 * here (sheets, relationships, merged ranges, cell references) are scanned; the cells
 * themselves are read by read-excel-file (xlsx.ts).
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { issue, ProblemInputError } from "../errors.js";

export interface WorkbookLimits {
  /** Inflated XML, all parts together. */
  maxBytes: number;
  /** Rows × columns of a sheet's grid (the reader pads every row to the widest). */
  maxCells: number;
  maxColumns: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxCells: 4_000_000,
  maxColumns: 1_000,
};

/** A cell range, 1-based and inclusive: rows are sheet rows, columns A = 1. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookSheet {
  name: string;
  /** Hidden (or very hidden) in Excel: listed, but never the default. */
  hidden: boolean;
  /** The last row and column holding a cell (0 for an empty sheet). */
  rows: number;
  columns: number;
  merges: CellRange[];
}

export interface Workbook {
  sheets: WorkbookSheet[];
}

/** The parts of an .xlsx read here; everything else (styles, images, strings) is left packed. */
const WANTED = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/[^/]+\.xml)$/;

/** The workbook's sheets and their shapes, or an issue (not a workbook, too large). */
export function inspectWorkbook(
  bytes: Uint8Array,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
  file?: string,
): Workbook {
  const where = file !== undefined ? { file } : {};
  const unreadable = () => new ProblemInputError([issue("workbook_unreadable", {}, [], where)]);
  const parts = inflateParts(bytes, limits.maxBytes, unreadable, () => {
    throw new ProblemInputError([
      issue("file_too_large", { limit: limits.maxBytes, unit: "bytes" }, [], where),
    ]);
  });
  const workbookXml = parts.get("xl/workbook.xml");
  const relsXml = parts.get("xl/_rels/workbook.xml.rels");
  if (workbookXml === undefined || relsXml === undefined) throw unreadable();

  const targets = new Map<string, string>();
  for (const attrs of elements(relsXml, "Relationship")) {
    if (attrs.Id && attrs.Target) targets.set(attrs.Id, partPath(attrs.Target));
  }
  const sheets: WorkbookSheet[] = [];
  for (const attrs of elements(workbookXml, "sheet")) {
    const id = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1];
    const path = id !== undefined ? targets.get(id) : undefined;
    const xml = path !== undefined ? parts.get(path) : undefined;
    // A chart sheet or a dialog sheet has no cells: not a place for a roster.
    if (xml === undefined || attrs.name === undefined) continue;
    const shape = sheetShape(xml);
    if (shape.columns > limits.maxColumns) {
      throw new ProblemInputError([
        issue("file_too_large", { limit: limits.maxColumns, unit: "columns" }, [], where),
      ]);
    }
    if (shape.rows * Math.max(1, shape.columns) > limits.maxCells) {
      throw new ProblemInputError([
        issue(
          "file_too_large",
          { limit: Math.floor(limits.maxCells / Math.max(1, shape.columns)), unit: "rows" },
          [],
          where,
        ),
      ]);
    }
    sheets.push({
      name: attrs.name,
      hidden: attrs.state === "hidden" || attrs.state === "veryHidden",
      ...shape,
    });
  }
  if (sheets.length === 0) throw unreadable();
  return { sheets };
}

/** Inflate the wanted parts, counting bytes: over the limit, stop at once. */
function inflateParts(
  bytes: Uint8Array,
  maxBytes: number,
  unreadable: () => Error,
  tooLarge: () => never,
): Map<string, string> {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let failed = false;
  let over = false;
  const unzip = new Unzip((entry) => {
    if (!WANTED.test(entry.name)) return;
    const list: Uint8Array[] = [];
    chunks.set(entry.name, list);
    entry.ondata = (error, data) => {
      if (error) {
        failed = true;
        return;
      }
      if (over) return;
      total += data.length;
      if (total > maxBytes) {
        over = true;
        entry.terminate();
        return;
      }
      list.push(data);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch {
    if (!over) throw unreadable();
  }
  if (over) tooLarge();
  if (failed) throw unreadable();
  const decoder = new TextDecoder("utf-8");
  const parts = new Map<string, string>();
  for (const [name, list] of chunks) {
    const joined = new Uint8Array(list.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of list) {
      joined.set(c, at);
      at += c.length;
    }
    parts.set(name, decoder.decode(joined));
  }
  return parts;
}

/** A relationship target ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml") as a part path. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts: string[] = ["xl"];
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}

/** The attributes of every `<name …>` element (namespace prefixes kept: `r:id`). */
function* elements(xml: string, name: string): Generator<Record<string, string>> {
  const tag = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, "g");
  for (const match of xml.matchAll(tag)) yield attributes(match[1]);
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const n = lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
    return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** The last row and column that hold a cell, and the merged ranges, from a sheet's XML. */
function sheetShape(xml: string): Pick<WorkbookSheet, "rows" | "columns" | "merges"> {
  let rows = 0;
  let columns = 0;
  // Rows and cells may leave out their reference (then they follow the previous one).
  let row = 0;
  let column = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)) {
    const r = /\br\s*=\s*["']([^"']*)["']/.exec(m[2])?.[1];
    if (m[1] === "row") {
      row = r !== undefined ? Number(r) || row + 1 : row + 1;
      column = 0;
    } else {
      const ref = r !== undefined ? cellRef(r) : undefined;
      if (ref) {
        row = ref.row;
        column = ref.column;
      } else column++;
    }
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
  }
  const merges: CellRange[] = [];
  for (const attrs of elements(xml, "mergeCell")) {
    const [from, to] = (attrs.ref ?? "").split(":").map(cellRef);
    if (from && to) {
      merges.push({
        top: Math.min(from.row, to.row),
        left: Math.min(from.column, to.column),
        bottom: Math.max(from.row, to.row),
        right: Math.max(from.column, to.column),
      });
    }
  }
  return { rows, columns, merges };
}

/** "B12" → row 12, column 2. */
function cellRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
