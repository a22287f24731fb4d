/**
 * Excel workbooks in and out: a sheet becomes the same table a CSV does (line numbers are
 * sheet rows, every issue names line and column); dates, decimal numbers, empty cells,
 * formulas (their cached values), several sheets and merged cells handled; hostile files
 * refused before any cell is read; a workbook written back reads the same and runs nothing.
 */
import { unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import {
  assemble,
  groupsWorkbook,
  type InputIssue,
  nb,
  ProblemInputError,
  readGroupingFile,
  readRosterFile,
  summaryRows,
  wordWarning,
} from "../../../engine/index.js";
import { workbook } from "./xlsxFixture.js";

const HEADER = ["Navn", "E-post", "Virksomhet", "Ansiennitet", "Startdato"];

async function issuesOf(run: () => Promise<unknown> | unknown): Promise<InputIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProblemInputError) return error.issues;
    throw error;
  }
  throw new Error("expected the input to be refused");
}

describe("reading a workbook", () => {
  it("reads cells as Norwegian Excel shows them: decimal commas, dates, formulas' values, empty cells", async () => {
    const bytes = workbook([
      {
        name: "Deltakere",
        rows: [
          [...HEADER, "Dobbel", "Aktiv", "Sjekk"],
          [
            "Åse Ødegård",
            "ase@oslo.kommune.no",
            "Bydel Alna",
            8.6999999999999993,
            { date: "2026-03-01" },
            { formula: "D2*2", value: 17.4 },
            true,
            { error: "#N/A" },
          ],
          [
            "Per Æsøy",
            "per@oslo.kommune.no",
            "Bydel Grorud",
            12,
            null,
            { formula: "D3*0", value: 0 },
            false,
            "ok",
          ],
          [
            "Kari Nordmann",
            "kari@oslo.kommune.no",
            "Bydel Alna",
            "5,5",
            { date: "1999-12-31" },
            { formula: 'CONCAT("a","b")', value: "ab" },
            null,
            null,
          ],
        ],
      },
    ]);
    const read = await readRosterFile(bytes, { file: "deltakere.xlsx" });
    expect(read.format).toBe("xlsx");
    expect(read.sheet).toBe("Deltakere");
    expect(read.table.delimiter).toBe(";");
    expect(read.table.header).toEqual([...HEADER, "Dobbel", "Aktiv", "Sjekk"]);
    expect(read.table.rows).toEqual([
      {
        line: 2,
        cells: ["Åse Ødegård", "ase@oslo.kommune.no", "Bydel Alna", "8,7", "2026-03-01", "17,4", "TRUE", ""],
      },
      { line: 3, cells: ["Per Æsøy", "per@oslo.kommune.no", "Bydel Grorud", "12", "", "0", "FALSE", "ok"] },
      {
        line: 4,
        cells: ["Kari Nordmann", "kari@oslo.kommune.no", "Bydel Alna", "5,5", "1999-12-31", "ab", "", ""],
      },
    ]);
    // The numbers are numbers to the engine, as in a CSV with decimal commas.
    const { roster } = assemble({ roster: { table: read.table } });
    expect(roster?.people.map((p) => p.attributes.Ansiennitet)).toEqual([8.7, 12, 5.5]);
  });

  it("names the sheet row and column of every problem, as for a CSV", async () => {
    const bytes = workbook([
      {
        name: "Ark1",
        rows: [
          HEADER,
          ["A", "a@x.no", "Etat 1", 3, null],
          ["B", "b@x.no", null, 4, null],
          ["C", "c@x.no", "Etat 2", "55 år", null],
        ],
      },
    ]);
    const { table } = await readRosterFile(bytes, { file: "liste.xlsx" });
    const issues = await issuesOf(() => assemble({ roster: { table, file: "liste.xlsx" } }));
    expect(issues.map((i) => [i.code, i.line, i.column, i.columnName])).toEqual([
      ["cell_empty", 3, 3, "Virksomhet"],
      ["cell_not_number", 4, 4, "Ansiennitet"],
    ]);
    expect(issues[1].hint?.kind).toBe("number_with_unit");
  });

  it("says a title row that is not merged once, and a totals row once, by sheet row and column", async () => {
    const rows = [
      HEADER,
      ["A", "a@x.no", "Etat 1", 3, null],
      ["B", "b@x.no", null, 4, null],
      ["C", "c@x.no", "Etat 2", 5, null],
    ];
    // A title typed into A1 alone, not merged across the sheet: the header is on row 2.
    const titled = workbook([
      { name: "Ark1", rows: [["Deltakerliste 2026", null, null, null, null], ...rows] },
    ]);
    const title = await issuesOf(() => readRosterFile(titled, { file: "liste.xlsx" }));
    expect(title).toEqual([
      {
        code: "title_row",
        facts: {},
        path: [],
        file: "liste.xlsx",
        line: 1,
        hint: { kind: "header_below", line: 2 },
      },
    ]);
    // A SUM under the last person, starting in column C: one issue, columns counted from A; the
    // empty cell of a person above it is still its own issue.
    const summed = workbook([
      {
        name: "Ark1",
        firstColumn: 3,
        rows: [...rows, ["Sum", null, null, { formula: "SUM(F2:F4)", value: 12 }, null]],
      },
    ]);
    const { table } = await readRosterFile(summed, { file: "liste.xlsx" });
    const issues = await issuesOf(() => assemble({ roster: { table, file: "liste.xlsx" } }));
    expect(issues.map((i) => [i.code, i.line, i.column, i.facts])).toEqual([
      ["cell_empty", 3, 5, {}],
      [
        "totals_row",
        5,
        undefined,
        {
          empty: [
            { column: 4, name: "E-post" },
            { column: 5, name: "Virksomhet" },
          ],
        },
      ],
    ]);
    expect(issues[1].hint).toEqual({ kind: "totals_row" });
  });

  it("counts columns from A when the data starts further right", async () => {
    const bytes = workbook([
      { name: "Ark1", firstColumn: 3, rows: [HEADER, ["A", "a@x.no", null, 3, null]] },
    ]);
    const read = await readRosterFile(bytes);
    expect(read.table.header).toEqual(HEADER);
    const issues = await issuesOf(() => assemble({ roster: { table: read.table } }));
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["cell_empty", 2, 5]]);
  });

  it("reads the first visible sheet, or the one named, and lists them all", async () => {
    const bytes = workbook([
      { name: "Skjult", hidden: true, rows: [["x"], ["y"]] },
      { name: "Deltakere 2025", rows: [HEADER, ["A", "a@x.no", "Etat 1", 1, null]] },
      {
        name: "Deltakere 2026",
        rows: [HEADER, ["A", "a@x.no", "Etat 1", 1, null], ["B", "b@x.no", "Etat 2", 2, null]],
      },
    ]);
    const first = await readRosterFile(bytes);
    expect(first.sheet).toBe("Deltakere 2025");
    expect(first.table.rows).toHaveLength(1);
    expect(first.sheets?.map((s) => [s.name, s.hidden, s.rows])).toEqual([
      ["Skjult", true, 2],
      ["Deltakere 2025", false, 2],
      ["Deltakere 2026", false, 3],
    ]);
    const named = await readRosterFile(bytes, { sheet: "deltakere 2026" });
    expect(named.sheet).toBe("Deltakere 2026");
    expect(named.table.rows).toHaveLength(2);
    const missing = await issuesOf(() => readRosterFile(bytes, { sheet: "2027", file: "liste.xlsx" }));
    expect(missing.map((i) => i.code)).toEqual(["sheet_not_found"]);
    expect(nb.issue.sheet_not_found(missing[0].facts as never)).toContain("«Deltakere 2026»");
  });

  it("leaves out merged headings above the header and fills values merged down, saying so", async () => {
    const bytes = workbook([
      {
        name: "Liste",
        rows: [
          ["Ledersamling 2026", null, null, null, null],
          ["Navn", "Kontakt", null, "Virksomhet", "Ansiennitet"],
          [null, "E-post", "Telefon", null, null],
          ["A", "a@x.no", "22 00 00 00", "Bydel Alna", 3],
          ["B", "b@x.no", "22 00 00 01", null, 4],
          ["C", "c@x.no", "22 00 00 02", null, 5],
          ["D", "d@x.no", "22 00 00 03", "Bydel Grorud", 6],
        ],
        // A title across the sheet; "Kontakt" over two columns; three header cells two rows tall;
        // an agency written once beside its three leaders.
        merges: ["A1:E1", "B2:C2", "A2:A3", "D2:D3", "E2:E3", "D4:D6"],
      },
    ]);
    const read = await readRosterFile(bytes, { file: "liste.xlsx" });
    expect(read.table.header).toEqual(["Navn", "E-post", "Telefon", "Virksomhet", "Ansiennitet"]);
    expect(read.table.headerLine).toBe(3);
    expect(read.table.rows.map((r) => [r.line, r.cells[3]])).toEqual([
      [4, "Bydel Alna"],
      [5, "Bydel Alna"],
      [6, "Bydel Alna"],
      [7, "Bydel Grorud"],
    ]);
    const words = read.warnings.map((w) => wordWarning(w, nb));
    expect(words).toContain(
      "liste.xlsx, linje 1: raden er sammenslåtte celler over overskriftene (en tittel) og er ikke lest som data",
    );
    expect(words).toContain(
      "liste.xlsx, linje 4, kolonne 4: sammenslåtte celler: verdien gjelder hver av de 3 radene (til og med rad 6) og er fylt ned",
    );
  });

  it("refuses a cell so far out that the grid would be huge, before reading any cell", async () => {
    const bytes = workbook([
      {
        name: "A",
        rows: [["Navn"], ["x"]],
        extraCells: '<row r="2000"><c r="XFD2000" t="inlineStr"><is><t>x</t></is></c></row>',
      },
    ]);
    expect(bytes.length).toBeLessThan(10_000);
    const issues = await issuesOf(() => readRosterFile(bytes));
    expect(issues.map((i) => [i.code, i.facts])).toEqual([
      ["file_too_large", { limit: 1000, unit: "columns" }],
    ]);
    const rows = workbook([
      { name: "A", rows: [["Navn"]], extraCells: '<row r="900000"><c r="A900000"><v>1</v></c></row>' },
    ]);
    const tooMany = await issuesOf(() => readRosterFile(rows, { limits: { maxCells: 100_000 } }));
    expect(tooMany.map((i) => i.code)).toEqual(["file_too_large"]);
  });

  it("refuses a workbook that inflates beyond the limit (a zip bomb) without inflating it all", async () => {
    const bomb = workbook([{ name: "A", rows: [["Navn"], ["x"]], padding: 12 * 1024 * 1024 }]);
    expect(bomb.length).toBeLessThan(100_000);
    const issues = await issuesOf(() => readRosterFile(bomb, { limits: { maxBytes: 4 * 1024 * 1024 } }));
    expect(issues.map((i) => [i.code, (i.facts as { unit: string }).unit])).toEqual([
      ["file_too_large", "bytes"],
    ]);
  });

  it("says an unreadable workbook is one, and that a CSV has no sheets", async () => {
    const { zipSync } = await import("fflate");
    const notAWorkbook = zipSync({ "xl/styles.xml": new TextEncoder().encode("<x/>") });
    expect((await issuesOf(() => readRosterFile(notAWorkbook))).map((i) => i.code)).toEqual([
      "workbook_unreadable",
    ]);
    const csv = new TextEncoder().encode("Navn;Virksomhet\nA;B\n");
    const issues = await issuesOf(() => readRosterFile(csv, { sheet: "Ark1" }));
    expect(issues.map((i) => [i.code, i.facts])).toEqual([
      ["not_applicable", { part: "sheet", reason: "xlsx_only" }],
    ]);
  });

  it("reads a grouping from a workbook as it reads one from a CSV", async () => {
    const people = [
      { id: "a@x.no", name: "Åse" },
      { id: "b@x.no", name: "Bjørn" },
    ];
    const bytes = workbook([
      {
        name: "Grupper",
        rows: [
          ["Gruppe", "Navn", "E-post"],
          [1, "Åse", "a@x.no"],
          [2, "Bjørn", "b@x.no"],
        ],
      },
    ]);
    expect(await readGroupingFile(bytes, people)).toEqual({ "a@x.no": "1", "b@x.no": "2" });
  });
});

