/**
 * Parse and check a problem at the door: the zod schema first, then the cross-field rules
 * the schema cannot say (unique ids, references that must exist, values of the right kind,
 * group counts that fit the head count). Every issue names its JSON path; all issues are
 * reported at once, not the first alone. Issues point at people by position (a record keyed
 * by person ids by its entry number), never by id: ids are often e-mail addresses.
 */
import type { z } from "zod";
import { type InputIssue, issue, type PathPart, ProblemInputError } from "../errors.js";
import type { SchemaIssueFacts } from "../locale/codes.js";
import { MAX_ATTRIBUTES, MAX_ID_LENGTH } from "./fields.js";
import { groupCount, resolveGroups } from "./groups.js";
import { entries } from "./records.js";
import { type Problem, ProblemSchema } from "./schema.js";

export { resolveGroups } from "./groups.js";

/** Validate unknown input into a Problem, or throw ProblemInputError listing every issue. */
export function parseProblem(input: unknown): Problem {
  const parsed = ProblemSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input));
  return checkProblem(parsed.data);
}

/** The cross-field rules for a problem its schema already checked (a use case's request part). */
export function checkProblem(problem: Problem): Problem {
  const issues = crossFieldIssues(problem);
  if (issues.length > 0) throw new ProblemInputError(issues);
  return problem;
}

/**
 * Records keyed by person ids: an issue inside one is located by the entry's position, so
 * the id does not travel in the error. Wherever they are nested (`assignment` also covers
 * `incumbent.assignment` and an export's `groupings[n].assignment`).
 */
const PERSON_KEYED: readonly (readonly string[])[] = [
  ["rules", "pins"],
  ["rules", "allowedGroups"],
  ["assignment"],
];

/** zod's issues as the engine's: codes and facts, no input values, person keys as positions. */
export function zodIssues(error: z.ZodError, input?: unknown, prefix: PathPart[] = []): InputIssue[] {
  const out: InputIssue[] = [];
  for (const raw of error.issues) {
    const path = raw.path
      .filter((p): p is string | number => typeof p !== "symbol")
      .map((p) => (p === "\u0000__proto__" ? "__proto__" : p));
    out.push(
      issue("schema", schemaFacts(keyIssue(raw)), [
        ...prefix,
        ...longKeysAsEntries(personKeysAsEntries(path, input), input),
      ]),
    );
    if (out.length >= 200) break;
  }
  return out;
}

function personKeysAsEntries(path: (string | number)[], input: unknown): PathPart[] {
  // The record may sit anywhere (an export's groupings[2].assignment, a settings file's
  // problem.rules.pins): the first place its keys' path appears is where the id is.
  for (let at = 0; at < path.length; at++) {
    for (const keyed of PERSON_KEYED) {
      const end = at + keyed.length;
      if (path.length <= end || !keyed.every((k, i) => path[at + i] === k)) continue;
      const record = valueAt(input, path.slice(0, end));
      // A list there (a history group called "assignment") holds no person keys.
      if (!isObject(record)) continue;
      const index = Object.keys(record).indexOf(String(path[end]));
      return [...path.slice(0, end), { entry: Math.max(0, index) }, ...path.slice(end + 1)];
    }
  }
  return path;
}

/**
 * A key longer than any the schema accepts is named by its entry number: it is the input
 * that is wrong, and echoing it (twice, in the path and the pointer) would return whatever
 * the caller sent, a megabyte included.
 */
function longKeysAsEntries(path: PathPart[], input: unknown): PathPart[] {
  let node: unknown = input;
  return path.map((part) => {
    const parent = node;
    node =
      isObject(parent) || Array.isArray(parent)
        ? (parent as Record<string, unknown>)[String(part)]
        : undefined;
    if (typeof part !== "string" || part.length <= MAX_ID_LENGTH) return part;
    return { entry: isObject(parent) ? Math.max(0, Object.keys(parent).indexOf(part)) : 0 };
  });
}

