/**
 * The roster benchmark's cases, run one per child process by `roster.ts`.
 * - oslo: the bundled ~430-leader Oslo sample, groups of 6, at most 1 per agency, 0.5 s.
 * - 10k: 10,000 people, 1,000 agencies, 20 sectors, 4 categorical + 2 numeric, groups of 6,
 *   at most 1 per agency, 4.5 s (the whole call, so it returns within 5 s).
 * - 100k: 100,000 people, 5,000 agencies, 40 sectors, same attributes, groups of 6, at most
 *   1 per agency, 60 s (quick: 10 s).
 */
import { readFileSync } from "node:fs";
import { generateSyntheticPeople, syntheticAttributes } from "../data/generate/synthetic.js";
import { type ProblemInput, type SearchConfig, solve } from "../engine/index.js";

function problemFor(name: string, seed: number, quick: boolean): ProblemInput {
  if (name === "oslo") {
    const problem = JSON.parse(
      readFileSync(new URL("../data/oslo-ledere.problem.json", import.meta.url), "utf8"),
    );
    return { ...problem, options: { seed, timeLimitMs: 500 } };
  }
  const big = name === "100k";
  const n = big ? 100_000 : 10_000;
  return {
    people: generateSyntheticPeople({ n, agencies: big ? 5000 : 1000, sectors: big ? 40 : 20, seed: 2026 }),
    groups: { size: 6 },
    attributes: syntheticAttributes({ agencyCap: 1 }),
    options: { seed, timeLimitMs: big ? (quick ? 10_000 : 60_000) : quick ? 2000 : 4500 },
  };
}

export async function runCase(
  name: string,
  seed: number,
  quick: boolean,
  search: Partial<SearchConfig> = {},
) {
  const problem = problemFor(name, seed, quick);
  const result = await solve(problem, { search });
  return {
    n: problem.people.length,
    groups: result.groups.length,
    seconds: result.stats.totalMs / 1000,
    movesPerSecond: result.stats.movesPerSecond,
    hard: result.violations.length,
    timeToFeasibleMs: result.stats.timeToFeasibleMs,
    terms: result.terms.map((t) => ({
      name: t.name,
      quality: t.qualityPercent,
      gap: t.normalised,
      atBound: t.atBound,
    })),
    peakMB: process.resourceUsage().maxRSS / 1024,
  };
}
