/**
 * Bad rosters: every message pinned, with its line and column, and never a cell's value in
 * it (rosters are personal data).
 */
import { describe, expect, it } from "vitest";
import { formatIssue, ProblemInputError } from "../../../engine/errors.js";
import {
  parseTable,
  readGrouping,
  readPersonSets,
  readRoster,
  rosterToPeople,
} from "../../../engine/roster/index.js";
import { crlf, issuesOf } from "./helpers.js";

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
      { path: [], file, line: 3, message: "line 3: expected 7 fields as in the header, found 6" },
      { path: [], file, line: 4, message: "line 4: expected 7 fields as in the header, found 8" },
    ]);
  });

  it("reports an unclosed quote where the quote opens, not at the end of the file", () => {
    const text = crlf("Id;Navn", "1;Kari", '2;"Ola', "3;Per", "4;Kim");
    expect(issuesOf(() => parseTable(text, { file }))).toEqual([
      {
        path: [],
        file,
        line: 3,
        column: 2,
        message:
          'line 3, column 2: a quoted field is never closed (its opening " has no closing " before the end of the file)',
      },
    ]);
  });

  it("reports text after a closing quote, counting lines inside earlier quoted cells", () => {
    const text = crlf("Id;Navn;Merknad", '1;Kari;"two\r\nlines"', '2;"Ola"x;ok');
    const issues = issuesOf(() => parseTable(text, { file }));
    expect(issues).toEqual([
      {
        path: [],
        file,
        line: 4,
        column: 2,
        message:
          'line 4, column 2: unexpected text after the closing quote of a field (inside quotes, write " as "")',
      },
    ]);
    expect(issues[0].message).not.toContain("Ola");
  });

  it("reports a duplicate header name (case- and accent-insensitively) and an unnamed column", () => {
    const text = crlf("Id;Navn;E-post;;NAVN", "1;Kari;k@x.no;a;Kari");
    expect(issuesOf(() => parseTable(text, { file }))).toEqual([
      {
        path: [],
        file,
        line: 1,
        column: 4,
        message: "line 1, column 4: the column has no name in the header",
      },
      {
        path: [],
        file,
        line: 1,
        column: 5,
        message: 'line 1, column 5: duplicate column name "NAVN" (same as column 2)',
      },
    ]);
  });

  it("reports an empty file and a header with no rows", () => {
    expect(issuesOf(() => readRoster("\r\n \r\n;;\r\n", { file }))).toEqual([
      { path: [], file, message: "the file is empty: expected a header line" },
    ]);
    expect(issuesOf(() => readRoster(crlf(HEADER, "", ""), { file }))).toEqual([
      { path: [], file, line: 1, message: "no people: the roster has a header but no rows below it" },
    ]);
  });

  it("turns csv-parse's errors into issues, never its stack or wording", () => {
    try {
      parseTable('a;b\n1;"x\n', { file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemInputError);
      const e = error as ProblemInputError;
      expect(e.message).toBe(
        'roster.csv: line 2, column 2: a quoted field is never closed (its opening " has no closing " before the end of the file)',
      );
      expect(e.issues.map(formatIssue).join("\n")).toBe(e.message);
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
      { path: [], file, line: 4, message: "line 4: duplicate of line 2 (same id)" },
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
      { path: [], file, line: 4, message: "line 4: duplicate of line 2 (same name and e-mail)" },
    ]);
    const byEmail = crlf(
      "Navn;E-post;Virksomhet",
      "Kari Nordmann;kari@oslo.kommune.no;UKE",
      "Ola Nordmann;ola@oslo.kommune.no;UKE",
      "Kari N.;Kari@Oslo.kommune.no;UKE",
    );
    expect(issuesOf(() => readRoster(byEmail, { file }))).toEqual([
      { path: [], file, line: 4, message: "line 4: duplicate of line 2 (same e-mail)" },
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
      { path: [], file, line: 2, column: 1, message: "line 2, column 1 (Id): required cell is empty" },
      { path: [], file, line: 3, column: 2, message: "line 3, column 2 (Navn): required cell is empty" },
      {
        path: [],
        file,
        line: 3,
        column: 4,
        message: "line 3, column 4 (Virksomhet): required cell is empty",
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
        path: [],
        file,
        line: 3,
        column: 7,
        message: "line 3, column 7 (Ansiennitet): expected a number, got text",
      },
      {
        path: [],
        file,
        line: 4,
        column: 7,
        message: "line 4, column 7 (Ansiennitet): expected a number, got text",
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain("tolv");
  });

  it("reports a malformed e-mail without echoing it", () => {
    const text = crlf("Navn;E-post", "Kari;kari.oslo.kommune.no");
    expect(issuesOf(() => readRoster(text, { file }))).toEqual([
      { path: [], file, line: 2, column: 2, message: "line 2, column 2 (E-post): not an e-mail address" },
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
      { line: 3, reason: "column 7 (Ansiennitet): expected a number, got text" },
      { line: 4, reason: "expected 7 fields as in the header, found 5" },
      { line: 5, reason: "duplicate of line 2 (same id)" },
      { line: 6, reason: "column 6 (Kjønn): required cell is empty" },
    ]);
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
        path: ["mapping", "id"],
        file,
        message:
          'the mapping names column "Nummer", which is not in the roster; its columns are: Id, Navn, Virksomhet',
      },
      {
        path: ["mapping", "attributes", "Avdeling"],
        file,
        message:
          'the mapping names column "Avdeling", which is not in the roster; its columns are: Id, Navn, Virksomhet',
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
      ).map((i) => i.message),
    ).toEqual([
      'column "Virksomhet" is both the id and ignored',
      'column "Navn" is the name column; it cannot also be an attribute',
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
        path: [],
        file: "apart.csv",
        line: 2,
        column: 2,
        message: "line 2, column 2 (Person 2): the name matches 2 people; use their id or e-mail",
      },
      {
        path: [],
        file: "apart.csv",
        line: 3,
        column: 2,
        message: "line 3, column 2 (Person 2): matches no person in the roster (by id, e-mail or name)",
      },
      {
        path: [],
        file: "apart.csv",
        line: 4,
        column: 2,
        message: "line 4, column 2 (Person 2): the same person as column 1",
      },
      { path: [], file: "apart.csv", line: 5, message: "line 5: a set needs at least two people, found 1" },
    ]);
  });

  it("reports a grouping without recognisable columns, and a person listed twice", () => {
    const grouping = (text: string) =>
      readGrouping(parseTable(text, { ragged: true }), people, { file: "grupper.csv" });
    expect(issuesOf(() => grouping(crlf("A;B;C", "1;2;3")))).toEqual([
      {
        path: [],
        file: "grupper.csv",
        line: 1,
        message:
          "line 1: expected a person column (Person, Id, E-post, Navn or Name) and a group column (Gruppe or Group); found: A, B, C",
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
        path: [],
        file: "grupper.csv",
        line: 3,
        column: 1,
        message: "line 3, column 1 (E-post): the same person as on line 2",
      },
      {
        path: [],
        file: "grupper.csv",
        line: 4,
        column: 2,
        message: "line 4, column 2 (Gruppe): required cell is empty",
      },
    ]);
  });
});
