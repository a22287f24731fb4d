/**
 * MDGPLIB, the maximally diverse grouping benchmark library (Gallego, Laguna, Martí, Duarte
 * 2013): read an instance and a reference solution, turn an instance into a Tverr problem,
 * and evaluate the library's objective.
 *
 * Instance text: line 1 `n m type a_1 b_1 … a_m b_m` (type `ss` or `ds`; group g holds
 * a_g..b_g elements), then `i j d` lines, 0-based, one per pair i < j.
 * Solution text (TPSDP's): a header line, `N = n  G = m  f = value`, m lines `a b size`, then
 * n lines `element group`, both 0-based. CRLF or LF.
 * Objective (maximise): f = Σ_g Σ_{i<j in g} d_ij.
 */
import type { ProblemInput } from "../problem/schema.js";

export interface MdgpInstance {
  n: number;
  m: number;
  type: "ss" | "ds";
  /** Size range of group g: minSize[g]..maxSize[g]. */
  minSize: number[];
  maxSize: number[];
  /** d[i·n + j], symmetric, zero diagonal. */
  dist: Float64Array;
}

export interface MdgpSolution {
  /** The objective value the file states. */
  value: number;
  /** groupOf[i] = group of element i. */
  groupOf: Int32Array;
}

export class MdgpFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "MdgpFormatError";
  }
}

export function parseMdgpInstance(text: string): MdgpInstance {
  const lines = text.split(/\r?\n/);
  const head = lines[0].trim().split(/\s+/);
  const n = Number(head[0]);
  const m = Number(head[1]);
  const type = head[2];
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(m) || m < 1) {
    throw new MdgpFormatError(1, "expected `n m type a_1 b_1 …` with positive integers n and m");
  }
  if (type !== "ss" && type !== "ds") throw new MdgpFormatError(1, `type must be ss or ds, got "${type}"`);
  if (head.length !== 3 + 2 * m)
    throw new MdgpFormatError(1, `expected ${m} size ranges, got ${(head.length - 3) / 2}`);
  const minSize: number[] = [];
  const maxSize: number[] = [];
  for (let g = 0; g < m; g++) {
    minSize.push(Number(head[3 + 2 * g]));
    maxSize.push(Number(head[4 + 2 * g]));
  }
  const dist = new Float64Array(n * n);
  let pairs = 0;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === "") continue;
    const [a, b, d] = line.split(/\s+/).map(Number);
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n && a !== b)) {
      throw new MdgpFormatError(k + 1, `expected \`i j d\` with two different elements below ${n}`);
    }
    if (!Number.isFinite(d)) throw new MdgpFormatError(k + 1, "distance is not a number");
    dist[a * n + b] = d;
    dist[b * n + a] = d;
    pairs++;
  }
  if (pairs !== (n * (n - 1)) / 2) {
    throw new MdgpFormatError(lines.length, `expected ${(n * (n - 1)) / 2} pairs, got ${pairs}`);
  }
  return { n, m, type, minSize, maxSize, dist };
}

export function parseMdgpSolution(text: string): MdgpSolution {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = /N\s*=\s*(\d+)\s+G\s*=\s*(\d+)\s+f\s*=\s*(\S+)/.exec(lines[1] ?? "");
  if (!header) throw new MdgpFormatError(2, "expected `N = n  G = m  f = value`");
  const n = Number(header[1]);
  const m = Number(header[2]);
  const groupOf = new Int32Array(n).fill(-1);
  for (let k = 2 + m; k < lines.length; k++) {
    if (lines[k] === "") continue;
    const [e, g] = lines[k].split(/\s+/).map(Number);
    if (!(e >= 0 && e < n && g >= 0 && g < m)) throw new MdgpFormatError(k + 1, "expected `element group`");
    groupOf[e] = g;
  }
  const missing = groupOf.indexOf(-1);
  if (missing >= 0) throw new MdgpFormatError(lines.length, `element ${missing} has no group`);
  return { value: Number(header[3]), groupOf };
}

/** f = Σ_g Σ_{i<j in g} d_ij. */
export function mdgpObjective(instance: Pick<MdgpInstance, "n" | "dist">, groupOf: Int32Array): number {
  const { n, dist } = instance;
  let f = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (groupOf[i] === groupOf[j]) f += dist[i * n + j];
  }
  return f;
}

/** Sizes within every group's range. */
export function mdgpFeasible(instance: MdgpInstance, groupOf: Int32Array): boolean {
  const size = new Array<number>(instance.m).fill(0);
  for (const g of groupOf) size[g]++;
  return size.every((s, g) => s >= instance.minSize[g] && s <= instance.maxSize[g]);
}

/**
 * The instance as a Tverr problem: people "0".."n-1", groups "0".."m-1" with their size
 * ranges, the distances as the only soft term (weight 1). Options are passed through.
 */
export function mdgpProblem(instance: MdgpInstance, options: ProblemInput["options"] = {}): ProblemInput {
  const { n, m, dist } = instance;
  return {
    people: Array.from({ length: n }, (_, i) => ({ id: String(i) })),
    groups: {
      list: Array.from({ length: m }, (_, g) => ({
        id: String(g),
        minSize: instance.minSize[g],
        maxSize: instance.maxSize[g],
      })),
    },
    distance: {
      weight: 1,
      matrix: Array.from({ length: n }, (_, i) => Array.from(dist.subarray(i * n, (i + 1) * n))),
    },
    options,
  };
}
