/**
 * Excel at the command line: a workbook roster (its sheet by --sheet), a workbook of earlier
 * groups for --repair and for score, and -o grupper.xlsx writing the groups, a sheet per
 * round and a summary that Excel opens in Norwegian.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { workbook } from "../../engine/roster/xlsxFixture.js";
import { tempDir, tverr } from "./helpers.js";

const HEADER = ["Navn", "E-post", "Virksomhet", "Kjønn"];
const rows = Array.from({ length: 12 }, (_, i) => [
  `Åse ${i + 1} Ødegård`,
  `p${i + 1}@oslo.kommune.no`,
  `Etat ${i % 4}`,
  i % 2 ? "K" : "M",
]);

function roster(dir: string): string {
  const path = join(dir, "deltakere.xlsx");
  writeFileSync(
    path,
    workbook([
      { name: "Forside", rows: [["Lederprogrammet 2026"]] },
      { name: "Deltakere", rows: [HEADER, ...rows] },
    ]),
  );
  return path;
}

describe("tverr and workbooks", () => {
  it("composes a workbook roster's sheet and writes -o grupper.xlsx: every person once, æøå intact", async () => {
    const dir = tempDir();
    const out = join(dir, "grupper.xlsx");
    const run = await tverr([
      "compose",
      roster(dir),
      "--sheet",
      "Deltakere",
      "--size",
      "4",
      "--cap",
      "Virksomhet=1",
      "--iterations",
      "3000",
      "-o",
      out,
      "--lang",
      "nb",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("grupper.xlsx");
    const sheets = await readXlsxFile(out);
    expect(sheets.map((s) => s.sheet)).toEqual(["Grupper", "Sammendrag"]);
    const [header, ...written] = sheets[0].data;
    expect(header).toEqual(["Gruppe", ...HEADER]);
    expect(written.map((r) => r[2]).sort()).toEqual(rows.map((r) => r[1]).sort());
    expect(written.map((r) => r[1])).toContain("Åse 1 Ødegård");
    expect(JSON.stringify(sheets[1].data)).toContain("Regler: alle holder.");
  });

  it("says which sheets there are when --sheet names none of them", async () => {
    const dir = tempDir();
    const run = await tverr(["compose", roster(dir), "--sheet", "2025", "--size", "4"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("“Forside”, “Deltakere”");
  });

  it("repairs from a workbook and writes a sheet per round", async () => {
    const dir = tempDir();
    const earlier = join(dir, "ifjor.xlsx");
    writeFileSync(
      earlier,
      workbook([
        {
          name: "Grupper",
          rows: [["Gruppe", "E-post"], ...rows.slice(0, 10).map((r, i) => [(i % 3) + 1, r[1]])],
        },
      ]),
    );
    const csv = join(dir, "reparert.csv");
    const repair = await tverr([
      "compose",
      roster(dir),
      "--sheet",
      "Deltakere",
      "--groups",
      "3",
      "--repair",
      earlier,
      "--iterations",
      "3000",
      "-o",
      csv,
      "--lang",
      "nb",
    ]);
    expect(repair.code, repair.stderr).toBe(0);
    const text = (await import("node:fs")).readFileSync(csv, "utf8");
    expect(text.split("\r\n")[0]).toBe("\uFEFFGruppe;Endring;Navn;E-post;Virksomhet;Kjønn");
    expect(text).toContain(";ny;Åse 11 Ødegård");
    const rounds = join(dir, "samlinger.xlsx");
    const run = await tverr([
      "compose",
      roster(dir),
      "--sheet",
      "Deltakere",
      "--size",
      "4",
      "--rounds",
      "3",
      "--iterations",
      "2000",
      "-o",
      rounds,
      "--lang",
      "nb",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const sheets = await readXlsxFile(rounds);
    expect(sheets.map((s) => s.sheet)).toEqual(["Grupper", "Runde 1", "Runde 2", "Runde 3", "Sammendrag"]);
    expect(sheets[0].data).toHaveLength(1 + 3 * 12);
  });

  it("scores a grouping given as a workbook", async () => {
    const dir = tempDir();
    const groups = join(dir, "for-hand.xlsx");
    writeFileSync(
      groups,
      workbook([
        { name: "A", rows: [["E-post", "Gruppe"], ...rows.map((r, i) => [r[1], `G${(i % 3) + 1}`])] },
      ]),
    );
    const run = await tverr(["score", roster(dir), groups, "--sheet", "Deltakere", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report.assignment)).toHaveLength(12);
    expect(report.groups.map((g: { id: string }) => g.id).sort()).toEqual(["G1", "G2", "G3"]);
  });
});
