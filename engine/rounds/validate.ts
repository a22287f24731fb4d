/**
 * Parse and check a multi-round problem at the door, and derive each round's own
 * single-round problem.
 *
 * A round's problem is the main problem restricted to the people present, with the round's
 * groups (or the problem's). Rules are restricted the same way: keep-apart and keep-together
 * sets keep their present members (a set left with fewer than two is dropped), a pin applies
 * where its group id exists in the round, allowed groups keep the ids the round has (none
 * left: no restriction in that round), pairwise weights and distances keep present pairs.
 * An incumbent grouping (the repair of a published single grouping) does not carry over to
 * rounds and is rejected.
 */
import { type InputIssue, issue, ProblemInputError } from "../errors.js";
import { checkHistory } from "../network/history.js";
import { entries, nullRecord } from "../problem/records.js";
import type { Problem } from "../problem/schema.js";
import { parseProblem, resolveGroups, zodIssues } from "../problem/validate.js";
import { type RoundsProblem, RoundsProblemSchema } from "./schema.js";

export interface ParsedRounds {
  problem: RoundsProblem;
  /** One single-round problem per round, in order; validated. */
  roundProblems: Problem[];
}

/** Validate unknown input into a RoundsProblem and its rounds, or throw ProblemInputError. */
export function parseRoundsProblem(input: unknown): ParsedRounds {
  const parsed = RoundsProblemSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input));
  const problem = parsed.data;
  const issues: InputIssue[] = [];

  // The roster-wide checks of the single-round validator, without the group references
  // (those depend on the round).
  const { rounds: _r, history: _h, meetings: _m, reach: _reach, ...base } = problem;
  if (base.incumbent) {
    issues.push(issue("incumbent_with_rounds", {}, ["incumbent"]));
  }
  try {
    parseProblem({
      ...base,
      incumbent: undefined,
      rules: { ...base.rules, pins: Object.create(null), allowedGroups: Object.create(null) },
    });
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);

  const personIds = new Set(problem.people.map((p) => p.id));
  const roundIds = new Map<string, number>();
  const allGroupIds = new Set<string>();
  const roundProblems: Problem[] = [];
  problem.rounds.forEach((round, r) => {
    const firstRound = roundIds.get(round.id);
    if (firstRound !== undefined)
      issues.push(issue("duplicate_id", { kind: "round", first: firstRound }, ["rounds", r, "id"]));
    else roundIds.set(round.id, r);
    const seen = new Set<string>();
    round.people?.forEach((pid, i) => {
      if (!personIds.has(pid)) issues.push(issue("unknown_person", {}, ["rounds", r, "people", i]));
      else if (seen.has(pid)) issues.push(issue("listed_twice", {}, ["rounds", r, "people", i]));
      seen.add(pid);
    });
    if (round.people && round.people.length === 0)
      issues.push(issue("round_empty", {}, ["rounds", r, "people"]));
    const single = roundProblem(problem, r);
    for (const g of resolveGroups(single)) allGroupIds.add(g.id);
    try {
      roundProblems.push(parseProblem(single));
    } catch (error) {
      if (!(error instanceof ProblemInputError)) throw error;
      // Only the round's groups can be newly wrong: roster-wide issues were reported above.
      const before = issues.length;
      for (const issue of error.issues) {
        if (issue.path[0] === "groups")
          issues.push({ ...issue, path: round.groups ? ["rounds", r, ...issue.path] : issue.path });
      }
      if (issues.length === before)
        issues.push(...error.issues.map((i) => ({ ...i, path: ["rounds", r, ...i.path] })));
    }
  });
  entries(problem.rules.pins).forEach(([pid, gid], entry) => {
    if (!personIds.has(pid)) issues.push(issue("unknown_person", {}, ["rules", "pins", { entry }]));
    else if (!allGroupIds.has(gid)) issues.push(issue("group_in_no_round", {}, ["rules", "pins", { entry }]));
  });
  entries(problem.rules.allowedGroups).forEach(([pid, gids], entry) => {
    if (!personIds.has(pid)) issues.push(issue("unknown_person", {}, ["rules", "allowedGroups", { entry }]));
    gids.forEach((gid, j) => {
      if (!allGroupIds.has(gid))
        issues.push(issue("group_in_no_round", {}, ["rules", "allowedGroups", { entry }, j]));
    });
  });
  issues.push(...checkHistory(problem.history, personIds));
  const reachKeys = new Set<string>();
  problem.reach?.attributes?.forEach((key, i) => {
    if (reachKeys.has(key)) issues.push(issue("listed_twice", {}, ["reach", "attributes", i]));
    reachKeys.add(key);
  });
  if (issues.length > 0) throw new ProblemInputError(dedupe(issues));
  return { problem, roundProblems };
}

/** The single-round problem of round r (not yet validated; see the header for the rules). */
export function roundProblem(problem: RoundsProblem, r: number): Problem {
  const round = problem.rounds[r];
  const present = round.people ? new Set(round.people) : null;
  const here = (pid: string) => present === null || present.has(pid);
  const people = problem.people.filter((p) => here(p.id));
  const groups = round.groups ?? problem.groups;
  const groupIds = new Set(resolveGroups({ groups, people }).map((g) => g.id));
  const sets = (list: string[][]) => list.map((set) => set.filter(here)).filter((set) => set.length >= 2);
  const pins = nullRecord(entries(problem.rules.pins).filter(([pid, gid]) => here(pid) && groupIds.has(gid)));
  const allowedGroups = nullRecord(
    entries(problem.rules.allowedGroups)
      .map(([pid, gids]): [string, string[]] => [pid, gids.filter((gid) => groupIds.has(gid))])
      .filter(([pid, kept]) => here(pid) && kept.length > 0),
  );
  let distance: Problem["distance"];
  if (problem.distance) {
    const keep = problem.people.flatMap((p, i) => (here(p.id) ? [i] : []));
    const matrix = problem.distance.matrix;
    distance = {
      weight: problem.distance.weight,
      matrix: keep.map((i) => keep.map((j) => matrix[i]?.[j] ?? 0)),
    };
  }
  return {
    people,
    groups,
    attributes: problem.attributes,
    rules: {
      apart: sets(problem.rules.apart),
      together: sets(problem.rules.together),
      pins,
      allowedGroups,
    },
    ...(problem.pairwise
      ? {
          pairwise: {
            weight: problem.pairwise.weight,
            pairs: problem.pairwise.pairs.filter((pair) => here(pair.a) && here(pair.b)),
          },
        }
      : {}),
    ...(distance ? { distance } : {}),
    options: problem.options,
  };
}

function dedupe(issues: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${JSON.stringify(issue.path)} ${issue.code} ${JSON.stringify(issue.facts)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
