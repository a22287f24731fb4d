/**
 * Network measures against values worked out by hand on tiny graphs (written out below), the
 * before/after comparison, and the errors a bad history gives.
 */

import { describe, expect, it } from "vitest";
import { ProblemInputError } from "../../../engine/errors.js";
import {
  addRounds,
  buildMeetingGraph,
  compareNetworks,
  emptyMeetingGraph,
  type History,
  HistorySchema,
  measureNetwork,
  meetingGraphsBeforeAfter,
} from "../../../engine/network/index.js";
import type { Person } from "../../../engine/problem/schema.js";
import { worded } from "../roster/helpers.js";

const person = (id: string, attributes: Person["attributes"]): Person => ({ id, attributes });

/*
 * Example 1. p1 A/S1, p2 A/S1, p3 B/S1, p4 C/S2.
 * Round 1: x = {p1, p3}, y = {p2, p4}. Round 2: x = {p1, p2, p3}, y = {p4}.
 * Edges: p1–p3 ×2, p2–p4 ×1, p1–p2 ×1, p2–p3 ×1: 4 ties, W = 5 meetings.
 * Weighted degrees: p1 3, p2 3, p3 3, p4 1.
 * p1 met p3, p2 → 2 people; other agencies {B} → 1; other sectors {} → 0; 1 repeated partner.
 * p2 met p4, p1, p3 → 3; agencies {C, B} → 2; sectors {S2} → 1.
 * p3 met p1, p2 → 2; agencies {A} → 1; sectors {} → 0; 1 repeated partner.
 * p4 met p2 → 1; agencies {A} → 1; sectors {S1} → 1.
 * Agencies: A–B and A–C tied, B–C not: 2 of 3 pairs. A reaches 2, B 1, C 1.
 * Cross-sector ties: only p2–p4 → 1/4. Cross-agency: p1–p3, p2–p4, p2–p3 → 3/4.
 * Modularity: L_A = 1 (p1–p2), L_B = L_C = 0; d_A = 6, d_B = 3, d_C = 1; 2W = 10.
 *   Q = 1/5 − (0.6² + 0.3² + 0.1²) = 0.2 − 0.46 = −0.26.
 */
const example1People = [
  person("p1", { Virksomhet: "A", Sektor: "S1" }),
  person("p2", { Virksomhet: "A", Sektor: "S1" }),
  person("p3", { Virksomhet: "B", Sektor: "S1" }),
  person("p4", { Virksomhet: "C", Sektor: "S2" }),
];
const example1History: History = {
  rounds: [
    { round: "1", groups: { x: ["p1", "p3"], y: ["p2", "p4"] } },
    { round: "2", groups: { x: ["p1", "p2", "p3"], y: ["p4"] } },
  ],
};

