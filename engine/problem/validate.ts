/**
 * Parse and check a problem at the door: the zod schema first, then the cross-field rules
 * the schema cannot say (unique ids, references that must exist, values of the right kind).
 * Every issue names its JSON path; all issues are reported at once, not the first alone.
 */
import type { z } from "zod";
import { type InputIssue, ProblemInputError } from "../errors.js";
import { type GroupSpec, type Problem, ProblemSchema } from "./schema.js";

/** Validate unknown input into a Problem, or throw ProblemInputError listing every issue. */
export function parseProblem(input: unknown): Problem {
  const parsed = ProblemSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error));
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) throw new ProblemInputError(issues);
  return parsed.data;
}

export function zodIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: issue.message,
  }));
}

/**
 * The groups as an explicit list. Generated groups get ids "1".."m".
 * Sizes default to as even as possible: floor(n/m)..ceil(n/m).
 */
export function resolveGroups(problem: Pick<Problem, "groups" | "people">): GroupSpec[] {
  const g = problem.groups;
  if (g.list) return g.list;
  const n = problem.people.length;
  let count: number;
  if (g.count !== undefined) count = g.count;
  else if (g.size !== undefined) count = Math.max(1, Math.round(n / g.size));
  else if (g.maxSize !== undefined) count = Math.max(1, Math.ceil(n / g.maxSize));
  else return [];
  const minSize = g.minSize ?? Math.floor(n / count);
  const maxSize = g.maxSize ?? Math.max(1, Math.ceil(n / count));
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1), minSize, maxSize }));
}

function crossFieldIssues(problem: Problem): InputIssue[] {
  const issues: InputIssue[] = [];
  const personIndex = new Map<string, number>();
  problem.people.forEach((person, i) => {
    const first = personIndex.get(person.id);
    if (first !== undefined) {
      issues.push({
        path: ["people", i, "id"],
        message: `duplicate person id "${person.id}" (first at people[${first}])`,
      });
    } else personIndex.set(person.id, i);
  });

  issues.push(...groupIssues(problem));
  const groupIds = new Set(resolveGroups(problem).map((g) => g.id));

  for (const [key, spec] of Object.entries(problem.attributes)) {
    if (spec.kind !== "numeric") continue;
    problem.people.forEach((person, i) => {
      const v = person.attributes[key];
      if (v !== undefined && v !== null && typeof v !== "number") {
        issues.push({
          path: ["people", i, "attributes", key],
          message: `attribute "${key}" is numeric: expected a number or null, got text`,
        });
      }
    });
  }

  const checkPerson = (pid: string, path: (string | number)[]) => {
    if (!personIndex.has(pid)) issues.push({ path, message: `unknown person id "${pid}"` });
  };
  const checkGroup = (gid: string, path: (string | number)[]) => {
    if (groupIds.size > 0 && !groupIds.has(gid)) issues.push({ path, message: `unknown group id "${gid}"` });
  };
  for (const kind of ["apart", "together"] as const) {
    problem.rules[kind].forEach((set, i) => {
      const seen = new Set<string>();
      set.forEach((pid, j) => {
        checkPerson(pid, ["rules", kind, i, j]);
        if (seen.has(pid)) issues.push({ path: ["rules", kind, i, j], message: `"${pid}" is listed twice` });
        seen.add(pid);
      });
    });
  }
  for (const [pid, gid] of Object.entries(problem.rules.pins)) {
    checkPerson(pid, ["rules", "pins", pid]);
    checkGroup(gid, ["rules", "pins", pid]);
  }
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    checkPerson(pid, ["rules", "allowedGroups", pid]);
    gids.forEach((gid, j) => {
      checkGroup(gid, ["rules", "allowedGroups", pid, j]);
    });
  }
  problem.pairwise?.pairs.forEach((pair, i) => {
    checkPerson(pair.a, ["pairwise", "pairs", i, "a"]);
    checkPerson(pair.b, ["pairwise", "pairs", i, "b"]);
    if (pair.a === pair.b)
      issues.push({ path: ["pairwise", "pairs", i], message: "a pair needs two people" });
  });
  if (problem.distance) issues.push(...distanceIssues(problem.distance.matrix, problem.people.length));
  if (problem.incumbent) {
    for (const [pid, gid] of Object.entries(problem.incumbent.assignment)) {
      // People who dropped out may still be in the published grouping: that is the point of
      // repairing it, so unknown people are ignored; unknown groups are an error.
      if (personIndex.has(pid)) checkGroup(gid, ["incumbent", "assignment", pid]);
    }
  }
  return issues;
}

function groupIssues(problem: Problem): InputIssue[] {
  const g = problem.groups;
  const issues: InputIssue[] = [];
  const given = (["count", "size", "list"] as const).filter((k) => g[k] !== undefined);
  if (given.length > 1) {
    issues.push({
      path: ["groups"],
      message: `give only one of count, size or list (got ${given.join(", ")})`,
    });
  }
  if (given.length === 0 && g.maxSize === undefined) {
    issues.push({ path: ["groups"], message: "expected count, size, list, or minSize and maxSize" });
  }
  if (g.list && (g.minSize !== undefined || g.maxSize !== undefined)) {
    issues.push({ path: ["groups"], message: "with list, give each group its own minSize and maxSize" });
  }
  if (g.minSize !== undefined && g.maxSize !== undefined && g.minSize > g.maxSize) {
    issues.push({
      path: ["groups", "minSize"],
      message: `minSize ${g.minSize} is above maxSize ${g.maxSize}`,
    });
  }
  const ids = new Set<string>();
  g.list?.forEach((spec, i) => {
    if (ids.has(spec.id))
      issues.push({ path: ["groups", "list", i, "id"], message: `duplicate group id "${spec.id}"` });
    ids.add(spec.id);
    if (spec.minSize > spec.maxSize) {
      issues.push({
        path: ["groups", "list", i, "minSize"],
        message: `minSize ${spec.minSize} is above maxSize ${spec.maxSize}`,
      });
    }
  });
  return issues;
}

/** The matrix must be n×n, symmetric and zero on the diagonal; the first clash per row is named. */
function distanceIssues(matrix: number[][], n: number): InputIssue[] {
  const issues: InputIssue[] = [];
  if (matrix.length !== n) {
    return [
      { path: ["distance", "matrix"], message: `expected ${n} rows (one per person), got ${matrix.length}` },
    ];
  }
  matrix.forEach((row, i) => {
    if (row.length !== n) {
      issues.push({ path: ["distance", "matrix", i], message: `expected ${n} columns, got ${row.length}` });
    }
  });
  if (issues.length > 0) return issues;
  for (let i = 0; i < n && issues.length < 20; i++) {
    if (matrix[i][i] !== 0) {
      issues.push({
        path: ["distance", "matrix", i, i],
        message: `the diagonal must be 0, got ${matrix[i][i]}`,
      });
    }
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i][j];
      const b = matrix[j][i];
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        issues.push({
          path: ["distance", "matrix", j, i],
          message: `not symmetric: [${i}][${j}] is ${a}, [${j}][${i}] is ${b}`,
        });
        break;
      }
    }
  }
  return issues;
}
