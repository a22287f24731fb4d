/**
 * Determinism across processes (issue 10): two separate `npx tsx` processes solving the same
 * problem with the same seed under an iteration limit give the same grouping as each other
 * and as this process, move for move. Nothing may depend on the process: not the time, not
 * hash or address order, not a random source other than the seed.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ProblemInput, solve } from "../../engine/index.js";

const child = fileURLToPath(new URL("./helpers/solveChild.ts", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

function solveInChild(problem: ProblemInput): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const proc = spawn("npx", ["tsx", child], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    proc.stdout.on("data", (d) => {
      out += d;
    });
    proc.stderr.on("data", (d) => {
      err += d;
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`child exited with ${code}: ${err}`));
    });
    proc.stdin.end(JSON.stringify(problem));
  });
}

/** 90 people with agencies, sectors, a numeric attribute, caps, rules and pair weights. */
function problem(): ProblemInput {
  const people = Array.from({ length: 90 }, (_, i) => ({
    id: `p${i}`,
    attributes: { agency: `a${(i * 7) % 17}`, sector: `s${(i * 3) % 5}`, tenure: (i * 37) % 29 },
  }));
  return {
    people,
    groups: { size: 6 },
    attributes: {
      agency: { kind: "categorical", weight: 3, maxPerGroup: 1 },
      sector: { kind: "categorical", weight: 1 },
      tenure: { kind: "numeric", varianceWeight: 1 },
    },
    rules: {
      apart: [["p1", "p2", "p3"]],
      together: [
        ["p10", "p11"],
        ["p20", "p21"],
      ],
      pins: { p5: "3" },
      allowedGroups: { p6: ["1", "2"] },
    },
    pairwise: { pairs: [{ a: "p30", b: "p31", weight: -2 }] },
    // Only the iteration limit may stop it: the time limit is far away.
    options: { seed: 20261201, iterationLimit: 40_000, timeLimitMs: 600_000 },
  };
}

describe("determinism", () => {
  it("two processes with the same seed under an iteration limit give the same grouping", async () => {
    const input = problem();
    const [first, second, here] = await Promise.all([solveInChild(input), solveInChild(input), solve(input)]);
    expect(second).toEqual(first);
    const figures = first as { iterations: number; assignment: Record<string, string> };
    expect(figures.iterations).toBe(here.stats.iterations);
    expect(figures.iterations).toBeGreaterThan(0);
    expect(figures.assignment).toEqual({ ...here.assignment });
  });
});
