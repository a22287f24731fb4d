/**
 * Everything `npm run data:generate` writes, built in memory so tests can check that the
 * files under data/ are exactly what the generator produces.
 */
import type { ProblemInput } from "../../engine/problem/schema.js";
import { parseProblem } from "../../engine/problem/validate.js";
import { toCsv } from "./csv.js";
import { generateOsloRoster, type OsloLeader, type OsloReference, osloKeepApart } from "./oslo.js";
import { Random } from "./random.js";
import { generateSyntheticPeople } from "./synthetic.js";

export interface DataFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
  /** Data rows (CSV) or people (JSON). */
  rows: number;
}

export const OSLO_SEED = 2026;
export const EXAMPLE_SEED = 7;
export const SYNTHETIC_SEED = 5000;

/** Excel in a Norwegian locale: `;`, UTF-8 byte-order mark, CRLF, decimal comma. */
const NORWEGIAN_EXCEL = { delimiter: ";", bom: true, lineEnding: "\r\n", decimal: "," } as const;

/** The Oslo roster as an engine problem: people keyed by e-mail, keep-apart pairs as hard rules. */
export function osloProblem(roster: readonly OsloLeader[], reference: OsloReference): ProblemInput {
  return {
    people: roster.map((r) => ({
      id: r.epost,
      name: r.navn,
      attributes: {
        Virksomhet: r.virksomhet,
        Sektor: r.sektor,
        Rolle: r.rolle,
        Kjønn: r.kjonn,
        Ansiennitet: r.ansiennitet,
      },
    })),
    groups: { size: 6 },
    attributes: {
      Virksomhet: { kind: "categorical", weight: 3, maxPerGroup: 1 },
      Sektor: { kind: "categorical", weight: 2 },
      Rolle: { kind: "categorical", weight: 1 },
      Kjønn: { kind: "categorical", weight: 1 },
      Ansiennitet: { kind: "numeric", weight: 1 },
    },
    rules: {
      apart: osloKeepApart(roster, reference).map((p) => [p.agencyDirector.epost, p.sectorDirector.epost]),
    },
    options: { seed: 1, timeLimitMs: 2000 },
  };
}

/**
 * A small English roster: six leader groups from six different sectors, the director and
 * four leaders of each (30 people).
 */
export function exampleRoster(roster: readonly OsloLeader[], seed = EXAMPLE_SEED): OsloLeader[] {
  const rng = new Random(seed);
  const agencies = rng.shuffled([...new Set(roster.map((r) => r.virksomhet))]);
  const sectorOf = new Map(roster.map((r) => [r.virksomhet, r.sektor]));
  const chosen: string[] = [];
  const sectors = new Set<string>();
  for (const agency of agencies) {
    const sector = sectorOf.get(agency)!;
    if (sectors.has(sector)) continue;
    sectors.add(sector);
    chosen.push(agency);
    if (chosen.length === 6) break;
  }
  return chosen.flatMap((agency) => roster.filter((r) => r.virksomhet === agency).slice(0, 5));
}

export function buildDataFiles(reference: OsloReference): DataFile[] {
  const roster = generateOsloRoster(reference, OSLO_SEED);
  const keepApart = osloKeepApart(roster, reference);
  const files: DataFile[] = [];

  files.push({
    path: "data/oslo-ledere.csv",
    rows: roster.length,
    content: toCsv(
      ["Navn", "E-post", "Virksomhet", "Sektor", "Rolle", "Kjønn", "Ansiennitet"],
      roster.map((r) => [r.navn, r.epost, r.virksomhet, r.sektor, r.rolle, r.kjonn, r.ansiennitet]),
      NORWEGIAN_EXCEL,
    ),
  });

  files.push({
    path: "data/oslo-hold-adskilt.csv",
    rows: keepApart.length,
    content: toCsv(
      ["E-post A", "E-post B"],
      keepApart.map((p) => [p.agencyDirector.epost, p.sectorDirector.epost]),
      NORWEGIAN_EXCEL,
    ),
  });

  const example = exampleRoster(roster);
  files.push({
    path: "data/example-en.csv",
    rows: example.length,
    content: toCsv(
      ["Name", "Email", "Agency", "Sector", "Role", "Gender", "Tenure"],
      example.map((r) => [
        r.navn,
        r.epost,
        r.virksomhet,
        r.sektor,
        r.rolle === "Direktør" ? "Director" : "Leader",
        r.kjonn === "K" ? "F" : "M",
        r.ansiennitet,
      ]),
      { delimiter: ",", bom: false, lineEnding: "\n", decimal: "." },
    ),
  });

  const synthetic = generateSyntheticPeople({ n: 5000, agencies: 120, sectors: 12, seed: SYNTHETIC_SEED });
  const keys = ["agency", "sector", "role", "gender", "tenure", "age"] as const;
  files.push({
    path: "data/synthetic-5000.csv",
    rows: synthetic.length,
    content: toCsv(
      ["Id", ...keys],
      synthetic.map((p) => [p.id, ...keys.map((k) => p.attributes[k])]),
      { delimiter: ";", bom: true, lineEnding: "\r\n", decimal: "." },
    ),
  });

  const problem = osloProblem(roster, reference);
  parseProblem(problem); // throws ProblemInputError listing every issue: never write a bad sample
  files.push({
    path: "data/oslo-ledere.problem.json",
    rows: problem.people.length,
    content: `${JSON.stringify(problem, null, 2)}\n`,
  });

  return files;
}
