/**
 * MDGPLIB benchmark: maximally diverse grouping instances through the public `solve` at the
 * literature's CPU-time limits, each run its own process on one core (unless --threads), and
 * their deviation from the best known (library subset, n ≤ 240) or from our own 10× longer
 * reference runs (generated n = 480 instances).
 *
 *   npm run bench:mdgp                                 # the library subset (n = 10 … 240), 5 runs each
 *   npm run bench:mdgp -- --set RanReal --n 120        # one set and size (both repeatable)
 *   npm run bench:mdgp -- --n 480 --set Geo --seeds 3  # generated n = 480 instances vs the reference file
 *   npm run bench:mdgp -- --instance RanInt_n240_ss_03 --runs 10
 *   npm run bench:mdgp -- --n 240 --baseline main      # the engine of another revision beside this one
 *   npm run bench:mdgp -- --n 120 --vs '{"descent":{"lateLength":100}}'  # this tree with and without a tuning
 *   npm run bench:mdgp -- --quick                      # instance 01 only, 1 run, 1/10 of the time
 *   npm run bench:mdgp -- --reference --instance RanReal_n480_ss_01 --runs 3
 *                                                      # reference runs (10× the limit) into data/mdgp/reference-n480.csv
 *
 * Limits in CPU seconds of the solve call (preparation included), on the search thread's own
 * clock: n ≤ 60: 1; 120: 3; 240: 20; 480: 120 (--time SECONDS overrides; --scale multiplies).
 * --threads T runs T independent seeded searches per run (the best wins), each with the full
 * CPU budget on its own core; --jobs J runs J children at once (default 1).
 */
import { cpus } from "node:os";
import { scriptArgs } from "./lib/args.js";
import { engineLabel, treesToRun } from "./lib/engineTrees.js";
import { literatureLimitSeconds, REFERENCE_FILE, selectInstances } from "./mdgp/catalogue.js";
import { instanceTable, summaryTable } from "./mdgp/mdgpTables.js";
import { foldReferences } from "./mdgp/referenceRuns.js";
import { runMdgp } from "./mdgp/runMdgp.js";

const values = scriptArgs(import.meta.url, {
  set: { type: "string", multiple: true },
  n: { type: "string", multiple: true },
  instance: { type: "string", multiple: true },
  runs: { type: "string" },
  seeds: { type: "string" },
  quick: { type: "boolean", default: false },
  threads: { type: "string", default: "1" },
  jobs: { type: "string", default: "1" },
  time: { type: "string", description: "CPU seconds per run, overriding the literature's limit" },
  scale: { type: "string", description: "multiply the limit (reference runs: 10)" },
  reference: { type: "boolean", default: false },
  baseline: { type: "string" },
  search: { type: "string", description: "search tuning for this tree's engine (runtime.search), as JSON" },
  vs: { type: "string", description: "also run this tree with that tuning instead, as a second engine" },
});

const reference = values.reference;
const runs = values.quick ? 1 : Number(values.runs ?? values.seeds ?? (reference ? 3 : 5));
const threads = Number(values.threads);
const scale = Number(values.scale ?? (reference ? 10 : 1)) * (values.quick ? 0.1 : 1);
if (reference && (values.baseline || values.vs)) throw new Error("--reference runs this tree's engine only");
const entries = selectInstances({
  sets: values.set,
  sizes: values.n?.map(Number) ?? (reference ? [480] : undefined),
  instances: values.instance,
  quick: values.quick,
});
if (entries.length === 0) throw new Error("no instance matches the selection");
const limitMs = (n: number) =>
  Math.round(1000 * scale * (values.time ? Number(values.time) : literatureLimitSeconds(n)));

const { trees, baseline } = treesToRun(values);
try {
  const cells = await runMdgp({
    entries,
    trees,
    seeds: runs,
    threads,
    jobs: Number(values.jobs),
    limitMs: (entry) => limitMs(entry.n),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const cpu = cpus();
  console.log(`# MDGPLIB benchmark${reference ? ": reference runs" : ""}\n`);
  console.log(`\`npm run bench:mdgp -- ${process.argv.slice(2).join(" ")}\``);
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "cpu"}; ` +
      `${runs} run(s) per instance (seeds 1–${runs}), ${threads} search thread(s) per run, each run its own process; ` +
      `limits in CPU seconds${scale !== 1 ? ` (× ${scale})` : ""}. Engines: ${trees.map(engineLabel).join(", ")}.\n`,
  );
  console.log(instanceTable(cells));
  console.log("");
  if (reference) {
    console.log(foldReferences(cells, REFERENCE_FILE));
    console.log(`\nwritten to data/mdgp/reference-n480.csv`);
  } else {
    console.log(summaryTable(cells));
    if (cells.some((c) => c.entry.reference === undefined)) {
      console.log(
        "\nInstances without a reference: produce one with `npm run bench:mdgp -- --reference --instance NAME --runs 3` (10× the limit per run).",
      );
    }
  }
} finally {
  baseline?.dispose();
}
