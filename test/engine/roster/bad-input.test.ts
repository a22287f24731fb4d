/**
 * Bad rosters: every message pinned, with its line and column, and never a cell's value in
 * it (rosters are personal data).
 */
import { describe, expect, it } from "vitest";
import { ProblemInputError } from "../../../engine/errors.js";
import { en, nb, wordIssue } from "../../../engine/locale/index.js";
import {
  parseTable,
  readGrouping,
  readPersonSets,
  readRoster,
  rosterToPeople,
} from "../../../engine/roster/index.js";
import { crlf, issuesOf as thrown, worded } from "./helpers.js";

/** The issues a call throws, each with its English wording. */
const issuesOf = (fn: () => unknown) => worded(thrown(fn));

const file = "roster.csv";
const HEADER = "Id;Navn;E-post;Virksomhet;Sektor;Kjønn;Ansiennitet";

describe("table problems", () => {
  it("reports a row with the wrong number of fields, on every such line", () => {
    const text = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M",
      "3;Per Hansen;per@oslo.kommune.no;Bydel Frogner;Byutvikling;M;4;extra",
    );
    expect(issuesOf(() => readRoster(text, { file }))).toEqual([
      {
        code: "row_width",
        facts: { expected: 7, found: 6 },
        path: [],
        file: "roster.csv",
        line: 3,
        text: "roster.csv, line 3: expected 7 fields as in the header, found 6",
      },
      {
        code: "row_width",
        facts: { expected: 7, found: 8 },
        path: [],
        file: "roster.csv",
        line: 4,
        text: "roster.csv, line 4: expected 7 fields as in the header, found 8",
      },
    ]);
  });

  it("reports an unclosed quote where the quote opens, not at the end of the file", () => {
    const text = crlf("Id;Navn", "1;Kari", '2;"Ola', "3;Per", "4;Kim");
    expect(issuesOf(() => parseTable(text, { file }))).toEqual([
      {
        code: "csv_quote_not_closed",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 3,
        column: 2,
        text: 'roster.csv, line 3, column 2: a quoted field is never closed (its opening " has no closing " before the end of the file)',
      },
    ]);
  });

  it("reports text after a closing quote, counting lines inside earlier quoted cells", () => {
    const text = crlf("Id;Navn;Merknad", '1;Kari;"two\r\nlines"', '2;"Ola"x;ok');
    const issues = issuesOf(() => parseTable(text, { file }));
    expect(issues).toEqual([
      {
        code: "csv_text_after_quote",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 4,
        column: 2,
        text: 'roster.csv, line 4, column 2: unexpected text after the closing quote of a field (inside quotes, write " as "")',
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain("Ola");
  });

  it("reports a duplicate header name (case- and accent-insensitively) and an unnamed column", () => {
    const text = crlf("Id;Navn;E-post;;NAVN", "1;Kari;k@x.no;a;Kari");
    expect(issuesOf(() => parseTable(text, { file }))).toEqual([
      {
        code: "header_blank",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 1,
        column: 4,
        text: "roster.csv, line 1, column 4: the column has no name in the header",
      },
      {
        code: "header_duplicate",
        facts: { first: 2 },
        path: [],
        file: "roster.csv",
        line: 1,
        column: 5,
        text: "roster.csv, line 1, column 5: the same column name as column 2",
      },
    ]);
  });

  it("reports an empty file and a header with no rows", () => {
    expect(issuesOf(() => readRoster("\r\n \r\n;;\r\n", { file }))).toEqual([
      {
        code: "empty_file",
        facts: {},
        path: [],
        file: "roster.csv",
        text: "roster.csv: the file is empty: expected a header line",
      },
    ]);
    expect(issuesOf(() => readRoster(crlf(HEADER, "", ""), { file }))).toEqual([
      {
        code: "no_rows",
        facts: {},
        path: [],
        file,
        line: 1,
        text: "roster.csv, line 1: no people: the roster has a header but no rows below it",
      },
    ]);
  });

  it("turns csv-parse's errors into issues, never its stack or wording", () => {
    try {
      parseTable('a;b\n1;"x\n', { file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemInputError);
      const e = error as ProblemInputError;
      // The message names codes and places only (it may end up in a log); the locale words it.
      expect(e.message).toBe("invalid input: csv_quote_not_closed at line 2");
      expect(e.issues.map((i) => wordIssue(i, en))).toEqual([
        'roster.csv, line 2, column 2: a quoted field is never closed (its opening " has no closing " before the end of the file)',
      ]);
    }
  });
});

describe("row problems", () => {
  it("reports a duplicate id", () => {
    const text = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M;3",
      "1;Kari Nordkvinne;kari.n@oslo.kommune.no;EBY;Finans;K;1",
    );
    expect(issuesOf(() => readRoster(text, { file }))).toEqual([
      {
        code: "duplicate_row",
        facts: { first: 2, same: "id" },
        path: [],
        file: "roster.csv",
        line: 4,
        text: "roster.csv, line 4: the same person as on line 2 (same id)",
      },
    ]);
  });

  it("reports a duplicate name and e-mail under different ids, and a duplicate e-mail when it is the id", () => {
    const withIds = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M;3",
      "3;kari  nordmann;KARI@oslo.kommune.no;UKE;Finans;K;12",
    );
    expect(issuesOf(() => readRoster(withIds, { file }))).toEqual([
      {
        code: "duplicate_row",
        facts: { first: 2, same: "name_and_email" },
        path: [],
        file: "roster.csv",
        line: 4,
        text: "roster.csv, line 4: the same person as on line 2 (same name and e-mail)",
      },
    ]);
    const byEmail = crlf(
      "Navn;E-post;Virksomhet",
      "Kari Nordmann;kari@oslo.kommune.no;UKE",
      "Ola Nordmann;ola@oslo.kommune.no;UKE",
      "Kari N.;Kari@Oslo.kommune.no;UKE",
    );
    expect(issuesOf(() => readRoster(byEmail, { file }))).toEqual([
      {
        code: "duplicate_row",
        facts: { first: 2, same: "email" },
        path: [],
        file: "roster.csv",
        line: 4,
        text: "roster.csv, line 4: the same person as on line 2 (same e-mail)",
      },
    ]);
  });

  it("reports empty required cells with line, column number and column name", () => {
    const text = crlf(
      HEADER,
      ";Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;;ola@oslo.kommune.no;;Finans;M;",
      "3;Per;per@oslo.kommune.no;UKE;Finans;M;",
    );
    expect(issuesOf(() => readRoster(text, { file }))).toEqual([
      {
        code: "cell_empty",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 2,
        column: 1,
        columnName: "Id",
        text: "roster.csv, line 2, column 1 (Id): the cell is empty, but every person needs a value here",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 3,
        column: 2,
        columnName: "Navn",
        text: "roster.csv, line 3, column 2 (Navn): the cell is empty, but every person needs a value here",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 3,
        column: 4,
        columnName: "Virksomhet",
        text: "roster.csv, line 3, column 4 (Virksomhet): the cell is empty, but every person needs a value here",
      },
    ]);
  });

  it("reports text in a numeric column without echoing it", () => {
    const text = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M;tolv år",
      "3;Per;per@oslo.kommune.no;UKE;Finans;M;1.234,5",
    );
    const issues = issuesOf(() => readRoster(text, { file }));
    expect(issues).toEqual([
      {
        code: "cell_not_number",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 3,
        column: 7,
        columnName: "Ansiennitet",
        text: "roster.csv, line 3, column 7 (Ansiennitet): expected a number, found text",
      },
      {
        code: "cell_not_number",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 4,
        column: 7,
        columnName: "Ansiennitet",
        text: "roster.csv, line 4, column 7 (Ansiennitet): expected a number, found text",
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain("tolv");
  });

  it("reports a malformed e-mail without echoing it", () => {
    const text = crlf("Navn;E-post", "Kari;kari.oslo.kommune.no");
    expect(issuesOf(() => readRoster(text, { file }))).toEqual([
      {
        code: "cell_not_email",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 2,
        column: 2,
        columnName: "E-post",
        text: "roster.csv, line 2, column 2 (E-post): not an e-mail address",
      },
    ]);
  });

  it("collects every problem of every row in one error", () => {
    const text = crlf(
      HEADER,
      ";Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;x",
      "2;Ola Nordmann;ola@oslo.kommune.no;;Finans;M;y",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M;3",
    );
    expect(issuesOf(() => readRoster(text, { file })).map((i) => [i.line, i.column])).toEqual([
      [2, 1],
      [2, 7],
      [3, 4],
      [3, 7],
      [4, undefined],
    ]);
  });

  it("skips rows with problems and lists every one when asked to", () => {
    const text = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;UKE;Finans;M;tolv",
      "3;Per Hansen;per@oslo.kommune.no;UKE;Finans",
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
      "4;Kim Berg;kim@oslo.kommune.no;EBY;Oppvekst;;2",
    );
    const roster = readRoster(text, { file, mapping: { skipInvalidRows: true } });
    expect(roster.people.map((p) => p.id)).toEqual(["1"]);
    expect(roster.skipped).toEqual([
      {
        line: 3,
        issues: [
          {
            code: "cell_not_number",
            facts: {},
            path: [],
            file: "roster.csv",
            line: 3,
            column: 7,
            columnName: "Ansiennitet",
          },
        ],
      },
      {
        line: 4,
        issues: [
          { code: "row_width", facts: { expected: 7, found: 5 }, path: [], file: "roster.csv", line: 4 },
        ],
      },
      {
        line: 5,
        issues: [
          { code: "duplicate_row", facts: { first: 2, same: "id" }, path: [], file: "roster.csv", line: 5 },
        ],
      },
      {
        line: 6,
        issues: [
          {
            code: "cell_empty",
            facts: {},
            path: [],
            file: "roster.csv",
            line: 6,
            column: 6,
            columnName: "Kjønn",
          },
        ],
      },
    ]);
  });
});

describe("row-level problems: one issue for the row, not one per cell", () => {
  const PEOPLE = [
    "1;Kari Nordmann;kari@oslo.kommune.no;UKE;Finans;K;12",
    "2;Ola Nordmann;ola@oslo.kommune.no;EBY;Byutvikling;M;3",
    "3;Per Hansen;per@oslo.kommune.no;UKE;Oppvekst;M;7",
  ];

  it("reports a title row above the header once, naming its line and the header's, never its text", () => {
    const text = crlf("Deltakerliste lederprogrammet 2026;;;;;;", HEADER, ...PEOPLE);
    const issues = issuesOf(() => readRoster(text, { file }));
    expect(issues).toEqual([
      {
        code: "title_row",
        facts: {},
        path: [],
        file: "roster.csv",
        line: 1,
        hint: { kind: "header_below", line: 2 },
        text: "roster.csv, line 1: the row looks like a title, not a header. The header seems to be on line 2: delete the rows above it.",
      },
    ]);
    expect(wordIssue(issues[0], nb)).toBe(
      "roster.csv, linje 1: raden ligner en tittel, ikke overskrifter. Overskriftene ser ut til å stå på linje 2: slett radene over dem.",
    );
    expect(JSON.stringify(issues)).not.toContain("Deltakerliste");
  });

  it("reports a title row once when it is narrower than the table or has no delimiters, not a row-width issue per row", () => {
    for (const title of ["Deltakerliste;;", "Deltakerliste"]) {
      const text = crlf("", title, HEADER, ...PEOPLE);
      const issues = issuesOf(() => readRoster(text, { file }));
      expect(issues.map((i) => [i.code, i.line, i.column, i.hint])).toEqual([
        ["title_row", 2, undefined, { kind: "header_below", line: 3 }],
      ]);
    }
  });

  it("refuses a title row under skipInvalidRows too, rather than leaving out every row below it", () => {
    for (const title of ["Deltakerliste;;;;;;", "Deltakerliste"]) {
      const text = crlf(title, HEADER, ...PEOPLE);
      const issues = issuesOf(() => readRoster(text, { file, mapping: { skipInvalidRows: true } }));
      expect(issues.map((i) => i.code)).toEqual(["title_row"]);
    }
  });

  it("keeps a header's own blank column and a one-column roster's bad rows as they were", () => {
    // Four names and a blank: a header, not a title.
    expect(issuesOf(() => parseTable(crlf("Id;Navn;;E-post", "1;Kari;x;k@x.no"))).map((i) => i.code)).toEqual(
      ["header_blank"],
    );
    // One column, and one row wider than it among rows that fit: that row's width, not a title.
    const oneColumn = crlf("Navn", "Kari;Oslo", "Ola", "Per");
    expect(issuesOf(() => parseTable(oneColumn, { file })).map((i) => [i.code, i.line])).toEqual([
      ["row_width", 2],
    ]);
    expect(parseTable(oneColumn, { skipInvalidRows: true }).rows.map((r) => r.line)).toEqual([3, 4]);
  });

  it("reports a totals row once, naming its line and the columns left empty", () => {
    const text = crlf(HEADER, ...PEOPLE, ";Sum;;;;;22");
    const issues = issuesOf(() => readRoster(text, { file }));
    const empty = [
      { column: 1, name: "Id" },
      { column: 3, name: "E-post" },
      { column: 4, name: "Virksomhet" },
      { column: 5, name: "Sektor" },
      { column: 6, name: "Kjønn" },
    ];
    expect(issues).toEqual([
      {
        code: "totals_row",
        facts: { empty },
        path: [],
        file: "roster.csv",
        line: 5,
        hint: { kind: "totals_row" },
        text: "roster.csv, line 5: the cells in columns “Id”, “E-post”, “Virksomhet”, “Sektor” and “Kjønn” are empty, but every person needs a value there. This looks like a totals row: delete it.",
      },
    ]);
    expect(wordIssue(issues[0], nb)).toBe(
      "roster.csv, linje 5: cellene i kolonnene «Id», «E-post», «Virksomhet», «Sektor» og «Kjønn» er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.",
    );
    expect(JSON.stringify(issues)).not.toContain("Sum");
    const one = issuesOf(() =>
      readRoster(crlf("Navn;E-post;Alder", "Kari;kari@x.no;40", "Ola;ola@x.no;50", "Sum;;90"), { file }),
    );
    expect(one.map((i) => [i.code, i.line, i.facts, i.text])).toEqual([
      [
        "totals_row",
        4,
        { empty: [{ column: 2, name: "E-post" }] },
        "roster.csv, line 4: the cell in column “E-post” is empty, but every person needs a value there. This looks like a totals row: delete it.",
      ],
    ]);
  });

  it("keeps every other row's empty cells one issue each, beside the totals row's one", () => {
    const text = crlf(
      HEADER,
      PEOPLE[0],
      "2;Ola Nordmann;ola@oslo.kommune.no;;;M;3",
      PEOPLE[2],
      ";Sum;;;;;22",
    );
    expect(issuesOf(() => readRoster(text, { file })).map((i) => [i.code, i.line, i.column])).toEqual([
      ["cell_empty", 3, 4],
      ["cell_empty", 3, 5],
      ["totals_row", 5, undefined],
    ]);
    // A last row with its person cells filled, or with no number, is a person with gaps.
    const gaps = crlf(HEADER, ...PEOPLE, "4;Kim Berg;kim@oslo.kommune.no;UKE;;;2");
    expect(issuesOf(() => readRoster(gaps, { file })).map((i) => [i.code, i.line, i.column, i.hint])).toEqual(
      [
        ["cell_empty", 5, 5, undefined],
        ["cell_empty", 5, 6, undefined],
      ],
    );
    const noNumber = crlf(HEADER, ...PEOPLE, ";Kim Berg;;UKE;Finans;K;");
    expect(issuesOf(() => readRoster(noNumber, { file })).map((i) => [i.code, i.line, i.column])).toEqual([
      ["cell_empty", 5, 1],
      ["cell_empty", 5, 3],
    ]);
  });

  it("never calls a last person a totals row: a numeric id, or no e-mail and a numeric tenure, is a person", () => {
    // Each is a leader whose row has gaps; the totals hint would tell the coordinator to delete them.
    const numericId = crlf(HEADER, ...PEOPLE, "4;Kim Berg;;UKE;;K;");
    const issues = issuesOf(() => readRoster(numericId, { file }));
    expect(issues.map((i) => [i.code, i.line, i.column, i.columnName, i.hint])).toEqual([
      ["cell_empty", 5, 3, "E-post", undefined],
      ["cell_empty", 5, 5, "Sektor", undefined],
    ]);
    expect(issues.map((i) => wordIssue(i, nb))).toEqual([
      "roster.csv, linje 5, kolonne 3 (E-post): cellen er tom, men alle trenger en verdi her",
      "roster.csv, linje 5, kolonne 5 (Sektor): cellen er tom, men alle trenger en verdi her",
    ]);
    const noEmail = crlf(HEADER, ...PEOPLE, "4;Kim Berg;;UKE;Finans;K;12");
    expect(
      issuesOf(() => readRoster(noEmail, { file })).map((i) => [i.code, i.line, i.column, i.hint]),
    ).toEqual([["cell_empty", 5, 3, undefined]]);
    // No id either: the name alone makes it a person.
    const nameOnly = crlf(HEADER, ...PEOPLE, ";Kim Berg;;UKE;Finans;K;12");
    expect(issuesOf(() => readRoster(nameOnly, { file })).map((i) => [i.code, i.line, i.column])).toEqual([
      ["cell_empty", 5, 1],
      ["cell_empty", 5, 3],
    ]);
    // Nor an e-mail beside a label, nor a category, nor a longer label: text that is not a total
    // label is a person's; and without a label, a number outside the numeric columns is no total.
    const persons: [string, number[]][] = [
      ["Sum;;kim@oslo.kommune.no;;;;12", [2, 4, 5, 6]],
      ["Total;;;UKE;;;12", [2, 3, 5, 6]],
      ["Sum ansatte;;;;;;12", [2, 3, 4, 5, 6]],
      [";;;3;;;12", [1, 2, 3, 5, 6]],
    ];
    for (const [last, columns] of persons) {
      const issues = issuesOf(() => readRoster(crlf(HEADER, ...PEOPLE, last), { file }));
      const byColumn = issues
        .map((i) => [i.code, i.line, i.column])
        .sort((a, b) => Number(a[2]) - Number(b[2]));
      expect(byColumn).toEqual(columns.map((c) => ["cell_empty", 5, c]));
    }
  });

  it("still calls a labelled or numbers-only last row a totals row, whichever column the label is in", () => {
    const empty = (columns: number[]) =>
      columns.map((column) => ({ column, name: HEADER.split(";")[column - 1] }));
    const cases: [string, number[]][] = [
      ["Sum;;;;;;40", [2, 3, 4, 5, 6]],
      ["Totalt;;;;;;40", [2, 3, 4, 5, 6]],
      ["TOTAL;;;;;;40", [2, 3, 4, 5, 6]],
      [";I alt;;;;;40", [1, 3, 4, 5, 6]],
      [";Totalt antall:;;;;;40", [1, 3, 4, 5, 6]],
      // Excel's ANTALL over the names, written after its label; a SUM under the tenure alone.
      ["Antall: 3;;;;;;", [2, 3, 4, 5, 6]],
      [";;;;;;40", [1, 2, 3, 4, 5, 6]],
      // A COUNT under a category column, beside a label.
      [";Sum;;3;;;40", [1, 3, 5, 6]],
    ];
    for (const [last, columns] of cases) {
      const issues = issuesOf(() => readRoster(crlf(HEADER, ...PEOPLE, last), { file }));
      expect(issues.map((i) => [i.code, i.line, i.facts, i.hint])).toEqual([
        ["totals_row", 5, { empty: empty(columns) }, { kind: "totals_row" }],
      ]);
    }
    expect(
      wordIssue(issuesOf(() => readRoster(crlf(HEADER, ...PEOPLE, "Totalt;;;;;;40"), { file }))[0], nb),
    ).toBe(
      "roster.csv, linje 5: cellene i kolonnene «Navn», «E-post», «Virksomhet», «Sektor» og «Kjønn» er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.",
    );
  });

  it("leaves a totals row out of the merged-cells count: one person's single empty cell gets no merged hint", () => {
    const ola = "2;Ola Nordmann;ola@oslo.kommune.no;;Byutvikling;M;3";
    for (const last of ["Sum;;;;;;22", ";;;;;;22"]) {
      const issues = issuesOf(() => readRoster(crlf(HEADER, PEOPLE[0], ola, PEOPLE[2], last), { file }));
      expect(issues.map((i) => [i.code, i.line, i.column, i.hint])).toEqual([
        ["cell_empty", 3, 4, undefined],
        ["totals_row", 5, undefined, { kind: "totals_row" }],
      ]);
      expect(wordIssue(issues[0], nb)).toBe(
        "roster.csv, linje 3, kolonne 4 (Virksomhet): cellen er tom, men alle trenger en verdi her",
      );
    }
    // Two people's empty cells in one column still look merged, totals row or not.
    const twoPeople = crlf(
      HEADER,
      PEOPLE[0],
      "2;Ola Nordmann;ola@oslo.kommune.no;;Byutvikling;M;3",
      "3;Per Hansen;per@oslo.kommune.no;;Oppvekst;M;7",
      "4;Kim Berg;kim@oslo.kommune.no;EBY;Finans;K;2",
      "Sum;;;;;;24",
    );
    expect(
      issuesOf(() => readRoster(twoPeople, { file })).map((i) => [i.code, i.line, i.column, i.hint]),
    ).toEqual([
      ["cell_empty", 3, 4, { kind: "merged_cells" }],
      ["cell_empty", 4, 4, { kind: "merged_cells" }],
      ["totals_row", 6, undefined, { kind: "totals_row" }],
    ]);
    // Every person's cell empty in a column is an unfilled column, not merged cells.
    const unfilled = crlf(
      HEADER,
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE;;K;12",
      "2;Ola Nordmann;ola@oslo.kommune.no;EBY;;M;3",
      "Sum;;;;;;15",
    );
    expect(
      issuesOf(() => readRoster(unfilled, { file })).map((i) => [i.code, i.line, i.column, i.hint]),
    ).toEqual([
      ["cell_empty", 2, 5, undefined],
      ["cell_empty", 3, 5, undefined],
      ["totals_row", 4, undefined, { kind: "totals_row" }],
    ]);
  });

  it("leaves out a totals row under skipInvalidRows as one listed row, and every person is kept", () => {
    const text = crlf(HEADER, ...PEOPLE, ";Sum;;;;;22");
    const roster = readRoster(text, { file, mapping: { skipInvalidRows: true } });
    expect(roster.people.map((p) => p.id)).toEqual(["1", "2", "3"]);
    expect(roster.skipped).toEqual([
      {
        line: 5,
        issues: [
          {
            code: "totals_row",
            facts: {
              empty: [
                { column: 1, name: "Id" },
                { column: 3, name: "E-post" },
                { column: 4, name: "Virksomhet" },
                { column: 5, name: "Sektor" },
                { column: 6, name: "Kjønn" },
              ],
            },
            path: [],
            file: "roster.csv",
            line: 5,
            hint: { kind: "totals_row" },
          },
        ],
      },
    ]);
    expect(roster.warnings.map((w) => w.code)).toContain("rows_skipped");
  });
});

describe("mapping problems", () => {
  const text = crlf("Id;Navn;Virksomhet", "1;Kari;UKE", "2;Ola;EBY");

  it("names an unknown mapped column and lists the known ones", () => {
    expect(
      issuesOf(() =>
        readRoster(text, {
          file,
          mapping: { id: "Nummer", attributes: { Avdeling: { kind: "categorical" } } },
        }),
      ),
    ).toEqual([
      {
        code: "mapping_column_missing",
        facts: { name: "Nummer", columns: { items: ["Id", "Navn", "Virksomhet"], more: 0 } },
        path: ["mapping", "id"],
        file: "roster.csv",
        text: "roster.csv: mapping.id: names column “Nummer”, which is not in the roster; its columns are: Id, Navn, Virksomhet",
      },
      {
        code: "mapping_column_missing",
        facts: { name: "Avdeling", columns: { items: ["Id", "Navn", "Virksomhet"], more: 0 } },
        path: ["mapping", "attributes", "Avdeling"],
        file: "roster.csv",
        text: "roster.csv: mapping.attributes.Avdeling: names column “Avdeling”, which is not in the roster; its columns are: Id, Navn, Virksomhet",
      },
    ]);
  });

  it("reports a mapping that is not a mapping, under `mapping`", () => {
    const issues = issuesOf(() =>
      readRoster(text, { file, mapping: { attributes: { Virksomhet: { kind: "ordinal" } } } as never }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(["mapping", "attributes", "Virksomhet", "kind"]);
    expect(issues[0].file).toBe(file);
  });

  it("refuses a column that is both the name and an attribute, or both mapped and ignored", () => {
    const table = parseTable(text);
    expect(
      issuesOf(() =>
        rosterToPeople(
          table,
          {
            name: "Navn",
            attributes: { Navn: { kind: "categorical" } },
            ignore: ["Virksomhet"],
            id: "Virksomhet",
          },
          { file },
        ),
      ).map((i) => i.text),
    ).toEqual([
      "roster.csv: mapping.id: column “Virksomhet” is both the id and ignored; choose one",
      "roster.csv: mapping.attributes.Navn: column “Navn” is both the name and an attribute; choose one",
    ]);
  });
});

describe("side files", () => {
  const people = [
    { id: "1", name: "Kari Nordmann", email: "kari@oslo.kommune.no" },
    { id: "2", name: "Ola Nordmann", email: "ola@oslo.kommune.no" },
    { id: "3", name: "Ola Nordmann", email: "ola2@oslo.kommune.no" },
    { id: "4", name: "Per Hansen" },
  ];
  const sets = (text: string) =>
    readPersonSets(parseTable(text, { ragged: true }), people, { file: "apart.csv" });

  it("reports unknown and ambiguous people, a person twice, and a set of one", () => {
    const text = crlf(
      "Person 1;Person 2;Person 3",
      "1;Ola Nordmann;",
      "Per Hansen;Kim;",
      "1;kari@oslo.kommune.no;",
      "4;;",
    );
    expect(issuesOf(() => sets(text))).toEqual([
      {
        code: "person_ambiguous",
        facts: { count: 2 },
        path: [],
        line: 2,
        column: 2,
        columnName: "Person 2",
        file: "apart.csv",
        text: "apart.csv, line 2, column 2 (Person 2): the name matches 2 people; use their id or e-mail",
      },
      {
        code: "person_not_found",
        facts: {},
        path: [],
        line: 3,
        column: 2,
        columnName: "Person 2",
        file: "apart.csv",
        text: "apart.csv, line 3, column 2 (Person 2): matches no person in the roster (by id, e-mail or name)",
      },
      {
        code: "person_again",
        facts: { column: 1 },
        path: [],
        line: 4,
        column: 2,
        columnName: "Person 2",
        file: "apart.csv",
        text: "apart.csv, line 4, column 2 (Person 2): the same person as in column 1",
      },
      {
        code: "set_too_small",
        facts: { found: 1 },
        path: [],
        line: 5,
        file: "apart.csv",
        text: "apart.csv, line 5: a set needs at least two people, found 1",
      },
    ]);
  });

  it("reports a grouping without recognisable columns, and a person listed twice", () => {
    const grouping = (text: string) =>
      readGrouping(parseTable(text, { ragged: true }), people, { file: "grupper.csv" });
    expect(issuesOf(() => grouping(crlf("A;B;C", "1;2;3")))).toEqual([
      {
        code: "side_file_columns",
        facts: { kind: "grouping", columns: { items: ["A", "B", "C"], more: 0 } },
        path: [],
        line: 1,
        file: "grupper.csv",
        text: "grupper.csv, line 1: expected a person column (Person, Id, E-post, Navn or Name) and a group column (Gruppe or Group); found: A, B, C",
      },
    ]);
    expect(
      issuesOf(() =>
        grouping(
          crlf("E-post;Gruppe", "kari@oslo.kommune.no;1", "KARI@oslo.kommune.no;2", "ola@oslo.kommune.no;"),
        ),
      ),
    ).toEqual([
      {
        code: "person_again",
        facts: { line: 2 },
        path: [],
        line: 3,
        column: 1,
        columnName: "E-post",
        file: "grupper.csv",
        text: "grupper.csv, line 3, column 1 (E-post): the same person as on line 2",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        line: 4,
        column: 2,
        columnName: "Gruppe",
        file: "grupper.csv",
        text: "grupper.csv, line 4, column 2 (Gruppe): the cell is empty, but every person needs a value here",
      },
    ]);
  });
});
