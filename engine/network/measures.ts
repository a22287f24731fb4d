/**
 * Measures of the has-met graph: what each person, each agency and the whole programme has
 * reached. One pass over the edges plus one over each person's edges: O(people + ties), never
 * over all pairs of people.
 *
 * Conventions (each stated where it is computed):
 * - A person's own agency and own sector are not counted among the agencies and sectors met.
 * - A person without an agency (or sector) value adds nothing to agency (sector) counts, and
 *   ties with such a person are left out of the agency (sector) crossing shares.
 * - In the agency partition used for modularity, each person without an agency is a community
 *   of their own.
 * - A share with nothing to divide by (no ties, fewer than two agencies) is null.
 */
import { type AgencyTies, agencyTies } from "./agencyTies.js";
import type { MeetingGraph } from "./graph.js";

export interface PersonReach {
  id: string;
  agency: string | null;
  sector: string | null;
  /** Distinct people met. */
  peopleMet: number;
  /** Distinct agencies met, not counting the person's own. */
  agenciesMet: number;
  /** Distinct sectors met, not counting the person's own. */
  sectorsMet: number;
  /** Pair meetings: the sum over people met of the times met. */
  meetings: number;
  /** People met more than once. */
  repeatedPartners: number;
}

export interface AgencyReach {
  agency: string;
  /** People of the agency in the graph. */
  people: number;
  /** Other agencies at least one of its people has met someone from. */
  connectedAgencies: number;
  /** connectedAgencies / (agencies − 1); null with a single agency. */
  share: number | null;
}

export interface OverallMeasures {
  people: number;
  /** Distinct agencies (and sectors) among the people, met or not. */
  agencies: number;
  sectors: number;
  /** Rounds in the graph. */
  rounds: number;
  /** Pairs that have met (edges). */
  ties: number;
  /** Pair meetings (the sum of edge weights). */
  meetings: number;
  averagePeopleMet: number | null;
  /** Agency pairs, and those with at least one tie between their people. */
  agencyPairs: number;
  connectedAgencyPairs: number;
  agencyPairCoverage: number | null;
  /** Of the ties whose two ends both have a sector, the share where the sectors differ. */
  crossSectorShare: number | null;
  /** Of the ties whose two ends both have an agency, the share where the agencies differ. */
  crossAgencyShare: number | null;
  /**
   * Weighted modularity of the agency partition, Q = Σ_c [L_c/W − (d_c/2W)²] with W the total
   * edge weight, L_c the weight inside agency c, d_c the weighted degree of its people. Near 0
   * or below: meetings ignore agency lines; falling over rounds: more mixing. Null without ties.
   */
  agencyModularity: number | null;
  /** Pairs that met more than once, and the meetings beyond each pair's first. */
  repeatedPairs: number;
  repeatedMeetings: number;
  /** The most times any pair has met (0 without ties). */
  maxMeetingsPerPair: number;
}

