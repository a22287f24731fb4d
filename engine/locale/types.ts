/**
 * A locale: every sentence a person reads, for one language. Data objects (input issues,
 * warnings, diagnoses and their fixes, violations, terms, reports) carry a code and facts;
 * a locale maps every code to words. The mapped types below list every code, so a missing
 * wording fails the typecheck. `nb.ts` (bokmål) and `en.ts` implement it.
 *
 * The modules that write text (report/markdown.ts, network/markdown.ts, the CLI, the
 * service's problem details, the page) take a Locale and never hold a sentence of their own.
 */
import type {
  DiagnosisCode,
  Diagnosis as DiagnosisData,
  FactsByCode,
  Fix,
  FixKind,
} from "../diagnose/types.js";
import type { IssueHint } from "../errors.js";
import type { Violation, ViolationRule } from "../report/violations.js";
import type { ColumnUse } from "../roster/mapping.js";
import type { StopReason } from "../search/budget.js";
import type { TermKind } from "../terms/contract.js";
import type { IssueCode, IssueFacts, SchemaIssueFacts, WarningCode, WarningFacts } from "./codes.js";
import type { PageWords, WorkbookWords } from "./pageTypes.js";

export type LocaleTag = "nb" | "en";

/** The ids a diagnosis names, already turned into display names by the caller. */
export interface Involved {
  people: readonly string[];
  groups: readonly string[];
}

/** What a term's name is made of. */
export interface TermName {
  term: TermKind;
  label: string;
  attribute?: string;
  category?: string;
}

/** A term's figures for its status line. */
export interface TermFigures extends TermName {
  raw: number;
  lowerBound: number;
  atBound: boolean;
  boundApplies: boolean;
  qualityPercent: number | null;
}

export type NetworkRow =
  | "people"
  | "rounds"
  | "ties"
  | "averagePeopleMet"
  | "agencyPairCoverage"
  | "crossAgencyShare"
  | "crossSectorShare"
  | "agencyModularity"
  | "repeatedPairs";

export type MeetingRow =
  | "pairsMet"
  | "newPairs"
  | "repeatPairs"
  | "repeats"
  | "maxMeetings"
  | "cost"
  | "lowerBound"
  | "randomExpectation";

export interface Locale {
  readonly tag: LocaleTag;
  /** The BCP 47 tag for Intl (number and list formatting). */
  readonly intl: string;

  // --- formatting ----------------------------------------------------------------------------
  /** A number with thousands separated and at most `digits` decimals (decimal comma in nb). */
  num(x: number, digits?: number): string;
  /** "a, b and c" / "a, b og c"; long lists end in "and N more". */
  list(items: readonly string[], word?: "and" | "or"): string;
  /** "1 person" / "3 people": the number formatted, the noun by number. */
  count(n: number, one: string, many: string): string;
  /** A quoted label: “Bydel Alna” / «Bydel Alna». */
  quote(text: string): string;
  seconds(ms: number): string;
  /** A quality percentage (null: the bound does not apply): "99.9%" / "99,9 %". */
  percent(quality: number | null, atBound: boolean): string;

  // --- input ---------------------------------------------------------------------------------
  issue: { [C in IssueCode]: (facts: IssueFacts[C]) => string };
  schema: (facts: SchemaIssueFacts) => string;
  hint: { [K in IssueHint["kind"]]: (hint: Extract<IssueHint, { kind: K }>) => string };
  /** Where an issue is: "oslo.csv, line 12, column 3 (Virksomhet)", or a JSON path. */
  location: (where: {
    file?: string;
    line?: number;
    column?: number;
    columnName?: string;
    path: string;
  }) => string;
  warning: { [C in WarningCode]: (facts: WarningFacts[C]) => string };
  /** How a roster column is used: "mixed (weight 3, at most 1 per group)", "not used: --spread Stilling". */
  columnUse: (use: ColumnUse) => string;

  // --- diagnoses -----------------------------------------------------------------------------
  diagnosis: { [C in DiagnosisCode]: (facts: FactsByCode[C], involved: Involved) => string };
  fix: { [K in FixKind]: (fix: Extract<Fix, { kind: K }>, involved: Involved) => string };

