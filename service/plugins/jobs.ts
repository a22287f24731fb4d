/**
 * The job store: every composition is a job, run on the pool, kept in memory (never on disk)
 * until it expires. Decorates the instance with `jobs`.
 *
 * Life of a job: queued → running → succeeded | failed | cancelled. A job is queued until a
 * thread picks it up; at most `queueMax` jobs wait (a full queue is a 503 with Retry-After).
 * A finished job keeps its result for `jobTtlMs`, then is forgotten; when `jobsMax` jobs are
 * held, the oldest finished ones make room. A running job that overruns its time limit by
 * `DEADLINE_SLACK_MS` is cancelled. On close, the store stops taking jobs, lets running ones
 * finish within the grace period, then cancels the rest.
 *
 * Logs one line per job when it finishes: ids, sizes, timings, outcome. Never the problem,
 * the result or an error's wording (they name people).
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { FastifyBaseLogger } from "fastify";
import type { GroupsCsvRoster } from "../../engine/export/groupsCsv.js";
import type { Person } from "../../engine/index.js";
import { InfeasibleError, ProblemInputError, type SearchProgress } from "../../engine/index.js";
import type { SkippedRow } from "../../engine/roster/index.js";
import type { Config } from "../config.js";
import { HttpError, type ProblemDetails, problemFrom } from "../errors.js";
import { type Composition, type CompositionResult, isRoundsResult, type SolveOutcome } from "../worker.js";
import type { SolveHandle, SolverPool } from "./pool.js";
import { shared } from "./shared.js";

const DEADLINE_SLACK_MS = 5_000;
const SWEEP_EVERY_MS = 30_000;

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type CancelReason = "client" | "deadline" | "shutdown";

/** What the CSV export needs besides the result: the roster's own columns, or the problem's people. */
export type CsvSource = { roster: GroupsCsvRoster } | { people: Person[] };

export interface JobMeta {
  /** The request that created the job, for the log. */
  requestId: string;
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
  error?: ProblemDetails;
  cancelReason?: CancelReason;
  /** Emits "update" on every change of state or progress. */
  events: EventEmitter;
  /** Resolves when the job reaches a final state. */
  settled: Promise<void>;
}

export const FINAL_STATES: readonly JobState[] = ["succeeded", "failed", "cancelled"];
export const isFinal = (job: Job) => FINAL_STATES.includes(job.state);

interface Entry {
  job: Job;
  handle?: SolveHandle;
  deadline?: NodeJS.Timeout;
  resolve: () => void;
}

export class JobStore {
  readonly #entries = new Map<string, Entry>();
  readonly #config: Config;
  readonly #pool: SolverPool;
  readonly #log: FastifyBaseLogger;
  readonly #sweeper: NodeJS.Timeout;
  #closing = false;

  constructor(config: Config, pool: SolverPool, log: FastifyBaseLogger) {
    this.#config = config;
    this.#pool = pool;
    this.#log = log;
    this.#sweeper = setInterval(() => this.sweep(), Math.min(SWEEP_EVERY_MS, config.jobTtlMs));
    this.#sweeper.unref();
  }

