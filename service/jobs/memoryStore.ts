/**
 * Jobs in this process's memory (the default: nothing on disk), solved on its own pool.
 *
 * At most `queueMax` jobs wait for a thread (a full queue is a 503 with Retry-After). A
 * finished job keeps its result for `jobTtlMs`, then is forgotten; when `jobsMax` jobs are
 * held, the oldest finished ones make room. On close, the store stops taking jobs, lets
 * running ones finish within the grace period, then cancels the rest.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.js";
import { HttpError } from "../errors.js";
import type { SolveHandle, SolverPool } from "../plugins/pool.js";
import type { Composition } from "../worker.js";
import { logJobFinished } from "./log.js";
import { type Ending, endingOf, endingOfError } from "./outcome.js";
import {
  type CancelReason,
  emptyCounts,
  isFinal,
  type Job,
  type JobCounts,
  type JobMeta,
  type JobStore,
} from "./types.js";

const SWEEP_EVERY_MS = 30_000;

interface Entry {
  job: Job;
  handle?: SolveHandle;
  askedReason?: CancelReason;
  /** Emits "update" on every change of state or progress. */
  events: EventEmitter;
  settled: Promise<void>;
  resolve: () => void;
}

export interface StoreHooks {
  /** A job reached a final state (metrics). */
  onFinished?: (job: Job) => void;
}

export class MemoryJobStore implements JobStore {
  readonly #entries = new Map<string, Entry>();
  readonly #config: Config;
  readonly #pool: SolverPool;
  readonly #log: FastifyBaseLogger;
  readonly #hooks: StoreHooks;
  readonly #sweeper: NodeJS.Timeout;
  #closing = false;

  constructor(config: Config, pool: SolverPool, log: FastifyBaseLogger, hooks: StoreHooks = {}) {
    this.#config = config;
    this.#pool = pool;
    this.#log = log;
    this.#hooks = hooks;
    this.#sweeper = setInterval(() => this.sweep(), Math.min(SWEEP_EVERY_MS, config.jobTtlMs));
    this.#sweeper.unref();
  }

  #count(state: Job["state"]): number {
    let n = 0;
    for (const { job } of this.#entries.values()) if (job.state === state) n++;
    return n;
  }

  #hasRoom(): boolean {
    const idle = Math.max(0, this.#pool.size - this.#count("running"));
    return !this.#closing && this.#count("queued") < this.#config.queueMax + idle;
  }

  /**
   * Why a new job would be refused now, if it would be: one answer for `submit` and for
   * readiness, so /readyz never says ready while submissions get a 503.
   */
  #refusal(): "shutting_down" | "queue_full" | "too_many_jobs" | undefined {
    if (this.#closing) return "shutting_down";
    if (!this.#hasRoom()) return "queue_full";
    this.sweep();
    if (this.#entries.size >= this.#config.jobsMax && this.#oldestFinished() === undefined) {
      return "too_many_jobs";
    }
    return undefined;
  }

  async accepting(): Promise<boolean> {
    return this.#refusal() === undefined;
  }

  async counts(): Promise<JobCounts> {
    const byState = emptyCounts();
    for (const { job } of this.#entries.values()) byState[job.state]++;
    return { byState };
  }

  async submit(composition: Composition, meta: JobMeta): Promise<Job> {
    const refusal = this.#refusal();
    if (refusal !== undefined) {
      throw new HttpError(503, refusal, {}, { "retry-after": String(this.#retryAfterSeconds()) });
    }
    // Room is made by forgetting the oldest finished job.
    const oldest = this.#entries.size >= this.#config.jobsMax ? this.#oldestFinished() : undefined;
    if (oldest !== undefined) this.#entries.delete(oldest);
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
      people: composition.people,
      timeLimitMs: composition.timeLimitMs,
    };
    const entry: Entry = { job, events: new EventEmitter(), settled, resolve };
    entry.events.setMaxListeners(0);
    this.#entries.set(job.id, entry);
    entry.handle = this.#pool.run(composition, {
      progressIntervalMs: this.#config.progressIntervalMs,
      onStart: () => this.#started(entry),
      onProgress: (progress) => {
        if (isFinal(job)) return;
        job.progress = progress;
        entry.events.emit("update", job);
      },
    });
    entry.handle.done.then(
      (outcome) => this.#finish(entry, endingOf(outcome, entry.askedReason)),
      (err: unknown) => {
        const ending = endingOfError(err, entry.askedReason);
        if (ending.state === "failed") {
          this.#log.error(
            { jobId: job.id, errType: err instanceof Error ? err.name : typeof err },
            "solver thread failed",
          );
        }
        this.#finish(entry, ending);
      },
    );
    return job;
  }

  #find(id: string, owner: string): Entry | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.job.owner !== owner) return undefined;
    if (this.#expired(entry.job, Date.now())) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry;
  }

  async get(id: string, owner: string): Promise<Job | undefined> {
    return this.#find(id, owner)?.job;
  }

  async cancel(id: string, owner: string, reason: CancelReason = "client"): Promise<void> {
    const entry = this.#find(id, owner);
    if (entry) this.#cancel(entry, reason);
  }

  #cancel(entry: Entry, reason: CancelReason): void {
    if (isFinal(entry.job)) return;
    entry.askedReason ??= reason;
    entry.handle?.cancel();
  }

  async remove(id: string, owner: string): Promise<boolean> {
    const entry = this.#find(id, owner);
    if (!entry || !isFinal(entry.job)) return false;
    this.#entries.delete(id);
    return true;
  }

  watch(id: string, onChange: (job: Job) => void): () => void {
    const entry = this.#entries.get(id);
    if (!entry) return () => {};
    entry.events.on("update", onChange);
    return () => entry.events.off("update", onChange);
  }

  /** Drop expired jobs. */
  sweep(): void {
    const now = Date.now();
    for (const [id, { job }] of this.#entries) if (this.#expired(job, now)) this.#entries.delete(id);
  }

  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    clearInterval(this.#sweeper);
    const open = [...this.#entries.values()].filter((e) => !isFinal(e.job));
    for (const e of open) if (e.job.state === "queued") this.#cancel(e, "shutdown");
    const all = Promise.all(open.map((e) => e.settled));
    const grace = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
    if ((await Promise.race([all, grace])) === "timeout") {
      for (const e of open) this.#cancel(e, "shutdown");
      await all;
    }
  }

  #expired(job: Job, now: number): boolean {
    return job.finishedAt !== undefined && now - job.finishedAt >= this.#config.jobTtlMs;
  }

  /** Map order is insertion order: the first finished job is the oldest. */
  #oldestFinished(): string | undefined {
    for (const [id, { job }] of this.#entries) if (isFinal(job)) return id;
    return undefined;
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
    entry.events.emit("update", job);
  }

  #finish(entry: Entry, ending: Ending): void {
    const { job } = entry;
    entry.handle = undefined;
    Object.assign(job, ending, { finishedAt: Date.now() });
    logJobFinished(this.#log, job);
    this.#hooks.onFinished?.(job);
    entry.events.emit("update", job);
    entry.resolve();
  }
}
