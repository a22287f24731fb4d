/**
 * Properties of the network measures on random histories: adding a round never lowers
 * anyone's people met nor the agency-pair coverage, and every measure equals a brute-force
 * recount over all pairs (fine here, for a few dozen people).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRounds,
  buildMeetingGraph,
  emptyMeetingGraph,
  type HistoryRound,
  measureNetwork,
} from "../../../engine/network/index.js";
import type { Person } from "../../../engine/problem/schema.js";

interface Case {
  people: Person[];
  rounds: HistoryRound[];
  extra: HistoryRound;
}

/** People with agency and sector (some missing), rounds as a group index per person (−1: absent). */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 18 }),
    agencies: fc.integer({ min: 1, max: 5 }),
    groups: fc.integer({ min: 1, max: 5 }),
    rounds: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ n, agencies, groups, rounds }) =>
    fc.record({
      attrs: fc.array(
        fc.record({
          agency: fc.option(fc.integer({ min: 0, max: agencies - 1 }), { freq: 8 }),
          sector: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 8 }),
        }),
        { minLength: n, maxLength: n },
      ),
      slots: fc.array(fc.array(fc.integer({ min: -1, max: groups - 1 }), { minLength: n, maxLength: n }), {
        minLength: rounds + 1,
        maxLength: rounds + 1,
      }),
    }),
  )
  .map(({ attrs, slots }) => {
    const people = attrs.map((a, i) => ({
      id: `p${i}`,
      attributes: {
        Virksomhet: a.agency === null ? null : `A${a.agency}`,
        Sektor: a.sector === null ? "" : `S${a.sector}`,
      },
    }));
    const rounds = slots.map((slot, r): HistoryRound => {
      const groups: Record<string, string[]> = {};
      slot.forEach((g, i) => {
        if (g < 0) return;
        groups[`g${g}`] ??= [];
        groups[`g${g}`].push(`p${i}`);
      });
      return { round: `r${r}`, groups };
    });
    return { people, rounds: rounds.slice(1), extra: rounds[0] };
  });

describe("network properties", () => {
  it("adding a round never lowers people met or agency-pair coverage", () => {
    fc.assert(
      fc.property(caseArb, ({ people, rounds, extra }) => {
        const graph = buildMeetingGraph(people, { rounds });
        const before = measureNetwork(graph);
        const after = measureNetwork(addRounds(graph, [extra]));
        after.people.forEach((p, i) => {
          expect(p.peopleMet).toBeGreaterThanOrEqual(before.people[i].peopleMet);
          expect(p.agenciesMet).toBeGreaterThanOrEqual(before.people[i].agenciesMet);
          expect(p.sectorsMet).toBeGreaterThanOrEqual(before.people[i].sectorsMet);
        });
        expect(after.overall.connectedAgencyPairs).toBeGreaterThanOrEqual(
          before.overall.connectedAgencyPairs,
        );
        expect(after.overall.agencyPairCoverage ?? 0).toBeGreaterThanOrEqual(
          before.overall.agencyPairCoverage ?? 0,
        );
        expect(after.overall.ties).toBeGreaterThanOrEqual(before.overall.ties);
      }),
      { numRuns: 300, seed: 1111 },
    );
  });

  it("every measure equals a brute-force recount over all pairs", () => {
    fc.assert(
      fc.property(caseArb, ({ people, rounds, extra }) => {
        const all = [...rounds, extra];
        const m = measureNetwork(addRounds(emptyMeetingGraph(people), all));
        const n = people.length;
        const agency = people.map((p) => (p.attributes.Virksomhet as string | null) ?? null);
        const sector = people.map((p) => (p.attributes.Sektor as string) || null);
        // Adjacency matrix of meeting counts.
        const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
        for (const round of all)
          for (const members of Object.values(round.groups))
            for (const a of members)
              for (const b of members) if (a !== b) w[Number(a.slice(1))][Number(b.slice(1))]++;
        const k = w.map((row) => row.reduce((s, x) => s + x, 0));
        const twoW = k.reduce((s, x) => s + x, 0);
        // Modularity by the textbook double sum; people without an agency are singletons.
        let q = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            const same = i === j || (agency[i] !== null && agency[i] === agency[j]);
            if (same) q += w[i][j] - (k[i] * k[j]) / twoW;
          }
        if (twoW > 0) expect(m.overall.agencyModularity).toBeCloseTo(q / twoW, 9);
        else expect(m.overall.agencyModularity).toBeNull();

        let ties = 0;
        let crossAgency = 0;
        let agencyKnown = 0;
        let crossSector = 0;
        let sectorKnown = 0;
        const pairsTied = new Set<string>();
        for (let i = 0; i < n; i++) {
          const met = w[i].flatMap((x, j) => (x > 0 ? [j] : []));
          const reach = m.people[i];
          expect(reach.peopleMet).toBe(met.length);
          expect(reach.meetings).toBe(k[i]);
          expect(reach.repeatedPartners).toBe(met.filter((j) => w[i][j] > 1).length);
          const otherAgencies = new Set(
            met.map((j) => agency[j]).filter((a) => a !== null && a !== agency[i]),
          );
          const otherSectors = new Set(
            met.map((j) => sector[j]).filter((s) => s !== null && s !== sector[i]),
          );
          expect(reach.agenciesMet).toBe(otherAgencies.size);
          expect(reach.sectorsMet).toBe(otherSectors.size);
          for (const j of met) {
            if (j < i) continue;
            ties++;
            if (sector[i] !== null && sector[j] !== null) {
              sectorKnown++;
              if (sector[i] !== sector[j]) crossSector++;
            }
            if (agency[i] !== null && agency[j] !== null) {
              agencyKnown++;
              if (agency[i] !== agency[j]) {
                crossAgency++;
                pairsTied.add([agency[i], agency[j]].sort().join("|"));
              }
            }
          }
        }
        const agencies = new Set(agency.filter((a) => a !== null)).size;
        expect(m.overall.ties).toBe(ties);
        expect(m.overall.meetings).toBe(twoW / 2);
        expect(m.overall.agencies).toBe(agencies);
        expect(m.overall.connectedAgencyPairs).toBe(pairsTied.size);
        expect(m.overall.agencyPairs).toBe((agencies * (agencies - 1)) / 2);
        expect(m.overall.crossSectorShare).toBe(sectorKnown > 0 ? crossSector / sectorKnown : null);
        expect(m.overall.crossAgencyShare).toBe(agencyKnown > 0 ? crossAgency / agencyKnown : null);
      }),
      { numRuns: 300, seed: 1112 },
    );
  });
});

describe("scale", () => {
  it("measures 10,000 people over 6 rounds of groups of 6 in a few seconds", () => {
    const n = 10_000;
    const people: Person[] = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      attributes: { Virksomhet: `A${i % 400}`, Sektor: `S${i % 15}` },
    }));
    const rounds: HistoryRound[] = Array.from({ length: 6 }, (_, r) => {
      const groups: Record<string, string[]> = {};
      // A different stride each round re-mixes the groups.
      const stride = [1, 7, 13, 31, 61, 97][r];
      for (let i = 0; i < n; i++) {
        const g = `g${Math.floor(((i * stride) % n) / 6)}`;
        groups[g] ??= [];
        groups[g].push(`p${i}`);
      }
      return { round: `r${r}`, groups };
    });
    const start = performance.now();
    const m = measureNetwork(buildMeetingGraph(people, { rounds }));
    const ms = performance.now() - start;
    expect(m.overall.people).toBe(n);
    expect(m.overall.ties).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(15_000);
  });
});
