/**
 * `tverr compose`, run in-process: the Oslo sample end to end, output safety, exit codes,
 * and the flags that shape the problem.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { personRefs, type RosterRead, readPersonSetsCsv, readRoster } from "../../../engine/roster/index.js";
import { data, read, tempDir, tverr } from "./helpers.js";

const ROSTER = data("oslo-ledere.csv");
const APART = data("oslo-hold-adskilt.csv");
const FAST = ["--iterations", "20000"];

/** A person's cell in a column of a roster read back. */
function cell(roster: RosterRead, id: string, column: string): string | undefined {
  const index = roster.columns.indexOf(column);
  return index < 0 ? undefined : roster.cells.get(id)?.[index];
}

describe("tverr compose: the Oslo sample round trip", () => {
  const dir = tempDir();
  const out = join(dir, "grupper.csv");
  const report = join(dir, "rapport.md");
  let original: RosterRead;
  let run: Awaited<ReturnType<typeof tverr>>;

  beforeAll(async () => {
    original = readRoster(readFileSync(ROSTER), { file: "oslo-ledere.csv" });
    run = await tverr([
      "compose",
      ROSTER,
      "--apart",
      APART,
      "--size",
      "6",
      "--cap",
      "Virksomhet=1",
      ...FAST,
      "--out",
      out,
      "--report",
      report,
    ]);
  });

  it("exits 0, writes the two files and says so on stderr, nothing on stdout", () => {
    expect(run.code).toBe(0);
    expect(run.exits).toEqual([0]);
    expect(run.stdout).toBe("");
    expect(run.written.sort()).toEqual([out, report].sort());
    expect(run.stderr).toMatch(
      /427 people in 71 groups; every hard rule holds\. Wrote .*grupper\.csv and .*rapport\.md/,
    );
  });

  it("writes CSV that Norwegian Excel opens: BOM, `;`, decimal commas, the roster's own columns after the group", () => {
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe("\uFEFFGroup;Navn;E-post;Virksomhet;Sektor;Rolle;Kjønn;Ansiennitet");
    expect(text).toMatch(/;\d+,\d\r\n/);
  });

  it("reads back with readRoster: every person exactly once, attributes and Norwegian letters intact", () => {
    const back = readRoster(readFileSync(out), { file: "grupper.csv" });
    expect(back.delimiter).toBe(";");
    expect(back.people.map((p) => p.id).sort()).toEqual(original.people.map((p) => p.id).sort());
    expect(new Set(back.people.map((p) => p.id)).size).toBe(427);
    const byId = new Map(original.people.map((p) => [p.id, p]));
    for (const p of back.people) {
      const o = byId.get(p.id);
      expect(p.name).toBe(o?.name);
      expect(p.attributes).toEqual(o?.attributes);
      for (const column of original.columns)
        expect(cell(back, p.id, column)).toBe(cell(original, p.id, column));
    }
    const names = back.people.map((p) => p.name ?? "").join(" ");
    expect(names).toContain("Nygård");
    expect(names).toContain("Sørensen");
    expect(back.people.some((p) => String(p.attributes.Virksomhet).includes("Østensjø"))).toBe(true);
  });

  it("sorts by group and keeps the hard rules: sizes 6–7, one per agency, keep-apart pairs apart", () => {
    const back = readRoster(readFileSync(out));
    const groupOf = new Map(back.people.map((p) => [p.id, cell(back, p.id, "Group")]));
    const order = back.people.map((p) => Number(groupOf.get(p.id)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const members = new Map<string, string[]>();
    for (const p of back.people)
      members.set(groupOf.get(p.id) ?? "", [...(members.get(groupOf.get(p.id) ?? "") ?? []), p.id]);
    expect(members.size).toBe(71);
    const agency = new Map(back.people.map((p) => [p.id, p.attributes.Virksomhet]));
    for (const ids of members.values()) {
      expect(ids.length).toBeGreaterThanOrEqual(6);
      expect(ids.length).toBeLessThanOrEqual(7);
      expect(new Set(ids.map((id) => agency.get(id))).size).toBe(ids.length);
    }
    const pairs = readPersonSetsCsv(readFileSync(APART), personRefs(original));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) expect(groupOf.get(a)).not.toBe(groupOf.get(b));
  });

  it("writes a Markdown report with the summary, the terms' quality and a table per group", () => {
    const md = read(report);
    expect(md).toMatch(/^# Groups: .*oslo-ledere\.csv\n/);
    expect(md).toContain("427 people in 71 groups (6–7 per group).");
    expect(md).toContain("**Hard rules:** all hold.");
    expect(md).toMatch(/\| Mix of Virksomhet \| 3 \| 100% \| 0 \| 0 \| optimal \|/);
    expect(md).toMatch(/\| Mix of Sektor \| 2 \| (100|\d+\.\d)% \|/);
    expect(md).toMatch(/\| Balance of Ansiennitet \| 1 \| \d+\.\d% \|/);
    expect(md).toMatch(/\*\*Search:\*\* 20,000 moves tried in .* \(seed 1; stopped at the move limit\)/);
    expect(md).toContain("### Group 1 (6 people)");
    expect(md).toContain("### Group 71 (");
    expect(md).toContain("| # | Name | Virksomhet | Sektor | Rolle | Kjønn | Ansiennitet |");
    expect((md.match(/^### Group /gm) ?? []).length).toBe(71);
    expect(md).toMatch(/\*\*Shared:\*\*\n- Sektor: “Byrådsavdeling/);
  });

  it("is reproducible under --iterations", async () => {
    const again = join(dir, "igjen.csv");
    const second = await tverr([
      "compose",
      ROSTER,
      "--apart",
      APART,
      "--size",
      "6",
      "--cap",
      "Virksomhet=1",
      ...FAST,
      "-o",
      again,
    ]);
    expect(second.code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(out));
  });
});

describe("tverr compose: output", () => {
  it("neutralises formula injection from the roster in the CSV", async () => {
    const dir = tempDir();
    const roster = join(dir, "roster.csv");
    writeFileSync(
      roster,
      'Navn;E-post;Virksomhet\r\n"=HYPERLINK(""http://x"";""y"")";a@x.no;UKE\r\n+Ola;b@x.no;EBY\r\n@Kari;c@x.no;UKE\r\nPer;d@x.no;-EBY\r\n',
    );
    const run = await tverr(["compose", roster, "--groups", "2", "--iterations", "100", "--format", "csv"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\r\n");
    expect(run.stdout).toContain(`"'=HYPERLINK(""http://x"";""y"")"`);
    expect(lines.some((l) => l.includes(";'+Ola;"))).toBe(true);
    expect(lines.some((l) => l.includes(";'@Kari;"))).toBe(true);
    expect(lines.some((l) => l.endsWith(";'-EBY"))).toBe(true);
    expect(lines.some((l) => /(^|;)"?[=+@-]/.test(l))).toBe(false);
  });

  it("writes Markdown to stdout by default, CSV or JSON by --format or the --out extension", async () => {
    const md = await tverr(["compose", data("example-en.csv"), "--size", "5", "--iterations", "2000"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Groups: .*example-en\.csv/);
    expect(md.written).toEqual([]);

    const csv = await tverr([
      "compose",
      data("example-en.csv"),
      "--size",
      "5",
      "--iterations",
      "2000",
      "--format",
      "csv",
    ]);
    expect(csv.stdout.startsWith("\uFEFFGroup,Name,Email,Agency,Sector,Role,Gender,Tenure\r\n")).toBe(true);

    const dir = tempDir();
    const out = join(dir, "result.json");
    const json = await tverr([
      "compose",
      data("example-en.csv"),
      "--size",
      "5",
      "--iterations",
      "2000",
      "-o",
      out,
    ]);
    expect(json.code).toBe(0);
    const result = JSON.parse(read(out));
    expect(result.feasible).toBe(true);
    expect(Object.keys(result.assignment)).toHaveLength(30);
    expect(result.stats.iterations).toBeGreaterThan(0);
  });

  it("reads a JSON problem as is, and writes id, name and attributes as CSV columns", async () => {
    const run = await tverr([
      "compose",
      data("oslo-ledere.problem.json"),
      "--iterations",
      "2000",
      "--format",
      "csv",
    ]);
    expect(run.code).toBe(0);
    const [header, first] = run.stdout.split("\r\n");
    expect(header).toBe("\uFEFFGroup,Id,Name,Virksomhet,Sektor,Rolle,Kjønn,Ansiennitet");
    expect(first).toMatch(/^1,[^,]+@oslo\.kommune\.no,/);
  });

  it("reads the roster from stdin with -", async () => {
    const run = await tverr(["compose", "-", "--groups", "6", "--iterations", "2000", "--format", "json"], {
      stdin: readFileSync(data("example-en.csv")),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).groups).toHaveLength(6);
  });

  it("draws a progress line on a terminal's stderr and clears it; nothing when stderr is not a terminal", async () => {
    const args = ["compose", data("example-en.csv"), "--size", "5", "--iterations", "3000"];
    const tty = await tverr(args, { tty: true });
    const clear = "\r\u001b[2K";
    // After the lines on how the columns are used.
    expect(tty.stderr).toContain(`\n${clear}tverr: searching `);
    expect(tty.stderr).toMatch(
      /tverr: searching \d+(\.\d)? s · best score \d+(\.\d{1,4})? · all hard rules hold/,
    );
    expect(tty.stderr).toContain(`${clear}tverr: 30 people`);
    const plain = await tverr(args);
    expect(plain.stderr).not.toContain("searching");
    expect(plain.stderr).not.toContain("\u001b");
  });

  it("writes nothing to disk without --out or --report", async () => {
    const run = await tverr(["compose", ROSTER, "--size", "6", ...FAST]);
    expect(run.code).toBe(0);
    expect(run.written).toEqual([]);
  });
});

describe("tverr compose: rules and weights from flags and files", () => {
  it("--spread and --balance choose the soft terms; other columns keep only their hard rules", async () => {
    const run = await tverr([
      "compose",
      ROSTER,
      "--size",
      "6",
      "--spread",
      "sektor=4",
      "--balance",
      "Ansiennitet",
      "--cap",
      "Virksomhet=1",
      "--at-least",
      "Kjønn:k=1",
      ...FAST,
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const terms = Object.fromEntries(
      result.terms.map((t: { attribute: string; weight: number; term: string }) => [
        t.attribute,
        [t.term, t.weight],
      ]),
    );
    // Only the columns --spread and --balance name are soft terms; the others keep their hard rules.
    expect(terms).toEqual({ Sektor: ["spread", 4], Ansiennitet: ["balance", 1] });
    expect(run.stderr).toContain("tverr:   Virksomhet: rules only, at most 1 per group\n");
    expect(run.stderr).toContain("tverr:   Kjønn: rules only, at least 1 “K”\n");
    expect(run.stderr).not.toMatch(/Rolle: (mixed|balanced)/);
    expect(result.feasible).toBe(true);
    expect(result.violations).toEqual([]);
    // And the hard rules hold, checked here: one per agency, at least one “K” per group.
    const people = new Map(readRoster(readFileSync(ROSTER)).people.map((p) => [p.id, p.attributes]));
    for (const g of result.groups as { members: string[] }[]) {
      const agencies = g.members.map((id) => people.get(id)?.Virksomhet);
      expect(new Set(agencies).size).toBe(g.members.length);
      expect(g.members.some((id) => people.get(id)?.Kjønn === "K")).toBe(true);
    }
  });

  it("--pins puts people in their groups, --together keeps sets together, --repair with --stability weighs an earlier grouping", async () => {
    const dir = tempDir();
    const pins = join(dir, "pins.csv");
    writeFileSync(pins, "E-post;Gruppe\nellen.larsen@oslo.kommune.no;3\nDaniel Nygård;3\n");
    const first = join(dir, "first.csv");
    const a = await tverr(["compose", ROSTER, "--size", "6", "--pins", pins, ...FAST, "-o", first]);
    expect(a.code).toBe(0);
    const back = readRoster(readFileSync(first));
    expect(cell(back, "ellen.larsen@oslo.kommune.no", "Group")).toBe("3");
    expect(cell(back, "daniel.nygaard@oslo.kommune.no", "Group")).toBe("3");

    const together = join(dir, "together.csv");
    writeFileSync(together, "ellen.larsen@oslo.kommune.no;Daniel Nygård;Andreas Sørensen\n");
    const t = await tverr([
      "compose",
      ROSTER,
      "--size",
      "6",
      "--together",
      together,
      ...FAST,
      "--format",
      "json",
    ]);
    expect(t.code).toBe(0);
    const { assignment } = JSON.parse(t.stdout);
    expect(assignment["daniel.nygaard@oslo.kommune.no"]).toBe(assignment["ellen.larsen@oslo.kommune.no"]);
    expect(assignment["andreas.sorensen@oslo.kommune.no"]).toBe(assignment["ellen.larsen@oslo.kommune.no"]);

    const b = await tverr([
      "compose",
      ROSTER,
      "--size",
      "6",
      "--repair",
      first,
      "--stability",
      "1000",
      "--seed",
      "7",
      ...FAST,
      "--format",
      "json",
    ]);
    expect(b.code).toBe(0);
    const result = JSON.parse(b.stdout);
    const stability = result.terms.find((t: { term: string }) => t.term === "stability");
    expect(stability.weight).toBe(1000);
    // The earlier grouping reaches the engine: people moved from it are counted and weighed.
    const earlier = Object.fromEntries(back.people.map((p) => [p.id, cell(back, p.id, "Group")]));
    const moved = Object.entries(result.assignment).filter(([id, g]) => earlier[id] !== g).length;
    expect(stability.raw).toBe(moved);
    expect(stability.raw).toBeLessThan(stability.randomExpectation);
  });

  it("--config gives the mapping and problem fields; flags win over it", async () => {
    const dir = tempDir();
    const config = join(dir, "tverr.json");
    writeFileSync(
      config,
      JSON.stringify({
        mapping: { ignore: ["Rolle"] },
        problem: {
          groups: { count: 10 },
          options: { seed: 3 },
          attributes: { Kjønn: { kind: "categorical", weight: 5 } },
        },
      }),
    );
    const run = await tverr([
      "compose",
      ROSTER,
      "--config",
      config,
      "--groups",
      "71",
      ...FAST,
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.groups).toHaveLength(71);
    expect(result.stats.seed).toBe(3);
    const names = result.terms.map(
      (t: { attribute: string; weight: number }) => `${t.attribute}:${t.weight}`,
    );
    expect(names).toContain("Kjønn:5");
    expect(names.some((n: string) => n.startsWith("Rolle"))).toBe(false);
  });
});

describe("tverr compose: exit codes", () => {
  it("exits 1 when the hard rules cannot all hold, still writing the result and listing the violations", async () => {
    const dir = tempDir();
    const out = join(dir, "g.md");
    const run = await tverr([
      "compose",
      ROSTER,
      "--groups",
      "8",
      "--cap",
      "Virksomhet=1",
      "--iterations",
      "5000",
      "-o",
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.exits).toEqual([1]);
    expect(run.stderr).toMatch(/hard rules do not hold \(\d+ cap\)\. Wrote .*g\.md/);
    const md = read(out);
    expect(md).toMatch(/\*\*Hard rules:\*\* \d+ rules do not hold:/);
    expect(md).toMatch(/- Group \d+ has \d with Virksomhet “[^”]+”, at most 1 allowed: /);
    expect(md).toContain("**Why the rules cannot all hold**");
    expect(md).toContain("Fix: Allow 2 per group.");
  });

  it("exits 1 and writes nothing with --fail-if-infeasible, without naming anyone", async () => {
    const dir = tempDir();
    const out = join(dir, "g.csv");
    const run = await tverr([
      "compose",
      ROSTER,
      "--groups",
      "8",
      "--cap",
      "Virksomhet=1",
      "--fail-if-infeasible",
      "-o",
      out,
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/the hard rules cannot all hold \(\d+ reasons? found\); nothing written/);
    expect(run.stderr).toContain("tverr check");
    expect(run.stderr).not.toMatch(/Utdanningsetaten|oslo\.kommune\.no/);
  });

  it("exits 2 on bad input with file, line and column, and never echoes the cell or a stack trace", async () => {
    const dir = tempDir();
    const roster = join(dir, "r.csv");
    writeFileSync(
      roster,
      "Navn;E-post;Virksomhet;Ansiennitet\nKari Nordmann;kari@x.no;UKE;12,5\nOla Hemmelig;ola@x.no;;tolv\n",
    );
    const run = await tverr(["compose", roster, "--groups", "1"]);
    expect(run.code).toBe(2);
    expect(run.exits).toEqual([2]);
    expect(run.stderr).toBe(
      `tverr: ${roster}, line 3, column 3 (Virksomhet): the cell is empty, but every person needs a value here\n` +
        `tverr: ${roster}, line 3, column 4 (Ansiennitet): expected a number, found text\n`,
    );
    expect(run.stderr).not.toMatch(/Ola|Hemmelig|tolv|ola@x/);
  });

  it("exits 2 when a file cannot be read or written", async () => {
    const missing = await tverr(["compose", "no/such/roster.csv", "--size", "6"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("tverr: no/such/roster.csv: cannot read the file (no such file or folder)\n");
    const unwritable = await tverr([
      "compose",
      data("example-en.csv"),
      "--size",
      "5",
      "--iterations",
      "100",
      "-o",
      join(tempDir(), "no", "x.csv"),
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/x\.csv: cannot write the file \(no such file or folder\)/);
  });

  it("exits 3 on an internal error, with its kind (not its message: it may quote the input) and no stack trace", async () => {
    const run = await tverr(["compose", "-", "--size", "6"], {
      readStdin: async () => {
        throw new Error("boom");
      },
    });
    expect(run.code).toBe(3);
    expect(run.exits).toEqual([3]);
    expect(run.stderr).toBe("tverr: internal error (Error); please report it, with the command you ran\n");
    expect(run.stderr).not.toContain("boom");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
