/**
 * Roster benchmark: compose synthetic cohorts shaped like Oslo's and print a table.
 *
 *   npm run bench                          # every case, 3 seeded runs each, medians
 *   npm run bench -- --quick               # one run each, smaller budgets
 *   npm run bench -- --case oslo --case 10k
 *   npm run bench -- --baseline d8f0419    # the same runs on another revision's engine too
 *   npm run bench -- --search '{"targeted":{"share":0}}'   # a search variant of this tree (runtime.search)
 *   npm run bench -- --vs '{"targeted":{"share":0}}'       # this tree with and without the variant
 *   npm run bench -- --family              # the roster family (options in benchmarks/family/main.ts)
 *
 * Each run is its own child process on a CPU-second budget, so its peak memory is its own and
 * a busy machine stretches wall time, not the search. With a baseline the two engines run
 * interleaved (A B, then B A), so drift in the machine's load falls on both alike.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildResult } from "./child/childResult.js";
import { scriptArgs } from "./lib/args.js";
import { type EngineTree, engineLabel, treesToRun } from "./lib/engineTrees.js";
import { count, fixed, rate, seconds } from "./lib/format.js";
import { markdownTable } from "./lib/markdown.js";
import { runChild } from "./lib/runChild.js";
import { median } from "./lib/stats.js";
import { CASES, type CaseName, caseTimeMs, isCase, writeCaseProblem } from "./rosterCases.js";

if (process.argv.includes("--family")) {
  await import("./family/main.js");
  process.exit(0);
}

const values = scriptArgs(import.meta.url, {
  case: { type: "string", multiple: true },
  runs: { type: "string", default: "3" },
  quick: { type: "boolean", default: false },
  baseline: { type: "string" },
  search: { type: "string" },
  vs: { type: "string" },
});

const cases = (values.case ?? [...CASES]).map((name) => {
  if (!isCase(name)) throw new RangeError(`--case must be one of ${CASES.join(", ")}, got ${name}`);
  return name;
});
const runs = values.quick ? 1 : Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new RangeError(`--runs must be a positive integer`);
const { trees, baseline } = treesToRun(values);

const dir = mkdtempSync(join(tmpdir(), "tverr-bench-"));
try {
  const rows: string[][] = [];
  for (const name of cases) {
    const problem = writeCaseProblem(name, dir);
    const timeLimitMs = caseTimeMs(name, values.quick);
    const results = new Map<EngineTree, ChildResult[]>(trees.map((t) => [t, []]));
    for (let seed = 1; seed <= runs; seed++) {
      for (const tree of seed % 2 === 1 ? trees : [...trees].reverse()) {
        const result = await runChild({
          engine: tree.engine,
          problem,
          seed,
          timeLimitMs,
          threads: 1,
          ...(tree.search ? { search: tree.search } : {}),
        });
        results.get(tree)?.push(result);
        process.stderr.write(
          `${name} seed ${seed} ${engineLabel(tree)}: ${rate(result.stats.movesPerSecond)} moves/s, hard ${result.violations}\n`,
        );
      }
    }
    for (const tree of trees) rows.push(caseRow(name, tree, results.get(tree) ?? []));
  }
  const cpu = cpus();
  console.log(`# Roster benchmark\n`);
  console.log(`\`npm run bench -- ${process.argv.slice(2).join(" ")}\``);
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "cpu"}; ` +
      `${runs} seeded run(s) per case and engine, medians; time limits in CPU seconds of the whole solve call.\n`,
  );
  console.log(
    markdownTable(
      [
        "case",
        "engine",
        "n",
        "CPU s",
        "moves/s",
        "hard",
        "time to best (s)",
        "peak MB",
        "terms: quality % (✓ every run at its bound)",
      ],
      rows,
      ["left", "left", "right", "right", "right", "right", "right", "right", "left"],
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  baseline?.dispose();
}

function caseRow(name: CaseName, tree: EngineTree, results: readonly ChildResult[]): string[] {
  const first = results[0];
  const terms = first.terms
    .map((t, i) => {
      const quality = median(results.map((r) => r.terms[i].qualityPercent ?? Number.NaN));
      const atBound = results.every((r) => r.terms[i].raw <= r.terms[i].lowerBound + 1e-9);
      return `${t.name} ${fixed(quality, 2)}${atBound ? " ✓" : ""}`;
    })
    .join("; ");
  return [
    name,
    engineLabel(tree),
    nOf(name),
    seconds(median(results.map((r) => r.callCpuMs))),
    rate(median(results.map((r) => r.stats.movesPerSecond))),
    count(median(results.map((r) => r.violations))),
    seconds(median(results.map((r) => r.stats.timeToBestMs))),
    count(median(results.map((r) => r.peakMB))),
    terms,
  ];
}

function nOf(name: CaseName): string {
  return name === "oslo" ? "427" : name === "10k" ? "10,000" : "100,000";
}
