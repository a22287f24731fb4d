/**
 * The CSV dialects Excel and coordinators produce: byte-order marks, Windows-1252, three
 * delimiters, CRLF, quoted delimiters and line breaks, blank lines, stray spaces, Norwegian
 * and English headers, numbers with decimal commas.
 */
import { describe, expect, it } from "vitest";
import {
  decodeRosterBytes,
  encodeWindows1252,
  parseNumber,
  parseTable,
  personRefs,
  readGroupingCsv,
  readPersonSetsCsv,
  readRoster,
  recogniseHeader,
  sniffDelimiter,
} from "../../../engine/roster/index.js";
import { crlf, utf8 } from "./helpers.js";

const ROSTER = crlf(
  "Id;Navn;E-post;Virksomhet;Byrådsavdeling;Kjønn;Ansiennitet;Merknad",
  "1;Kari Ødegård;kari@oslo.kommune.no;Bydel Grünerløkka;Byrådsavdeling for oppvekst og kunnskap;K;12,5;",
  "2;Åse Bæk;ase@oslo.kommune.no;Utviklings- og kompetanseetaten;Byrådsavdeling for finans;K;3;",
  "3;Øystein Lie;oystein@oslo.kommune.no;Bydel Grünerløkka;Byrådsavdeling for oppvekst og kunnskap;M;;ny",
);

const EXPECTED_PEOPLE = [
  {
    id: "1",
    name: "Kari Ødegård",
    attributes: {
      Virksomhet: "Bydel Grünerløkka",
      Byrådsavdeling: "Byrådsavdeling for oppvekst og kunnskap",
      Kjønn: "K",
      Ansiennitet: 12.5,
    },
  },
  {
    id: "2",
    name: "Åse Bæk",
    attributes: {
      Virksomhet: "Utviklings- og kompetanseetaten",
      Byrådsavdeling: "Byrådsavdeling for finans",
      Kjønn: "K",
      Ansiennitet: 3,
    },
  },
  {
    id: "3",
    name: "Øystein Lie",
    attributes: {
      Virksomhet: "Bydel Grünerløkka",
      Byrådsavdeling: "Byrådsavdeling for oppvekst og kunnskap",
      Kjønn: "M",
      Ansiennitet: null,
    },
  },
];

describe("encodings", () => {
  it("reads UTF-8 with and without a byte-order mark alike", () => {
    const plain = readRoster(utf8(ROSTER));
    const withBom = readRoster(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ROSTER)]));
    expect(plain.encoding).toBe("utf-8");
    expect(withBom.encoding).toBe("utf-8");
    expect(plain.people).toEqual(EXPECTED_PEOPLE);
    expect(withBom.people).toEqual(EXPECTED_PEOPLE);
    expect(withBom.columns[0]).toBe("Id");
  });

  it("reads Windows-1252 bytes with æøå, and the 0x80..0x9F range by the Windows table", () => {
    const bytes = encodeWindows1252(ROSTER);
    expect(bytes).toBeDefined();
    expect(bytes).toContain(0xf8); // ø
    const roster = readRoster(bytes!);
    expect(roster.encoding).toBe("windows-1252");
    expect(roster.people).toEqual(EXPECTED_PEOPLE);
    expect(decodeRosterBytes(new Uint8Array([0x80, 0x96, 0x92, 0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5]))).toEqual(
      {
        text: "€–’æøåÆØÅ",
        encoding: "windows-1252",
      },
    );
  });

  it("reads UTF-16 with a byte-order mark (Excel's Unicode text)", () => {
    const text = ROSTER.replace(/;/g, "\t");
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const roster = readRoster(le);
    expect(roster.encoding).toBe("utf-16le");
    expect(roster.delimiter).toBe("\t");
    expect(roster.people).toEqual(EXPECTED_PEOPLE);
  });

  it("treats text handed in as a string as already decoded, dropping a leading BOM", () => {
    expect(readRoster(`\uFEFF${ROSTER}`).people).toEqual(EXPECTED_PEOPLE);
  });
});

