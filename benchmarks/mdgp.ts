/**
 * MDGPLIB benchmark: solve maximally diverse grouping instances through the public `solve`
 * at the literature's time limits, on one core, and compare with the best-known values.
 *
 *   npm run bench:mdgp                              # every instance of the subset, 5 runs each
 *   npm run bench:mdgp -- --set RanReal --n 120     # one set and size (both repeatable)
 *   npm run bench:mdgp -- --runs 10 --instance RanInt_n240_ss_03
 *   npm run bench:mdgp -- --quick                   # smoke: instance 01 only, 1 run, 1/10 time
 *
 * Time limits (wall clock per run, preparation included): n ≤ 60: 1 s; 120: 3 s; 240: 20 s.
 * Deviation % = 100·(bks − f)/bks; bks from data/mdgp/bks.csv (--data to move).
 * Runs are seeded 1..K, so a table can be reproduced up to the machine's speed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { solve } from "../engine/index.js";
import { mdgpFeasible, mdgpObjective, mdgpProblem, parseMdgpInstance } from "../engine/io/mdgplib.js";
import { solveParallel } from "../engine/parallel/solveParallel.js";

const { values } = parseArgs({
  options: {
    set: { type: "string", multiple: true },
    n: { type: "string", multiple: true },
    instance: { type: "string", multiple: true },
    runs: { type: "string", default: "5" },
    quick: { type: "boolean", default: false },
    threads: { type: "string", default: "1", description: "independent seeded runs in parallel, best wins" },
    time: { type: "string", description: "override the time limit, ms" },
    data: { type: "string", default: new URL("../data/mdgp/", import.meta.url).pathname },
  },
});

const data = values.data.endsWith("/") ? values.data : `${values.data}/`;
const bks = new Map<string, number>();
for (const line of readFileSync(`${data}bks.csv`, "utf8").trim().split(/\r?\n/).slice(1)) {
  const [name, , , objective] = line.split(",");
  bks.set(name, Number(objective));
}
const limitMs = (n: number) =>
  values.time ? Number(values.time) : n <= 60 ? 1000 : n <= 120 ? 3000 : 20_000;
const sizeOf = (name: string) => Number(/_n(\d+)_/.exec(name)?.[1]);
const sets = values.set ?? ["RanReal", "RanInt"];
const sizes = values.n?.map(Number);
const instances = readdirSync(`${data}instances`)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""))
  .filter((name) => (values.instance ? values.instance.includes(name) : true))
  .filter((name) => values.instance !== undefined || sets.some((s) => name.startsWith(`${s}_`)))
  .filter((name) => values.instance !== undefined || !sizes || sizes.includes(sizeOf(name)))
  .filter((name) => !values.quick || name.endsWith("_01"))
  .sort((a, b) => sizeOf(a) - sizeOf(b) || a.localeCompare(b));
const runs = values.quick ? 1 : Number(values.runs);
const threads = Number(values.threads);

console.log(`# MDGPLIB benchmark (${runs} run(s) per instance; node ${process.version}; one core)\n`);
console.log(
  "| instance | bks | best | avg | worst | dev best % | dev avg % | at bks | time to best (s) | moves/s |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const groupsOfDev = new Map<string, number[]>();
for (const name of instances) {
  const instance = parseMdgpInstance(readFileSync(`${data}instances/${name}.txt`, "utf8"));
  const best = bks.get(name) ?? Number.NaN;
  const limit = values.quick ? Math.max(100, limitMs(instance.n) / 10) : limitMs(instance.n);
  const scores: number[] = [];
  const toBest: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    // With threads, runs are seeded far apart so their threads never share a seed.
    const seed = threads > 1 ? (r + 1) * 1000 : r + 1;
    const runProblem = mdgpProblem(instance, { seed, timeLimitMs: limit });
    const result = threads > 1 ? await solveParallel(runProblem, { threads }) : await solve(runProblem);
    const groupOf = Int32Array.from({ length: instance.n }, (_, i) => Number(result.assignment[String(i)]));
    if (!mdgpFeasible(instance, groupOf)) throw new Error(`${name} run ${r + 1}: sizes out of range`);
    scores.push(mdgpObjective(instance, groupOf));
    toBest.push(result.stats.timeToBestMs / 1000);
    rates.push(result.stats.movesPerSecond);
  }
  const dev = (f: number) => (100 * (best - f)) / best;
  const avg = scores.reduce((s, x) => s + x, 0) / runs;
  const hits = scores.filter((f) => f >= best - 1e-3).length;
  const key = `${name.split("_")[0]} n=${instance.n}`;
  groupsOfDev.set(key, [...(groupsOfDev.get(key) ?? []), dev(avg)]);
  const fmt = (x: number) => (Number.isInteger(best) ? x.toFixed(0) : x.toFixed(3));
  console.log(
    `| ${name} | ${fmt(best)} | ${fmt(Math.max(...scores))} | ${fmt(avg)} | ${fmt(Math.min(...scores))} | ${dev(
      Math.max(...scores),
    ).toFixed(3)} | ${dev(avg).toFixed(3)} | ${hits}/${runs} | ${(
      toBest.reduce((s, x) => s + x, 0) / runs
    ).toFixed(2)} | ${(rates.reduce((s, x) => s + x, 0) / runs / 1e6).toFixed(2)} M |`,
  );
}
console.log("\n| set | n | instances | average deviation of the average run % |");
console.log("|---|---:|---:|---:|");
for (const [key, devs] of groupsOfDev) {
  const [set, n] = key.split(" n=");
  console.log(
    `| ${set} | ${n} | ${devs.length} | ${(devs.reduce((s, x) => s + x, 0) / devs.length).toFixed(3)} |`,
  );
}