  // --- results -------------------------------------------------------------------------------
  violation: {
    [R in ViolationRule]: (v: Extract<Violation, { rule: R }>, name: (id: string) => string) => string;
  };
  term: {
    name: (t: TermName) => string;
    /** What the term's value measures, for the report's note. */
    value: Record<TermKind, string>;
    /** A short name of the kind of term: "mix", "balance". */
    kind: Record<TermKind, string>;
    /** The status cell: "optimal", "3 pairs above the bound", "the bound does not apply". */
    status: (t: TermFigures) => string;
  };
  stop: Record<StopReason, string>;
  report: ReportWords;
  network: NetworkWords;
  /** Names of the columns Tverr adds to a CSV or sheet it writes. */
  csv: { group: string; round: string; change: string; moved: (from: string) => string; newcomer: string };
  cli: CliWords;
  http: HttpWords;
  /** The workbook Tverr writes: its sheets' names. */
  workbook: WorkbookWords;
  /** The coordinators' page: its own words (pageWords.ts). */
  page: PageWords;
}

/** The HTTP service's own error codes and the facts their detail takes. */
export type HttpFacts = {
  invalid_input: { count: number; listed: number };
  infeasible: { count: number };
  shutting_down: Record<string, never>;
  queue_full: Record<string, never>;
  too_many_jobs: Record<string, never>;
  too_many_streams: Record<string, never>;
  request_timeout: Record<string, never>;
  uri_too_long: { max: number };
  worker_lost: { attempts: number };
  unauthorized: {
    reason: "missing" | "token" | "invalid_key" | "invalid";
    token?:
      | "keys_unavailable"
      | "no_subject"
      | "expired"
      | "claim"
      | "algorithm"
      | "unknown_key"
      | "signature"
      | "invalid";
    claim?: string;
  };
  rate_limited: { max: number; seconds: number };
  invalid_multipart: Record<string, never>;
  invalid_json: { part?: string };
  job_not_found: Record<string, never>;
  no_result: { state: string };
  cancelled: { reason: string };
  too_many_people: { count: number; max: number };
  body_too_large: Record<string, never>;
  unsupported_media_type: Record<string, never>;
  not_acceptable: Record<string, never>;
  not_found: { method: string; path: string };
  method_not_allowed: Record<string, never>;
  bad_request: Record<string, never>;
  too_large: Record<string, never>;
  internal: Record<string, never>;
  exact_unsupported: { terms: string[] };
};
export type HttpCode = keyof HttpFacts;

export interface HttpWords {
  title: (status: number) => string;
  detail: { [C in HttpCode]: (facts: HttpFacts[C]) => string };
}

export interface ReportWords {
  title: string;
  checkTitle: string;
  roundsTitle: string;
  summary: string;
  groups: string;
  headcount: (people: number, groups: number, sizes: string) => string;
  hardHold: string;
  hardBroken: (n: number) => string;
  diagnosesIntro: (n: number) => string;
  checkFails: (n: number) => string;
  checkHolds: string;
  fix: string;
  termsIntro: string;
  termHeader: [string, string, string, string, string, string];
  noTerms: string;
  boundNote: string;
  valueNote: (parts: string) => string;
  andMore: (n: number) => string;
  negativeNote: string;
  overallOptimal: string;
  overall: (quality: string) => string;
  search: (s: {
    iterations: number;
    totalMs: number;
    seed: number;
    stopReason: StopReason;
    timeToBestMs: number;
  }) => string;
  skipped: (n: number) => string;
  skippedRow: (line: number, reasons: string) => string;
  warnings: string;
  changes: (moved: number, newcomers: number) => string;
  movedRow: (person: string, from: string, to: string) => string;
  newcomersRow: (people: string) => string;
  groupHeading: (id: string, name: string | undefined, size: number) => string;
  memberNo: string;
  memberName: string;
  mean: string;
  distinct: (parts: string) => string;
  distinctPart: (attribute: string, n: number) => string;
  shared: string;
  sharedPart: (category: string, people: string) => string;
  noneShared: (attributes: string) => string;
  emptyGroup: string;
  checkSummary: (people: number, groups: number, sizes: string) => string;
  noGroups: (people: number) => string;
  attributes: (parts: readonly string[]) => string;
  attributePart: (name: string, use: string) => string;
  rules: (parts: readonly string[]) => string;
  apartRule: (n: number) => string;
  togetherRule: (n: number) => string;
  pinRule: (n: number) => string;
  allowedRule: (n: number) => string;
  incumbentRule: (n: number, weight: string) => string;
  roundsHeadcount: (rounds: number, people: number) => string;
  roundsHold: (forbid: boolean) => string;
  roundsBroken: (rounds: readonly string[], repeats: number, forbid: boolean) => string;
  meetings: string;
  meetingsHeader: [string, string];
  meetingRows: Record<MeetingRow, string>;
  meetingsNote: (weight: string, penalty: "square" | "linear", forbid: boolean) => string;
  reach: (parts: string) => string;
  reachPart: (attribute: string, mean: string) => string;
  roundsSearch: (s: {
    mode: "joint" | "sequential";
    iterations: number;
    totalMs: number;
    seed: number;
    stopReason: StopReason;
  }) => string;
  roundHeading: (id: string, repeat: number) => string;
  range: (min: number, max: number) => string;
  exactly: (n: number) => string;
}

