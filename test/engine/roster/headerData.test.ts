/**
 * A file without a header row: its first person stands where the column names would be, so
 * messages say which line looks like data instead of listing that person's cells.
 */
import { describe, expect, it } from "vitest";
import { en, nb, wordIssue } from "../../../engine/locale/index.js";
import { headerIsData, listColumns } from "../../../engine/roster/headerData.js";
import { readGroupingCsv, readRoster } from "../../../engine/roster/index.js";
import { issuesOf } from "./helpers.js";

const table = (header: string[], ...rows: string[][]) => ({
  header,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe("a header that is a person's row", () => {
  it("is told by an e-mail, a number or a name repeated in its own column", () => {
    expect(headerIsData(table(["Navn", "E-post", "Virksomhet"], ["Kari", "k@x.no", "Etat 1"]))).toBe(false);
    expect(headerIsData(table(["Kari", "kari@oslo.kommune.no"], ["Ola", "ola@x.no"]))).toBe(true);
    expect(headerIsData(table(["Kari", "Etat 1", "12,5"], ["Ola", "Etat 2", "3"]))).toBe(true);
    expect(headerIsData(table(["Kari", "Etat 1"], ["Ola", "Etat 1"]))).toBe(true);
  });

  it("takes a file of one line for data: with nothing below, its line cannot be told from a header", () => {
    // The fuzz suite's case: a history side file of one line holding one value was answered
    // with that value as its "columns".
    expect(headerIsData(table(["Kari Nordmann"]))).toBe(true);
    expect(listColumns(table(["Kari Nordmann", "Etat 1"]))).toEqual({ dataLine: 1 });
  });

  it("lists the columns of a real header, shortened, and only the line of a data row", () => {
    const wide = Array.from({ length: 20 }, (_, i) => `Kolonne ${i} ${"x".repeat(100)}`);
    const listed = listColumns(
      table(
        wide,
        wide.map(() => "a"),
      ),
    );
    expect(listed.columns?.items).toHaveLength(6);
    expect(listed.columns?.more).toBe(14);
    for (const item of listed.columns?.items ?? []) expect(item.length).toBeLessThanOrEqual(40);
    expect(listColumns(table(["Kari", "kari@x.no"], ["Ola", "ola@x.no"]))).toEqual({ dataLine: 1 });
  });

  it("a mapped column missing from a headerless roster names line 1, in both languages, never its cells", () => {
    const roster = "Kari Nordmann;kari@oslo.kommune.no;Etat 1\nOla Nordmann;ola@oslo.kommune.no;Etat 1\n";
    const [issue] = issuesOf(() => readRoster(roster, { mapping: { name: "Navn" } }));
    expect(issue).toMatchObject({ code: "mapping_column_missing", facts: { dataLine: 1 } });
    for (const locale of [en, nb]) {
      const text = wordIssue(issue, locale);
      expect(text).toMatch(/lin(e|je) 1/);
      expect(text).not.toMatch(/Kari|oslo\.kommune|Etat/);
    }
  });

  it("a cell problem in a headerless roster gives the column number, not a data cell as its name", () => {
    const roster = "Kari;kari@oslo.kommune.no;Etat 1\nOla;ola@oslo.kommune.no;\n";
    const issues = issuesOf(() =>
      readRoster(roster, { mapping: { attributes: { "Etat 1": { kind: "categorical" } } } }),
    );
    expect(issues[0]).toMatchObject({ code: "cell_empty", line: 2, column: 3 });
    expect(issues[0].columnName).toBeUndefined();
  });

  it("a side file whose columns are not found does not list a person's row", () => {
    const people = [{ id: "1", name: "Kari", email: "kari@oslo.kommune.no" }];
    const [issue] = issuesOf(() => readGroupingCsv("kari@oslo.kommune.no;A;x\n", people));
    expect(issue).toMatchObject({ code: "side_file_columns", facts: { dataLine: 1 } });
    expect(wordIssue(issue, en)).not.toContain("kari");
  });

  it("a title above a roster without a header is one issue naming lines only, never the first person's cells", () => {
    const roster =
      "Deltakerliste;;\nKari Nordmann;kari@oslo.kommune.no;Etat 1\nOla Nordmann;ola@oslo.kommune.no;Etat 1\n";
    const issues = issuesOf(() => readRoster(roster));
    expect(issues).toEqual([
      { code: "title_row", facts: {}, path: [], line: 1, hint: { kind: "header_below", line: 2 } },
    ]);
    for (const locale of [en, nb])
      expect(wordIssue(issues[0], locale)).not.toMatch(/Kari|oslo\.kommune|Etat|Deltakerliste/);
  });

  it("a totals row under a header that looks like data names its empty columns by number, not by that header's cells", () => {
    // A column named by a year reads as data: the header's cells are never named back.
    const roster =
      "Navn;E-post;Virksomhet;2026\nKari;kari@x.no;Etat 1;12\nOla;ola@x.no;Etat 2;30\nSum;;;42\n";
    const issues = issuesOf(() => readRoster(roster));
    expect(issues.map((i) => [i.code, i.line, i.column, i.facts])).toEqual([
      ["totals_row", 4, undefined, { empty: [{ column: 2 }, { column: 3 }] }],
    ]);
    expect(wordIssue(issues[0], en)).toBe(
      "line 4: the cells in columns 2 and 3 are empty, but every person needs a value there. This looks like a totals row: delete it.",
    );
    expect(wordIssue(issues[0], nb)).toBe(
      "linje 4: cellene i kolonne 2 og 3 er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.",
    );
  });

  it("a last person without an e-mail under a header that looks like data is that empty cell, not a totals row", () => {
    // The same roster, ending with a person: a name and a number are a person's, not a total.
    const roster =
      "Navn;E-post;Virksomhet;2026\nKari;kari@x.no;Etat 1;12\nOla;ola@x.no;Etat 2;30\nKim Berg;;Etat 1;7\n";
    const issues = issuesOf(() => readRoster(roster));
    expect(issues.map((i) => [i.code, i.line, i.column, i.columnName, i.hint])).toEqual([
      ["cell_empty", 4, 2, undefined, undefined],
    ]);
    expect(wordIssue(issues[0], nb)).toBe("linje 4, kolonne 2: cellen er tom, men alle trenger en verdi her");
  });
});
