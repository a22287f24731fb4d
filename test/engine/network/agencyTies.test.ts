/**
 * The network by agency: ties per pair of agencies (and inside one), each agency's size and
 * main sector, from the has-met graph; the same through the `network` use case's measures.
 */
import { describe, expect, it } from "vitest";
import { network } from "../../../engine/index.js";

const person = (id: string, agency: string | null, sector: string | null) => ({
  id,
  attributes: { Virksomhet: agency, Sektor: sector },
});

describe("agency ties", () => {
  it("counts the pairs of people who have met, per pair of agencies, naming no person", () => {
    const people = [
      person("a1", "Bydel Alna", "Helse"),
      person("a2", "Bydel Alna", "Helse"),
      person("b1", "Oslo Havn KF", "Næring"),
      person("c1", "Åsen skole", "Oppvekst"),
      person("c2", "Åsen skole", "Helse"),
      person("c3", "Åsen skole", "Oppvekst"),
      person("x", null, null),
    ];
    const result = network({
      people,
      history: {
        rounds: [
          { round: "1", groups: { "1": ["a1", "b1", "c1"], "2": ["a2", "c2", "x"] } },
          { round: "2", groups: { "1": ["a1", "a2"], "2": ["b1", "c1", "c3"] } },
        ],
      },
    });
    expect(result.kind).toBe("measures");
    if (result.kind !== "measures") return;
    const ties = result.measures.agencyTies;
    expect(ties.agencies).toEqual(["Bydel Alna", "Oslo Havn KF", "Åsen skole"]);
    expect(ties.people).toEqual([2, 1, 3]);
    expect(ties.sectors).toEqual(["Helse", "Næring", "Oppvekst"]);
    // a1–b1, a1–c1, a2–c2 (round 1); a1–a2, b1–c3 (round 2; b1–c1 met already); c1–c3 inside.
    expect(ties.links).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 2],
      [1, 2, 2],
      [2, 2, 1],
    ]);
    expect(JSON.stringify(ties)).not.toMatch(/"(a1|a2|b1|c1|c2|c3|x)"/);
  });
});
