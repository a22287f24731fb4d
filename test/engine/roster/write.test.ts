import { describe, expect, it } from "vitest";
import { neutraliseFormula, readRoster, toCsv } from "../../../engine/roster/index.js";

describe("toCsv", () => {
  it("writes CRLF, quotes where needed, decimal commas and an optional BOM", () => {
    const csv = toCsv(
      [
        ["Navn", "Virksomhet", "Ansiennitet", "Gruppe"],
        ["Nordmann; Kari", 'Bydel "Gamle" Oslo', 12.5, 1],
        ["Ola\nNordmann", "UKE", -3, null],
        ["  Per ", "EBY", 0.25, 2],
      ],
      { delimiter: ";", bom: true, decimalComma: true },
    );
    expect(csv).toBe(
      "\uFEFFNavn;Virksomhet;Ansiennitet;Gruppe\r\n" +
        '"Nordmann; Kari";"Bydel ""Gamle"" Oslo";12,5;1\r\n' +
        '"Ola\nNordmann";UKE;-3;\r\n' +
        '"  Per ";EBY;0,25;2\r\n',
    );
    expect(toCsv([["a", 1.5]], { delimiter: ",", bom: false })).toBe("a,1.5\r\n");
    expect(toCsv([["a", 1.5]], { delimiter: ",", bom: false, decimalComma: true })).toBe('a,"1,5"\r\n');
    expect(toCsv([], { delimiter: ";", bom: false })).toBe("");
  });

  it("neutralises text that would start a formula, but not plain numbers", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    // A phone number or a signed number names no function: Excel cannot run it, so it stays.
    expect(neutraliseFormula("+47 22 00 00 00")).toBe("+47 22 00 00 00");
    expect(neutraliseFormula("+47 (22) 00-00.00")).toBe("+47 (22) 00-00.00");
    expect(neutraliseFormula("+47 22 00 00 00 HYPERLINK")).toBe("'+47 22 00 00 00 HYPERLINK");
    expect(neutraliseFormula("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    expect(neutraliseFormula("  =1+1")).toBe("'  =1+1");
    expect(neutraliseFormula("＝1+1")).toBe("'＝1+1");
    expect(neutraliseFormula("-3")).toBe("-3");
    expect(neutraliseFormula("12,5")).toBe("12,5");
    expect(neutraliseFormula("Kari = sjef")).toBe("Kari = sjef");
    expect(toCsv([["=1+1", -1, "-1"]], { delimiter: ";", bom: false })).toBe("'=1+1;-1;-1\r\n");
  });

  it("writes a roster back in the dialect it came in, readable again", () => {
    const input = "Id;Navn;Virksomhet;Ansiennitet\r\n1;=Kari;UKE;12,5\r\n2;Ola;EBY;\r\n";
    const roster = readRoster(input);
    const out = toCsv(
      [
        [...roster.columns, "Gruppe"],
        ...roster.people.map((p) => [...(roster.cells.get(p.id) ?? []), p.id === "1" ? "A" : "B"]),
      ],
      { delimiter: roster.delimiter, bom: true, decimalComma: roster.delimiter === ";" },
    );
    expect(out).toBe(
      "\uFEFFId;Navn;Virksomhet;Ansiennitet;Gruppe\r\n1;'=Kari;UKE;12,5;A\r\n2;Ola;EBY;;B\r\n",
    );
    expect(readRoster(out).people.map((p) => p.name)).toEqual(["'=Kari", "Ola"]);
  });
});