/** A key zod refused, by what was wrong with it (too long, ...) rather than "a key is not valid". */
function keyIssue(raw: z.core.$ZodIssue): z.core.$ZodIssue {
  if (raw.code !== "invalid_key") return raw;
  return (raw as unknown as { issues?: z.core.$ZodIssue[] }).issues?.[0] ?? raw;
}

/** The value of `input` at `path`, or undefined. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let node = input;
  for (const k of path)
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[k] : undefined;
  return node;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function schemaFacts(raw: z.core.$ZodIssue): SchemaIssueFacts {
  const facts: SchemaIssueFacts = { zod: raw.code as SchemaIssueFacts["zod"] };
  const r = raw as unknown as Record<string, unknown>;
  if (typeof r.expected === "string") facts.expected = r.expected;
  if (raw.code === "invalid_type") facts.received = describeReceived(r.input);
  if (typeof r.minimum === "number" || typeof r.minimum === "bigint") facts.minimum = Number(r.minimum);
  if (typeof r.maximum === "number" || typeof r.maximum === "bigint") facts.maximum = Number(r.maximum);
  if (typeof r.inclusive === "boolean") facts.inclusive = r.inclusive;
  if (typeof r.origin === "string") facts.origin = r.origin;
  if (typeof r.format === "string") facts.format = r.format;
  if (Array.isArray(r.keys)) facts.keys = r.keys.slice(0, 5).map((k) => String(k).slice(0, 60));
  if (Array.isArray(r.values)) facts.values = r.values.slice(0, 10).map((v) => String(v));
  return facts;
}

/** The kind of a value zod refused (never the value itself). */
function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? "number" : "Infinity";
  return typeof value;
}

function crossFieldIssues(problem: Problem): InputIssue[] {
  const issues: InputIssue[] = [];
  const personIndex = new Map<string, number>();
  problem.people.forEach((person, i) => {
    const first = personIndex.get(person.id);
    if (first !== undefined)
      issues.push(issue("duplicate_id", { kind: "person", first }, ["people", i, "id"]));
    else personIndex.set(person.id, i);
  });

  issues.push(...groupIssues(problem));
  const described = entries(problem.attributes).length;
  if (described > MAX_ATTRIBUTES)
    issues.push(issue("above_limit", { limit: MAX_ATTRIBUTES, what: "attributes" }, ["attributes"]));
  const groupIds = new Set(resolveGroups(problem).map((g) => g.id));

  for (const [key, spec] of entries(problem.attributes)) {
    if (spec.kind !== "numeric") continue;
    problem.people.forEach((person, i) => {
      const v = Object.hasOwn(person.attributes, key) ? person.attributes[key] : undefined;
      if (v !== undefined && v !== null && typeof v !== "number") {
        issues.push(issue("attribute_not_numeric", { attribute: key }, ["people", i, "attributes", key]));
      }
    });
  }

  const checkPerson = (pid: string, path: PathPart[]) => {
    if (!personIndex.has(pid)) issues.push(issue("unknown_person", {}, path));
  };
  const checkGroup = (gid: string, path: PathPart[]) => {
    if (groupIds.size > 0 && !groupIds.has(gid)) issues.push(issue("unknown_group", {}, path));
  };
  for (const kind of ["apart", "together"] as const) {
    problem.rules[kind].forEach((set, i) => {
      const seen = new Set<string>();
      set.forEach((pid, j) => {
        checkPerson(pid, ["rules", kind, i, j]);
        if (seen.has(pid)) issues.push(issue("listed_twice", {}, ["rules", kind, i, j]));
        seen.add(pid);
      });
    });
  }
  entries(problem.rules.pins).forEach(([pid, gid], entry) => {
    checkPerson(pid, ["rules", "pins", { entry }]);
    checkGroup(gid, ["rules", "pins", { entry }]);
  });
  entries(problem.rules.allowedGroups).forEach(([pid, gids], entry) => {
    checkPerson(pid, ["rules", "allowedGroups", { entry }]);
    gids.forEach((gid, j) => {
      checkGroup(gid, ["rules", "allowedGroups", { entry }, j]);
    });
  });
  problem.pairwise?.pairs.forEach((pair, i) => {
    checkPerson(pair.a, ["pairwise", "pairs", i, "a"]);
    checkPerson(pair.b, ["pairwise", "pairs", i, "b"]);
    if (pair.a === pair.b) issues.push(issue("pair_same_person", {}, ["pairwise", "pairs", i]));
  });
  if (problem.distance) issues.push(...distanceIssues(problem.distance.matrix, problem.people.length));
  if (problem.incumbent) {
    entries(problem.incumbent.assignment).forEach(([pid, gid], entry) => {
      // People who dropped out may still be in the published grouping: that is the point of
      // repairing it, so unknown people are ignored; unknown groups are an error.
      if (personIndex.has(pid)) checkGroup(gid, ["incumbent", "assignment", { entry }]);
    });
  }
  return issues.slice(0, 500);
}

