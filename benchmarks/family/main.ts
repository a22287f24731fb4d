/**
 * `npm run bench -- --family [options]`: the roster family benchmark.
 *
 *   --n 1000|10000|100000   sizes (repeatable; default 10000)
 *   --scaling               sizes 1,000, 10,000 and 100,000 (the shapes run at 100,000 unless --shape)
 *   --shape NAME            shapes (repeatable; default the family's shapes at each size)
 *   --seeds K               seeds per shape and size (default 3); each seed is a fresh roster
 *   --roster-seed S         keep one roster per shape and size (seed S) and vary only the search seed
 *   --time SECONDS          CPU seconds per run (default 2 below 50,000 people, 30 from there)
 *   --threads T             search threads per run (independent seeds, the best wins; default 1)
 *   --jobs J                runs at once (default 1)
 *   --baseline GIT_REF      also run the engine of GIT_REF on the same problems, interleaved
 *   --search JSON           search tuning for this tree's engine (runtime.search), e.g. '{"targeted":{"share":0}}'
 *   --vs JSON               also run this tree with that tuning instead, as a second engine
 *
 * Prints a summary across shapes, a table per shape and, with more than one size, the
 * scaling table. Progress goes to stderr.
 */
import { cpus } from "node:os";
import { scriptArgs } from "../lib/args.js";
import { engineLabel, treesToRun } from "../lib/engineTrees.js";
import { scalingTable, shapeTable, summaryTable } from "./familyTables.js";
import { runFamily } from "./runFamily.js";

const values = scriptArgs(import.meta.url, {
  family: { type: "boolean" },
  n: { type: "string", multiple: true },
  scaling: { type: "boolean", default: false },
  shape: { type: "string", multiple: true },
  seeds: { type: "string", default: "3" },
  "roster-seed": { type: "string" },
  time: { type: "string" },
  threads: { type: "string", default: "1" },
  jobs: { type: "string", default: "1" },
  baseline: { type: "string" },
  search: { type: "string" },
  vs: { type: "string" },
});

const positive = (name: string, text: string | undefined, integer = true): number | undefined => {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!(x > 0) || (integer && !Number.isInteger(x)))
    throw new RangeError(`--${name} must be a positive ${integer ? "integer" : "number"}, got ${text}`);
  return x;
};

const sizes = values.scaling
  ? [1000, 10_000, 100_000]
  : (values.n ?? ["10000"]).map((s) => positive("n", s) as number);
const { trees, baseline } = treesToRun(values);

try {
  const seeds = positive("seeds", values.seeds) as number;
  const threads = positive("threads", values.threads) as number;
  const timeSeconds = positive("time", values.time, false);
  const cells = await runFamily({
    sizes,
    shapes: values.shape ?? (values.scaling ? ["issue12", "pareto-capped", "uniform-many"] : undefined),
    seeds,
    timeSeconds,
    threads,
    jobs: positive("jobs", values.jobs) as number,
    rosterSeed: values["roster-seed"] !== undefined ? Number(values["roster-seed"]) : undefined,
    trees,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const cpu = cpus();
  console.log(`# Roster family benchmark\n`);
  console.log(`\`npm run bench -- ${process.argv.slice(2).join(" ")}\``);
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "cpu"}; ` +
      `${seeds} seed(s) per shape and size, ${threads} search thread(s) per run, each run its own process; ` +
      `time limits in CPU seconds of the whole solve call. Engines: ${trees.map(engineLabel).join(", ")}.\n`,
  );
  console.log("## Summary\n");
  console.log(summaryTable(cells));
  console.log(
    "\ntarget: issue 12's, on the medians: no hard violation; below 100,000 people every categorical term at most 1 pair above its bound and numeric balance ≥ 99.9%; at 100,000 every categorical term within 0.01% of its bound.\n",
  );
  console.log("## Shapes\n");
  const byShape = new Map<string, typeof cells>();
  for (const cell of cells)
    byShape.set(cell.case.shape.name, [...(byShape.get(cell.case.shape.name) ?? []), cell]);
  for (const shapeCells of byShape.values()) console.log(`${shapeTable(shapeCells)}\n`);
  const scaling = scalingTable(cells);
  if (scaling) {
    console.log("## Scaling\n");
    console.log(scaling);
    console.log(
      "\nsolve CPU = the whole call on the search thread's clock; outside search = that less the search (validation, diagnosis, compilation, construction, report); × = growth from the smallest n. Peak MB is the child process's, Node and tsx included.",
    );
  }
} finally {
  baseline?.dispose();
}
