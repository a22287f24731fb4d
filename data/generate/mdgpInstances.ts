/**
 * MDGPLIB-style instances beyond the library subset in data/mdgp (which stops at n = 240),
 * generated with the library's recipe (Gallego, Laguna, Martí, Duarte 2013; the same sets
 * Lai & Hao 2016 and Yang et al. 2022 use) and written in its text format:
 *
 * - RanReal: d_ij uniform in [0, 100], three decimals;
 * - RanInt: d_ij a uniform integer in 0..100;
 * - Geo: Euclidean distances between random points, each instance with its own dimension K
 *   drawn from 2..21 and coordinates uniform in [0, 100], three decimals.
 *
 * Group sizes follow the library's headers: n = 480 has m = 20 groups; `ss` gives every
 * group a_g = b_g = n/m; `ds` draws a_g from [0.75·n/m, n/m] and b_g from [n/m, 1.25·n/m]
 * (so Σa ≤ n ≤ Σb always holds). As in the library, RanReal and RanInt instances with the
 * same size, type and number share their size ranges.
 *
 * Files are large (n = 480: 114,960 lines, about 1.2–1.7 MB), so they are generated at bench
 * time into a git-ignored folder; the text depends only on the name, which the fingerprint
 * in the reference file pins.
 */
import { createHash } from "node:crypto";
import { hashSeed } from "./hashSeed.js";
import { Random } from "./random.js";

export type MdgpSet = "RanReal" | "RanInt" | "Geo";
export const MDGP_SETS: readonly MdgpSet[] = ["RanReal", "RanInt", "Geo"];

export interface MdgpSpec {
  set: MdgpSet;
  n: number;
  m: number;
  type: "ss" | "ds";
  /** Instance number within (set, n, type), from 1. */
  index: number;
}

/** Groups per size in MDGPLIB, from the library's own headers. */
export const MDGPLIB_GROUPS: Readonly<Record<number, number>> = {
  10: 2,
  12: 4,
  30: 5,
  60: 6,
  120: 10,
  240: 12,
  480: 20,
};

export function mdgpInstanceName(spec: Omit<MdgpSpec, "m">): string {
  return `${spec.set}_n${String(spec.n).padStart(3, "0")}_${spec.type}_${String(spec.index).padStart(2, "0")}`;
}

/** The spec a library-style name stands for, e.g. "Geo_n480_ds_03"; undefined when it is not one. */
export function mdgpSpecOf(name: string): MdgpSpec | undefined {
  const match = /^(RanReal|RanInt|Geo)_n(\d+)_(ss|ds)_(\d+)$/.exec(name);
  if (!match) return undefined;
  const n = Number(match[2]);
  const m = MDGPLIB_GROUPS[n];
  if (m === undefined) return undefined;
  return { set: match[1] as MdgpSet, n, m, type: match[3] as "ss" | "ds", index: Number(match[4]) };
}

/** The generated n = 480 set: instances 01–05 of ss and ds for each of the three sets. */
export function mdgp480Names(): string[] {
  const names: string[] = [];
  for (const set of MDGP_SETS)
    for (const type of ["ss", "ds"] as const)
      for (let index = 1; index <= 5; index++) names.push(mdgpInstanceName({ set, n: 480, type, index }));
  return names;
}

/** Size ranges [a_g, b_g] of each group. */
export function mdgpGroupSizes(spec: MdgpSpec): { minSize: number[]; maxSize: number[] } {
  const { n, m, type } = spec;
  const share = n / m;
  if (type === "ss") {
    if (!Number.isInteger(share)) throw new RangeError(`ss needs m to divide n: ${n} / ${m}`);
    return { minSize: new Array(m).fill(share), maxSize: new Array(m).fill(share) };
  }
  // Seeded without the set, so RanReal and RanInt of the same number share their ranges.
  const rng = new Random(hashSeed("mdgp-sizes", n, m, type, spec.index));
  const aLow = Math.floor(0.75 * share);
  const aHigh = Math.floor(share);
  const bLow = Math.ceil(share);
  const bHigh = Math.ceil(1.25 * share);
  const minSize: number[] = [];
  const maxSize: number[] = [];
  for (let g = 0; g < m; g++) {
    minSize.push(aLow + rng.nextInt(aHigh - aLow + 1));
    maxSize.push(bLow + rng.nextInt(bHigh - bLow + 1));
  }
  return { minSize, maxSize };
}

/** Distances d(i, j) for i < j, row by row, as the text will print them. */
function distances(spec: MdgpSpec, rng: Random): (i: number, j: number) => string {
  if (spec.set === "RanInt") return () => String(rng.nextInt(101));
  if (spec.set === "RanReal") return () => (rng.nextFloat() * 100).toFixed(3);
  const dims = 2 + rng.nextInt(20);
  const points = Float64Array.from({ length: spec.n * dims }, () => rng.nextFloat() * 100);
  return (i, j) => {
    let sum = 0;
    for (let k = 0; k < dims; k++) {
      const d = points[i * dims + k] - points[j * dims + k];
      sum += d * d;
    }
    return Math.sqrt(sum).toFixed(3);
  };
}

/** The instance text: `n m type a_1 b_1 … a_m b_m ` (trailing space, as the library), then `i j d`. */
export function generateMdgpText(spec: MdgpSpec): string {
  const { n, m, type } = spec;
  const { minSize, maxSize } = mdgpGroupSizes(spec);
  const ranges = minSize.map((a, g) => `${a} ${maxSize[g]}`).join(" ");
  const rng = new Random(hashSeed("mdgp", spec.set, n, m, type, spec.index));
  const d = distances(spec, rng);
  const lines: string[] = [`${n} ${m} ${type} ${ranges} `];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lines.push(`${i} ${j} ${d(i, j)}`);
  return `${lines.join("\n")}\n`;
}

/** A short fingerprint of an instance's text, kept with reference values so they stay tied to it. */
export function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
