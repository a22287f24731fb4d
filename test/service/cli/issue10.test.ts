/**
 * Issue 10, what a coordinator hit on the command line: each test failed on the CLI before
 * the restructuring (d8f0419) and passes now. Run in-process, files in a temp folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRoster } from "../../../engine/roster/index.js";
import { data, read, root, tempDir, tverr } from "./helpers.js";

const OSLO = data("oslo-ledere.csv");
const EN = data("example-en.csv");
const dir = tempDir();

function file(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The JSON a run wrote to standard output. */
function json(run: { stdout: string }) {
  return JSON.parse(run.stdout);
}

describe("issue 10: columns are never dropped without a word", () => {
  const roster = file(
    "hr-eksport.csv",
    [
      "Fornavn;Etternavn;Stilling;Enhet;Avdeling;Kjønn;Alder;Ansiennitet (år)",
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `Per${i};Hansen${i};Leder${i % 3};Etat ${i % 4};Avd ${i % 2};${"KM"[i % 2]};${30 + i};${i + 2}`,
      ),
      "",
    ].join("\r\n"),
  );

  it("uses Stilling as role, Enhet as agency, Avdeling as a unit and Ansiennitet (år) as tenure, and says so", async () => {
    const run = await tverr(["check", roster, "--size", "4", "--format", "json"]);
    expect(run.code).toBe(0);
    const columns = json(run).columns as { column: string; use: string; recognised?: string }[];
    const by = Object.fromEntries(columns.map((c) => [c.column, [c.use, c.recognised]]));
    expect(by).toEqual({
      Fornavn: ["firstName", "firstName"],
      Etternavn: ["lastName", "lastName"],
      Stilling: ["attribute", "role"],
      Enhet: ["attribute", "agency"],
      Avdeling: ["attribute", "unit"],
      Kjønn: ["attribute", "gender"],
      Alder: ["attribute", "age"],
      "Ansiennitet (år)": ["attribute", "tenure"],
    });
    // On standard error, every column and how it is used: the agency's weight is 3.
    expect(run.stderr).toBe(
      [
        `tverr: ${roster}: how the columns are used:`,
        "tverr:   Fornavn: first name",
        "tverr:   Etternavn: last name",
        "tverr:   Stilling: mixed, weight 1",
        "tverr:   Enhet: mixed, weight 3",
        "tverr:   Avdeling: mixed, weight 1",
        "tverr:   Kjønn: mixed, weight 1",
        "tverr:   Alder: balanced, weight 1",
        "tverr:   Ansiennitet (år): balanced, weight 1",
        "",
      ].join("\n"),
    );
  });

  it("names a column it does not use, with the flags that would use it", async () => {
    const withNote = file(
      "merknad.csv",
      "Navn;Virksomhet;Merknad\r\nKari;UKE;a\r\nOla;EBY;b\r\nPer;UKE;c\r\n",
    );
    const run = await tverr([
      "compose",
      withNote,
      "--groups",
      "1",
      "--iterations",
      "100",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "tverr:   Merknad: not used (mix it with --spread Merknad, balance numbers with --balance Merknad)\n",
    );
  });
});

