/**
 * `solveRounds`: compose several rounds of groups at once. Validate, diagnose each round,
 * compile each round with the single-round engine, construct, search the rounds jointly (or
 * one after another), report per round plus the meetings figures and the network before and
 * after. The joint search may start from a short sequential pass (`warmStartShare`); with
 * repeats forbidden it runs tabu search (tabu.ts), otherwise late acceptance (search.ts).
 *
 * The objective is Σ_rounds (the round's weighted normalised mixing terms) + weight ×
 * normalised meetings term, where the meetings term is 0 at its lower bound and 1 at the cost
 * of random groupings (see meetings.ts), + the reach weight × normalised reach term (0 at an
 * upper bound on reach, 1 at random groupings' reach; see reach.ts) when `reach` is set. Hard: every round's rules, and with `forbidRepeats`
 * no pair put together again.
 */
import { diagnose } from "../diagnose/diagnose.js";
import type { Diagnosis } from "../diagnose/types.js";
import { InfeasibleError } from "../errors.js";
import { meetingGraphsBeforeAfter } from "../network/graph.js";
import type { HistoryRound } from "../network/history.js";
import { compareNetworks, type NetworkComparison } from "../network/measures.js";
import { nullRecord } from "../problem/records.js";
import { buildReport, type Report } from "../report/report.js";
import { IncrementalScore } from "../score/incremental.js";
import { lightestWeight } from "../score/objective.js";
import { type SearchConfigInput, searchConfig } from "../search/config.js";
import { dealConstruction } from "../search/construct.js";
import { runSearch, type SearchProgress, type StopReason, stallRule } from "../search/driver.js";
import { Rng } from "../search/rng.js";
import { roundsStrategy } from "../search/strategies/index.js";
import { groupOfPeople, type SolveStats } from "../solve.js";
import { compileRounds } from "./compile.js";
import { type MeetingFigures, MeetingsTerm, meetingFigures, meetingsNorm } from "./meetings.js";
import { compileReach, ReachTerm, reachFigures, reachNorm } from "./reach.js";
import { RoundsSpace } from "./space.js";
import { parseRoundsProblem } from "./validate.js";

export type RoundsProgress = SearchProgress;
export type RoundsStopReason = StopReason;

export type RoundsMode = "joint" | "sequential";

export interface SolveRoundsRuntime {
  /** Abort to stop early; the best rounds found so far are returned. */
  signal?: AbortSignal;
  /** Called about every `progressIntervalMs` while searching (per round when sequential). */
  onProgress?: (progress: RoundsProgress & { round?: string }) => void;
  progressIntervalMs?: number;
  /** `joint` (default) searches all rounds at once; `sequential` one after another. */
  mode?: RoundsMode;
  search?: SearchConfigInput;
  /** The clock the time limit is measured on (ms); default wall time. Benchmarks pass CPU time. */
  clock?: () => number;
}

export interface RoundResult extends Report {
  id: string;
  repeat: number;
  /** Reasons found before searching why this round's hard rules cannot all hold. */
  diagnoses: Diagnosis[];
}

export interface MeetingsReport extends MeetingFigures {
  weight: number;
  penalty: "square" | "linear";
  forbidRepeats: boolean;
  lowerBound: number;
  /** Estimated cost of random groupings (a few seeded samples). */
  randomExpectation: number;
  /** (cost − bound) / (expectation − bound). */
  normalised: number;
}

export interface ReachReport {
  weight: number;
  /** The attribute keys counted. */
  attributes: string[];
  /** Σ over people and attributes of the distinct other categories met. */
  total: number;
  /** Per attribute key, the mean distinct other categories met per person (e.g. agencies met). */
  meanMet: Record<string, number>;
  /** Lower bound of the raw value −total (−upper bound on reach). */
  lowerBound: number;
  /** Estimated raw value −total of random groupings. */
  randomExpectation: number;
  /** (−total − bound) / (expectation − bound). */
  normalised: number;
}

/** A single search's figures, less the time to best; times to feasible are summed over searches. */
export interface RoundsStats extends Omit<SolveStats, "timeToBestMs" | "stopReason"> {
  mode: RoundsMode;
  stopReason: RoundsStopReason;
}

