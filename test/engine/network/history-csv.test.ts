/**
 * The meeting-history CSV: headers in Norwegian and English, people by id, e-mail or name,
 * and every bad-input message pinned with its line and column (never a cell's value).
 */
import { describe, expect, it } from "vitest";
import type { ProblemInputError } from "../../../engine/errors.js";
import { en, wordIssue } from "../../../engine/locale/index.js";
import { readHistoryCsv } from "../../../engine/roster/history.js";
import type { PersonRef } from "../../../engine/roster/index.js";
import { issuesOf as thrown, worded } from "../roster/helpers.js";

const file = "historikk.csv";
const people: PersonRef[] = [
  { id: "1", name: "Kari Nordmann", email: "kari@oslo.kommune.no" },
  { id: "2", name: "Ola Nordmann" },
  { id: "3", name: "Per Hansen" },
  { id: "4", name: "Per Hansen" },
  { id: "5", name: "Åse Ødegård" },
];
const crlf = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

/** The issues a call throws, each with its English wording. */
const issuesOf = (fn: () => unknown) => worded(thrown(fn));

describe("reading a history", () => {
  it("reads Norwegian headers, ; and a byte-order mark, people by id, e-mail and name", () => {
    const text = `\uFEFF${crlf(
      "Samling;Gruppe;E-post;Navn",
      "Høst 2025;A;kari@oslo.kommune.no;",
      "Høst 2025;A;;Ola Nordmann",
      "Høst 2025;B;;Åse Ødegård",
      "Vår 2026;1;KARI@oslo.kommune.no;",
      "Vår 2026;1;;åse ødegård",
      "",
    )}`;
    expect(readHistoryCsv(text, people, { file })).toEqual({
      rounds: [
        { round: "Høst 2025", groups: { A: ["1", "2"], B: ["5"] } },
        { round: "Vår 2026", groups: { "1": ["1", "5"] } },
      ],
    });
  });

  it("reads English headers in any order, with extra columns", () => {
    const text = ["Name,Group,Round,Note", "Kari Nordmann,g1,1,x", "2,g1,1,", "Kari Nordmann,g2,2,"].join(
      "\n",
    );
    expect(readHistoryCsv(text, people)).toEqual({
      rounds: [
        { round: "1", groups: { g1: ["1", "2"] } },
        { round: "2", groups: { g2: ["1"] } },
      ],
    });
  });

  it("reads Windows-1252 bytes", () => {
    const text = "Runde;Gruppe;Id\r\nVår;A;1\r\nVår;A;5\r\n";
    const bytes = Uint8Array.from([...text].map((c) => (c === "å" ? 0xe5 : c.charCodeAt(0))));
    expect(readHistoryCsv(bytes, people)).toEqual({ rounds: [{ round: "Vår", groups: { A: ["1", "5"] } }] });
  });

  it("reads three columns without a header as round, group, person", () => {
    expect(readHistoryCsv("1;a;1\n1;a;2\n2;b;2\n", people)).toEqual({
      rounds: [
        { round: "1", groups: { a: ["1", "2"] } },
        { round: "2", groups: { b: ["2"] } },
      ],
    });
  });

  it("leaves out unknown people when asked", () => {
    const text = crlf("Runde;Gruppe;Id", "1;a;1", "1;a;99", "1;a;2");
    expect(readHistoryCsv(text, people, { ignoreUnknown: true })).toEqual({
      rounds: [{ round: "1", groups: { a: ["1", "2"] } }],
    });
  });
});