describe("example 1: four people, three agencies, two rounds", () => {
  const graph = buildMeetingGraph(example1People, example1History);
  const m = measureNetwork(graph);

  it("builds the graph with weights and the guessed agency and sector keys", () => {
    expect(graph.getAttributes()).toEqual({ agencyKey: "Virksomhet", sectorKey: "Sektor", rounds: 2 });
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.getEdgeAttribute("p3", "p1", "weight")).toBe(2);
    expect(graph.getEdgeAttribute("p2", "p4", "weight")).toBe(1);
    expect(graph.hasEdge("p1", "p4")).toBe(false);
    expect(graph.getNodeAttributes("p4")).toEqual({ agency: "C", sector: "S2" });
  });

  it("per person", () => {
    expect(m.people).toEqual([
      {
        id: "p1",
        agency: "A",
        sector: "S1",
        peopleMet: 2,
        agenciesMet: 1,
        sectorsMet: 0,
        meetings: 3,
        repeatedPartners: 1,
      },
      {
        id: "p2",
        agency: "A",
        sector: "S1",
        peopleMet: 3,
        agenciesMet: 2,
        sectorsMet: 1,
        meetings: 3,
        repeatedPartners: 0,
      },
      {
        id: "p3",
        agency: "B",
        sector: "S1",
        peopleMet: 2,
        agenciesMet: 1,
        sectorsMet: 0,
        meetings: 3,
        repeatedPartners: 1,
      },
      {
        id: "p4",
        agency: "C",
        sector: "S2",
        peopleMet: 1,
        agenciesMet: 1,
        sectorsMet: 1,
        meetings: 1,
        repeatedPartners: 0,
      },
    ]);
  });

  it("per agency", () => {
    expect(m.agencies).toEqual([
      { agency: "A", people: 2, connectedAgencies: 2, share: 1 },
      { agency: "B", people: 1, connectedAgencies: 1, share: 0.5 },
      { agency: "C", people: 1, connectedAgencies: 1, share: 0.5 },
    ]);
  });

  it("overall", () => {
    const { agencyModularity, agencyPairCoverage, ...rest } = m.overall;
    expect(rest).toEqual({
      people: 4,
      agencies: 3,
      sectors: 2,
      rounds: 2,
      ties: 4,
      meetings: 5,
      averagePeopleMet: 2,
      agencyPairs: 3,
      connectedAgencyPairs: 2,
      crossSectorShare: 0.25,
      crossAgencyShare: 0.75,
      repeatedPairs: 1,
      repeatedMeetings: 1,
      maxMeetingsPerPair: 2,
    });
    expect(agencyPairCoverage).toBeCloseTo(2 / 3, 12);
    expect(agencyModularity).toBeCloseTo(-0.26, 12);
  });
});

/*
 * Example 2. Agencies A = {p1, p2}, B = {p3, p4}; no sector.
 * Before (round 1: {p1, p2}, {p3, p4}): W = 2, L_A = L_B = 1, d_A = d_B = 2, 2W = 4.
 *   Q = 2/2 − 2·(2/4)² = 0.5; agency pairs tied 0 of 1; no tie crosses agencies.
 * After (+ round 2: {p1, p3}, {p2, p4}): W = 4, L_A = L_B = 1, d_A = d_B = 4, 2W = 8.
 *   Q = 2/4 − 2·(4/8)² = 0; 1 of 1 agency pair; 2 of 4 ties cross agencies.
 */
