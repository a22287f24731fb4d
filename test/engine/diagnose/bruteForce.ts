/**
 * Test helper: decide feasibility of a small problem by trying every assignment.
 *
 * Written from the rules' definitions alone, sharing no code with the diagnosis. A depth-
 * first enumeration skips a branch only when the people placed so far already break a rule
 * that more people cannot repair (a maximum, a cap, a pin, an allowed list, keep-apart,
 * keep-together); every complete assignment it reaches is checked in full by
 * `violatedRule`. So it finds a feasible assignment whenever one of the m^n exists.
 */
import type { Problem } from "../../../engine/problem/schema.js";
import { resolveGroups } from "../../../engine/problem/validate.js";

/** The category a person has for an attribute, or undefined for no value. */
function category(problem: Problem, person: number, attribute: string): string | undefined {
  const raw = problem.people[person].attributes[attribute];
  return raw === undefined || raw === null || raw === "" ? undefined : String(raw);
}

function capOf(problem: Problem, attribute: string, cat: string): number | undefined {
  const spec = problem.attributes[attribute];
  if (spec.kind !== "categorical") return undefined;
  const byCat = spec.maxPerGroupByCategory;
  if (byCat !== undefined && Object.hasOwn(byCat, cat)) return byCat[cat];
  return spec.maxPerGroup;
}

/**
 * The first hard rule the assignment breaks, in words, or undefined when all hold.
 * `assignment[p]` is the group index of person p.
 */
export function violatedRule(problem: Problem, assignment: readonly number[]): string | undefined {
  const groups = resolveGroups(problem);
  const n = problem.people.length;
  const index = new Map(problem.people.map((p, i) => [p.id, i]));
  const groupId = (g: number) => groups[g].id;
  for (let g = 0; g < groups.length; g++) {
    const size = assignment.filter((x) => x === g).length;
    if (size < groups[g].minSize || size > groups[g].maxSize) return `size of group ${groupId(g)} is ${size}`;
  }
  for (const [name, spec] of Object.entries(problem.attributes)) {
    if (spec.kind !== "categorical") continue;
    for (let g = 0; g < groups.length; g++) {
      const counts = new Map<string, number>();
      for (let p = 0; p < n; p++) {
        const c = category(problem, p, name);
        if (assignment[p] === g && c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      for (const [c, k] of counts) {
        const cap = capOf(problem, name, c);
        if (cap !== undefined && k > cap) return `${name}=${c} has ${k} in group ${groupId(g)}`;
      }
      for (const [c, min] of Object.entries(spec.minPerGroup ?? {})) {
        if ((counts.get(c) ?? 0) < min) return `${name}=${c} below ${min} in group ${groupId(g)}`;
      }
    }
  }
  for (const set of problem.rules.apart) {
    const seen = new Set<number>();
    for (const pid of set) {
      const g = assignment[index.get(pid)!];
      if (seen.has(g)) return `apart set ${set.join(",")} shares group ${groupId(g)}`;
      seen.add(g);
    }
  }
  for (const set of problem.rules.together) {
    const g0 = assignment[index.get(set[0])!];
    if (set.some((pid) => assignment[index.get(pid)!] !== g0)) return `together set ${set.join(",")} split`;
  }
  for (const [pid, gid] of Object.entries(problem.rules.pins)) {
    if (groupId(assignment[index.get(pid)!]) !== gid) return `${pid} not in pinned group ${gid}`;
  }
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    if (!gids.includes(groupId(assignment[index.get(pid)!]))) return `${pid} not in an allowed group`;
  }
  return undefined;
}

/** A feasible assignment (group index per person), or undefined when none exists. */
export function findFeasible(problem: Problem): number[] | undefined {
  const groups = resolveGroups(problem);
  const m = groups.length;
  const n = problem.people.length;
  if (m === 0) return undefined;
  const index = new Map(problem.people.map((p, i) => [p.id, i]));
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));

  // Per person: the rules that can already fail with part of the people placed.
  const pin = new Array<number>(n).fill(-1);
  for (const [pid, gid] of Object.entries(problem.rules.pins)) pin[index.get(pid)!] = groupIndex.get(gid)!;
  const allowed = new Array<Set<number> | undefined>(n);
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    allowed[index.get(pid)!] = new Set(gids.map((gid) => groupIndex.get(gid)!));
  }
  const apartMates = Array.from({ length: n }, () => [] as number[]);
  for (const set of problem.rules.apart) {
    for (const a of set) for (const b of set) if (a !== b) apartMates[index.get(a)!].push(index.get(b)!);
  }
  const togetherMates = Array.from({ length: n }, () => [] as number[]);
  for (const set of problem.rules.together) {
    for (const a of set) for (const b of set) if (a !== b) togetherMates[index.get(a)!].push(index.get(b)!);
  }
  const capped: { cats: (string | undefined)[]; caps: Map<string, number | undefined> }[] = [];
  for (const [name, spec] of Object.entries(problem.attributes)) {
    if (spec.kind !== "categorical") continue;
    const cats = problem.people.map((_, p) => category(problem, p, name));
    const caps = new Map<string, number | undefined>();
    for (const c of cats) if (c !== undefined) caps.set(c, capOf(problem, name, c));
    capped.push({ cats, caps });
  }

  const assignment = new Array<number>(n).fill(-1);
  const sizes = new Array<number>(m).fill(0);
  const fits = (p: number, g: number): boolean => {
    if (sizes[g] + 1 > groups[g].maxSize) return false;
    if (pin[p] >= 0 && pin[p] !== g) return false;
    if (allowed[p] !== undefined && !allowed[p]!.has(g)) return false;
    for (const q of apartMates[p]) if (assignment[q] === g) return false;
    for (const q of togetherMates[p]) if (assignment[q] >= 0 && assignment[q] !== g) return false;
    for (const { cats, caps } of capped) {
      const c = cats[p];
      if (c === undefined) continue;
      const cap = caps.get(c);
      if (cap === undefined) continue;
      let k = 1;
      for (let q = 0; q < p; q++) if (assignment[q] === g && cats[q] === c) k++;
      if (k > cap) return false;
    }
    return true;
  };
  const place = (p: number): boolean => {
    if (p === n) return violatedRule(problem, assignment) === undefined;
    for (let g = 0; g < m; g++) {
      if (!fits(p, g)) continue;
      assignment[p] = g;
      sizes[g]++;
      if (place(p + 1)) return true;
      sizes[g]--;
      assignment[p] = -1;
    }
    return false;
  };
  return place(0) ? [...assignment] : undefined;
}

export function isFeasible(problem: Problem): boolean {
  return findFeasible(problem) !== undefined;
}
