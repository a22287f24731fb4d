/**
 * Tverr's engine: the public surface. Everything a front end can do is a function here.
 */
export { compile } from "./compile/compile.js";
export { diagnose } from "./diagnose/diagnose.js";
export type { Diagnosis, DiagnosisCode } from "./diagnose/types.js";
export {
  formatIssue,
  formatPath,
  InfeasibleError,
  type InputIssue,
  ProblemInputError,
} from "./errors.js";
export { type EvaluateResult, evaluate } from "./evaluate.js";
export { type ExactResult, type ExactStatus, ExactUnsupportedError, solveExact } from "./exact/mip.js";
export {
  MdgpFormatError,
  type MdgpInstance,
  type MdgpSolution,
  mdgpFeasible,
  mdgpObjective,
  mdgpProblem,
  parseMdgpInstance,
  parseMdgpSolution,
} from "./io/mdgplib.js";
export * from "./network/index.js";
export * from "./problem/schema.js";
export { parseProblem, resolveGroups } from "./problem/validate.js";
export type { GroupReport, Report, SharedCategory, TermReport } from "./report/report.js";
export type { Violation } from "./report/violations.js";
export * from "./roster/index.js";
export * from "./rounds/index.js";
export type { IteratedDescentConfig } from "./search/iteratedDescent.js";
export type { SearchConfig, SearchProgress, StopReason } from "./search/localSearch.js";
export { type SolveResult, type SolveRuntime, type SolveStats, solve } from "./solve.js";