describe("example 2: segregated, then mixed", () => {
  const people = [
    person("p1", { org: "A" }),
    person("p2", { org: "A" }),
    person("p3", { org: "B" }),
    person("p4", { org: "B" }),
  ];
  const history: History = { rounds: [{ round: "r1", groups: { g1: ["p1", "p2"], g2: ["p3", "p4"] } }] };
  const next = [{ round: "r2", groups: { g1: ["p1", "p3"], g2: ["p2", "p4"] } }];
  const { before, after } = meetingGraphsBeforeAfter(people, history, next, { agency: "org", sector: null });
  const c = compareNetworks(before, after);

  it("leaves the before graph untouched", () => {
    expect(before.size).toBe(2);
    expect(after.size).toBe(4);
    expect(after.getAttribute("rounds")).toBe(2);
  });

  it("before and after figures", () => {
    expect(c.before.overall).toMatchObject({
      ties: 2,
      meetings: 2,
      agencyPairs: 1,
      connectedAgencyPairs: 0,
      agencyPairCoverage: 0,
      crossAgencyShare: 0,
      crossSectorShare: null,
      sectors: 0,
      agencyModularity: 0.5,
    });
    expect(c.after.overall).toMatchObject({
      ties: 4,
      meetings: 4,
      connectedAgencyPairs: 1,
      agencyPairCoverage: 1,
      crossAgencyShare: 0.5,
      crossSectorShare: null,
      agencyModularity: 0,
      repeatedPairs: 0,
    });
    expect(c.agencies).toEqual([
      { agency: "A", people: 2, before: 0, after: 1 },
      { agency: "B", people: 2, before: 0, after: 1 },
    ]);
    expect(c.after.people.map((p) => [p.peopleMet, p.agenciesMet])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it("takes measures as well as graphs", () => {
    expect(compareNetworks(measureNetwork(before), measureNetwork(after))).toEqual(c);
  });
});

/*
 * Example 3. p1 A, p2 A, p3 without an agency, p4 B who meets no one. One group {p1, p2, p3}.
 * Ties p1–p2, p1–p3, p2–p3, each once: W = 3. L_A = 1; d_A = 4; p3 alone, degree 2; 2W = 6.
 *   Q = 1/3 − (4/6)² − (2/6)² = 12/36 − 16/36 − 4/36 = −2/9.
 * Agencies A, B: one pair, not tied. Ties with both agencies known: p1–p2 only, not crossing.
 * p3 has no agency of their own, so A counts as met; p1 and p2 meet no other agency.
 */
describe("example 3: a person without an agency, a person who met no one", () => {
  const people = [
    person("p1", { Etat: "A" }),
    person("p2", { Etat: "A" }),
    person("p3", { Etat: null }),
    person("p4", { Etat: "B" }),
  ];
  const m = measureNetwork(
    buildMeetingGraph(people, { rounds: [{ round: "1", groups: { g: ["p1", "p2", "p3"] } }] }),
  );

  it("overall", () => {
    expect(m.overall).toMatchObject({
      people: 4,
      agencies: 2,
      ties: 3,
      meetings: 3,
      averagePeopleMet: 1.5,
      agencyPairs: 1,
      connectedAgencyPairs: 0,
      agencyPairCoverage: 0,
      crossAgencyShare: 0,
      crossSectorShare: null,
    });
    expect(m.overall.agencyModularity).toBeCloseTo(-2 / 9, 12);
  });

  it("per person", () => {
    expect(m.people.map((p) => [p.id, p.peopleMet, p.agenciesMet])).toEqual([
      ["p1", 2, 0],
      ["p2", 2, 0],
      ["p3", 2, 1],
      ["p4", 0, 0],
    ]);
  });
});

describe("empty and degenerate networks", () => {
  it("no meetings: shares and modularity are null", () => {
    const m = measureNetwork(emptyMeetingGraph([person("a", {}), person("b", {})]));
    expect(m.overall).toMatchObject({
      ties: 0,
      agencies: 0,
      agencyPairCoverage: null,
      crossAgencyShare: null,
      agencyModularity: null,
      averagePeopleMet: 0,
    });
  });
});

describe("bad histories", () => {
  const people = example1People;
  const issues = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemInputError);
      return worded((error as ProblemInputError).issues);
    }
    throw new Error("expected a ProblemInputError");
  };

  it("names an unknown person and a person twice in a round by path, changing nothing", () => {
    const graph = buildMeetingGraph(people, example1History);
    expect(
      issues(() =>
        addRounds(graph, [
          { round: "3", groups: { a: ["p1", "nobody"], b: ["p2", "p2"] } },
          { round: "4", groups: { a: ["p1", "p3"], b: ["p4", "p1"] } },
        ]),
      ),
    ).toEqual([
      {
        code: "unknown_person",
        facts: {},
        path: ["history", "rounds", 2, "groups", "a", 1],
        text: "history.rounds[2].groups.a[1]: matches no person in the roster",
      },
      {
        code: "listed_twice",
        facts: {},
        path: ["history", "rounds", 2, "groups", "b", 1],
        text: "history.rounds[2].groups.b[1]: the same person is listed twice",
      },
      {
        code: "listed_twice",
        facts: {},
        path: ["history", "rounds", 3, "groups", "b", 1],
        text: "history.rounds[3].groups.b[1]: the same person is listed twice",
      },
    ]);
    expect(graph.size).toBe(4);
    expect(graph.getAttribute("rounds")).toBe(2);
  });

  it("rejects people with the same id", () => {
    expect(issues(() => emptyMeetingGraph([person("a", {}), person("a", {})]))).toEqual([
      {
        code: "duplicate_id",
        facts: { kind: "person", first: 0 },
        path: ["people", 1, "id"],
        text: "people[1].id: the same id as people[0]",
      },
    ]);
  });

  it("the schema fills in no rounds and rejects empty ids", () => {
    expect(HistorySchema.parse({})).toEqual({ rounds: [] });
    expect(HistorySchema.safeParse({ rounds: [{ round: "1", groups: { g: [""] } }] }).success).toBe(false);
  });
});
