/**
 * Composition over rounds: the public surface of engine/rounds.
 */
export { type MeetingFigures, repeatCost } from "./meetings.js";
export { type ReachFigures, reachFigures } from "./reach.js";
export { networkByRound, type RoundStep } from "./report.js";
export {
  MeetingsSchema,
  type MeetingsSpec,
  ReachSchema,
  type ReachSpec,
  type RoundSpec,
  RoundSpecSchema,
  type RoundsProblem,
  type RoundsProblemInput,
  RoundsProblemSchema,
} from "./schema.js";
export {
  type MeetingsReport,
  type ReachReport,
  type RoundResult,
  type RoundsMode,
  type RoundsProgress,
  type RoundsResult,
  type RoundsStats,
  type RoundsStopReason,
  type SolveRoundsRuntime,
  solveRounds,
} from "./solveRounds.js";
export { parseRoundsProblem, roundProblem } from "./validate.js";
