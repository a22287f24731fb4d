/**
 * Tverr's engine: the public surface, an explicit list of names. Front ends (the CLI, the
 * HTTP service, the page) use only these; a lint rule keeps them out of the engine's
 * internals. Everything a front end can do is a use case here:
 *
 *   assemble   roster table + settings → compose request (one path for every door)
 *   compose    one grouping or several rounds; search, exact MIP or threads
 *   check      will the rules hold at all, and what would fix them
 *   score      a grouping made by hand, with the same report
 *   network    who has met whom, before and after
 */

// Errors and words.
export type { Diagnosis, DiagnosisCode, Fix, FixKind } from "./diagnose/types.js";
export {
  formatPath,
  InfeasibleError,
  type InputIssue,
  type IssueHint,
  issue,
  jsonPointer,
  type PathPart,
  ProblemInputError,
} from "./errors.js";
// Benchmarks and exact mode from code.
export { type ExactResult, type ExactStatus, ExactUnsupportedError, solveExact } from "./exact/mip.js";
export {
  type GroupsCsvOptions,
  type GroupsCsvRoster,
  groupsCsv,
  type RoundsCsvOptions,
  roundsCsv,
} from "./export/groupsCsv.js";
// Workbooks out: the groups, a sheet per round, a summary.
export { type GroupsWorkbookInput, groupsWorkbook, XLSX_MEDIA_TYPE } from "./export/groupsXlsx.js";
export { type SummaryInput, summaryRows } from "./export/summary.js";
// JSON text with located issues.
export { parseJson, parseJsonText } from "./io/json.js";
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
export type { InputWarning, IssueCode, Shortlist } from "./locale/codes.js";
export { shortlist } from "./locale/codes.js";
export {
  en,
  issueMessage,
  LOCALES,
  type Locale,
  type LocaleTag,
  nb,
  pickLocale,
  wordDiagnosis,
  wordHint,
  wordIssue,
  wordWarning,
} from "./locale/index.js";
export type { CliUsageCode, CliUsageFacts, HttpCode, HttpFacts } from "./locale/types.js";
// The has-met network.
export type { AgencyTies } from "./network/agencyTies.js";
export {
  comparisonMarkdown,
  guessNetworkKeys,
  type History,
  type HistoryInput,
  type HistoryRound,
  HistoryRoundSchema,
  HistorySchema,
  type NetworkComparison,
  type NetworkMeasures,
  networkMarkdown,
} from "./network/index.js";
// The problem.
export { MAX_GROUPS, MAX_ID_LENGTH, MAX_REPEAT, MAX_ROUNDS } from "./problem/fields.js";
export { canonicalSizes, resolveGroups } from "./problem/groups.js";
export { entries, nullRecord, own } from "./problem/records.js";
export {
  type Assignment,
  AssignmentSchema,
  type AttributeSpec,
  type AttributeSpecInput,
  AttributeSpecSchema,
  type CategoricalAttribute,
  type GroupSpec,
  GroupsSchema,
  type NumericAttribute,
  type Person,
  PersonSchema,
  type Problem,
  type ProblemInput,
  ProblemSchema,
  type SolveOptions,
  SolveOptionsSchema,
} from "./problem/schema.js";
export { checkProblem, parseProblem, zodIssues } from "./problem/validate.js";
export {
  type CheckInput,
  type MarkdownOptions,
  markdownCheck,
  markdownReport,
  markdownRounds,
} from "./report/markdown.js";
// Results and reports.
export type { Changes, GroupReport, Report, SharedCategory, TermReport } from "./report/report.js";
export type { Violation } from "./report/violations.js";
// Files in, CSV or .xlsx (told by their bytes): the roster and every side file.
export {
  type FileTable,
  isWorkbook,
  type ReadFileOptions,
  type RosterFormat,
  readGroupingFile,
  readHistoryFile,
  readPersonSetsFile,
  readRosterFile,
} from "./roster/file.js";
// Rosters in, groupings out.
export {
  binaryFormat,
  type ColumnUse,
  categoryKey,
  decodeRosterBytes,
  decodeWindows1252,
  encodeWindows1252,
  findColumn,
  headerIsData,
  listColumns,
  neutraliseFormula,
  type PersonRef,
  parseTable,
  personRefs,
  type ReadHistoryOptions,
  type RosterMapping,
  RosterMappingSchema,
  type RosterPeople,
  type RosterRead,
  readGroupingCsv,
  readHistoryCsv,
  readPersonSetsCsv,
  readRoster,
  readRosterTable,
  type SkippedRow,
  type Table,
  type TableRow,
  toCsv,
} from "./roster/index.js";
export type { WorkbookLimits } from "./roster/workbook.js";
export { MeetingsSchema, ReachSchema, RoundSpecSchema, RoundsProblemSchema } from "./rounds/schema.js";
export type {
  MeetingsReport,
  ReachReport,
  RoundResult,
  RoundsMode,
  RoundsResult,
  RoundsStats,
} from "./rounds/solveRounds.js";
export { type SolveRoundsRuntime, solveRounds } from "./rounds/solveRounds.js";
export type { SearchConfigInput } from "./search/config.js";
export type { SearchProgress, StopReason } from "./search/driver.js";
export { type SolveResult, type SolveRuntime, type SolveStats, solve } from "./solve.js";
export type { TermKind } from "./terms/contract.js";
// Use cases and their schemas.
export { type Assembled, type AssembleInput, assemble } from "./usecases/assemble.js";
export { type CheckResult, check } from "./usecases/check.js";
export {
  type ComposeResult,
  type ComposeRuntime,
  compose,
  type ExactSummary,
  parseComposeRequest,
  problemOf,
  type RoundsComposition,
  type SingleComposition,
} from "./usecases/compose.js";
export { type NetworkResult, network } from "./usecases/network.js";
export {
  type ComposeRequest,
  type ComposeRequestInput,
  ComposeRequestSchema,
  type NetworkRequestInput,
  NetworkRequestSchema,
  type ScoreRequestInput,
  ScoreRequestSchema,
} from "./usecases/schemas.js";
export { type ScoreResult, score } from "./usecases/score.js";
export { type ComposeSettings, ComposeSettingsSchema, type ParsedSettings } from "./usecases/settings.js";
