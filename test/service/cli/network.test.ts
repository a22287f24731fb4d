/**
 * `tverr network`, in-process: the report for a history built here, before/after with
 * --before and --new-rounds, JSON, standard input, and bad input reported by file, line and
 * column without a participant's data.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { read, tempDir, tverr } from "./helpers.js";

/** Four leaders: two from Etat A (sector S1), one from Etat B (S1), one from Etat C (S2). */
const ROSTER = [
  "\uFEFFNavn;E-post;Virksomhet;Sektor",
  "Kari Nordmann;kari@oslo.kommune.no;Etat A;S1",
  "Ola Hansen;ola@oslo.kommune.no;Etat A;S1",
  "Per Olsen;per@oslo.kommune.no;Etat B;S1",
  "Siri Berg;siri@oslo.kommune.no;Etat C;S2",
  "",
].join("\r\n");

/** Round 1: Kari+Per (A–B), Ola+Siri (A–C). Round 2: Kari+Siri (A–C), Ola+Per (A–B). */
const HISTORY = [
  "Runde;Gruppe;Navn",
  "1;G1;Kari Nordmann",
  "1;G1;Per Olsen",
  "1;G2;Ola Hansen",
  "1;G2;siri@oslo.kommune.no",
  "2;G1;Kari Nordmann",
  "2;G1;Siri Berg",
  "2;G2;Ola Hansen",
  "2;G2;Per Olsen",
  "",
].join("\n");

interface Files {
  dir: string;
  roster: string;
  history: string;
  /** The extra files, by name. */
  [name: string]: string;
}

function files(extra: Record<string, string> = {}): Files {
  const dir = tempDir();
  const roster = join(dir, "roster.csv");
  const history = join(dir, "history.csv");
  writeFileSync(roster, ROSTER);
  writeFileSync(history, HISTORY);
  const more: Record<string, string> = {};
  for (const [name, text] of Object.entries(extra)) {
    more[name] = join(dir, name);
    writeFileSync(more[name], text);
  }
  return { dir, roster, history, ...more };
}

/** The value cells of the Markdown row whose label starts with `label`. */
function row(markdown: string, label: string): string[] {
  const line = markdown.split("\n").find((l) => l.startsWith(`| ${label} |`));
  if (line === undefined) throw new Error(`no row ${label}`);
  return line
    .split("|")
    .slice(2, -1)
    .map((c) => c.trim());
}

