/**
 * `tverr check`, `tverr score`, `--config`, usage errors and help, in-process; and one real
 * process for `node bin/tverr.js --help`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRoster } from "../../../engine/roster/index.js";
import { data, root, tempDir, tverr } from "./helpers.js";

const ROSTER = data("oslo-ledere.csv");
const EN = data("example-en.csv");

describe("usage errors exit 2 and name the flag", () => {
  const cases: [string[], RegExp][] = [
    [["compose", ROSTER, "--size", "six"], /^tverr: --size: expected a whole number of 1 or more$/m],
    [["compose", ROSTER, "--size", "0"], /^tverr: --size: expected a whole number/m],
    [["compose", ROSTER, "--size"], /^tverr: --size needs a value \(N\)$/m],
    [
      ["compose", ROSTER, "--sise", "6"],
      /^tverr: unknown option --sise for tverr compose. Did you mean --size\?$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--groups", "5"],
      /^tverr: --size\/--groups: give only one of count, size or list \(found count, size\)$/m,
    ],
    [
      ["compose", ROSTER, "--min-size", "7", "--max-size", "5"],
      /^tverr: --min-size: the smallest size \(7\) is above the largest \(5\)$/m,
    ],
    [["compose", ROSTER], /^tverr: give the groups: --size N/m],
    [
      ["compose", ROSTER, "--size", "6", "--cap", "Virksomhet"],
      /^tverr: --cap: expected COL=K or COL:CATEGORY=K$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--cap", "Virksomhet=many"],
      /^tverr: --cap: expected a whole number/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--at-least", "Kjønn=2"],
      /^tverr: --at-least: expected COL:CATEGORY=K$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--at-least", "Kjønn:X=2"],
      /^tverr: --at-least: nobody has that value in column “Kjønn”$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--spread", "Sektorr"],
      /^tverr: --spread: names column “Sektorr”, which is not in the roster; its columns are: Navn, E-post, Virksomhet, Sektor, Rolle, Kjønn, Ansiennitet$/m,
    ],
    [["compose", ROSTER, "--size", "6", "--spread", "Sektor=heavy"], /^tverr: --spread: expected a weight/m],
    [
      ["compose", ROSTER, "--size", "6", "--spread", "Sektor", "--balance", "Sektor"],
      /^tverr: --balance: column “Sektor” is asked to mix and to balance; choose one$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--balance", "Ansiennitet", "--cap", "Ansiennitet=1"],
      /^tverr: --cap: column “Ansiennitet” is balanced as numbers: a cap needs categories$/m,
    ],
    [
      ["compose", ROSTER, "--size", "6", "--stability", "3"],
      /^tverr: --stability only works with --repair FILE; give both, or leave --stability out$/m,
    ],
    [["compose", ROSTER, "--size", "6", "--time", "0"], /^tverr: --time: expected seconds/m],
    [["compose", ROSTER, "--size", "6", "--format", "xlsx"], /^tverr: --format: expected csv, json, md/m],
    [["compose", ROSTER, "--size", "6", "--out", ROSTER], /^tverr: --out: .* is an input/m],
    [["compose"], /^tverr: tverr compose takes one ROSTER file; got 0 arguments$/m],
    [
      ["check", ROSTER, "--size", "6", "--out", "x.csv"],
      /^tverr: --out: cannot write a \.csv file here; write \.md, \.json \(or give --format\)$/m,
    ],
    // check has no --seed; the nearest option it has is --sheet (a workbook's sheet).
    [
      ["check", ROSTER, "--size", "6", "--seed", "2"],
      /^tverr: unknown option --seed for tverr check\. Did you mean --sheet\?$/m,
    ],
    [["score", ROSTER], /^tverr: tverr score takes a ROSTER and a GROUPS file; got 1 argument$/m],
    [["score", "-", "-"], /^tverr: only one file can come from standard input/m],
    [
      ["frobnicate"],
      /^tverr: unknown command “frobnicate”. The commands are compose, check, score and network.$/m,
    ],
    [
      ["--frob"],
      /^tverr: --frob: give the command first \(tverr compose ROSTER --frob …\); before it only --help, --version and --lang$/m,
    ],
  ];
  it.each(cases)("%j", async (args, message) => {
    const run = await tverr(args);
    expect(run.code).toBe(2);
    expect(run.exits).toEqual([2]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/\(see tverr (\w+ )?--help\)\n$/);
    expect(run.stdout).toBe("");
  });

  it("prints the overview to stderr and exits 2 without a command", async () => {
    const run = await tverr([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage:");
  });
});

describe("help and version", () => {
  it("prints help with examples for tverr and each command", async () => {
    const top = await tverr(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("tverr compose ROSTER [options]");
    expect(top.stdout).toContain("Examples:");
    for (const command of ["compose", "check", "score"]) {
      const run = await tverr([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`tverr ${command} ROSTER`);
      expect(run.stdout).toContain("Examples:");
      expect((await tverr(["help", command])).stdout).toBe(run.stdout);
    }
    const compose = await tverr(["compose", "-h"]);
    for (const flag of [
      "--size",
      "--groups",
      "--spread",
      "--cap",
      "--at-least",
      "--balance",
      "--apart",
      "--together",
      "--pins",
      "--repair",
      "--stability",
      "--config",
      "--seed",
      "--time",
      "--iterations",
      "--fail-if-infeasible",
      "--format",
      "--out",
      "--report",
    ]) {
      expect(compose.stdout).toContain(flag);
    }
  });

  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const run = await tverr(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `tverr ${version}\n` });
  });

  it("runs as a real process through bin/tverr.js", () => {
    const result = spawnSync(process.execPath, [join(root, "bin", "tverr.js"), "--help"], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, TVERR_LANG: "en" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("tverr compose ROSTER [options]");
  });
});

describe("tverr check", () => {
  it("prints the diagnosis and exits 1 when a cap cannot hold", async () => {
    const run = await tverr(["check", ROSTER, "--groups", "8", "--cap", "Virksomhet=1"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# Check: .*oslo-ledere\.csv\n/);
    expect(run.stdout).toContain("427 people, 8 groups of 53–54.");
    expect(run.stdout).toContain("Virksomhet (mixed, weight 3, at most 1 per group)");
    // Eleven agencies break the cap; one fix resolves them all: one reason (issue 10).
    expect(run.stdout).toContain("**The hard rules cannot all hold** (1 reason):");
    expect(run.stdout).toContain(
      "1. 11 categories of Virksomhet have more people than 8 groups with at most 1 each can hold; the largest, Utdanningsetaten, has 10 people",
    );
    expect(run.stdout).toContain("   - Fix: Make 10 groups (groups of 42–43).");
    expect(run.written).toEqual([]);
  });

  it("exits 0 when no reason is found, and lists the rules it read", async () => {
    const run = await tverr([
      "check",
      ROSTER,
      "--size",
      "6",
      "--cap",
      "Virksomhet=1",
      "--apart",
      data("oslo-hold-adskilt.csv"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("**No reason found why the hard rules could not all hold.**");
    expect(run.stdout).toMatch(/\*\*Rules:\*\* \d+ keep-apart sets\./);
  });

  it("writes JSON with --format json", async () => {
    const run = await tverr(["check", ROSTER, "--groups", "8", "--cap", "Virksomhet=1", "--format", "json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ feasible: false, people: 427, groups: 8 });
    expect(out.diagnoses[0]).toMatchObject({
      code: "cap_vs_count",
      rule: "attributes.Virksomhet.maxPerGroup",
    });
  });
});

describe("tverr score", () => {
  const dir = tempDir();
  const roster = readRoster(readFileSync(EN));
  /** A grouping by hand: people in file order dealt into groups A–E. */
  const byHand = (label: (i: number) => string) =>
    `Name,Group\n${roster.people.map((p, i) => `${p.name},${label(i)}`).join("\n")}\n`;

  it("scores a hand grouping with the same report, exit 0 when the rules hold", async () => {
    const hand = join(dir, "hand.csv");
    writeFileSync(
      hand,
      byHand((i) => "ABCDE"[i % 5]),
    );
    const report = join(dir, "score.md");
    const run = await tverr(["score", EN, hand, "--report", report]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Groups: .*hand\.csv\n\n30 people in 5 groups \(6 per group\)\./);
    expect(run.stdout).toContain("**Hard rules:** all hold.");
    expect(run.stdout).toMatch(/\| Mix of Agency \| 3 \| -?\d+(\.\d)?% \|/);
    expect(run.stdout).toContain("### Group A (6 people)");
    expect(run.stdout).toContain("| # | Name | Agency | Sector | Role | Gender | Tenure |");
    expect(run.stdout).not.toContain("**Search:**");
    expect(readFileSync(report, "utf8")).toBe(run.stdout);
  });

  it("exits 1 and lists the violations when the hand grouping breaks a rule", async () => {
    const hand = join(dir, "blocks.csv");
    // Five people in a row mostly share an agency: blocks break a cap of one per agency.
    writeFileSync(
      hand,
      byHand((i) => String(Math.floor(i / 6) + 1)),
    );
    const run = await tverr(["score", EN, hand, "--cap", "Agency=1"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\*\*Hard rules:\*\* \d+ rules? do(es)? not hold:/);
    expect(run.stdout).toMatch(
      /- Group 1 has \d with Agency “Plan- og bygningsetaten”, at most 1 allowed: Eva Solberg, /,
    );
    expect(run.stderr).toMatch(/30 people in 5 groups; \d+ hard rules? do(es)? not hold \(\d+ cap\)\./);
  });

  it("says how many people the grouping leaves out, and names each with their line in the roster", async () => {
    const hand = join(dir, "short.csv");
    writeFileSync(
      hand,
      byHand((i) => "ABCDE"[i % 5])
        .split("\n")
        .slice(0, 20)
        .join("\n"),
    );
    const run = await tverr(["score", EN, hand]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    // The file has a header and 19 people: the people on roster lines 21–31 are left out.
    const left = roster.people
      .slice(19)
      .map((p, i) => `tverr: ${EN}: line ${21 + i} (${p.name}) is in no group\n`);
    expect(left).toHaveLength(11);
    expect(
      run.stderr.endsWith(
        `tverr: ${hand}: 11 people are in no group; every person needs a group\n${left.join("")}`,
      ),
    ).toBe(true);
  });

  it("names the line and column of a person the grouping file does not know", async () => {
    const hand = join(dir, "unknown.csv");
    writeFileSync(hand, `${byHand((i) => "ABCDE"[i % 5])}Ukjent Person,A\n`);
    const run = await tverr(["score", EN, hand]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`tverr: ${EN}: how the columns are used:\n`);
    expect(
      run.stderr.endsWith(
        `\ntverr: ${hand}, line 32, column 1 (Name): matches no person in the roster (by id, e-mail or name)\n`,
      ),
    ).toBe(true);
    expect(run.stderr).not.toContain("Ukjent");
  });
});