describe("delimiters and line ends", () => {
  it("guesses ; , and tab", () => {
    const comma = ROSTER.replace(/12,5/, "12.5").replace(/;/g, ",");
    const tab = ROSTER.replace(/;/g, "\t");
    expect(readRoster(ROSTER).delimiter).toBe(";");
    expect(readRoster(comma).delimiter).toBe(",");
    expect(readRoster(tab).delimiter).toBe("\t");
    expect(readRoster(comma).people).toEqual(EXPECTED_PEOPLE);
    expect(readRoster(tab).people).toEqual(EXPECTED_PEOPLE);
  });

  it("is not fooled by decimal commas, commas in names or delimiters inside quotes", () => {
    expect(sniffDelimiter("Navn;Alder\nNordmann, Kari;12,5\nHansen, Per;3,0\n")).toBe(";");
    expect(sniffDelimiter('Navn,Virksomhet\n"Nordmann; Kari",UKE\n"Hansen; Per",EBY\n')).toBe(",");
    expect(sniffDelimiter('a\tb\n"x,\ny"\tz\n')).toBe("\t");
    expect(sniffDelimiter("a,b;c\n1,2;3\n")).toBe(";");
    // One broken line: the delimiter that fits the most lines still wins.
    expect(sniffDelimiter("a,b,c\n1,2,3\n4,5\n6,7,8\n")).toBe(",");
    expect(sniffDelimiter("Navn\nKari\n")).toBe(";");
    expect(sniffDelimiter("")).toBe(";");
  });

  it("reads LF, CRLF and CR line ends alike", () => {
    const lf = ROSTER.replace(/\r\n/g, "\n");
    const cr = ROSTER.replace(/\r\n/g, "\r");
    expect(readRoster(lf).people).toEqual(EXPECTED_PEOPLE);
    expect(readRoster(cr).people).toEqual(EXPECTED_PEOPLE);
  });

  it("honours a delimiter given by the caller", () => {
    const table = parseTable("a;b,c\n1;2,3\n", { delimiter: "," });
    expect(table.header).toEqual(["a;b", "c"]);
  });
});

describe("quoting, blank lines and spaces", () => {
  it("keeps delimiters and line breaks inside quotes, and counts lines after them", () => {
    const text = crlf(
      "Id;Navn;Merknad",
      '1;"Nordmann; Kari";"første linje\r\nandre linje"',
      '2;"Ola ""Ola"" Nordmann";"a\r\n\r\nb"',
      "3;Per",
    );
    const table = parseTable(text, { skipInvalidRows: true });
    expect(table.rows).toEqual([
      { line: 2, cells: ["1", "Nordmann; Kari", "første linje\nandre linje"] },
      { line: 4, cells: ["2", 'Ola "Ola" Nordmann', "a\n\nb"] },
    ]);
    expect(table.skipped).toEqual([
      { line: 7, issues: [{ code: "row_width", facts: { expected: 3, found: 2 }, path: [], line: 7 }] },
    ]);
  });

  it("drops blank lines anywhere, and rows of empty cells", () => {
    const text = `\r\n${crlf("Id;Navn", "1;Kari", "", ";", "  ;  ", "2;Ola", "", "", "")}\r\n\r\n`;
    const table = parseTable(text);
    expect(table.headerLine).toBe(2);
    expect(table.rows).toEqual([
      { line: 3, cells: ["1", "Kari"] },
      { line: 7, cells: ["2", "Ola"] },
    ]);
  });

  it("trims spaces around cells and headers, quoted or not", () => {
    const text = crlf(
      "  Id ; Navn\u00a0;  Virksomhet ",
      ' 1 ;  "Kari Nordmann" ;  UKE  ',
      "2;\u00a0Ola\u00a0; EBY",
    );
    const roster = readRoster(text);
    expect(roster.columns).toEqual(["Id", "Navn", "Virksomhet"]);
    expect(roster.people).toEqual([
      { id: "1", name: "Kari Nordmann", attributes: { Virksomhet: "UKE" } },
      { id: "2", name: "Ola", attributes: { Virksomhet: "EBY" } },
    ]);
  });

  it("ignores empty columns Excel leaves on the right, and empty trailing fields", () => {
    const text = crlf("Id;Navn;;", "1;Kari;;", "2;Ola", "3;Per;;;;");
    const table = parseTable(text);
    expect(table.header).toEqual(["Id", "Navn"]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["1", "Kari"],
      ["2", "Ola"],
      ["3", "Per"],
    ]);
  });

  it("keeps quotes inside an unquoted field as they are", () => {
    expect(parseTable('Id;Navn\n1;Kari "KK" Nordmann\n').rows[0].cells).toEqual(["1", 'Kari "KK" Nordmann']);
  });
});