describe("tverr network", () => {
  it("prints the network report of a history", async () => {
    const f = files();
    const run = await tverr(["network", f.history, "--roster", f.roster]);
    expect(run.stderr).toBe("tverr: 4 people, 2 earlier rounds; agency: Virksomhet, sector: Sektor.\n");
    expect(run.code).toBe(0);
    expect(run.exits).toEqual([0]);
    expect(run.stdout).toContain("## Network: who has met whom");
    expect(row(run.stdout, "People")).toEqual(["4"]);
    expect(row(run.stdout, "Rounds")).toEqual(["2"]);
    expect(row(run.stdout, "Pairs who have met")).toEqual(["4"]);
    // Agency pairs A–B and A–C have ties, B–C none: 2 of 3.
    expect(row(run.stdout, "Agency pairs with at least one tie")[0]).toMatch(/^66\.7 %/);
    // Ties: K–P (S1–S1), O–S (S1–S2), K–S (S1–S2), O–P (S1–S1): half cross sectors.
    expect(row(run.stdout, "Ties that cross sectors")).toEqual(["50 %"]);
    // Agencies are named in the report; people never are.
    expect(run.stdout).toContain("Etat A");
    for (const name of ["Kari", "Ola", "Per", "Siri", "oslo.kommune.no"]) {
      expect(run.stdout).not.toContain(name);
    }
  });

  it("compares before and after with --before N", async () => {
    const f = files();
    const run = await tverr(["network", f.history, "--roster", f.roster, "--before", "1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("| Measure | Before | After | Change |");
    expect(row(run.stdout, "Rounds")).toEqual(["1", "2", "+1"]);
    expect(row(run.stdout, "Pairs who have met").slice(0, 2)).toEqual(["2", "4"]);
    expect(run.stderr).toContain("1 earlier round and 1 new round");
  });

  it("compares before and after with --new-rounds FILE, and writes JSON to --out", async () => {
    const f = files({ "new.csv": "Round,Group,Person\nx,1,per@oslo.kommune.no\nx,1,Siri Berg\n" });
    const out = join(f.dir, "network.json");
    const run = await tverr([
      "network",
      f.history,
      "--roster",
      f.roster,
      "--new-rounds",
      f["new.csv"],
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.written).toEqual([out]);
    expect(run.stderr).toContain(`Wrote ${out}.`);
    const { comparison } = JSON.parse(read(out));
    expect(comparison.before.overall).toMatchObject({ rounds: 2, ties: 4, connectedAgencyPairs: 2 });
    expect(comparison.after.overall).toMatchObject({ rounds: 3, ties: 5, connectedAgencyPairs: 3 });
    expect(comparison.after.overall.agencyPairCoverage).toBe(1);
  });

  it("reads the history from standard input and a JSON roster with --agency and --sector", async () => {
    const f = files({
      "problem.json": JSON.stringify({
        people: [
          { id: "a1", name: "Kari Nordmann", attributes: { Etat: "A", Avdeling: "S1" } },
          { id: "a2", attributes: { Etat: "A", Avdeling: "S1" } },
          { id: "b1", attributes: { Etat: "B", Avdeling: "S2" } },
        ],
        groups: { size: 3 },
      }),
    });
    const run = await tverr(
      [
        "network",
        "-",
        "--roster",
        f["problem.json"],
        "--agency",
        "etat",
        "--sector",
        "Avdeling",
        "--format",
        "json",
      ],
      { stdin: "round,group,person\n1,g,Kari Nordmann\n1,g,b1\n1,h,a2\n" },
    );
    expect(run.stderr).toContain("agency: Etat, sector: Avdeling.");
    expect(run.code).toBe(0);
    const { measures } = JSON.parse(run.stdout);
    expect(measures.overall).toMatchObject({ people: 3, rounds: 1, ties: 1, crossSectorShare: 1 });
    expect(measures.agencies).toEqual([
      { agency: "A", people: 2, connectedAgencies: 1, share: 1 },
      { agency: "B", people: 1, connectedAgencies: 1, share: 1 },
    ]);
  });

  it("reports a bad history line with file, line and column, and no participant's data", async () => {
    const f = files({
      "bad.csv": "Runde;Gruppe;Navn\n1;G1;Kari Nordmann\n1;G1;Nina Ukjent\n1;;Per Olsen\n",
    });
    const run = await tverr(["network", f["bad.csv"], "--roster", f.roster]);
    expect(run.code).toBe(2);
    expect(run.exits).toEqual([2]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^tverr: .*bad\.csv, line 3, column 3 \(Navn\): matches no person/m);
    expect(run.stderr).toMatch(
      /^tverr: .*bad\.csv, line 4, column 2 \(Gruppe\): the cell is empty, but every person needs a value here$/m,
    );
    expect(run.stderr).not.toContain("Nina");
    expect(run.stderr).not.toContain("Per Olsen");
  });

  const usage: [string, (f: Files) => string[], RegExp][] = [
    ["no roster", (f) => ["network", f.history], /^tverr: --roster: give the roster/m],
    ["no history", (f) => ["network", "--roster", f.roster], /takes one HISTORY file; got 0 arguments$/m],
    [
      "too many rounds before",
      (f) => ["network", f.history, "--roster", f.roster, "--before", "2"],
      /^tverr: --before 2: .*history\.csv has 2 rounds; give fewer/m,
    ],
    [
      "--before and --new-rounds",
      (f) => ["network", f.history, "--roster", f.roster, "--before", "1", "--new-rounds", f.history],
      /^tverr: --before and --new-rounds: give one of them, not both$/m,
    ],
    [
      "an unknown column",
      (f) => ["network", f.history, "--roster", f.roster, "--agency", "Etat"],
      /^tverr: --agency: names column “Etat”, which is not in the roster; its columns are: Navn, E-post, Virksomhet, Sektor$/m,
    ],
    [
      "a bad format",
      (f) => ["network", f.history, "--roster", f.roster, "--format", "csv"],
      /^tverr: --format: expected md, json$/m,
    ],
    [
      "an unknown option",
      (f) => ["network", f.history, "--roster", f.roster, "--size", "6"],
      /^tverr: unknown option --size for tverr network$/m,
    ],
  ];
  it.each(usage)("exits 2 on %s", async (_, args, message) => {
    const run = await tverr(args(files()));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/\(see tverr network --help\)\n$/);
    expect(run.stdout).toBe("");
  });

  it("has help with examples, and is in the overview", async () => {
    const run = await tverr(["network", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("tverr network HISTORY --roster ROSTER");
    expect(run.stdout).toContain("Examples:");
    for (const flag of [
      "--roster",
      "--agency",
      "--sector",
      "--before",
      "--new-rounds",
      "--format",
      "--out",
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect((await tverr(["help", "network"])).stdout).toBe(run.stdout);
    expect((await tverr(["--help"])).stdout).toContain("tverr network HISTORY --roster ROSTER");
  });
});