function groupIssues(problem: Problem): InputIssue[] {
  const g = problem.groups;
  const n = problem.people.length;
  const issues: InputIssue[] = [];
  const given = (["count", "size", "list"] as const).filter((k) => g[k] !== undefined);
  if (given.length > 1) issues.push(issue("groups_conflict", { given: [...given] }, ["groups"]));
  if (given.length === 0 && g.maxSize === undefined) issues.push(issue("groups_missing", {}, ["groups"]));
  if (g.list && (g.minSize !== undefined || g.maxSize !== undefined)) {
    issues.push(issue("groups_list_with_sizes", {}, ["groups"]));
  }
  if (g.minSize !== undefined && g.maxSize !== undefined && g.minSize > g.maxSize) {
    issues.push(issue("min_above_max", { min: g.minSize, max: g.maxSize }, ["groups", "minSize"]));
  }
  if (g.size !== undefined && g.maxSize !== undefined && g.size > g.maxSize) {
    issues.push(issue("min_above_max", { min: g.size, max: g.maxSize }, ["groups", "size"]));
  }
  if (g.size !== undefined && g.minSize !== undefined && g.size < g.minSize) {
    issues.push(issue("min_above_max", { min: g.minSize, max: g.size }, ["groups", "size"]));
  }
  // More groups than people: some would stay empty, and a count far above the head count
  // would allocate for nothing. An explicit list may name groups that stay empty (min 0).
  const m = groupCount(g, n);
  if (!g.list && m > n) {
    issues.push(
      issue("groups_above_people", { groups: m, people: n }, [
        "groups",
        g.count !== undefined ? "count" : "maxSize",
      ]),
    );
  }
  const ids = new Map<string, number>();
  g.list?.forEach((spec, i) => {
    const first = ids.get(spec.id);
    if (first !== undefined)
      issues.push(issue("duplicate_id", { kind: "group", first }, ["groups", "list", i, "id"]));
    else ids.set(spec.id, i);
    if (spec.minSize > spec.maxSize) {
      issues.push(
        issue("min_above_max", { min: spec.minSize, max: spec.maxSize }, ["groups", "list", i, "minSize"]),
      );
    }
  });
  return issues;
}

/** The matrix must be n×n, symmetric and zero on the diagonal; the first clash per row is named. */
function distanceIssues(matrix: number[][], n: number): InputIssue[] {
  const issues: InputIssue[] = [];
  if (matrix.length !== n) {
    return [issue("distance_rows", { expected: n, found: matrix.length }, ["distance", "matrix"])];
  }
  matrix.forEach((row, i) => {
    if (row.length !== n && issues.length < 20) {
      issues.push(issue("distance_columns", { expected: n, found: row.length }, ["distance", "matrix", i]));
    }
  });
  if (issues.length > 0) return issues;
  for (let i = 0; i < n && issues.length < 20; i++) {
    if (matrix[i][i] !== 0) issues.push(issue("distance_diagonal", {}, ["distance", "matrix", i, i]));
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i][j];
      const b = matrix[j][i];
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        issues.push(issue("distance_asymmetric", { row: j, column: i }, ["distance", "matrix", j, i]));
        break;
      }
    }
  }
  return issues;
}