describe("--config", () => {
  const dir = tempDir();
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("reports a value that does not fit with its JSON path in the file", async () => {
    const config = write(
      "bad.json",
      JSON.stringify({ problem: { attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 0 } } } }),
    );
    const run = await tverr(["compose", ROSTER, "--size", "6", "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tverr: ${config}: problem.attributes.Virksomhet.maxPerGroup: must be greater than 0\n`,
    );
  });

  it("reports unknown keys and columns the roster does not have by their path", async () => {
    const keys = write(
      "keys.json",
      JSON.stringify({ problem: { group: { size: 6 } }, mapping: { name: "Navn" } }),
    );
    const a = await tverr(["compose", ROSTER, "--size", "6", "--config", keys]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      new RegExp(
        `^tverr: ${keys.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: problem: unknown field: group$`,
        "m",
      ),
    );

    const column = write(
      "column.json",
      JSON.stringify({ mapping: { attributes: { Etatt: { kind: "categorical" } } } }),
    );
    const b = await tverr(["compose", ROSTER, "--size", "6", "--config", column]);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(
      `tverr: ${column}: mapping.attributes.Etatt: names column “Etatt”, which is not in the roster; its columns are: Navn, E-post, Virksomhet, Sektor, Rolle, Kjønn, Ansiennitet\n`,
    );
  });

  it("reports a JSON syntax error by line and column without quoting the text", async () => {
    const config = write("syntax.json", '{\n  "problem": {\n    "groups": { "size": Kari }\n  }\n}\n');
    const run = await tverr(["compose", ROSTER, "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tverr: ${config}, line 3, column 25: not valid JSON: expected a value\n`);
  });

  it("reports a JSON problem's schema issues with the file and path", async () => {
    const problem = write(
      "p.json",
      JSON.stringify({
        people: [{ id: "a", attributes: { Alder: "x" } }],
        groups: { count: 1 },
        attributes: { Alder: { kind: "numeric" } },
      }),
    );
    const run = await tverr(["compose", problem]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tverr: ${problem}: people[0].attributes.Alder: attribute “Alder” is numeric: expected a number or null, found text\n`,
    );
  });
});
