/**
 * Figures of a multi-round result that front ends and benchmarks read: the composed rounds in
 * the history's shape, and the network after each round (repeats, reach, agency-pair
 * coverage), built with the network measures of `engine/network`.
 */
import { addRounds, buildMeetingGraph, type MeetingGraph, type NetworkKeys } from "../network/graph.js";
import type { History, HistoryRound } from "../network/history.js";
import { measureNetwork } from "../network/measures.js";
import type { Person } from "../problem/schema.js";

export interface RoundStep {
  /** The round just added (its `repeat` gatherings counted as that many meetings). */
  round: string;
  /** Pairs that have met more than once, history included. */
  repeatedPairs: number;
  maxMeetingsPerPair: number;
  /** Pairs that have met at all. */
  ties: number;
  /** Mean over people of the distinct other agencies met (null without agencies). */
  averageAgenciesMet: number | null;
  /** Share of agency pairs with at least one tie. */
  agencyPairCoverage: number | null;
}

/**
 * The network after the history and each successive round. `rounds` are the composed rounds
 * in order, with how many gatherings each grouping meets.
 */
export function networkByRound(
  people: readonly Person[],
  history: History,
  rounds: readonly { round: HistoryRound; repeat: number }[],
  keys: NetworkKeys = {},
): RoundStep[] {
  const graph: MeetingGraph = buildMeetingGraph(people, history, keys);
  return rounds.map(({ round, repeat }) => {
    addRounds(
      graph,
      Array.from({ length: repeat }, () => round),
    );
    const measures = measureNetwork(graph);
    const withAgency = measures.people.filter((p) => p.agency !== null);
    return {
      round: round.round,
      repeatedPairs: measures.overall.repeatedPairs,
      maxMeetingsPerPair: measures.overall.maxMeetingsPerPair,
      ties: measures.overall.ties,
      averageAgenciesMet:
        withAgency.length > 0 ? withAgency.reduce((s, p) => s + p.agenciesMet, 0) / withAgency.length : null,
      agencyPairCoverage: measures.overall.agencyPairCoverage,
    };
  });
}