describe("headers, ids and values", () => {
  it("recognises Norwegian and English headers, case- and accent-insensitively", () => {
    expect(recogniseHeader("E-post")).toBe("email");
    expect(recogniseHeader("EMAIL")).toBe("email");
    expect(recogniseHeader("e post")).toBe("email");
    expect(recogniseHeader("Byradsavdeling")).toBe("sector");
    expect(recogniseHeader("BYRÅDSAVDELING")).toBe("sector");
    expect(recogniseHeader("kjonn")).toBe("gender");
    expect(recogniseHeader("Nivå")).toBe("level");
    expect(recogniseHeader("Organisation")).toBe("agency");
    expect(recogniseHeader("Fullt navn")).toBe("name");
    expect(recogniseHeader("Favorittfarge")).toBeUndefined();
  });

  it("gives default attribute specs and carries unknown columns along unused", () => {
    const text = crlf(
      "ID;Name;Email;Agency;Department;Role;Gender;Level;Tenure;Age;Years;Favourite colour",
      "a1;Kari;kari@x.no;UKE;Finance;Director;F;1;12;50;3;blue",
    );
    const roster = readRoster(text);
    expect(roster.attributes).toEqual({
      Agency: { kind: "categorical", weight: 3, goal: "mix" },
      Department: { kind: "categorical", weight: 2, goal: "mix" },
      Role: { kind: "categorical", weight: 1, goal: "mix" },
      Gender: { kind: "categorical", weight: 1, goal: "mix" },
      Level: { kind: "categorical", weight: 1, goal: "mix" },
      Tenure: { kind: "numeric", weight: 1 },
      Age: { kind: "numeric", weight: 1 },
      Years: { kind: "numeric", weight: 1 },
    });
    expect(roster.people[0].attributes).not.toHaveProperty("Favourite colour");
    expect(roster.cells.get("a1")?.[roster.columns.indexOf("Favourite colour")]).toBe("blue");
    expect(roster.columnUses.filter((u) => u.use === "unused").map((u) => u.column)).toEqual([
      "Favourite colour",
    ]);
    expect(roster.emails).toEqual(new Map([["a1", "kari@x.no"]]));
  });

  it("lets the mapping name, add, override and ignore columns (matching headers loosely)", () => {
    const text = crlf(
      "Nr;Navn;Epost;Virksomhet;Enhet;Farge;Alder",
      "7;Kari;kari@x.no;UKE;Stab;blå;50",
      "8;Ola;ola@x.no;EBY;Drift;rød;",
    );
    const roster = readRoster(text, {
      mapping: {
        id: "epost",
        attributes: {
          farge: { kind: "categorical" },
          Virksomhet: { kind: "categorical", weight: 5, maxPerGroup: 1 },
        },
        ignore: ["Enhet", "Alder"],
      },
    });
    expect(roster.attributes).toEqual({
      Virksomhet: { kind: "categorical", weight: 5, maxPerGroup: 1, goal: "mix" },
      Farge: { kind: "categorical", weight: 1, goal: "mix" },
    });
    expect(roster.people.map((p) => p.id)).toEqual(["kari@x.no", "ola@x.no"]);
    expect(roster.columns).toEqual(["Nr", "Navn", "Epost", "Virksomhet", "Enhet", "Farge", "Alder"]);
    expect(roster.cells.get("ola@x.no")).toEqual(["8", "Ola", "ola@x.no", "EBY", "Drift", "rød", ""]);
  });

  it("makes ids from the e-mail (lower case), else P1, P2, … in file order", () => {
    expect(
      readRoster(crlf("Navn;E-post", "Kari;Kari@Oslo.no", "Ola;ola@oslo.no")).people.map((p) => p.id),
    ).toEqual(["kari@oslo.no", "ola@oslo.no"]);
    expect(readRoster(crlf("Navn;Bydel", "Kari;Frogner", "", "Ola;Alna")).people.map((p) => p.id)).toEqual([
      "P1",
      "P2",
    ]);
  });

  it("keeps a column mapped as the id in its recognised role too", () => {
    const roster = readRoster(crlf("Navn;E-post", "Kari;Kari@Oslo.no", "Ola;"), {
      mapping: { id: "E-post", skipInvalidRows: true },
    });
    expect(roster.people).toEqual([{ id: "Kari@Oslo.no", name: "Kari", attributes: {} }]);
    expect(roster.emails).toEqual(new Map([["Kari@Oslo.no", "Kari@Oslo.no"]]));
    expect(roster.skipped).toEqual([
      {
        line: 3,
        issues: [{ code: "cell_empty", facts: {}, path: [], line: 3, column: 2, columnName: "E-post" }],
      },
    ]);
  });

  it("joins Fornavn and Etternavn into the name", () => {
    const roster = readRoster(crlf("Fornavn;Etternavn;Etat", "Kari;Ødegård;UKE"));
    expect(roster.people[0].name).toBe("Kari Ødegård");
  });

  it("keeps the first spelling of a category that differs only by case or spaces", () => {
    const roster = readRoster(crlf("Navn;Virksomhet", "Kari;Bydel  Frogner", "Ola;bydel frogner", "Per;UKE"));
    expect(roster.people.map((p) => p.attributes.Virksomhet)).toEqual([
      "Bydel  Frogner",
      "Bydel  Frogner",
      "UKE",
    ]);
  });

  it("reads numbers as Norwegian and English rosters write them", () => {
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber("12.5")).toBe(12.5);
    expect(parseNumber("1 234,5")).toBe(1234.5);
    expect(parseNumber("1\u00a0234,5")).toBe(1234.5);
    expect(parseNumber("1\u202f234")).toBe(1234);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber("\u22123")).toBe(-3);
    expect(parseNumber(",5")).toBe(0.5);
    for (const bad of ["", "-", "tolv", "1.234,5", "1,234.5", "12 5", "1e3", "12%", "1 23"]) {
      expect(parseNumber(bad), bad).toBeUndefined();
    }
  });
});

