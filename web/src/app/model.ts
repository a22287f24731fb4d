/**
 * The page's state: the roster as the service read it, the settings, a composition in
 * progress, the grouping on screen with its undo and redo, several gatherings, a comparison.
 * Everything about people lives here, in memory only (see settings.ts for what is stored).
 */
import type { Lang } from "../api.js";
import type { PageSettings, PeopleRules } from "../settings.js";
import type {
  CheckResult,
  ComposeRequest,
  JobProgress,
  JobState,
  NetworkComparison,
  ProblemDetails,
  RosterPreview,
  RoundsComposition,
  ScoreResult,
  SingleComposition,
} from "../types.js";

export const STEPS = ["roster", "rules", "groups", "rounds", "compare", "export"] as const;
export type StepId = (typeof STEPS)[number];

/** A failure to show: a problem reply from the service, or that it could not be reached. */
export type Failure = { problem: ProblemDetails } | { offline: true };

export interface RosterState {
  file: File;
  sheet?: string;
  loading: boolean;
  preview?: RosterPreview;
  failure?: Failure;
  /** Side files given with the roster, kept to read them again with new settings. */
  sides: Partial<Record<"apart" | "together" | "pins" | "incumbent" | "history" | "grouping", File>>;
}

/** The parts of a report the page shows: a composition's and a score's are alike. */
export type ReportView = Pick<
  ScoreResult,
  | "feasible"
  | "violations"
  | "softScore"
  | "gap"
  | "provenOptimal"
  | "terms"
  | "groups"
  | "assignment"
  | "changes"
>;

export interface Snapshot {
  assignment: Record<string, string>;
  report: ReportView;
}

export type Change =
  | { kind: "move"; person: string; from: string; to: string }
  | { kind: "swap"; a: string; b: string; groupA: string; groupB: string };

export interface Pending extends Snapshot {
  change: Change;
}

export interface Grouping {
  /** The request it was composed (and is scored) with. */
  request: ComposeRequest;
  composed: SingleComposition;
  current: Snapshot;
  undo: Snapshot[];
  redo: Snapshot[];
  /** A change scored, not yet kept. */
  pending?: Pending & { loading: boolean };
  /** The person picked to move (keyboard, or a click). */
  selected?: string;
  /** Counts the compositions shown, so a new result is told from the last. */
  version: number;
}

export interface Run {
  purpose: "single" | "rounds" | "compare";
  jobId?: string;
  state: JobState | "starting";
  progress?: JobProgress;
  timeLimitMs: number;
  startedAt: number;
  abort: AbortController;
}

export interface RoundStat {
  round: string;
  newPeople: number;
  newAgencies: number;
  repeats: number;
  feasible: boolean;
}

export interface Rounds {
  request: ComposeRequest;
  result: RoundsComposition;
  stats?: RoundStat[];
  shown: number;
}

export interface Comparison {
  label: string;
  report: ReportView;
  /** For "other weights": the weights B was composed with, by column. */
  weights?: Record<string, number>;
}

export interface AppState {
  lang: Lang;
  step: StepId;
  settings: PageSettings;
  people: PeopleRules;
  /** Page pins: people pinned where they are on the cards (person id → group). */
  pinned: Record<string, string>;
  roster?: RosterState;
  check?: { loading: boolean; result?: CheckResult; failure?: Failure; applied?: string };
  run?: Run;
  runFailure?: Failure;
  grouping?: Grouping;
  rounds?: Rounds;
  compare?: { b?: Comparison; loading: boolean; failure?: Failure; weights: Record<string, number> };
  /** Seconds a finished job is kept by the service (from the page's meta tag). */
  jobTtlSeconds: number;
}

export type { NetworkComparison };