export interface NetworkWords {
  title: string;
  measure: string;
  value: string;
  before: string;
  after: string;
  change: string;
  none: string;
  rows: Record<NetworkRow, string>;
  widest: (n: number) => string;
  narrowest: (n: number) => string;
  agency: string;
  agencyPeople: string;
  connected: string;
  connectedBefore: string;
  connectedAfter: string;
  ofAgencies: (n: number) => string;
  note: string;
  percentPoints: string;
}

/** A diagnosis as a locale words it: a sentence and its fixes. */
export interface WordedDiagnosis {
  message: string;
  fixes: string[];
}

export type { DiagnosisData };

/** What the command line can say about how it was called (usage errors), with the facts each needs. */
export type CliUsageFacts = {
  no_command: Record<string, never>;
  unknown_command: { command: string; suggestion?: string };
  unknown_option: { option: string; command: string; suggestion?: string };
  option_before_command: { option: string; suggestion?: string };
  needs_flag: { flag: string; needs: string };
  exact_unsupported: { terms: string[] };
  missing_value: { flag: string; value: string };
  unexpected_value: { flag: string };
  expected_whole: { flag: string; min: number };
  expected_integer: { flag: string };
  expected_weight: { flag: string };
  expected_seconds: { flag: string; max: number };
  expected_file: { flag: string };
  expected_column: { flag: string };
  expected_shape: { flag: string; shape: string };
  expected_choice: { flag: string; allowed: string[] };
  positionals: { command: string; expected: "roster" | "roster_groups" | "history"; got: number };
  one_stdin: Record<string, never>;
  output_is_input: { flag: string; file: string };
  no_groups: Record<string, never>;
  unknown_extension: { flag: string; extension: string; allowed: string[] };
  roster_required: Record<string, never>;
  before_and_new: Record<string, never>;
  before_too_many: { before: number; rounds: number; file: string };
  stdin_tty: Record<string, never>;
  mapping_for_json: { config: string; file: string };
  json_not_object: { file: string };
};
export type CliUsageCode = keyof CliUsageFacts;

/** The command line's own words: usage errors, status lines, help. */
export interface CliWords {
  usage: { [C in CliUsageCode]: (facts: CliUsageFacts[C]) => string };
  seeHelp: (command?: string) => string;
  cannotRead: (file: string, reason: string) => string;
  cannotWrite: (file: string, reason: string) => string;
  fileReason: (code: string | undefined) => string;
  internal: (name: string) => string;
  progress: (seconds: string, best: string, hard: number) => string;
  columnsHeading: (file: string) => string;
  columnLine: (column: string, use: string) => string;
  skippedRows: (count: number, file: string, lines: string) => string;
  summary: (people: number, groups: number, state: string, written: readonly string[]) => string;
  roundsSummary: (
    rounds: number,
    people: number,
    state: string,
    newPairs: number,
    repeatPairs: number,
    written: readonly string[],
  ) => string;
  allHold: string;
  allHoldRounds: string;
  broken: (count: number, parts: string) => string;
  ruleCount: (rule: string, n: number) => string;
  roundBroken: (round: string, what: string) => string;
  repeatsBroken: (n: number) => string;
  failIfInfeasible: (state: string) => string;
  infeasibleHint: string;
  infeasible: (n: number) => string;
  checkHolds: (written?: string) => string;
  checkFails: (n: number, written?: string) => string;
  interrupted: (written: readonly string[]) => string;
  stopped: (reason: string) => string;
  exact: (status: "optimal" | "infeasible" | "timeLimit", bound?: string) => string;
  unplaced: (line: number | undefined, name: string) => string;
  networkSummary: (
    people: number,
    rounds: number,
    newRounds: number | undefined,
    agency: string | null,
    sector: string | null,
    written?: string,
  ) => string;
  /** Help: the main text, and per command a usage line, a description and examples. */
  mainHelp: string;
  commandHelp: Record<
    "compose" | "check" | "score" | "network",
    { usage: string; about: string; examples: string; exit: string }
  >;
  groupHeadings: Record<
    "groups" | "columns" | "rules" | "search" | "rounds" | "input" | "output" | "general",
    string
  >;
  /** Each flag's description (the value hint stays as the table gives it). */
  flags: Record<string, string>;
  columnsNote: string;
}
