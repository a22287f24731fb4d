/**
 * The roster family benchmark: every shape of the family at the sizes asked, each seed a
 * fresh roster (roster seed = search seed, unless --roster-seed pins one), each run its own
 * child process on a CPU-second budget. With a baseline the same problems run against both
 * engines, interleaved (A B, then B A for the next seed) so drift in the machine's load
 * falls on both alike. Numeric terms are graded against this tree's bounds (regrade.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agencyCount, familyProblem, generateFamilyRoster } from "../../data/generate/family.js";
import { defaultShapesAt, type FamilyShape, familyShape } from "../../data/generate/familyShapes.js";
import type { ChildResult } from "../child/childResult.js";
import { type EngineTree, engineLabel } from "../lib/engineTrees.js";
import { runChild } from "../lib/runChild.js";
import { runPool } from "../lib/runPool.js";
import type { FamilyCase, FamilyCell } from "./familyTables.js";
import { type NumericYardstick, numericYardsticks, regrade } from "./regrade.js";

export interface FamilyOptions {
  sizes: number[];
  /** Shape names; default: the family's shapes for each size. */
  shapes?: string[];
  seeds: number;
  /** CPU seconds per run; default 2 below 50,000 people, 30 from there. */
  timeSeconds?: number;
  threads: number;
  /** Runs at once (default 1: each run alone on the machine as far as this benchmark goes). */
  jobs: number;
  rosterSeed?: number;
  trees: EngineTree[];
  log?: (line: string) => void;
}

export function defaultTimeSeconds(n: number): number {
  return n >= 50_000 ? 30 : 2;
}

export async function runFamily(options: FamilyOptions): Promise<FamilyCell[]> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "tverr-family-"));
  const cells = new Map<string, FamilyCell>();
  const tasks: (() => Promise<void>)[] = [];
  const problems = new Map<string, { path: string; sticks: Map<string, NumericYardstick> }>();
  const problemFor = (shape: FamilyShape, n: number, seed: number) => {
    const key = `${shape.name}-${n}-${seed}`;
    let problem = problems.get(key);
    if (problem === undefined) {
      const roster = generateFamilyRoster(shape, n, options.rosterSeed ?? seed);
      const input = familyProblem(roster);
      problem = { path: join(dir, `${key}.json`), sticks: numericYardsticks(input) };
      writeFileSync(problem.path, JSON.stringify(input));
      problems.set(key, problem);
    }
    return problem;
  };
  try {
    for (const n of [...options.sizes].sort((a, b) => a - b)) {
      const shapes = options.shapes ? options.shapes.map(familyShape) : defaultShapesAt(n);
      const timeLimitMs = 1000 * (options.timeSeconds ?? defaultTimeSeconds(n));
      for (const shape of shapes) {
        const familyCase: FamilyCase = { shape, n, agencies: agencyCount(shape, n), timeLimitMs };
        for (const tree of options.trees) {
          cells.set(`${shape.name}/${n}/${engineLabel(tree)}`, {
            case: familyCase,
            engine: engineLabel(tree),
            runs: [],
          });
        }
        for (let seed = 1; seed <= options.seeds; seed++) {
          const order = seed % 2 === 1 ? options.trees : [...options.trees].reverse();
          for (const tree of order) {
            tasks.push(async () => {
              const problem = problemFor(shape, n, seed);
              const run: ChildResult = await runChild({
                engine: tree.engine,
                problem: problem.path,
                seed,
                timeLimitMs,
                threads: options.threads,
                ...(tree.search ? { search: tree.search } : {}),
              });
              const result = regrade(run, problem.sticks);
              cells.get(`${shape.name}/${n}/${engineLabel(tree)}`)?.runs.push(result);
              log(
                `${shape.name} n=${n} seed ${seed} ${engineLabel(tree)}: hard ${result.violations}, ` +
                  `${(result.totalMovesPerSecond / 1e6).toFixed(2)} M moves/s, ${result.peakMB.toFixed(0)} MB`,
              );
            });
          }
        }
      }
    }
    await runPool(tasks, options.jobs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [...cells.values()];
}
