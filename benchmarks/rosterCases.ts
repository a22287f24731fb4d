/**
 * The roster benchmark's cases, written as problem files every engine revision reads:
 * - oslo: the bundled 427-leader Oslo sample, groups of 6, at most 1 per agency, 0.5 CPU s.
 * - 10k: 10,000 people, 1,000 agencies, 20 sectors, 4 categorical + 2 numeric, groups of 6,
 *   at most 1 per agency, 4.5 CPU s (quick: 2).
 * - 100k: 100,000 people, 5,000 agencies, 40 sectors, the same attributes, 60 CPU s (quick: 10).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSyntheticPeople, syntheticAttributes } from "../data/generate/synthetic.js";

export const CASES = ["oslo", "10k", "100k"] as const;
export type CaseName = (typeof CASES)[number];

export function isCase(name: string): name is CaseName {
  return (CASES as readonly string[]).includes(name);
}

/** CPU milliseconds per run of a case. */
export function caseTimeMs(name: CaseName, quick: boolean): number {
  if (name === "oslo") return 500;
  if (name === "10k") return quick ? 2000 : 4500;
  return quick ? 10_000 : 60_000;
}

/** Write the case's problem as JSON into `dir`; returns its path. */
export function writeCaseProblem(name: CaseName, dir: string): string {
  const path = join(dir, `${name}.json`);
  if (name === "oslo") {
    const sample = readFileSync(new URL("../data/oslo-ledere.problem.json", import.meta.url), "utf8");
    writeFileSync(path, sample);
    return path;
  }
  const big = name === "100k";
  const problem = {
    people: generateSyntheticPeople({
      n: big ? 100_000 : 10_000,
      agencies: big ? 5000 : 1000,
      sectors: big ? 40 : 20,
      seed: 2026,
    }),
    groups: { size: 6 },
    attributes: syntheticAttributes({ agencyCap: 1 }),
  };
  writeFileSync(path, JSON.stringify(problem));
  return path;
}
