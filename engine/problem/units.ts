/**
 * Keep-together sets become units: the people the search moves as one.
 *
 * Overlapping sets merge (union-find), so {a,b} and {b,c} make one unit {a,b,c}. Everyone
 * else is a unit of one. Units are numbered in order of their first member, so the result
 * depends only on the input order.
 */
import type { Problem } from "./schema.js";

export interface Units {
  /** Unit index of each person (by person index). */
  unitOf: Int32Array;
  /** Members (person indices, ascending) of each unit. */
  members: number[][];
}

export function togetherUnits(problem: Pick<Problem, "people" | "rules">): Units {
  const n = problem.people.length;
  const index = new Map(problem.people.map((p, i) => [p.id, i]));
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const set of problem.rules.together) {
    const first = index.get(set[0]);
    if (first === undefined) continue;
    for (const pid of set) {
      const other = index.get(pid);
      if (other === undefined) continue;
      const a = find(first);
      const b = find(other);
      // Keep the smaller index as root so numbering follows input order.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const unitOf = new Int32Array(n);
  const unitOfRoot = new Map<number, number>();
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let u = unitOfRoot.get(root);
    if (u === undefined) {
      u = members.length;
      unitOfRoot.set(root, u);
      members.push([]);
    }
    unitOf[i] = u;
    members[u].push(i);
  }
  return { unitOf, members };
}
