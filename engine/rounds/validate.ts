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
import { type InputIssue, ProblemInputError } from "../errors.js";
import { checkHistory } from "../network/history.js";
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
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error));
  const problem = parsed.data;
  const issues: InputIssue[] = [];

  // The roster-wide checks of the single-round validator, without the group references
  // (those depend on the round).
  const { rounds: _r, history: _h, meetings: _m, reach: _reach, ...base } = problem;
  if (base.incumbent) {
    issues.push({ path: ["incumbent"], message: "an incumbent grouping cannot be combined with rounds" });
  }
  try {
    parseProblem({
      ...base,
      incumbent: undefined,
      rules: { ...base.rules, pins: {}, allowedGroups: {} },
    });
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);

  const personIds = new Set(problem.people.map((p) => p.id));
  const roundIds = new Set<string>();
  const allGroupIds = new Set<string>();
  const roundProblems: Problem[] = [];
  problem.rounds.forEach((round, r) => {
    if (roundIds.has(round.id))
      issues.push({ path: ["rounds", r, "id"], message: `duplicate round id "${round.id}"` });
    roundIds.add(round.id);
    const seen = new Set<string>();
    round.people?.forEach((pid, i) => {
      if (!personIds.has(pid))
        issues.push({ path: ["rounds", r, "people", i], message: `unknown person id "${pid}"` });
      else if (seen.has(pid))
        issues.push({ path: ["rounds", r, "people", i], message: `"${pid}" is listed twice` });
      seen.add(pid);
    });
    if (round.people && round.people.length === 0)
      issues.push({ path: ["rounds", r, "people"], message: "a round needs at least one person" });
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
        issues.push({ path: ["rounds", r], message: error.issues.map((i) => i.message).join("; ") });
    }
  });
  for (const [pid, gid] of Object.entries(problem.rules.pins)) {
    if (!personIds.has(pid))
      issues.push({ path: ["rules", "pins", pid], message: `unknown person id "${pid}"` });
    else if (!allGroupIds.has(gid))
      issues.push({ path: ["rules", "pins", pid], message: `group id "${gid}" is in no round` });
  }
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    if (!personIds.has(pid))
      issues.push({ path: ["rules", "allowedGroups", pid], message: `unknown person id "${pid}"` });
    gids.forEach((gid, j) => {
      if (!allGroupIds.has(gid))
        issues.push({
          path: ["rules", "allowedGroups", pid, j],
          message: `group id "${gid}" is in no round`,
        });
    });
  }
  issues.push(...checkHistory(problem.history, personIds));
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
  const pins: Record<string, string> = {};
  for (const [pid, gid] of Object.entries(problem.rules.pins))
    if (here(pid) && groupIds.has(gid)) pins[pid] = gid;
  const allowedGroups: Record<string, string[]> = {};
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    const kept = gids.filter((gid) => groupIds.has(gid));
    if (here(pid) && kept.length > 0) allowedGroups[pid] = kept;
  }
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
    const key = `${JSON.stringify(issue.path)} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