export interface RoundsResult {
  /** Every round's hard rules hold, and no pair is put together again when that is forbidden. */
  feasible: boolean;
  /** Σ rounds' soft scores + the meetings term's weight × normalised value. */
  softScore: number;
  rounds: RoundResult[];
  meetings: MeetingsReport;
  /** The reach term's figures; null when the problem has no `reach`. */
  reach: ReachReport | null;
  /** The composed rounds in the history's shape (group id → person ids), in order. */
  composed: HistoryRound[];
  /** The has-met network from the history alone and with the composed rounds (repeats counted). */
  network: NetworkComparison;
  stats: RoundsStats;
}

export async function solveRounds(input: unknown, runtime: SolveRoundsRuntime = {}): Promise<RoundsResult> {
  const t0 = performance.now();
  const { problem, roundProblems } = parseRoundsProblem(input);
  const diagnoses = roundProblems.map((single) => diagnose(single));
  if (problem.options.onInfeasible === "fail" && diagnoses.some((d) => d.length > 0))
    throw new InfeasibleError(diagnoses.flat());
  const rm = compileRounds(problem, roundProblems);
  if (rm.rounds.some((round) => round.model.m === 0)) throw new InfeasibleError(diagnoses.flat());
  const seed = problem.options.seed;
  const norm = meetingsNorm(rm, seed);
  const rng = new Rng(seed);
  const scores = rm.rounds.map(
    (round) => new IncrementalScore(round.model, round.objective, dealConstruction(round.model, rng)),
  );
  const term = new MeetingsTerm(rm);
  const reachModel = compileReach(problem);
  const rNorm = reachModel ? reachNorm(rm, reachModel, seed) : null;
  const reachTerm = reachModel && rNorm ? new ReachTerm(rm, reachModel) : null;
  const reachCoef = rNorm?.coef ?? 0;
  const reachFloor = (k: number) => (reachTerm && rNorm ? reachCoef * rNorm.boundAfter[k] : 0);
  const mode = runtime.mode ?? "joint";
  const config = searchConfig(runtime.search);
  const cross = {
    meetings: term,
    meetingsCoef: norm.coef,
    reach: reachTerm,
    reachCoef,
    forbidRepeats: problem.meetings.forbidRepeats,
    repeatPenalty: config.rounds.repeatPenalty,
  };
  const t1 = performance.now();
  const R = rm.rounds.length;
  let iterations = 0;
  let acceptedMoves = 0;
  let timeToFeasibleMs = 0;
  let stopReason: RoundsStopReason = "nothingToMove";
  const totalBudget = Math.max(0, problem.options.timeLimitMs - (t1 - t0));
  // The stall rule's unit of gain: every round's terms, the meetings and the reach term.
  const lightest = lightestWeight(
    rm.rounds.map((round) => round.objective),
    [problem.meetings.weight, reachModel?.weight ?? 0],
  );
  const search = async (searched: number[], floor: number, timeLimitMs: number, iterationLimit?: number) => {
    const label = searched.length === 1 ? rm.rounds[searched[0]].id : undefined;
    const space = new RoundsSpace(scores, searched, cross, floor, config.swapShare);
    const outcome = await runSearch(
      space,
      roundsStrategy(space, config, problem.meetings.forbidRepeats),
      rng,
      {
        timeLimitMs,
        iterationLimit,
        signal: runtime.signal,
        onProgress: runtime.onProgress
          ? (p) => runtime.onProgress?.(label !== undefined ? { ...p, round: label } : p)
          : undefined,
        progressIntervalMs: runtime.progressIntervalMs,
        clock: runtime.clock,
      },
      {
        assert: config.assert === "full",
        // A sequential step is one part of the search: only the whole may stop for a stall.
        stall: stallRule(config.stall, problem.options.stopWhenStalled && searched.length === R, lightest),
      },
    );
    iterations += outcome.iterations;
    acceptedMoves += outcome.acceptedMoves;
    if (outcome.timeToFeasibleMs < 0 || timeToFeasibleMs < 0) timeToFeasibleMs = -1;
    else timeToFeasibleMs += outcome.timeToFeasibleMs;
    stopReason = outcome.stopReason;
  };
  // Sequential: each round in turn against the ones before. Joint: the same pass on a share
  // of the budget as a warm start (`warmStartShare`), then every round at once, so the joint
  // search refines a grouping the sequential one would have returned.
  const limit = problem.options.iterationLimit;
  const share = config.rounds.warmStartShare ?? (problem.meetings.forbidRepeats ? 0 : 0.5);
  const warm = mode === "joint" ? Math.min(1, Math.max(0, share)) : 1;
  let forced = norm.history;
  for (let r = 0; r < R; r++) {
    term.addRound(r, scores[r].unitGroup);
    reachTerm?.addRound(r, scores[r].unitGroup);
    forced += norm.forced[r];
    if (warm === 0) continue;
    const spent = performance.now() - t1;
    const perRound = Math.max(0, (totalBudget * warm - spent) / (R - r));
    const floor = rm.rounds[r].objective.offset + norm.coef * forced + reachFloor(r + 1);
    await search(
      [r],
      floor,
      perRound,
      limit !== undefined ? Math.max(1, Math.floor((limit * warm) / R)) : undefined,
    );
    if ((stopReason as RoundsStopReason) === "aborted") {
      // Rounds not yet searched keep their construction, so the result stays complete.
      for (let rest = r + 1; rest < R; rest++) {
        term.addRound(rest, scores[rest].unitGroup);
        reachTerm?.addRound(rest, scores[rest].unitGroup);
      }
      break;
    }
  }
  if (mode === "joint" && (stopReason as RoundsStopReason) !== "aborted") {
    const floor = rm.rounds.reduce(
      (s, round) => s + round.objective.offset,
      norm.coef * norm.lowerBound + reachFloor(R),
    );
    const left = limit !== undefined ? limit - iterations : undefined;
    await search(
      rm.rounds.map((_, r) => r),
      floor,
      Math.max(0, totalBudget - (performance.now() - t1)),
      left !== undefined ? Math.max(1, left) : undefined,
    );
  }
  const t2 = performance.now();

  const groupOfs = rm.rounds.map((round, r) => groupOfPeople(round.model, scores[r].unitGroup));
  const rounds = rm.rounds.map(
    (round, r): RoundResult => ({
      id: round.id,
      repeat: round.repeat,
      ...buildReport(round.model, round.objective, groupOfs[r]),
      diagnoses: diagnoses[r],
    }),
  );
  const figures = meetingFigures(rm, groupOfs);
  const span = norm.expectation - norm.lowerBound;
  const normalised = span > 1e-9 ? (figures.cost - norm.lowerBound) / span : figures.cost - norm.lowerBound;
  const meetings: MeetingsReport = {
    ...figures,
    weight: problem.meetings.weight,
    penalty: problem.meetings.penalty,
    forbidRepeats: problem.meetings.forbidRepeats,
    lowerBound: norm.lowerBound,
    randomExpectation: norm.expectation,
    normalised,
  };
  let reachReport: ReachReport | null = null;
  if (reachModel && rNorm) {
    const rf = reachFigures(rm, reachModel, groupOfs);
    const rspan = rNorm.expectation - rNorm.lowerBound;
    const raw = 0 - rf.total;
    reachReport = {
      weight: reachModel.weight,
      attributes: reachModel.keys,
      total: rf.total,
      meanMet: rf.meanMet,
      lowerBound: rNorm.lowerBound,
      randomExpectation: rNorm.expectation,
      normalised: rspan > 1e-9 ? (raw - rNorm.lowerBound) / rspan : raw - rNorm.lowerBound,
    };
  }
  const composed: HistoryRound[] = rounds.map((round) => {
    // Group ids are the caller's: a null-prototype record keeps one called `__proto__`.
    return {
      round: round.id,
      groups: nullRecord(round.groups.map((g): [string, string[]] => [g.id, g.members])),
    };
  });
  const expanded = composed.flatMap((round, r) => Array.from({ length: rounds[r].repeat }, () => round));
  const graphs = meetingGraphsBeforeAfter(problem.people, problem.history, expanded);
  const t3 = performance.now();
  const searchMs = t2 - t1;
  return {
    feasible: rounds.every((r) => r.feasible) && (!problem.meetings.forbidRepeats || figures.repeats === 0),
    softScore: rounds.reduce(
      (s, r) => s + r.softScore,
      problem.meetings.weight * normalised + (reachReport ? reachReport.weight * reachReport.normalised : 0),
    ),
    rounds,
    meetings,
    reach: reachReport,
    composed,
    network: compareNetworks(graphs.before, graphs.after),
    stats: {
      seed,
      mode,
      iterations,
      acceptedMoves,
      movesPerSecond: searchMs > 0 ? Math.round((iterations / searchMs) * 1000) : 0,
      constructionMs: t1 - t0,
      searchMs,
      totalMs: t3 - t0,
      timeToFeasibleMs,
      stopReason,
    },
  };
}