describe("issue 10: recognised columns left out by the flags", () => {
  it("names a recognised column --spread leaves out with the flags that would use it", async () => {
    const run = await tverr(["check", OSLO, "--size", "6", "--spread", "Sektor"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("tverr:   Sektor: mixed, weight 2\n");
    for (const column of ["Virksomhet", "Rolle", "Kjønn"])
      expect(run.stderr).toContain(
        `tverr:   ${column}: not used (mix it with --spread ${column}, balance numbers with --balance ${column})\n`,
      );
  });
});

describe("issue 10: a duplicated person", () => {
  it("warns about the same name and agency twice without an e-mail column, naming both lines, and keeps both; the same name and e-mail is an error", async () => {
    const twice = file(
      "dobbel.csv",
      "Navn;Virksomhet\r\nKari Nordmann;UKE\r\nOla Hansen;EBY\r\nKari Nordmann;UKE\r\nPer Olsen;EBY\r\n",
    );
    const run = await tverr(["compose", twice, "--groups", "2", "--iterations", "100", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `tverr: ${twice}, line 4: the same name and Virksomhet as on line 2: is this one person entered twice? Both are kept\n`,
    );
    expect(Object.keys(json(run).assignment)).toHaveLength(4);

    const sameEmail = file(
      "dobbel-epost.csv",
      "Navn;E-post;Virksomhet\r\nKari Nordmann;kari@x.no;UKE\r\nOla Hansen;ola@x.no;EBY\r\nKari Nordmann;kari@x.no;UKE\r\n",
    );
    const error = await tverr(["compose", sameEmail, "--groups", "2"]);
    expect(error.code).toBe(2);
    expect(error.stdout).toBe("");
    expect(error.stderr).toBe(`tverr: ${sameEmail}, line 4: the same person as on line 2 (same e-mail)\n`);
  });
});

describe("issue 10: Excel artefacts get a cause and what to do", () => {
  const cases: [string, string, string][] = [
    [
      "a title row above the header",
      "Deltakerliste 2026;;\r\nNavn;E-post;Virksomhet\r\nKari Nordmann;kari@x.no;UKE\r\nOla Hansen;ola@x.no;EBY\r\n",
      "The header seems to be on line 2: delete the rows above it.",
    ],
    [
      "merged cells",
      "Navn;E-post;Virksomhet\r\nKari Nordmann;kari@x.no;UKE\r\nOla Hansen;ola@x.no;\r\nPer Olsen;per@x.no;\r\nSiri Berg;siri@x.no;EBY\r\n",
      "fill the merged cells down",
    ],
    [
      "a totals row",
      "Navn;E-post;Virksomhet;Alder\r\nKari Nordmann;kari@x.no;UKE;40\r\nOla Hansen;ola@x.no;EBY;50\r\nSum;;;90\r\n",
      "This looks like a totals row: delete it.",
    ],
    [
      "a unit in a numeric column",
      "Navn;E-post;Virksomhet;Alder\r\nKari Nordmann;kari@x.no;UKE;40\r\nOla Hansen;ola@x.no;EBY;55 år\r\nPer Olsen;per@x.no;EBY;33\r\n",
      "Write the number alone, without a unit (55, not 55 years).",
    ],
  ];
  it.each(cases)("says what %s looks like and what to do (exit 2)", async (_, text, advice) => {
    const roster = file(`excel-${advice.length}.csv`, text);
    const run = await tverr(["compose", roster, "--groups", "2"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(`^tverr: ${escapeRe(roster)}, line \\d+.*${escapeRe(advice)}`, "m"),
    );
  });

  it("says a title row and a totals row in one line each, not a line per column (the coordinator's roster)", async () => {
    const people = readFileSync(OSLO, "utf8").split(/\r?\n/).slice(0, 41);
    const titled = file(
      "tittel.csv",
      ["Deltakerliste lederprogrammet 2026;;;;;;", ...people, "Sum;;;;;;40", ""].join("\n"),
    );
    const title = await tverr(["compose", titled, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(title.code).toBe(2);
    expect(title.stdout).toBe("");
    expect(title.stderr).toBe(
      `tverr: ${titled}, linje 1: raden ligner en tittel, ikke overskrifter. Overskriftene ser ut til å stå på linje 2: slett radene over dem.\n`,
    );
    const summed = file("sum.csv", [...people, "Sum;;;;;;40", ""].join("\n"));
    const totals = await tverr(["compose", summed, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(totals.code).toBe(2);
    expect(totals.stderr).toBe(
      `tverr: ${summed}, linje 42: cellene i kolonnene «E-post», «Virksomhet», «Sektor», «Rolle» og «Kjønn» er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.\n`,
    );
    const english = await tverr(["compose", summed, "--size", "6"]);
    expect(english.stderr).toBe(
      `tverr: ${summed}, line 42: the cells in columns “E-post”, “Virksomhet”, “Sektor”, “Rolle” and “Kjønn” are empty, but every person needs a value there. This looks like a totals row: delete it.\n`,
    );
    // Under --skip-invalid-rows the totals row is the one row left out, and every person is placed.
    const skipping = await tverr([
      "compose",
      summed,
      "--size",
      "6",
      "--iterations",
      "100",
      "--skip-invalid-rows",
    ]);
    expect(skipping.code).toBe(0);
    expect(skipping.stderr).toContain(`tverr: 1 row of ${summed} left out: line 42.\n`);
    expect(skipping.stderr).toContain("tverr: 40 people in 7 groups");
    expect(skipping.stdout).toMatch(
      /^- line 42: the cells in columns “E-post”, .* This looks like a totals row: delete it\.$/m,
    );
  });

  it("never tells the coordinator to delete a last person as a totals row (the coordinator's roster)", async () => {
    const people = readFileSync(OSLO, "utf8").split(/\r?\n/).slice(0, 41);
    // A last leader without an e-mail, with a numeric Ansiennitet.
    const noEmail = file("uten-epost.csv", [...people, "Kim Berg;;UKE;Finans;Leder;K;12", ""].join("\n"));
    const run = await tverr(["compose", noEmail, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `tverr: ${noEmail}, linje 42, kolonne 2 (E-post): cellen er tom, men alle trenger en verdi her\n`,
    );
    // The same roster with a numeric id in front, ending with a leader with two empty cells.
    const numbered = people.map((line, i) => `${i === 0 ? "Id" : i};${line.replace(/^\uFEFF/, "")}`);
    const numericId = file("med-id.csv", [...numbered, "41;Kim Berg;;UKE;;Leder;K;", ""].join("\n"));
    const id = await tverr(["compose", numericId, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(
      [
        `tverr: ${numericId}, linje 42, kolonne 3 (E-post): cellen er tom, men alle trenger en verdi her`,
        `tverr: ${numericId}, linje 42, kolonne 5 (Sektor): cellen er tom, men alle trenger en verdi her`,
        "",
      ].join("\n"),
    );
    expect(run.stderr + id.stderr).not.toContain("sumrad");
    // "Totalt" is a totals row as "Sum" is.
    const totalt = file("totalt.csv", [...people, "Totalt;;;;;;40", ""].join("\n"));
    const totals = await tverr(["compose", totalt, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(totals.stderr).toBe(
      `tverr: ${totalt}, linje 42: cellene i kolonnene «E-post», «Virksomhet», «Sektor», «Rolle» og «Kjønn» er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.\n`,
    );
  });

  it("gives one person's empty cell the plain message above a totals row, not the merged-cells hint", async () => {
    const people = readFileSync(OSLO, "utf8").split(/\r?\n/).slice(0, 41);
    const cells = people[20].split(";");
    cells[2] = "";
    people[20] = cells.join(";");
    const roster = file("en-tom-virksomhet.csv", [...people, "Sum;;;;;;40", ""].join("\n"));
    const run = await tverr(["compose", roster, "--size", "6"], { env: { TVERR_LANG: "nb" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        `tverr: ${roster}, linje 21, kolonne 3 (Virksomhet): cellen er tom, men alle trenger en verdi her`,
        `tverr: ${roster}, linje 42: cellene i kolonnene «E-post», «Virksomhet», «Sektor», «Rolle» og «Kjønn» er tomme, men alle trenger en verdi der. Dette ser ut som en sumrad: slett den.`,
        "",
      ].join("\n"),
    );
  });

  it("--skip-invalid-rows leaves out the rows with problems and lists them, on stderr and in the report", async () => {
    const roster = file(
      "sammenslatt.csv",
      "Navn;E-post;Virksomhet\r\nKari Nordmann;kari@x.no;UKE\r\nOla Hansen;ola@x.no;\r\nPer Olsen;per@x.no;\r\nSiri Berg;siri@x.no;EBY\r\n",
    );
    const run = await tverr([
      "compose",
      roster,
      "--groups",
      "2",
      "--iterations",
      "100",
      "--skip-invalid-rows",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`tverr: 2 rows of ${roster} left out: lines 3, 4.\n`);
    expect(run.stderr).toContain("tverr: 2 people in 2 groups; every hard rule holds.\n");
    expect(run.stdout).toContain("**Rows left out** of the roster (2):");
    expect(run.stdout).toMatch(/^- line 3: column 3 \(Virksomhet\): .*fill the merged cells down/m);
    expect(run.stdout).toMatch(/^- line 4: column 3 \(Virksomhet\): .*fill the merged cells down/m);
    expect(run.stdout).not.toContain("Ola Hansen");
  });
});

describe("issue 10: Excel files and output formats", () => {
  // Since issue 14 an .xlsx roster is read (test/service/cli/xlsx.test.ts); one that is only a
  // zip's first bytes is an Excel file that cannot be read, and says so.
  it("says a damaged .xlsx roster is an Excel file it cannot read (exit 2, no stack trace)", async () => {
    // A zip's local file header, as every .xlsx starts.
    const xlsx = file(
      "deltakere.xlsx",
      Uint8Array.from([
        0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0x21, 0, 0x78, 0x6c,
      ]),
    );
    const run = await tverr(["compose", xlsx, "--groups", "2"]);
    expect(run.code).toBe(2);
    expect(run.exits).toEqual([2]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^tverr: ${escapeRe(xlsx)}: the Excel file cannot be read \\(it may be damaged or password-protected\\)`,
      ),
    );
    expect(run.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  // -o grupper.xlsx writes a workbook since issue 14 (test/service/cli/xlsx.test.ts).
  it("refuses -o grupper.ods (an extension it cannot write) and writes nothing", async () => {
    const out = join(dir, "grupper.ods");
    const run = await tverr(["compose", EN, "--size", "5", "--iterations", "100", "-o", out]);
    expect(run.code).toBe(2);
    expect(run.written).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toBe(
      "tverr: --out: cannot write a .ods file here; write .csv, .json, .md, .xlsx (or give --format)\n" +
        "tverr: (see tverr compose --help)\n",
    );
  });

  it("writes CSV when standard output is piped and no format is given (`> grupper.csv`)", async () => {
    const run = await tverr(["compose", EN, "--size", "5", "--iterations", "100"], { piped: true });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFGroup,Name,Email,Agency,Sector,Role,Gender,Tenure\r\n")).toBe(true);
    expect(run.stdout.trimEnd().split("\r\n")).toHaveLength(31);
  });
});

describe("issue 10: Ctrl-C keeps the result", () => {
  it("an interrupt mid-search writes the best grouping so far, says it was interrupted, and exits 130", async () => {
    const out = join(dir, "avbrutt.csv");
    const controller = new AbortController();
    let searching = 0;
    const started = performance.now();
    const run = await tverr(
      ["compose", data("synthetic-5000.csv"), "--size", "6", "--time", "20", "-o", out],
      {
        tty: true,
        signal: controller.signal,
        // The progress line shows the search is under way: interrupt it there, as Ctrl-C would.
        onStderr: (text) => {
          if (text.includes("tverr: searching ") && ++searching === 1) controller.abort();
        },
      },
    );
    expect(searching).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(130);
    expect(run.exits).toEqual([130]);
    expect(run.written).toEqual([out]);
    expect(run.stderr).toContain(
      `tverr: interrupted: the best grouping found so far is written to ${out}.\n`,
    );
    const back = readRoster(readFileSync(out));
    expect(back.people).toHaveLength(5000);
    const group = back.columns.indexOf("Group");
    expect(group).toBeGreaterThanOrEqual(0);
    for (const p of back.people) expect(back.cells.get(p.id)?.[group]).toMatch(/^\d+$/);
  }, 60_000);
});

describe("issue 10: the search stops early on a small cohort", () => {
  it("stops when nothing has improved for a while (well before the default 10 s) and says so", async () => {
    const report = join(dir, "tidlig.md");
    const run = await tverr(["compose", EN, "--size", "5", "--format", "json", "--report", report]);
    expect(run.code).toBe(0);
    const { stats } = json(run);
    expect(["stalled", "optimal"]).toContain(stats.stopReason);
    expect(stats.totalMs).toBeLessThan(5000);
    expect(read(report)).toMatch(
      stats.stopReason === "stalled"
        ? /\*\*Search:\*\* .*stopped: no improvement for a while\)/
        : /\*\*Search:\*\* .*stopped: proven optimal\)/,
    );
  }, 30_000);
});

describe("issue 10: repair names who moved", () => {
  it("lists who moved from which group to which, and who is new, in the report and in a Change column of the CSV", async () => {
    const first = join(dir, "publisert.csv");
    expect((await tverr(["compose", EN, "--size", "5", "--iterations", "5000", "-o", first])).code).toBe(0);
    const roster = file(
      "med-ny.csv",
      `${read(EN).trimEnd()}\nNina Ny,nina.ny@oslo.kommune.no,Kulturetaten,Byrådsavdeling for kultur,Leader,F,3.0\n`,
    );
    // A cap the published grouping breaks: some people must move.
    const args = [
      "compose",
      roster,
      "--size",
      "5",
      "--repair",
      first,
      "--cap",
      "Agency=1",
      "--iterations",
      "5000",
    ];
    const result = json(await tverr([...args, "--format", "json"]));
    const { moved, newcomers } = result.changes as {
      moved: { person: string; from: string; to: string }[];
      newcomers: string[];
    };
    expect(moved.length).toBeGreaterThan(0);
    expect(newcomers).toEqual(["nina.ny@oslo.kommune.no"]);
    const back = readRoster(readFileSync(roster));
    const name = (id: string) => back.people.find((p) => p.id === id)?.name;

    const md = (await tverr(args)).stdout;
    expect(md).toContain(
      `**Changes from the earlier grouping:** ${moved.length} ${moved.length === 1 ? "person" : "people"} moved, 1 person new.`,
    );
    for (const m of moved)
      expect(md).toContain(`- ${name(m.person)}: from group ${m.from} to group ${m.to}\n`);
    expect(md).toContain("- New: Nina Ny\n");

    const csv = (await tverr([...args, "--format", "csv"])).stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(csv[0]).toBe("Group,Change,Name,Email,Agency,Sector,Role,Gender,Tenure");
    const change = new Map(csv.slice(1).map((l) => [l.split(",")[3], l.split(",")[1]]));
    for (const m of moved) expect(change.get(m.person)).toBe(`moved from ${m.from}`);
    expect(change.get("nina.ny@oslo.kommune.no")).toBe("new");
    expect([...change.values()].filter((c) => c !== "")).toHaveLength(moved.length + 1);
  });
});

describe("issue 10: score names who is missing", () => {
  it("names a person GROUPS leaves out by their line and name in the roster", async () => {
    const roster = readRoster(readFileSync(OSLO));
    const missing = roster.people[41];
    // Its line in the file (the header is line 1), found without the engine.
    const line =
      read(OSLO)
        .split(/\r?\n/)
        .findIndex((l) => l.includes(`;${missing.id};`)) + 1;
    expect(line).toBe(43);
    const groups = file(
      "nesten-alle.csv",
      `E-post;Gruppe\n${roster.people
        .filter((p) => p !== missing)
        .map((p, i) => `${p.id};${(i % 71) + 1}`)
        .join("\n")}\n`,
    );
    const run = await tverr(["score", OSLO, groups]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(
      run.stderr.endsWith(
        `tverr: ${groups}: 1 person is in no group; every person needs a group\n` +
          `tverr: ${OSLO}: line ${line} (${missing.name}) is in no group\n`,
      ),
    ).toBe(true);
  });
});

describe("issue 10: the diagnosis groups its reasons and offers the least disruptive fix", () => {
  it("words a cap that many agencies break as one reason, with the group count's sizes", async () => {
    const run = await tverr(["check", OSLO, "--groups", "8", "--cap", "Virksomhet=1", "--format", "json"]);
    expect(run.code).toBe(1);
    const { diagnoses } = json(run);
    expect(diagnoses).toHaveLength(1);
    expect(diagnoses[0]).toMatchObject({ code: "cap_vs_count", facts: { categories: 11, groupsNeeded: 10 } });
    const md = await tverr(["check", OSLO, "--groups", "8", "--cap", "Virksomhet=1"]);
    expect(md.stdout).toContain("**The hard rules cannot all hold** (1 reason):");
    expect(md.stdout).toContain("   - Fix: Make 10 groups (groups of 42–43).");
  });

  it("for one oversized agency, first offers a cap for that agency only, and that fix works", async () => {
    const run = await tverr(["check", OSLO, "--groups", "9", "--cap", "Virksomhet=1"]);
    expect(run.code).toBe(1);
    const reason = run.stdout.slice(run.stdout.indexOf("1. Utdanningsetaten has 10 people"));
    expect(reason.split("\n").slice(1, 4)).toEqual([
      "   - Fix: Allow 2 of Utdanningsetaten per group (for this Virksomhet only; the others keep their cap).",
      "   - Fix: Allow 2 per group.",
      "   - Fix: Make 10 groups (groups of 42–43).",
    ]);
    const fixed = await tverr([
      "compose",
      OSLO,
      "--groups",
      "9",
      "--cap",
      "Virksomhet=1",
      "--cap",
      "Virksomhet:Utdanningsetaten=2",
      "--iterations",
      "20000",
      "--format",
      "json",
    ]);
    expect(fixed.code).toBe(0);
    expect(json(fixed)).toMatchObject({ feasible: true, violations: [] });
  });
});

describe("issue 10: the score report reads right", () => {
  const roster = readRoster(readFileSync(EN));

  it("does not head a group labelled “Gruppe 1” as “Group Gruppe 1”", async () => {
    const groups = file(
      "grupper-for-hand.csv",
      `Name,Group\n${roster.people.map((p, i) => `${p.name},Gruppe ${(i % 5) + 1}`).join("\n")}\n`,
    );
    const run = await tverr(["score", EN, groups]);
    expect(run.code).toBe(0);
    const headings = run.stdout.split("\n").filter((l) => l.startsWith("### "));
    expect(headings).toHaveLength(5);
    for (const heading of headings) expect(heading).not.toMatch(/Group Gruppe|Gruppe Gruppe/);
    for (let g = 1; g <= 5; g++)
      expect(headings.filter((h) => h.includes(`Gruppe ${g} (6 people)`))).toHaveLength(1);
  });

  it("explains a negative quality", async () => {
    // Dealt in file order: each group holds one role, so the role mix is worse than random.
    const groups = file(
      "rollevis.csv",
      `Name,Group\n${roster.people.map((p, i) => `${p.name},${"ABCDE"[i % 5]}`).join("\n")}\n`,
    );
    const run = await tverr(["score", EN, groups]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| Mix of Role \| 1 \| -\d+(\.\d)?% \|/);
    expect(run.stdout).toContain("Below 0%: worse than a random grouping would be on average.");
  });
});

describe("issue 10: CSV cells neutralised only where Excel would run a formula", () => {
  it("keeps a phone number +47 22 00 00 00 as it is, and still neutralises =HYPERLINK(…)", async () => {
    const roster = file(
      "telefon.csv",
      'Navn;E-post;Virksomhet;Telefon\r\n"=HYPERLINK(""http://x"";""y"")";a@x.no;UKE;+47 22 00 00 00\r\nOla;b@x.no;EBY;+47 99 88 77 66\r\n',
    );
    const run = await tverr(["compose", roster, "--groups", "1", "--iterations", "100", "--format", "csv"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\r\n");
    expect(lines.some((l) => l.endsWith(";+47 22 00 00 00"))).toBe(true);
    expect(lines.some((l) => l.endsWith(";+47 99 88 77 66"))).toBe(true);
    expect(run.stdout).not.toContain("'+47");
    expect(run.stdout).toContain(`"'=HYPERLINK(""http://x"";""y"")"`);
  });
});

describe("issue 10: did you mean", () => {
  const cases: [string[], string][] = [
    [
      ["compose", OSLO, "--sise", "6"],
      "tverr: unknown option --sise for tverr compose. Did you mean --size?\n",
    ],
    [
      ["check", OSLO, "--cpa", "Virksomhet=1"],
      "tverr: unknown option --cpa for tverr check. Did you mean --cap?\n",
    ],
    [
      ["network", "h.csv", "--rooster", "r.csv"],
      "tverr: unknown option --rooster for tverr network. Did you mean --roster?\n",
    ],
    [
      ["compsoe", OSLO],
      "tverr: unknown command “compsoe”. Did you mean compose? The commands are compose, check, score and network.\n",
    ],
  ];
  it.each(cases)("%j suggests the closest name", async (args, line) => {
    const run = await tverr(args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(line)).toBe(true);
  });
});

describe("issue 10: Norwegian by default, English when asked", () => {
  const args = [
    "compose",
    OSLO,
    "--size",
    "6",
    "--cap",
    "Virksomhet=1",
    "--iterations",
    "2000",
    "--format",
    "csv",
  ];
  const summary = (run: { stderr: string }) => run.stderr.trimEnd().split("\n").at(-1);
  const NB = "tverr: 427 personer i 71 grupper; alle regler holder.";
  const ENGLISH = "tverr: 427 people in 71 groups; every hard rule holds.";

  it("speaks Norwegian with no language set, and names the CSV's group column Gruppe", async () => {
    const run = await tverr(args, { env: {} });
    expect(run.code).toBe(0);
    expect(summary(run)).toBe(NB);
    expect(run.stdout.split("\r\n")[0]).toBe(
      "\uFEFFGruppe;Navn;E-post;Virksomhet;Sektor;Rolle;Kjønn;Ansiennitet",
    );
  });

  it("speaks English with TVERR_LANG=en, with an English LANG, and with --lang en", async () => {
    expect(summary(await tverr(args, { env: { TVERR_LANG: "en" } }))).toBe(ENGLISH);
    expect(summary(await tverr(args, { env: { LANG: "en_GB.UTF-8" } }))).toBe(ENGLISH);
    const flag = await tverr([...args, "--lang", "en"], { env: { LANG: "nb_NO.UTF-8" } });
    expect(summary(flag)).toBe(ENGLISH);
    expect(flag.stdout.split("\r\n")[0]).toBe(
      "\uFEFFGroup;Navn;E-post;Virksomhet;Sektor;Rolle;Kjønn;Ansiennitet",
    );
  });

  it("lets --lang win over TVERR_LANG, TVERR_LANG over LC_ALL, and LC_ALL over LANG", async () => {
    expect(summary(await tverr([...args, "--lang", "nb"], { env: { TVERR_LANG: "en" } }))).toBe(NB);
    expect(summary(await tverr(args, { env: { TVERR_LANG: "nb", LC_ALL: "en_US.UTF-8" } }))).toBe(NB);
    expect(summary(await tverr(args, { env: { LC_ALL: "nb_NO.UTF-8", LANG: "en_US.UTF-8" } }))).toBe(NB);
    // Usage errors too, and --lang before the command.
    const usage = await tverr(["--lang", "en", "compose", OSLO, "--sise", "6"], { env: {} });
    expect(
      usage.stderr.startsWith("tverr: unknown option --sise for tverr compose. Did you mean --size?\n"),
    ).toBe(true);
    const norsk = await tverr(["compose", OSLO, "--sise", "6"], { env: {} });
    expect(norsk.stderr.startsWith("tverr: ukjent valg --sise for tverr compose. Mente du --size?\n")).toBe(
      true,
    );
  });
});

describe("issue 10: --help lists every flag", () => {
  for (const command of ["compose", "check", "score", "network"] as const) {
    for (const lang of ["nb", "en"] as const) {
      it(`tverr ${command} --help --lang ${lang} lists every flag of its table, each with its description`, async () => {
        // Loaded here (not imported above), so each test stands or falls on its own.
        const module = new URL(`../../../service/cli/commands/${command}.ts`, import.meta.url).href;
        const { flags } = (await import(/* @vite-ignore */ module)) as {
          flags: { name: string; short?: string; value?: string }[];
        };
        const { LOCALES } = await import("../../../engine/index.js");
        const words = LOCALES[lang].cli.flags;
        const run = await tverr([command, "--help", "--lang", lang]);
        expect(run.code).toBe(0);
        expect(flags.length).toBeGreaterThan(5);
        for (const f of flags) {
          const left = `${f.short ? `-${f.short}, ` : ""}--${f.name}${f.value ? ` ${f.value}` : ""}`;
          expect(words[f.name], `--${f.name} has a ${lang} description`).toMatch(/\S/);
          expect(run.stdout).toMatch(
            new RegExp(`^  ${escapeRe(left)}(\\s+|\\n\\s+)${escapeRe(words[f.name])}$`, "m"),
          );
        }
      });
    }
  }
});

describe("issue 10: the README's first command then npm test", () => {
  it("leaves no file in the repository root that the format check trips on", async () => {
    const readme = read(join(root, "README.md"));
    // The first command that composes (the README opens with the page's `npm start`).
    const block =
      [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
        .map((m) => m[1])
        .find((b) => b.includes("tverr compose")) ?? "";
    const command = block.replace(/\\\n\s*/g, " ").trim();
    expect(command).toContain("tverr compose");
    const words = command.slice(command.indexOf("tverr compose") + "tverr ".length).split(/\s+/);
    // The command without its outputs (so nothing is written here), and what it writes where.
    const args: string[] = [];
    const outputs: [file: string, format: string][] = [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === "--out" || words[i] === "-o" || words[i] === "--report") {
        const out = words[++i];
        outputs.push([out, words[i - 1] === "--report" ? "md" : (/\.(\w+)$/.exec(out)?.[1] ?? "csv")]);
      } else args.push(words[i].startsWith("data/") ? join(root, words[i]) : words[i]);
    }
    expect(outputs.length).toBeGreaterThan(0);
    const made = new Map<string, string>();
    for (const [out, format] of outputs) {
      const run = await tverr([...args, "--format", format, "--iterations", "2000"], { env: {} });
      expect(run.code).toBe(0);
      made.set(out, run.stdout);
    }
    const biome = join(root, "node_modules", "@biomejs", "biome", "bin", "biome");
    for (const [out, text] of made) {
      // Git-ignored is enough: the format check reads the ignore file (biome.json, vcs), and
      // the file cannot be committed by mistake.
      const ignored = spawnSync("git", ["check-ignore", "-q", out], { cwd: root }).status === 0;
      if (ignored) continue;
      const check = spawnSync(process.execPath, [biome, "check", `--stdin-file-path=${out}`], {
        cwd: root,
        input: text,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(check.status, `${out} is not git-ignored and fails \`biome check\``).toBe(0);
    }
  }, 60_000);
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