describe("writing a workbook", () => {
  const roster = {
    columns: ["Navn", "E-post", "Virksomhet", "Ansiennitet", "Ansattnr", "Merknad"],
    cells: new Map<string, string[]>([
      ["a@x.no", ["Åse Ødegård", "a@x.no", "Bydel Alna", "8,7", "007", '=HYPERLINK("http://x")']],
      ["b@x.no", ["Bjørn Æsøy", "b@x.no", "Bydel Grorud", "12", "042", "+47 22 00 00 00"]],
    ]),
    delimiter: ";",
  };
  const groups = [
    { id: "1", members: ["a@x.no"] },
    { id: "2", members: ["b@x.no"] },
  ];

  it("writes the groups with the roster's own columns, Norwegian names, numbers as numbers, and runs nothing", async () => {
    const bytes = await groupsWorkbook(
      {
        groupings: [{ groups }],
        roster,
        changes: { moved: [{ person: "b@x.no", from: "1", to: "2" }], newcomers: ["a@x.no"] },
      },
      nb,
    );
    const parts = unzipSync(bytes);
    const sheetsXml = Object.entries(parts)
      .filter(([name]) => name.startsWith("xl/worksheets/"))
      .map(([, data]) => new TextDecoder().decode(data));
    expect(sheetsXml.join("")).not.toContain("<f>");
    const read = await readRosterFile(bytes);
    expect(read.sheets?.map((s) => s.name)).toEqual(["Grupper"]);
    expect(read.table.header).toEqual(["Gruppe", "Endring", ...roster.columns]);
    expect(read.table.rows.map((r) => r.cells)).toEqual([
      ["1", "ny", "Åse Ødegård", "a@x.no", "Bydel Alna", "8,7", "007", '\'=HYPERLINK("http://x")'],
      ["2", "flyttet fra 1", "Bjørn Æsøy", "b@x.no", "Bydel Grorud", "12", "042", "+47 22 00 00 00"],
    ]);
    const xml = sheetsXml[0];
    // 8,7 is a number cell; 007 stays text (its zeros matter).
    expect(xml).toMatch(/<c r="F2"[^>]*><v>8\.7<\/v>/);
    expect(xml).not.toMatch(/<c r="G2"[^>]*><v>7<\/v>/);
  });

  it("writes a sheet per round and a summary sheet, named in the locale", async () => {
    const report = {
      violations: [],
      terms: [],
      groups: [
        { id: "1", size: 1, members: ["a@x.no"], distinct: {}, shared: [], means: {} },
        { id: "2", size: 1, members: ["b@x.no"], distinct: {}, shared: [], means: {} },
      ],
      gap: 0,
      provenOptimal: true,
    };
    const summary = summaryRows(
      {
        reports: [
          { round: "1", report },
          { round: "2", report },
        ],
      },
      nb,
    );
    const bytes = await groupsWorkbook(
      {
        groupings: [
          { round: "1", groups },
          { round: "2", groups: [...groups].reverse() },
        ],
        roster,
        summary,
      },
      nb,
    );
    const read = await readRosterFile(bytes);
    expect(read.sheets?.map((s) => s.name)).toEqual(["Grupper", "Runde 1", "Runde 2", "Sammendrag"]);
    expect(read.table.header.slice(0, 2)).toEqual(["Runde", "Gruppe"]);
    expect(read.table.rows).toHaveLength(4);
    const round2 = await readRosterFile(bytes, { sheet: "Runde 2" });
    expect(round2.table.header[0]).toBe("Gruppe");
    const sheets = await readXlsxFile(Buffer.from(bytes));
    const summarySheet = sheets.find((s) => s.sheet === "Sammendrag")?.data ?? [];
    expect(summarySheet[0]?.[0]).toBe("Grupper over flere runder");
    expect(summarySheet.map((r) => r[0])).toContain("Runde 2");
  });
});
