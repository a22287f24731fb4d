/**
 * The MDGPLIB instances a benchmark can run: the library subset in data/mdgp/instances (with
 * its best-known values in bks.csv) and the generated n = 480 instances (written on demand to
 * the git-ignored data/mdgp/generated/, compared with data/mdgp/reference-n480.csv).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  fingerprint,
  generateMdgpText,
  mdgp480Names,
  mdgpSpecOf,
} from "../../data/generate/mdgpInstances.js";
import { readReferenceFile } from "./referenceFile.js";

export const MDGP_DATA = fileURLToPath(new URL("../../data/mdgp/", import.meta.url));
export const REFERENCE_FILE = join(MDGP_DATA, "reference-n480.csv");
export const GENERATED_DIR = join(MDGP_DATA, "generated");

export interface MdgpEntry {
  name: string;
  set: string;
  n: number;
  type: string;
  source: "library" | "generated";
  path: string;
  fingerprint?: string;
  /** Best known (library) or our own reference (generated); undefined when there is none yet. */
  reference?: number;
}

/** CPU seconds per run in the literature (Lai & Hao 2016; Yang et al. 2022). */
export function literatureLimitSeconds(n: number): number {
  if (n <= 60) return 1;
  if (n <= 120) return 3;
  if (n <= 240) return 20;
  if (n <= 480) return 120;
  return 600;
}

function parseName(name: string): { set: string; n: number; type: string } {
  const match = /^([A-Za-z]+)_n(\d+)_(ss|ds)_\d+$/.exec(name);
  if (!match) throw new Error(`not an MDGPLIB instance name: ${name}`);
  return { set: match[1], n: Number(match[2]), type: match[3] };
}

export function libraryEntries(dataDir = MDGP_DATA): MdgpEntry[] {
  const bks = new Map<string, number>();
  for (const line of readFileSync(join(dataDir, "bks.csv"), "utf8").trim().split(/\r?\n/).slice(1)) {
    const [name, , , objective] = line.split(",");
    bks.set(name, Number(objective));
  }
  return readdirSync(join(dataDir, "instances"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const name = f.replace(/\.txt$/, "");
      return {
        name,
        ...parseName(name),
        source: "library" as const,
        path: join(dataDir, "instances", f),
        reference: bks.get(name),
      };
    });
}

/**
 * The generated instances, each written to `dir` unless the file there already holds exactly
 * the generator's text; a reference value is attached only when its fingerprint matches.
 */
export function generatedEntries(
  names = mdgp480Names(),
  dir = GENERATED_DIR,
  referenceFile = REFERENCE_FILE,
): MdgpEntry[] {
  const references = readReferenceFile(referenceFile);
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const spec = mdgpSpecOf(name);
    if (!spec) throw new Error(`cannot generate ${name}`);
    const text = generateMdgpText(spec);
    const print = fingerprint(text);
    const path = join(dir, `${name}.txt`);
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) writeFileSync(path, text);
    const row = references.get(name);
    return {
      name,
      set: spec.set,
      n: spec.n,
      type: spec.type,
      source: "generated" as const,
      path,
      fingerprint: print,
      reference: row && row.fingerprint === print ? row.best : undefined,
    };
  });
}

export interface Selection {
  sets?: string[];
  sizes?: number[];
  instances?: string[];
  /** Instance 01 of each set, size and type only. */
  quick?: boolean;
}

const order = (a: MdgpEntry, b: MdgpEntry) => a.n - b.n || a.name.localeCompare(b.name);

/**
 * Instances by name, or by set and size: the library's sizes by default, the generated ones
 * when 480 is asked for (or named).
 */
export function selectInstances(selection: Selection): MdgpEntry[] {
  const generatedNames = mdgp480Names();
  if (selection.instances) {
    const library = new Map(libraryEntries().map((e) => [e.name, e]));
    const wanted = selection.instances.filter((name) => !library.has(name));
    const unknown = wanted.filter((name) => !generatedNames.includes(name));
    if (unknown.length > 0) throw new Error(`unknown instance(s): ${unknown.join(", ")}`);
    const generated = new Map(generatedEntries(wanted).map((e) => [e.name, e]));
    return selection.instances
      .map((name) => (library.get(name) ?? generated.get(name)) as MdgpEntry)
      .sort(order);
  }
  const sets = selection.sets ?? ["RanReal", "RanInt", "Geo"];
  const sizes = selection.sizes;
  const keep = (e: { set: string; n: number; name: string }) =>
    sets.includes(e.set) &&
    (sizes === undefined || sizes.includes(e.n)) &&
    (!selection.quick || e.name.endsWith("_01"));
  const library = libraryEntries().filter(keep);
  const generated = sizes?.includes(480)
    ? generatedEntries(generatedNames.filter((name) => keep({ ...parseName(name), name })))
    : [];
  return [...library, ...generated].sort(order);
}
