/**
 * An independent checker of the hard rules, written from the problem's own words (ids and
 * strings, no compiled model), so it can catch a bug shared by the engine's model and report.
 */
import type { Problem } from "../../../engine/problem/schema.js";
import { resolveGroups } from "../../../engine/problem/validate.js";

/** Names of the rules the grouping breaks (empty when every hard rule holds). */
export function brokenRules(problem: Problem, assignment: Record<string, string>): string[] {
  const broken: string[] = [];
  const groups = resolveGroups(problem);
  const members = new Map(groups.map((g) => [g.id, [] as Problem["people"]]));
  for (const person of problem.people) {
    const list = members.get(assignment[person.id]);
    if (!list) broken.push(`unplaced ${person.id}`);
    else list.push(person);
  }
  for (const g of groups) {
    const list = members.get(g.id) ?? [];
    if (list.length < g.minSize || list.length > g.maxSize) broken.push(`size ${g.id}`);
    for (const [name, spec] of Object.entries(problem.attributes)) {
      if (spec.kind !== "categorical") continue;
      const counts = new Map<string, number>();
      for (const p of list) {
        const v = p.attributes[name];
        if (v === null || v === undefined || v === "") continue;
        counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
      for (const [category, count] of counts) {
        const cap = spec.maxPerGroupByCategory?.[category] ?? spec.maxPerGroup;
        if (cap !== undefined && count > cap) broken.push(`cap ${name}=${category} in ${g.id}`);
      }
      for (const [category, min] of Object.entries(spec.minPerGroup ?? {})) {
        if ((counts.get(category) ?? 0) < min) broken.push(`min ${name}=${category} in ${g.id}`);
      }
    }
  }
  for (const set of problem.rules.apart) {
    const seen = new Set<string>();
    for (const id of set) {
      if (seen.has(assignment[id])) broken.push(`apart ${set.join("+")}`);
      seen.add(assignment[id]);
    }
  }
  for (const set of problem.rules.together) {
    if (new Set(set.map((id) => assignment[id])).size > 1) broken.push(`together ${set.join("+")}`);
  }
  for (const [id, gid] of Object.entries(problem.rules.pins)) {
    if (assignment[id] !== gid) broken.push(`pin ${id}`);
  }
  for (const [id, gids] of Object.entries(problem.rules.allowedGroups)) {
    if (!gids.includes(assignment[id])) broken.push(`allowed ${id}`);
  }
  return broken;
}
