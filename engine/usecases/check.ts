/**
 * `check`: will these rules hold at all? The compose request diagnosed before any search:
 * each reason the hard rules cannot all hold, with what would fix it. For rounds, each
 * round's own diagnosis.
 */
import { diagnose } from "../diagnose/diagnose.js";
import type { Diagnosis } from "../diagnose/types.js";
import { resolveGroups } from "../problem/groups.js";
import type { Problem } from "../problem/schema.js";
import { checkProblem } from "../problem/validate.js";
import { parseRoundsProblem } from "../rounds/validate.js";
import { parseComposeRequest, problemOf } from "./compose.js";

export interface CheckResult {
  /** No reason found why the hard rules could not all hold (in every round). */
  feasible: boolean;
  people: number;
  groups: number;
  /** The smallest and largest group size the rules allow. */
  sizes: [number, number];
  diagnoses: Diagnosis[];
  /** For rounds: each round's diagnoses. */
  rounds?: { id: string; diagnoses: Diagnosis[] }[];
  /** The problem as checked (defaults filled in), for a report. */
  problem: Problem;
}

export function check(input: unknown): CheckResult {
  const request = parseComposeRequest(input);
  const problem = checkProblem(problemOf(request));
  const summary = (p: Problem) => {
    const groups = resolveGroups(p);
    return {
      people: p.people.length,
      groups: groups.length,
      sizes: [
        Math.min(...groups.map((g) => g.minSize), Number.POSITIVE_INFINITY),
        Math.max(0, ...groups.map((g) => g.maxSize)),
      ] as [number, number],
    };
  };
  if (request.rounds) {
    const { exact: _e, threads: _t, roundsMode: _m, ...rounds } = request;
    const { roundProblems, problem: parsed } = parseRoundsProblem(rounds);
    const perRound = roundProblems.map((p, r) => ({ id: parsed.rounds[r].id, diagnoses: diagnose(p) }));
    const first = roundProblems[0];
    return {
      feasible: perRound.every((r) => r.diagnoses.length === 0),
      ...summary(first),
      diagnoses: perRound.flatMap((r) => r.diagnoses),
      rounds: perRound,
      problem,
    };
  }
  const diagnoses = diagnose(problem);
  const s = summary(problem);
  return {
    feasible: diagnoses.length === 0,
    ...s,
    sizes: s.groups === 0 ? [0, 0] : s.sizes,
    diagnoses,
    problem,
  };
}