export interface NetworkMeasures {
  overall: OverallMeasures;
  /** In the graph's node order (the people's order). */
  people: PersonReach[];
  /** Sorted by agency name. */
  agencies: AgencyReach[];
  /** Ties between each pair of agencies (agencyTies.ts): the network by agency, for pictures. */
  agencyTies: AgencyTies;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const byName = (a: string, b: string) => a.localeCompare(b, "nb");

export function measureNetwork(graph: MeetingGraph): NetworkMeasures {
  // Per person: walk their own edges.
  const people: PersonReach[] = [];
  const degree = new Map<string, number>();
  graph.forEachNode((id, node) => {
    const agencies = new Set<string>();
    const sectors = new Set<string>();
    let peopleMet = 0;
    let meetings = 0;
    let repeatedPartners = 0;
    graph.forEachEdge(id, (_edge, { weight }, source, _target, sourceNode, targetNode) => {
      const other = source === id ? targetNode : sourceNode;
      peopleMet++;
      meetings += weight;
      if (weight > 1) repeatedPartners++;
      if (other.agency !== null && other.agency !== node.agency) agencies.add(other.agency);
      if (other.sector !== null && other.sector !== node.sector) sectors.add(other.sector);
    });
    degree.set(id, meetings);
    people.push({
      id,
      agency: node.agency,
      sector: node.sector,
      peopleMet,
      agenciesMet: agencies.size,
      sectorsMet: sectors.size,
      meetings,
      repeatedPartners,
    });
  });

  // Agencies, sectors and the degree of each agency community.
  const agencyPeople = new Map<string, number>();
  const agencyDegree = new Map<string, number>();
  const sectorNames = new Set<string>();
  let loneDegreeSquares = 0; // people without an agency: singleton communities
  for (const p of people) {
    if (p.sector !== null) sectorNames.add(p.sector);
    if (p.agency === null) {
      loneDegreeSquares += p.meetings * p.meetings;
      continue;
    }
    agencyPeople.set(p.agency, (agencyPeople.get(p.agency) ?? 0) + 1);
    agencyDegree.set(p.agency, (agencyDegree.get(p.agency) ?? 0) + p.meetings);
  }

  // One pass over the ties.
  const linked = new Map<string, Set<string>>();
  for (const agency of agencyPeople.keys()) linked.set(agency, new Set());
  let meetings = 0;
  let inside = 0;
  let sectorKnown = 0;
  let sectorCross = 0;
  let agencyKnown = 0;
  let agencyCross = 0;
  let repeatedPairs = 0;
  let repeatedMeetings = 0;
  let maxMeetingsPerPair = 0;
  graph.forEachEdge((_edge, { weight }, _s, _t, a, b) => {
    meetings += weight;
    if (weight > 1) {
      repeatedPairs++;
      repeatedMeetings += weight - 1;
    }
    if (weight > maxMeetingsPerPair) maxMeetingsPerPair = weight;
    if (a.sector !== null && b.sector !== null) {
      sectorKnown++;
      if (a.sector !== b.sector) sectorCross++;
    }
    if (a.agency !== null && b.agency !== null) {
      agencyKnown++;
      if (a.agency === b.agency) inside += weight;
      else {
        agencyCross++;
        linked.get(a.agency)!.add(b.agency);
        linked.get(b.agency)!.add(a.agency);
      }
    }
  });

  const agencyCount = agencyPeople.size;
  const agencies: AgencyReach[] = [...agencyPeople.keys()].sort(byName).map((agency) => {
    const connected = linked.get(agency)!.size;
    return {
      agency,
      people: agencyPeople.get(agency)!,
      connectedAgencies: connected,
      share: share(connected, agencyCount - 1),
    };
  });
  const connectedAgencyPairs = agencies.reduce((sum, a) => sum + a.connectedAgencies, 0) / 2;
  const agencyPairs = (agencyCount * (agencyCount - 1)) / 2;

  let agencyModularity: number | null = null;
  if (meetings > 0) {
    const twoW = 2 * meetings;
    let expected = loneDegreeSquares / (twoW * twoW);
    for (const d of agencyDegree.values()) expected += (d / twoW) ** 2;
    agencyModularity = inside / meetings - expected;
  }

  return {
    overall: {
      people: graph.order,
      agencies: agencyCount,
      sectors: sectorNames.size,
      rounds: graph.getAttribute("rounds"),
      ties: graph.size,
      meetings,
      averagePeopleMet: share(graph.size * 2, graph.order),
      agencyPairs,
      connectedAgencyPairs,
      agencyPairCoverage: share(connectedAgencyPairs, agencyPairs),
      crossSectorShare: share(sectorCross, sectorKnown),
      crossAgencyShare: share(agencyCross, agencyKnown),
      agencyModularity,
      repeatedPairs,
      repeatedMeetings,
      maxMeetingsPerPair,
    },
    people,
    agencies,
    agencyTies: agencyTies(graph),
  };
}

export interface AgencyChange {
  agency: string;
  people: number;
  /** Connected agencies before and after (0 for an agency absent on that side). */
  before: number;
  after: number;
}

export interface NetworkComparison {
  before: NetworkMeasures;
  after: NetworkMeasures;
  /** Every agency of either side, by name. */
  agencies: AgencyChange[];
}

/**
 * Before/after figures of two networks, e.g. the history alone and the history plus the new
 * rounds (see `meetingGraphsBeforeAfter`). Takes graphs or measures already computed.
 */
export function compareNetworks(
  before: MeetingGraph | NetworkMeasures,
  after: MeetingGraph | NetworkMeasures,
): NetworkComparison {
  const b = "overall" in before ? before : measureNetwork(before);
  const a = "overall" in after ? after : measureNetwork(after);
  const rows = new Map<string, AgencyChange>();
  for (const x of b.agencies)
    rows.set(x.agency, { agency: x.agency, people: x.people, before: x.connectedAgencies, after: 0 });
  for (const x of a.agencies) {
    const row = rows.get(x.agency);
    if (row) {
      row.after = x.connectedAgencies;
      row.people = x.people;
    } else rows.set(x.agency, { agency: x.agency, people: x.people, before: 0, after: x.connectedAgencies });
  }
  return {
    before: b,
    after: a,
    agencies: [...rows.values()].sort((x, y) => byName(x.agency, y.agency)),
  };
}
