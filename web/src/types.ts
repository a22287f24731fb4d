/**
 * What the public /v1 API answers, as the page reads it. The engine's own result types are
 * used as they are (type-only imports: no engine code is bundled but its locales).
 */
import type {
  ColumnUse,
  ComposeSettings,
  Diagnosis,
  History,
  NetworkComparison,
  NetworkMeasures,
  RoundsComposition,
  ScoreResult,
  SingleComposition,
} from "../../engine/index.js";

export type { AgencyTies, Fix, GroupReport, Person, TermReport, Violation } from "../../engine/index.js";
export type {
  ColumnUse,
  ComposeSettings,
  Diagnosis,
  History,
  NetworkComparison,
  NetworkMeasures,
  RoundsComposition,
  ScoreResult,
  SingleComposition,
};

/** A person as the roster preview lists them (the attributes the settings use). */
export interface PreviewPerson {
  id: string;
  name?: string;
  attributes: Record<string, string | number | null>;
}

/** The compose request the service assembled from the roster and the settings. */
export type ComposeRequest = Record<string, unknown> & { people: PreviewPerson[] };

/** `POST /v1/rosters`. */
export interface RosterPreview {
  people: PreviewPerson[];
  columns: (ColumnUse & { description: string })[];
  table: { columns: string[]; rows: [string, string[]][] };
  lines: Record<string, number>;
  skipped: { line: number; reasons: string[] }[];
  warnings: string[];
  delimiter: string;
  format: "csv" | "xlsx";
  sheet?: string;
  sheets?: { name: string; hidden: boolean; rows: number }[];
  request: ComposeRequest;
  sides: Sides;
}

export interface Sides {
  apart?: string[][];
  together?: string[][];
  pins?: Record<string, string>;
  incumbent?: Record<string, string>;
  history?: History;
  grouping?: Record<string, string>;
}

export type SidePart = keyof Sides;

/** One issue of a problem+json reply (a file's line and column, or a JSON path). */
export interface IssueDetail {
  code: string;
  path?: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  columnName?: string;
  hint?: string;
}

export interface ProblemDetails {
  title: string;
  status: number;
  detail?: string;
  code: string;
  issues?: IssueDetail[];
  diagnoses?: WordedDiagnosis[];
}

/** A diagnosis as /v1/checks words it. */
export type WordedDiagnosis = Diagnosis & { message: string; fixTexts: string[] };

/** `POST /v1/checks`. */
export interface CheckResult {
  feasible: boolean;
  people: number;
  groups: number;
  sizes: [number, number];
  diagnoses: WordedDiagnosis[];
  rounds?: { id: string; diagnoses: WordedDiagnosis[] }[];
}

export interface JobProgress {
  elapsedMs: number;
  iterations: number;
  bestHard: number;
  bestSoft: number;
}

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** A job resource (`GET /v1/jobs/{id}`), with its result when it has one. */
export interface Job {
  id: string;
  state: JobState;
  timeLimitMs: number;
  progress: JobProgress | null;
  expiresAt?: string;
  result?: SingleComposition | RoundsComposition;
  error?: ProblemDetails;
}

export type NetworkResult =
  | { kind: "measures"; measures: NetworkMeasures }
  | { kind: "comparison"; comparison: NetworkComparison };
