/**
 * `network`: who has met whom over earlier groupings, as measures (per person, per agency,
 * overall); with new rounds, the network before and after them.
 */
import { ProblemInputError } from "../errors.js";
import { buildMeetingGraph, meetingGraphsBeforeAfter } from "../network/graph.js";
import { checkHistory } from "../network/history.js";
import {
  compareNetworks,
  measureNetwork,
  type NetworkComparison,
  type NetworkMeasures,
} from "../network/measures.js";
import { zodIssues } from "../problem/validate.js";
import { NetworkRequestSchema } from "./schemas.js";

export type NetworkResult =
  | { kind: "measures"; measures: NetworkMeasures }
  | { kind: "comparison"; comparison: NetworkComparison };

export function network(input: unknown): NetworkResult {
  const parsed = NetworkRequestSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input));
  const { people, history, newRounds, agencyKey, sectorKey } = parsed.data;
  const keys = {
    ...(agencyKey !== undefined ? { agency: agencyKey } : {}),
    ...(sectorKey !== undefined ? { sector: sectorKey } : {}),
  };
  // Every unknown or doubled person, in the history and the new rounds alike, in one answer.
  const known = new Set(people.map((person) => person.id));
  const issues = [
    ...checkHistory(history, known),
    ...(newRounds !== undefined ? checkHistory({ rounds: newRounds }, known, ["newRounds"]) : []),
  ];
  if (issues.length > 0) throw new ProblemInputError(issues);
  if (newRounds !== undefined) {
    const graphs = meetingGraphsBeforeAfter(people, history, newRounds, keys);
    return { kind: "comparison", comparison: compareNetworks(graphs.before, graphs.after) };
  }
  return { kind: "measures", measures: measureNetwork(buildMeetingGraph(people, history, keys)) };
}
