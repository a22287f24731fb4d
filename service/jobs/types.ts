/**
 * Jobs: every composition is one. What a job is, and what a job store does, whether it keeps
 * jobs in this process's memory (the default) or in PostgreSQL (DATABASE_URL).
 *
 * Life of a job: queued → running → succeeded | failed | cancelled. A finished job keeps its
 * result for the job TTL, then it is deleted. A job belongs to the caller that created it
 * (`owner`): for anyone else it does not exist.
 */
import type { Person, SearchProgress, SkippedRow } from "../../engine/index.js";
import type { ProblemData } from "../errors.js";
import type { Composition, CompositionResult } from "../worker.js";

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type CancelReason = "client" | "deadline" | "shutdown";

export const JOB_STATES: readonly JobState[] = ["queued", "running", "succeeded", "failed", "cancelled"];
export const FINAL_STATES: readonly JobState[] = ["succeeded", "failed", "cancelled"];
export const isFinal = (job: Pick<Job, "state">) => FINAL_STATES.includes(job.state);

/**
 * What the CSV export needs besides the result: the roster's own columns and cells (as
 * JSON-safe rows, since a job may be stored in PostgreSQL), or the problem's people.
 */
export type CsvSource =
  | { roster: { columns: string[]; rows: [id: string, cells: string[]][]; delimiter: string } }
  | { people: Person[] };

export interface JobMeta {
  /** The request that created the job, for the log. */
  requestId: string;
  /** The caller it belongs to (`request.caller.id`). */
  owner: string;
  csv: CsvSource;
  /** Roster rows left out under the mapping's skipInvalidRows. */
  skipped: SkippedRow[];
}

export interface Job extends JobMeta {
  id: string;
  state: JobState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  people: number;
  timeLimitMs: number;
  /** One grouping or several rounds: what the result holds. */
  kind: Composition["kind"];
  progress?: SearchProgress;
  result?: CompositionResult;
  error?: ProblemData;
  cancelReason?: CancelReason;
}

export interface JobCounts {
  byState: Record<JobState, number>;
}

export interface JobStore {
  /** Queue a composition. Throws HttpError 503 when the queue is full or on shutdown. */
  submit(composition: Composition, meta: JobMeta): Promise<Job>;
  /** The job with its result, if it exists and belongs to `owner`. */
  get(id: string, owner: string): Promise<Job | undefined>;
  /** Stop a queued or running job; it settles as cancelled shortly after. */
  cancel(id: string, owner: string, reason?: CancelReason): Promise<void>;
  /** Forget a finished job and its result; false if there was none to forget. */
  remove(id: string, owner: string): Promise<boolean>;
  /**
   * `onChange` gets the job (without its result) on every change of state or progress;
   * `onClose` is called if the store closes first (a stream should end then).
   */
  watch(id: string, onChange: (job: Job) => void, onClose?: () => void): () => void;
  /** New jobs are taken (readiness). */
  accepting(): Promise<boolean>;
  counts(): Promise<JobCounts>;
  /** Stop taking jobs; let this process's running ones finish within `graceMs`; cancel the rest. */
  close(graceMs: number): Promise<void>;
}

export const emptyCounts = (): Record<JobState, number> => ({
  queued: 0,
  running: 0,
  succeeded: 0,
  failed: 0,
  cancelled: 0,
});
