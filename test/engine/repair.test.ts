/**
 * Repairing a published grouping after late sign-ups and drop-outs: with a stability weight,
 * few of the people who stay are moved, and the rules still hold.
 */
import { describe, expect, it } from "vitest";
import { type ProblemInput, solve } from "../../engine/index.js";

const agencies = [
  "Alna",
  "Bjerke",
  "Frogner",
  "Gamle Oslo",
  "Grorud",
  "Grünerløkka",
  "Nordre Aker",
  "Sagene",
];
const sectors = ["Helse", "Oppvekst", "Miljø"];
const person = (i: number) => ({
  id: `p${i}`,
  attributes: {
    agency: agencies[i % agencies.length],
    sector: sectors[(i * 7) % sectors.length],
    tenure: i % 17,
  },
});

describe("repair", () => {
  it("keeps most people where they were after two drop-outs and two late sign-ups", async () => {
    const base: ProblemInput = {
      people: Array.from({ length: 60 }, (_, i) => person(i)),
      groups: { count: 10, minSize: 5, maxSize: 7 },
      attributes: {
        agency: { kind: "categorical", weight: 3, maxPerGroup: 2 },
        sector: { kind: "categorical" },
        tenure: { kind: "numeric" },
      },
      options: { seed: 3, iterationLimit: 100_000 },
    };
    const published = await solve(base);
    expect(published.feasible).toBe(true);
    const people = [...base.people.slice(2), person(60), person(61)];
    const repaired = await solve({
      ...base,
      people,
      incumbent: { assignment: published.assignment, weight: 5 },
    });
    expect(repaired.feasible).toBe(true);
    const stayed = people.filter((p) => published.assignment[p.id] !== undefined);
    const moved = stayed.filter((p) => repaired.assignment[p.id] !== published.assignment[p.id]);
    expect(moved.length).toBeLessThanOrEqual(6);
    const stability = repaired.terms.find((t) => t.term === "stability");
    expect(stability?.raw).toBe(moved.length);
    // The report names who moved, from where to where, and who is new.
    expect(repaired.changes?.moved).toEqual(
      moved.map((p) => ({ person: p.id, from: published.assignment[p.id], to: repaired.assignment[p.id] })),
    );
    expect(repaired.changes?.newcomers).toEqual(["p60", "p61"]);
  });
});
