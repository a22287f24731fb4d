/**
 * The "has met" graph: people as nodes (with their agency and sector), an undirected edge for
 * every pair that shared a group in some round, weighted by how many rounds they shared one.
 *
 * Building it iterates group members only (a group of k adds k(k-1)/2 pair meetings), never
 * all pairs of people, so 10,000 people over several rounds stay cheap.
 */
import { UndirectedGraph } from "graphology";
import { type InputIssue, issue, ProblemInputError } from "../errors.js";
import type { Person } from "../problem/schema.js";
import { recogniseHeader } from "../roster/columns.js";
import { checkHistory, type History, type HistoryRound } from "./history.js";

export interface PersonNode {
  /** The person's agency, or null when the attribute is absent or empty. */
  agency: string | null;
  /** The person's sector, or null when the attribute is absent or empty. */
  sector: string | null;
}

export interface MeetingEdge {
  /** How many rounds the two people were in one group. */
  weight: number;
}

export interface MeetingGraphAttributes {
  /** The attribute keys the agency and sector were read from (null: none). */
  agencyKey: string | null;
  sectorKey: string | null;
  /** Rounds added so far. */
  rounds: number;
}

export type MeetingGraph = UndirectedGraph<PersonNode, MeetingEdge, MeetingGraphAttributes>;

/** Which person attributes hold the agency and the sector. */
export interface NetworkKeys {
  agency?: string | null;
  sector?: string | null;
}

/**
 * The first attribute key recognised as an agency (Virksomhet, Etat, Bydel, Agency, ...) and as
 * a sector (Sektor, Byrådsavdeling, Sector, ...) among the people's attributes.
 */
export function guessNetworkKeys(people: readonly Person[]): {
  agency: string | null;
  sector: string | null;
} {
  let agency: string | null = null;
  let sector: string | null = null;
  const seen = new Set<string>();
  for (const person of people) {
    for (const key of Object.keys(person.attributes)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const role = recogniseHeader(key);
      if (role === "agency" && agency === null) agency = key;
      if (role === "sector" && sector === null) sector = key;
    }
    if (agency !== null && sector !== null) break;
  }
  return { agency, sector };
}

function category(person: Person, key: string | null): string | null {
  if (key === null) return null;
  const value = Object.hasOwn(person.attributes, key) ? person.attributes[key] : undefined;
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/**
 * A graph of every person (met or not) with no meetings yet. Keys left out are guessed with
 * `guessNetworkKeys`; pass `null` to have no agency or no sector.
 */
export function emptyMeetingGraph(people: readonly Person[], keys: NetworkKeys = {}): MeetingGraph {
  const guessed =
    keys.agency === undefined || keys.sector === undefined ? guessNetworkKeys(people) : undefined;
  const agencyKey = keys.agency !== undefined ? keys.agency : (guessed?.agency ?? null);
  const sectorKey = keys.sector !== undefined ? keys.sector : (guessed?.sector ?? null);
  const graph: MeetingGraph = new UndirectedGraph<PersonNode, MeetingEdge, MeetingGraphAttributes>();
  graph.replaceAttributes({ agencyKey, sectorKey, rounds: 0 });
  const issues: InputIssue[] = [];
  for (const [i, person] of people.entries()) {
    if (graph.hasNode(person.id)) {
      issues.push(
        issue("duplicate_id", { kind: "person", first: people.findIndex((p) => p.id === person.id) }, [
          "people",
          i,
          "id",
        ]),
      );
      continue;
    }
    graph.addNode(person.id, { agency: category(person, agencyKey), sector: category(person, sectorKey) });
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return graph;
}

/**
 * Add rounds of meetings to the graph in place: +1 on the edge of every pair in one group.
 * Throws ProblemInputError (paths under `history.rounds`, numbered from `graph`'s round count
 * up) for an unknown person or a person twice in one round, before changing anything.
 */
export function addRounds(graph: MeetingGraph, rounds: readonly HistoryRound[]): MeetingGraph {
  const known = { has: (id: string) => graph.hasNode(id) };
  const issues = checkHistory({ rounds: [...rounds] }, known).map((issue) => {
    const path = [...issue.path];
    if (typeof path[2] === "number") path[2] += graph.getAttribute("rounds");
    return { ...issue, path };
  });
  if (issues.length > 0) throw new ProblemInputError(issues);
  for (const round of rounds) {
    for (const members of Object.values(round.groups)) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          graph.updateUndirectedEdge(members[i], members[j], (edge) => ({ weight: (edge.weight ?? 0) + 1 }));
        }
      }
    }
  }
  graph.setAttribute("rounds", graph.getAttribute("rounds") + rounds.length);
  return graph;
}

/** The has-met graph of a history: every person a node, every shared group a meeting. */
export function buildMeetingGraph(
  people: readonly Person[],
  history: History,
  keys: NetworkKeys = {},
): MeetingGraph {
  return addRounds(emptyMeetingGraph(people, keys), history.rounds);
}

/**
 * The graph before and after new rounds: `before` from the history alone, `after` with the new
 * rounds added to a copy.
 */
export function meetingGraphsBeforeAfter(
  people: readonly Person[],
  history: History,
  newRounds: readonly HistoryRound[],
  keys: NetworkKeys = {},
): { before: MeetingGraph; after: MeetingGraph } {
  const before = buildMeetingGraph(people, history, keys);
  const after = addRounds(before.copy() as MeetingGraph, newRounds);
  return { before, after };
}