describe("bad histories", () => {
  it("names every unknown person, empty cell and person twice in a round by line and column", () => {
    const text = crlf(
      "Runde;Gruppe;Person",
      "1;a;1",
      "1;a;Nils Nilsen",
      ";a;2",
      "1;;2",
      "1;a;",
      "1;b;kari@oslo.kommune.no",
      "1;a;Kari Nordmann",
      "2;a;1",
      "2;b;Per Hansen",
    );
    expect(issuesOf(() => readHistoryCsv(text, people, { file }))).toEqual([
      {
        code: "person_not_found",
        facts: {},
        path: [],
        line: 3,
        column: 3,
        columnName: "Person",
        file: "historikk.csv",
        text: "historikk.csv, line 3, column 3 (Person): matches no person in the roster (by id, e-mail or name)",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        line: 4,
        column: 1,
        columnName: "Runde",
        file: "historikk.csv",
        text: "historikk.csv, line 4, column 1 (Runde): the cell is empty, but every person needs a value here",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        line: 5,
        column: 2,
        columnName: "Gruppe",
        file: "historikk.csv",
        text: "historikk.csv, line 5, column 2 (Gruppe): the cell is empty, but every person needs a value here",
      },
      {
        code: "cell_empty",
        facts: {},
        path: [],
        line: 6,
        column: 3,
        columnName: "Person",
        file: "historikk.csv",
        text: "historikk.csv, line 6, column 3 (Person): the cell is empty, but every person needs a value here",
      },
      {
        code: "person_twice_in_round",
        facts: { line: 2, sameGroup: false },
        path: [],
        line: 7,
        column: 3,
        columnName: "Person",
        file: "historikk.csv",
        text: "historikk.csv, line 7, column 3 (Person): the same person as on line 2: a person can be in only one group per round",
      },
      {
        code: "person_twice_in_round",
        facts: { line: 2, sameGroup: true },
        path: [],
        line: 8,
        column: 3,
        columnName: "Person",
        file: "historikk.csv",
        text: "historikk.csv, line 8, column 3 (Person): the same person as on line 2, in the same group of the same round",
      },
      {
        code: "person_ambiguous",
        facts: { count: 2 },
        path: [],
        line: 10,
        column: 3,
        columnName: "Person",
        file: "historikk.csv",
        text: "historikk.csv, line 10, column 3 (Person): the name matches 2 people; use their id or e-mail",
      },
    ]);
  });

  it("reports an empty person at the first person column", () => {
    expect(
      issuesOf(() => readHistoryCsv(crlf("Runde;Gruppe;E-post;Navn", "1;a;;"), people, { file })),
    ).toEqual([
      {
        code: "cell_empty",
        facts: {},
        path: [],
        line: 2,
        column: 3,
        columnName: "E-post",
        file: "historikk.csv",
        text: "historikk.csv, line 2, column 3 (E-post): the cell is empty, but every person needs a value here",
      },
    ]);
  });

  it("never echoes a cell's value", () => {
    const error = (() => {
      try {
        readHistoryCsv(crlf("Runde;Gruppe;Person", "1;a;Nils Nilsen"), people, { file });
      } catch (e) {
        return e as ProblemInputError;
      }
      throw new Error("expected an error");
    })();
    expect(error.message).not.toContain("Nils");
    expect(error.issues.map((i) => wordIssue(i, en))).toEqual([
      "historikk.csv, line 2, column 3 (Person): matches no person in the roster (by id, e-mail or name)",
    ]);
  });

  it("numbers columns without names when the file has no recognised header", () => {
    expect(issuesOf(() => readHistoryCsv("1;a;1\n1;b;1\n", people))).toEqual([
      {
        code: "person_twice_in_round",
        facts: { line: 1, sameGroup: false },
        path: [],
        line: 2,
        column: 3,
        text: "line 2, column 3: the same person as on line 1: a person can be in only one group per round",
      },
    ]);
  });

  it("says which columns it expected", () => {
    expect(issuesOf(() => readHistoryCsv(crlf("Runde;Id", "1;1"), people, { file }))).toEqual([
      {
        code: "side_file_columns",
        facts: { kind: "history", columns: { items: ["Runde", "Id"], more: 0 } },
        path: [],
        line: 1,
        file: "historikk.csv",
        text: "historikk.csv, line 1: expected a round column (Runde, Samling or Round), a group column (Gruppe or Group) and a person column (Person, Id, E-post, Navn or Name); found: Runde, Id",
      },
    ]);
  });

  it("reports an empty file", () => {
    expect(issuesOf(() => readHistoryCsv("\r\n\r\n", people, { file }))).toEqual([
      {
        code: "empty_file",
        facts: {},
        path: [],
        file: "historikk.csv",
        text: "historikk.csv: the file is empty: expected a header line",
      },
    ]);
  });
});