  get queued(): number {
    let n = 0;
    for (const { job } of this.#entries.values()) if (job.state === "queued") n++;
    return n;
  }

  get running(): number {
    let n = 0;
    for (const { job } of this.#entries.values()) if (job.state === "running") n++;
    return n;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Room for one more job in the queue (readiness). */
  get acceptsJobs(): boolean {
    return !this.#closing && this.queued < this.#config.queueMax + this.#idleThreads();
  }

  /** Queue a solve. Throws HttpError 503 when the queue or the store is full, or on shutdown. */
  submit(composition: Composition, meta: JobMeta): Job {
    const { problem } = composition;
    if (this.#closing)
      throw new HttpError(503, "shutting_down", "Service unavailable", "The server is shutting down");
    if (!this.acceptsJobs) {
      throw new HttpError(
        503,
        "queue_full",
        "Service unavailable",
        "Every solver is busy and the queue is full",
        {
          "retry-after": String(this.#retryAfterSeconds()),
        },
      );
    }
    this.sweep();
    if (this.#entries.size >= this.#config.jobsMax && !this.#evictOldestFinished()) {
      throw new HttpError(
        503,
        "too_many_jobs",
        "Service unavailable",
        "Too many jobs are held; try again later",
        {
          "retry-after": String(this.#retryAfterSeconds()),
        },
      );
    }
    let resolve!: () => void;
    const settled = new Promise<void>((r) => {
      resolve = r;
    });
    const job: Job = {
      id: randomUUID(),
      ...meta,
      kind: composition.kind,
      state: "queued",
      createdAt: Date.now(),
      people: problem.people.length,
      timeLimitMs: problem.options.timeLimitMs,
      events: new EventEmitter(),
      settled,
    };
    job.events.setMaxListeners(100);
    const entry: Entry = { job, resolve };
    this.#entries.set(job.id, entry);
    entry.handle = this.#pool.run(composition, {
      progressIntervalMs: this.#config.progressIntervalMs,
      onStart: () => this.#started(entry),
      onProgress: (progress) => {
        if (isFinal(job)) return;
        job.progress = progress;
        job.events.emit("update", job);
      },
    });
    entry.handle.done.then(
      (outcome) => this.#finishWith(entry, outcome),
      (err: unknown) => this.#finishWithError(entry, err),
    );
    return job;
  }

  get(id: string): Job | undefined {
    const entry = this.#entries.get(id);
    if (entry && this.#expired(entry.job, Date.now())) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry?.job;
  }

  /** Stop a queued or running job; the job settles as cancelled shortly after. */
  cancel(id: string, reason: CancelReason = "client"): void {
    const entry = this.#entries.get(id);
    if (!entry || isFinal(entry.job)) return;
    entry.job.cancelReason ??= reason;
    entry.handle?.cancel();
  }

  /** Forget a finished job and its result. */
  remove(id: string): void {
    const entry = this.#entries.get(id);
    if (entry && isFinal(entry.job)) this.#entries.delete(id);
  }

  /** Drop expired jobs. */
  sweep(): void {
    const now = Date.now();
    for (const [id, { job }] of this.#entries) if (this.#expired(job, now)) this.#entries.delete(id);
  }

  /** Stop taking jobs; let running ones finish within `graceMs`; cancel what is left. */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    clearInterval(this.#sweeper);
    const open = [...this.#entries.values()].filter((e) => !isFinal(e.job));
    for (const e of open) if (e.job.state === "queued") this.cancel(e.job.id, "shutdown");
    const all = Promise.all(open.map((e) => e.job.settled));
    const grace = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
    if ((await Promise.race([all, grace])) === "timeout") {
      for (const e of open) this.cancel(e.job.id, "shutdown");
      await all;
    }
  }

  #idleThreads(): number {
    return Math.max(0, this.#pool.size - this.running);
  }

  #expired(job: Job, now: number): boolean {
    return job.finishedAt !== undefined && now - job.finishedAt >= this.#config.jobTtlMs;
  }

  #evictOldestFinished(): boolean {
    for (const [id, { job }] of this.#entries) {
      // Map order is insertion order: the first finished job is the oldest.
      if (isFinal(job)) {
        this.#entries.delete(id);
        return true;
      }
    }
    return false;
  }

  /** Seconds until the first running job should be done: a fair time to come back. */
  #retryAfterSeconds(): number {
    const now = Date.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const { job } of this.#entries.values()) {
      if (job.state === "running" && job.startedAt !== undefined) {
        soonest = Math.min(soonest, job.startedAt + job.timeLimitMs - now);
      }
    }
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest / 1000)) : 1;
  }

  #started(entry: Entry): void {
    const { job } = entry;
    if (job.state !== "queued") return;
    job.state = "running";
    job.startedAt = Date.now();
    entry.deadline = setTimeout(() => this.cancel(job.id, "deadline"), job.timeLimitMs + DEADLINE_SLACK_MS);
    entry.deadline.unref();
    job.events.emit("update", job);
  }

  #finishWith(entry: Entry, outcome: SolveOutcome): void {
    const { job } = entry;
    switch (outcome.kind) {
      case "solved":
        job.result = outcome.result;
        this.#finish(entry, outcome.cancelled ? "cancelled" : "succeeded");
        return;
      case "infeasible":
        job.error = problemFrom(new InfeasibleError(outcome.diagnoses));
        this.#finish(entry, "failed");
        return;
      case "invalid_input":
        job.error = problemFrom(new ProblemInputError(outcome.issues));
        this.#finish(entry, "failed");
        return;
    }
  }

  #finishWithError(entry: Entry, err: unknown): void {
    if (entry.job.cancelReason !== undefined) {
      this.#finish(entry, "cancelled");
      return;
    }
    // Only the kind: an engine error's message may quote the input.
    this.#log.error(
      { jobId: entry.job.id, errType: err instanceof Error ? err.name : typeof err },
      "solver thread failed",
    );
    entry.job.error = problemFrom(err);
    this.#finish(entry, "failed");
  }

  #finish(entry: Entry, state: JobState): void {
    const { job } = entry;
    clearTimeout(entry.deadline);
    entry.handle = undefined;
    job.state = state;
    job.finishedAt = Date.now();
    const r = job.result;
    // For rounds: groups and violations summed over the rounds, the search of all of them.
    const reports = r === undefined ? [] : isRoundsResult(r) ? r.rounds : [r];
    this.#log.info(
      {
        jobId: job.id,
        reqId: job.requestId,
        state,
        headcount: job.people,
        kind: job.kind,
        rounds: r !== undefined && isRoundsResult(r) ? r.rounds.length : undefined,
        groupCount: r ? reports.reduce((n, x) => n + x.groups.length, 0) : undefined,
        queuedMs: (job.startedAt ?? job.finishedAt) - job.createdAt,
        runMs: job.startedAt !== undefined ? job.finishedAt - job.startedAt : 0,
        iterations: r?.stats.iterations,
        stopReason: r?.stats.stopReason,
        feasible: r?.feasible,
        violations: r ? reports.reduce((n, x) => n + x.violations.length, 0) : undefined,
        errorCode: job.error?.code,
        cancelReason: job.cancelReason,
      },
      "job finished",
    );
    job.events.emit("update", job);
    entry.resolve();
  }
}

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobStore;
  }
}

export default shared<{ config: Config }>("jobs", async (app, { config }) => {
  const store = new JobStore(config, app.pool, app.log);
  app.decorate("jobs", store);
  // Before the server stops listening: requests waiting on a job and event streams end as
  // their jobs end, so the server can close.
  app.addHook("preClose", async () => {
    await store.close(config.shutdownGraceMs);
  });
});
