/**
 * Run MDGPLIB instances through benchmark children: each instance's problem JSON is written
 * once, each seeded run is its own process on a CPU-second budget, and every grouping is
 * scored by MDGPLIB's own objective (engine/io/mdgplib.ts) from the returned assignment and
 * checked for the size ranges, independently of the engine's report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mdgpFeasible, mdgpObjective, mdgpProblem, parseMdgpInstance } from "../../engine/io/mdgplib.js";
import { type EngineTree, engineLabel } from "../lib/engineTrees.js";
import { runChild } from "../lib/runChild.js";
import { runPool } from "../lib/runPool.js";
import type { MdgpEntry } from "./catalogue.js";

export interface MdgpRun {
  seed: number;
  objective: number;
  timeToBestMs: number;
  lastImprovementMs: number;
  movesPerSecond: number;
  peakMB: number;
  cpuMs: number;
}

export interface MdgpCell {
  entry: MdgpEntry;
  engine: string;
  tree: EngineTree;
  timeLimitMs: number;
  runs: MdgpRun[];
}

export interface MdgpRunOptions {
  entries: MdgpEntry[];
  trees: EngineTree[];
  seeds: number;
  threads: number;
  jobs: number;
  /** CPU milliseconds per run for an instance. */
  limitMs: (entry: MdgpEntry) => number;
  log?: (line: string) => void;
}

export async function runMdgp(options: MdgpRunOptions): Promise<MdgpCell[]> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "tverr-mdgp-"));
  const cells: MdgpCell[] = [];
  const tasks: (() => Promise<void>)[] = [];
  try {
    for (const entry of options.entries) {
      const instance = parseMdgpInstance(readFileSync(entry.path, "utf8"));
      const problem = join(dir, `${entry.name}.json`);
      writeFileSync(problem, JSON.stringify(mdgpProblem(instance)));
      const timeLimitMs = options.limitMs(entry);
      const byTree = new Map<EngineTree, MdgpCell>();
      for (const tree of options.trees) {
        const cell: MdgpCell = {
          entry,
          engine: engineLabel(tree),
          tree,
          timeLimitMs,
          runs: [],
        };
        byTree.set(tree, cell);
        cells.push(cell);
      }
      for (let seed = 1; seed <= options.seeds; seed++) {
        const order = seed % 2 === 1 ? options.trees : [...options.trees].reverse();
        for (const tree of order) {
          tasks.push(async () => {
            const result = await runChild({
              engine: tree.engine,
              problem,
              seed,
              timeLimitMs,
              threads: options.threads,
              withAssignment: true,
              fullBudget: true,
              ...(tree.search ? { search: tree.search } : {}),
            });
            const assignment = result.assignment ?? {};
            const groupOf = Int32Array.from({ length: instance.n }, (_, i) => Number(assignment[String(i)]));
            if (!mdgpFeasible(instance, groupOf))
              throw new Error(`${entry.name} seed ${seed}: group sizes out of range`);
            const run: MdgpRun = {
              seed,
              objective: mdgpObjective(instance, groupOf),
              timeToBestMs: result.stats.timeToBestMs,
              lastImprovementMs: result.lastImprovementMs,
              movesPerSecond: result.totalMovesPerSecond,
              peakMB: result.peakMB,
              cpuMs: result.callCpuMs,
            };
            byTree.get(tree)?.runs.push(run);
            log(
              `${entry.name} seed ${seed} ${tree.label}: ${run.objective.toFixed(3)} (${(run.cpuMs / 1000).toFixed(1)} CPU s)`,
            );
          });
        }
      }
    }
    await runPool(tasks, options.jobs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cells;
}
