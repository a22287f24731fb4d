/**
 * The server's bounds on what one request may ask for, beyond the body size and the people
 * cap (errors.ts): each bounds work that the request's size alone does not (rounds built per
 * person, groups counted per term, pairs met, threads with their own heaps). Checked at the
 * door, before anything is built; over a bound is a 400 naming the part, with the limit.
 * The limits are the operator's (config.ts).
 */
import { type ComposeRequest, entries, issue, type PathPart, ProblemInputError } from "../engine/index.js";
import type { Config } from "./config.js";

/** Every bound on a compose request (compositions and checks). */
export function checkRequest(request: ComposeRequest, config: Config): void {
  checkRounds(request.rounds, request.people.length, config);
  checkGroupLists(request, config.maxPeople);
  checkThreads(request.threads, config.maxThreads);
  checkMeetingPairs([[request.history?.rounds, ["history", "rounds"]]], config.maxMeetingPairs);
}

/**
 * The server's bounds on rounds: how many, and people × rounds. Each round is restricted,
 * validated, compiled and (for a check) diagnosed per person, so the product bounds the work
 * a request costs before its search starts; checked before any round is built.
 */
export function checkRounds(
  rounds: readonly unknown[] | undefined,
  people: number,
  config: Pick<Config, "maxRounds" | "maxRoundPlacements">,
): void {
  if (rounds === undefined) return;
  if (rounds.length > config.maxRounds) {
    throw new ProblemInputError([
      issue("above_limit", { limit: config.maxRounds, what: "rounds" }, ["rounds"]),
    ]);
  }
  if (rounds.length * people > config.maxRoundPlacements) {
    throw new ProblemInputError([
      issue("above_limit", { limit: config.maxRoundPlacements, what: "placements" }, ["rounds"]),
    ]);
  }
}

/**
 * The server's bound on an explicit list of groups: no more groups than the people cap. A
 * list may name groups that stay empty, but beyond the cap they are only work (every term
 * and the diagnosis count per group), on the main thread for a check.
 */
export function checkGroupLists(
  request: {
    groups: { list?: readonly unknown[] };
    rounds?: readonly { groups?: { list?: readonly unknown[] } }[];
  },
  max: number,
): void {
  const lists: [readonly unknown[] | undefined, PathPart[]][] = [
    [request.groups.list, ["groups", "list"]],
    ...(request.rounds ?? []).map((r, i): [readonly unknown[] | undefined, PathPart[]] => [
      r.groups?.list,
      ["rounds", i, "groups", "list"],
    ]),
  ];
  const issues = lists
    .filter(([list]) => list !== undefined && list.length > max)
    .map(([, path]) => issue("above_limit", { limit: max, what: "groups" }, path));
  if (issues.length > 0) throw new ProblemInputError(issues.slice(0, 20));
}

/** Groups of earlier or new rounds: group id -> the people in it. */
type Rounds = readonly { groups: Readonly<Record<string, readonly unknown[]>> }[] | undefined;

/**
 * The server's bound on the meetings a history (and new rounds) stands for: the pairs in its
 * groups, Σ k(k−1)/2. The has-met network holds one tie per pair met, so ten thousand people
 * in groups of a thousand are five million ties, for a body well under the size limit.
 */
export function checkMeetingPairs(parts: [Rounds, PathPart[]][], max: number): void {
  let pairs = 0;
  for (const [rounds, path] of parts) {
    for (const round of rounds ?? []) {
      for (const [, members] of entries(round.groups)) pairs += (members.length * (members.length - 1)) / 2;
    }
    if (pairs > max) throw new ProblemInputError([issue("above_limit", { limit: max, what: "pairs" }, path)]);
  }
}

/**
 * The server's bound on `threads`: each is a thread with its own heap, inside a solver thread
 * of the pool; 64 of them for twelve people took 2.8 GB and a minute.
 */
export function checkThreads(threads: number, max: number): void {
  if (threads > max)
    throw new ProblemInputError([issue("above_limit", { limit: max, what: "threads" }, ["threads"])]);
}
