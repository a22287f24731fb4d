/**
 * Compile a multi-round problem: each round becomes its own single-round model, objective and
 * incremental score (the single-round engine, reused as is), plus the maps between a round's
 * local person indices and the global ones, and the history's pair counts.
 */
import { compile } from "../compile/compile.js";
import type { Model } from "../compile/model.js";
import type { Problem } from "../problem/schema.js";
import { buildObjective, type Objective } from "../score/objective.js";
import type { MeetingsSpec, RoundsProblem } from "./schema.js";

export interface RoundModel {
  id: string;
  repeat: number;
  problem: Problem;
  model: Model;
  objective: Objective;
  /** Global person index of each of the round's (local) people. */
  globalOf: Int32Array;
}

export interface RoundsModel {
  /** People of the whole problem, globally indexed. */
  n: number;
  personIds: string[];
  rounds: RoundModel[];
  meetings: MeetingsSpec;
  /**
   * History as groups of global person indices, one list per (history round, group): each
   * adds one meeting and one grouping to every pair in it.
   */
  historyGroups: Int32Array[];
}

export function compileRounds(problem: RoundsProblem, roundProblems: Problem[]): RoundsModel {
  const personIndex = new Map(problem.people.map((p, i) => [p.id, i]));
  const rounds = roundProblems.map((single, r): RoundModel => {
    const model = compile(single);
    return {
      id: problem.rounds[r].id,
      repeat: problem.rounds[r].repeat,
      problem: single,
      model,
      objective: buildObjective(model),
      globalOf: Int32Array.from(model.personIds, (pid) => personIndex.get(pid) ?? -1),
    };
  });
  const historyGroups: Int32Array[] = [];
  for (const round of problem.history.rounds) {
    for (const members of Object.values(round.groups)) {
      historyGroups.push(Int32Array.from(members, (pid) => personIndex.get(pid) ?? -1));
    }
  }
  return {
    n: problem.people.length,
    personIds: problem.people.map((p) => p.id),
    rounds,
    meetings: problem.meetings,
    historyGroups,
  };
}
