/**
 * `tverr compose --rounds`, run in-process: a small roster over three rounds (CSV with a
 * Round column, JSON, the report with the meetings figures), a history that is honoured or
 * badly written, and the flags that only make sense with rounds.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { read, tempDir, tverr } from "./helpers.js";

const dir = tempDir();
const ROSTER = join(dir, "ledere.csv");
const FAST = ["--iterations", "20000"];

/** Twelve leaders of four agencies and two sectors. */
function writeRoster(): void {
  const rows = ["Navn;E-post;Virksomhet;Sektor"];
  for (let i = 1; i <= 12; i++) rows.push(`Leder ${i};leder${i}@x.no;Etat ${i % 4};Sektor ${i % 2}`);
  writeFileSync(ROSTER, `${rows.join("\r\n")}\r\n`);
}

/** CSV text to rows of cells (no quoted cells in these files). */
function rows(csv: string, delimiter = ";"): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split(/\r?\n/)
    .map((l) => l.split(delimiter));
}

/** Pairs put together in a CSV with Round and Group columns, by round. */
function pairsOf(table: string[][]): Map<string, number> {
  const [header, ...body] = table;
  const r = header.indexOf("Round");
  const g = header.indexOf("Group");
  const n = header.indexOf("E-post");
  const groups = new Map<string, string[]>();
  for (const row of body) {
    const key = `${row[r]}/${row[g]}`;
    groups.set(key, [...(groups.get(key) ?? []), row[n]]);
  }
  const pairs = new Map<string, number>();
  for (const members of groups.values()) {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const key = [members[i], members[j]].sort().join("+");
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  return pairs;
}

beforeAll(() => writeRoster());

describe("tverr compose --rounds", () => {
  let csv: Awaited<ReturnType<typeof tverr>>;
  beforeAll(async () => {
    csv = await tverr(["compose", ROSTER, "--size", "3", "--rounds", "3", ...FAST, "--format", "csv"]);
  });

  it("writes a CSV with the Round column first, every person once per round", () => {
    expect(csv.code).toBe(0);
    const table = rows(csv.stdout);
    expect(table[0]).toEqual(["Round", "Group", "Navn", "E-post", "Virksomhet", "Sektor"]);
    expect(table).toHaveLength(1 + 3 * 12);
    for (const round of ["1", "2", "3"]) {
      const emails = table.filter((r) => r[0] === round).map((r) => r[3]);
      expect(new Set(emails).size).toBe(12);
      expect(emails).toHaveLength(12);
    }
    expect(csv.stderr).toMatch(/3 rounds of 12 people; every hard rule holds in every round/);
  });

  it("re-mixes: twelve people in groups of three over three rounds need no pair to meet twice", () => {
    expect(Math.max(...pairsOf(rows(csv.stdout)).values())).toBe(1);
  });

  it("reports each round, the meetings figures and the network before and after", async () => {
    const md = await tverr(["compose", ROSTER, "--size", "3", "--rounds", "3", ...FAST]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Groups over rounds: .*ledere\.csv\n/);
    expect(md.stdout).toContain("## Meetings");
    expect(md.stdout).toMatch(/\| Pairs who meet for the first time \| 36 \|/);
    expect(md.stdout).toMatch(/\| Pairs who meet again \| 0 \|/);
    expect(md.stdout).toContain("## Network: who has met whom");
    for (const round of ["1", "2", "3"]) expect(md.stdout).toContain(`## Round ${round}\n`);
  });

  it("writes the engine's rounds result as JSON, and the same rounds for the same seed", async () => {
    const run = await tverr(["compose", ROSTER, "--size", "3", "--rounds", "3", ...FAST, "--format", "json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.feasible).toBe(true);
    expect(result.rounds.map((r: { id: string }) => r.id)).toEqual(["1", "2", "3"]);
    expect(result.meetings.repeats).toBe(0);
    expect(result.network).toHaveProperty("before");
    // The CSV run above used the same seed and budget: the same groups.
    const fromCsv = pairsOf(rows(csv.stdout));
    const fromJson = new Map<string, number>();
    for (const round of result.composed as { groups: Record<string, string[]> }[])
      for (const members of Object.values(round.groups))
        for (let i = 0; i < members.length; i++)
          for (let j = i + 1; j < members.length; j++) {
            const key = [members[i], members[j]].sort().join("+");
            fromJson.set(key, (fromJson.get(key) ?? 0) + 1);
          }
    expect(fromJson).toEqual(fromCsv);
  });

  it("follows a history: its pairs do not meet again under --no-repeats, and new rounds number on", async () => {
    const history = join(dir, "samlinger.csv");
    writeFileSync(
      history,
      "Runde;Gruppe;E-post\r\n" +
        "1;A;leder1@x.no\r\n1;A;leder2@x.no\r\n1;A;leder3@x.no\r\n" +
        "1;B;leder4@x.no\r\n1;B;leder5@x.no\r\n1;B;leder6@x.no\r\n",
    );
    const out = join(dir, "runder.csv");
    const run = await tverr([
      "compose",
      ROSTER,
      "--size",
      "3",
      "--rounds",
      "2",
      "--history",
      history,
      "--no-repeats",
      ...FAST,
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    const table = rows(read(out));
    expect(new Set(table.slice(1).map((r) => r[0]))).toEqual(new Set(["2", "3"]));
    const pairs = pairsOf(table);
    for (const [a, b] of [
      ["leder1@x.no", "leder2@x.no"],
      ["leder4@x.no", "leder6@x.no"],
    ])
      expect(pairs.get([a, b].sort().join("+"))).toBeUndefined();
  });

  it("reports a bad history line by file, line and column, without the cell", async () => {
    const history = join(dir, "feil.csv");
    writeFileSync(history, "Runde;Gruppe;Navn\r\n1;A;Leder 1\r\n1;A;Ukjent Person\r\n");
    const run = await tverr(["compose", ROSTER, "--size", "3", "--rounds", "2", "--history", history]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `tverr: ${history}, line 3, column 3 (Navn): matches no person in the roster (by id, e-mail or name)\n`,
    );
    expect(run.stderr).not.toContain("Ukjent");
  });

  it("exits 1 when the no-repeat rule cannot hold, and still writes the rounds", async () => {
    // Twelve people in groups of six: a second round must put some pair together again.
    const run = await tverr([
      "compose",
      ROSTER,
      "--size",
      "6",
      "--rounds",
      "2",
      "--no-repeats",
      "--iterations",
      "2000",
      "--format",
      "csv",
    ]);
    expect(run.code).toBe(1);
    expect(rows(run.stdout)).toHaveLength(1 + 2 * 12);
    expect(run.stderr).toMatch(/pairs? meets? again, though --no-repeats forbids it/);
  });

  it("takes round flags only with --rounds or --history", async () => {
    const run = await tverr(["compose", ROSTER, "--size", "3", "--no-repeats"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^tverr: --no-repeats: meetings applies to rounds only; give rounds as well\ntverr: \(see tverr compose --help\)\n$/m,
    );
    const zero = await tverr(["compose", ROSTER, "--size", "3", "--rounds", "0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--rounds: expected a whole number of 1 or more");
  });

  it("documents the flags with an example", async () => {
    const run = await tverr(["compose", "--help"]);
    expect(run.stdout).toContain("--rounds N");
    expect(run.stdout).toMatch(/tverr compose .* --rounds 4 --history/);
  });
});
