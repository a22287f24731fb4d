/**
 * Start one benchmark child (benchmarks/child/solveChild.ts) and read its report. Each run
 * is a fresh `node` process so its peak memory and JIT state are its own.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildResult } from "../child/childResult.js";

const CHILD = fileURLToPath(new URL("../child/solveChild.ts", import.meta.url));

export interface ChildRequest {
  /** Path of the engine's index.ts. */
  engine: string;
  problem: string;
  seed: number;
  timeLimitMs: number;
  threads: number;
  withAssignment?: boolean;
  /** Search tuning for the engine (`runtime.search`). */
  search?: Record<string, unknown>;
  /** Run to the time limit even when the search stalls (see solveOnce.ts). */
  fullBudget?: boolean;
}

export function runChild(request: ChildRequest): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), "tverr-run-"));
  const out = join(dir, "result.json");
  const args = [
    "--import",
    "tsx",
    CHILD,
    "--engine",
    request.engine,
    "--problem",
    request.problem,
    "--seed",
    String(request.seed),
    "--time-ms",
    String(Math.round(request.timeLimitMs)),
    "--threads",
    String(request.threads),
    "--out",
    out,
  ];
  if (request.withAssignment) args.push("--assignment");
  if (request.search) args.push("--search", JSON.stringify(request.search));
  if (request.fullBudget) args.push("--full-budget");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 24 }, (error, _stdout, stderr) => {
      try {
        if (error)
          throw new Error(
            `benchmark child failed (${error.message.split("\n")[0]}):\n${stderr.slice(-2000)}`,
          );
        resolve(JSON.parse(readFileSync(out, "utf8")) as ChildResult);
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
