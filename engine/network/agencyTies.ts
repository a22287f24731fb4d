/**
 * The has-met network by agency: for each pair of agencies, how many pairs of their people
 * have met (ties), and each agency's size and main sector. The picture of who has met whom
 * across agency lines (a node per agency, a line per connected pair) and the agency × agency
 * heat map are drawn from this; it names agencies, never people. One pass over the edges.
 */
import type { MeetingGraph } from "./graph.js";

export interface AgencyTies {
  /** Agencies by name. */
  agencies: string[];
  /** People per agency, in the same order. */
  people: number[];
  /** Each agency's most common sector (null when none of its people has one). */
  sectors: (string | null)[];
  /** [i, j, ties] for i ≤ j with at least one tie (i = j: pairs inside the agency). */
  links: [number, number, number][];
}

export function agencyTies(graph: MeetingGraph): AgencyTies {
  const size = new Map<string, number>();
  const sectorCounts = new Map<string, Map<string, number>>();
  graph.forEachNode((_id, node) => {
    if (node.agency === null) return;
    size.set(node.agency, (size.get(node.agency) ?? 0) + 1);
    if (node.sector === null) return;
    const counts = sectorCounts.get(node.agency) ?? new Map<string, number>();
    counts.set(node.sector, (counts.get(node.sector) ?? 0) + 1);
    sectorCounts.set(node.agency, counts);
  });
  const agencies = [...size.keys()].sort((a, b) => a.localeCompare(b, "nb"));
  const index = new Map(agencies.map((a, i) => [a, i]));
  const ties = new Map<number, number>();
  const n = agencies.length;
  graph.forEachEdge((_edge, _attributes, _source, _target, s, t) => {
    const i = s.agency === null ? undefined : index.get(s.agency);
    const j = t.agency === null ? undefined : index.get(t.agency);
    if (i === undefined || j === undefined) return;
    const key = Math.min(i, j) * n + Math.max(i, j);
    ties.set(key, (ties.get(key) ?? 0) + 1);
  });
  const links = [...ties]
    .map(([key, count]): [number, number, number] => [Math.floor(key / n), key % n, count])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    agencies,
    people: agencies.map((a) => size.get(a) ?? 0),
    sectors: agencies.map((a) => {
      let best: string | null = null;
      let most = 0;
      for (const [sector, count] of sectorCounts.get(a) ?? []) {
        if (count > most || (count === most && best !== null && sector.localeCompare(best, "nb") < 0)) {
          best = sector;
          most = count;
        }
      }
      return best;
    }),
    links,
  };
}
