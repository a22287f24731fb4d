/**
 * Properties: however a roster is written (size, delimiter, BOM, encoding, quoting, line
 * ends, padding, blank lines, header language), it reads back as the same people; and what
 * toCsv writes, parseTable reads back, with formula prefixes neutralised.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodeWindows1252,
  formatNumber,
  neutraliseFormula,
  parseTable,
  readRoster,
  sniffDelimiter,
  toCsv,
} from "../../../engine/roster/index.js";

const NAME_CHARS = [..."abcdefghijklmnopqrstuvwxyzKOP", ..."æøåÆØÅé", ..."  ,;\t\"\n'=-@"];
const AGENCIES = [
  "UKE",
  "Bydel Grünerløkka",
  "Helseetaten",
  "Utdanningsetaten",
  "Bymiljøetaten",
  "Bydel Nordre Aker",
];
const HEADERS = {
  no: ["Id", "Navn", "E-post", "Virksomhet", "Ansiennitet"],
  en: ["ID", "Name", "Email", "Agency", "Tenure"],
};

const personArb = fc.record({
  name: fc
    .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 14 })
    .filter((s) => s.trim() !== ""),
  emailUpper: fc.boolean(),
  agency: fc.constantFrom(...AGENCIES),
  tenure: fc.option(
    fc.integer({ min: -50, max: 4000 }).map((k) => k / 10),
    { nil: null },
  ),
});

const dialectArb = fc.record({
  delimiter: fc.constantFrom(";", ",", "\t"),
  quoteAll: fc.boolean(),
  lineEnd: fc.constantFrom("\r\n", "\n"),
  bom: fc.boolean(),
  encoding: fc.constantFrom("utf-8", "windows-1252"),
  pad: fc.boolean(),
  trailingBlank: fc.integer({ min: 0, max: 3 }),
  blankInside: fc.boolean(),
  language: fc.constantFrom("no", "en"),
});

/**
 * A cell a spreadsheet would run as a formula that can do harm: one starting with tab or CR;
 * after any leading whitespace, one starting with = or @ (or their fullwidth forms); or one
 * starting with + or − that holds anything besides digits, whitespace and ( ) . , / −, since
 * a signed number or phone number ("+47 22 00 00 00") names no function or reference.
 */
function startsFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const lead = text.replace(/^\s+/, "");
  if (/^[=@\uff1d\uff20]/.test(lead)) return true;
  return /^[+\-\uff0b\uff0d]/.test(lead) && /[^\d\s().,/-]/.test(lead.slice(1));
}

function renderCell(cell: string, dialect: { delimiter: string; quoteAll: boolean; pad: boolean }): string {
  const needs =
    dialect.quoteAll || /["\r\n]/.test(cell) || cell.includes(dialect.delimiter) || cell !== cell.trim();
  const out = needs ? `"${cell.replace(/"/g, '""')}"` : cell;
  return dialect.pad ? `  ${out} ` : out;
}

describe("roster round trip", () => {
  it("reads any roster written in any dialect as the same people", () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 25 }), dialectArb, (people, dialect) => {
        const header = HEADERS[dialect.language as "no" | "en"];
        const decimalComma = dialect.delimiter === ";";
        const records = people.map((p, i) => {
          const email = `leder${i}@oslo.kommune.no`;
          return [
            String(1000 + i),
            p.name.trim(),
            p.emailUpper ? email.toUpperCase() : email,
            p.agency,
            p.tenure === null ? "" : formatNumber(p.tenure, decimalComma),
          ];
        });
        const lines = [header, ...records].map((r) =>
          r.map((c) => renderCell(c, dialect)).join(dialect.delimiter),
        );
        if (dialect.blankInside && lines.length > 2) lines.splice(2, 0, "", dialect.delimiter.repeat(4));
        const text = lines.join(dialect.lineEnd) + dialect.lineEnd.repeat(1 + dialect.trailingBlank);

        let bytes: Uint8Array;
        let expectedEncoding: string;
        const cp1252 = dialect.encoding === "windows-1252" ? encodeWindows1252(text) : undefined;
        if (cp1252) {
          bytes = cp1252;
          expectedEncoding = [...text].some((c) => c.charCodeAt(0) > 0x7f) ? "windows-1252" : "utf-8";
        } else {
          const body = new TextEncoder().encode(text);
          bytes = dialect.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
          expectedEncoding = "utf-8";
        }

        const roster = readRoster(bytes, { file: "roster.csv" });
        expect(roster.encoding).toBe(expectedEncoding);
        expect(roster.delimiter).toBe(dialect.delimiter);
        expect(roster.columns).toEqual(header);
        expect(roster.skipped).toEqual([]);
        expect(roster.people).toEqual(
          people.map((p, i) => ({
            id: String(1000 + i),
            name: p.name.trim(),
            attributes: { [header[3]]: p.agency, [header[4]]: p.tenure },
          })),
        );
        expect(Object.keys(roster.attributes)).toEqual([header[3], header[4]]);
      }),
      { numRuns: 300, seed: 701 },
    );
  });
});

describe("toCsv", () => {
  const cellArb = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(..."=+-@\t\r\n;,\" aæ1.'"), maxLength: 8 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constant(null),
  );

  it("round-trips through parseTable, neutralising formula prefixes", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((width) =>
            fc.tuple(
              fc.constant(width),
              fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 12 }),
            ),
          ),
        fc.constantFrom(";", ",", "\t"),
        fc.boolean(),
        ([width, body], delimiter, bom) => {
          const decimalComma = delimiter === ";";
          const header = Array.from({ length: width + 1 }, (_, i) => `c${i + 1}`);
          // A first cell that is never blank, so no row reads as a blank line.
          const rows = body.map((r, i) => [`r${i}`, ...r]);
          const csv = toCsv([header, ...rows], { delimiter, bom, decimalComma });
          expect(csv.startsWith("\uFEFF")).toBe(bom);
          expect(csv.endsWith("\r\n")).toBe(true);
          expect(sniffDelimiter(csv.replace(/^\uFEFF/, ""))).toBe(delimiter);

          const table = parseTable(csv, { delimiter });
          expect(table.header).toEqual(header);
          const expected = rows.map((r) =>
            r.map((cell) => {
              if (cell === null) return "";
              if (typeof cell === "number") return formatNumber(cell, decimalComma);
              return neutraliseFormula(cell).replace(/\r\n?/g, "\n").trim();
            }),
          );
          expect(table.rows.map((r) => r.cells)).toEqual(expected);
          table.rows.forEach((row, r) => {
            row.cells.forEach((cell, i) => {
              if (typeof rows[r][i] === "string")
                expect(startsFormula(cell), JSON.stringify(cell)).toBe(false);
            });
          });
        },
      ),
      { numRuns: 300, seed: 702 },
    );
  });

  it("never lets a text cell start a formula", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."=+-@\t\r\n \u00a0\uff1d\uff20\u20001a,.") }), (s) => {
        const out = neutraliseFormula(s);
        expect(startsFormula(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
      { numRuns: 500, seed: 703 },
    );
  });
});