describe("side files", () => {
  const roster = readRoster(
    crlf(
      "Id;Navn;E-post;Virksomhet",
      "1;Kari Nordmann;kari@oslo.kommune.no;UKE",
      "2;Ola Nordmann;ola@oslo.kommune.no;EBY",
      "3;Per Hansen;per@oslo.kommune.no;UKE",
      "4;Kim Berg;kim@oslo.kommune.no;EBY",
    ),
  );
  const people = personRefs(roster);

  it("reads keep-apart sets by id, e-mail or name, with or without a header, rows of any width", () => {
    expect(
      readPersonSetsCsv(crlf("Person;Person", "1;OLA@oslo.kommune.no", "per hansen;Kim Berg;1"), people),
    ).toEqual([
      ["1", "2"],
      ["3", "4", "1"],
    ]);
    expect(readPersonSetsCsv("1,2\n3,4\n", people)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("reads a grouping by its Person/Group columns, or a headerless two-column file", () => {
    expect(
      readGroupingCsv(
        crlf("Gruppe;Navn;E-post", "A;Kari Nordmann;kari@oslo.kommune.no", "B;x;ola@oslo.kommune.no"),
        people,
      ),
    ).toEqual({
      1: "A",
      2: "B",
    });
    expect(readGroupingCsv("1;Gruppe 1\n2;Gruppe 2\n", people)).toEqual({ 1: "Gruppe 1", 2: "Gruppe 2" });
    expect(readGroupingCsv("Id;Group\n1;1\n99;2\n", people, { ignoreUnknown: true })).toEqual({ 1: "1" });
  });
});
