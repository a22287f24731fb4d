/**
 * Jobs in PostgreSQL (DATABASE_URL): what an HTTP instance does with them. Any instance
 * answers for any job, whichever instance accepted it and whichever worker runs it; this one
 * never solves (the executor does, in `tverr worker` processes or beside this store when the
 * instance has threads).
 *
 * Watching a job: a NOTIFY on `tverr_job_changed` (sent by the worker on every state change
 * and progress write, at most every progress interval) makes this instance read the row again
 * for its local watchers; a poll once a second catches anything a lost connection missed.
 */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../../config.js";
import { HttpError } from "../../errors.js";
import type { Composition } from "../../worker.js";
import {
  type CancelReason,
  emptyCounts,
  type Job,
  type JobCounts,
  type JobMeta,
  type JobStore,
} from "../types.js";
import { type Database, QUEUE } from "./database.js";
import { CHANNELS } from "./listener.js";
import { isJobId, type JobRow, jobFromRow, VIEW_COLUMNS } from "./rows.js";
import { sweep } from "./sweeper.js";

const POLL_MS = 1_000;
const SWEEP_EVERY_MS = 30_000;
/** A job's queue expiry beyond its time limit: the pool's time cap, the thread kill, a margin. */
export const EXPIRY_SLACK_S = 10;

interface Watch {
  listeners: Set<(job: Job) => void>;
  onClose: Set<() => void>;
  /** State and progress last passed on, so a poll only passes on changes. */
  last?: string;
}

export class PgJobStore implements JobStore {
  readonly #db: Database;
  readonly #config: Config;
  readonly #log: FastifyBaseLogger;
  readonly #watches = new Map<string, Watch>();
  readonly #timers: NodeJS.Timeout[];
  #closing = false;

  constructor(db: Database, config: Config, log: FastifyBaseLogger) {
    this.#db = db;
    this.#config = config;
    this.#log = log;
    db.listener.on(CHANNELS.changed, (id) => void this.#refresh(id));
    const poll = setInterval(() => {
      for (const id of this.#watches.keys()) void this.#refresh(id);
    }, POLL_MS);
    const sweeper = setInterval(
      () => void sweep(db, config.jobTtlMs, log).catch((err) => this.#warn(err, "sweep failed")),
      Math.min(SWEEP_EVERY_MS, config.jobTtlMs),
    );
    this.#timers = [poll, sweeper];
    for (const t of this.#timers) t.unref();
  }

  async submit(composition: Composition, meta: JobMeta): Promise<Job> {
    if (this.#closing) throw new HttpError(503, "shutting_down", {});
    if ((await this.#queued()) >= this.#config.queueMax) {
      throw new HttpError(503, "queue_full", {}, { "retry-after": "1" });
    }
    const id = randomUUID();
    const inserted = await this.#db.pool.query<JobRow>(
      `INSERT INTO tverr.job (id, owner, state, kind, request_id, people, time_limit_ms, composition, csv, skipped)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9) RETURNING ${VIEW_COLUMNS}`,
      [
        id,
        meta.owner,
        composition.kind,
        meta.requestId,
        composition.people,
        composition.timeLimitMs,
        JSON.stringify(composition),
        JSON.stringify(meta.csv),
        JSON.stringify(meta.skipped),
      ],
    );
    try {
      await this.#db.boss.send(
        QUEUE,
        { id },
        { id, expireInSeconds: Math.ceil(composition.timeLimitMs / 1000) + EXPIRY_SLACK_S },
      );
    } catch (err) {
      await this.#db.pool.query("DELETE FROM tverr.job WHERE id = $1", [id]);
      throw err;
    }
    await this.#db.notify(CHANNELS.submitted, id);
    return jobFromRow(inserted.rows[0]);
  }

  async get(id: string, owner: string): Promise<Job | undefined> {
    if (!isJobId(id)) return undefined;
    const { rows } = await this.#db.pool.query<JobRow>(
      `SELECT ${VIEW_COLUMNS}, result FROM tverr.job
        WHERE id = $1 AND owner = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [id, owner],
    );
    return rows[0] ? jobFromRow(rows[0]) : undefined;
  }

  async cancel(id: string, owner: string, reason: CancelReason = "client"): Promise<void> {
    if (!isJobId(id)) return;
    // A queued job is cancelled here and now; a running one is asked to stop by its worker.
    const dequeued = await this.#db.pool.query(
      `UPDATE tverr.job SET state = 'cancelled', cancel_reason = $3, composition = NULL, finished_at = now(),
              expires_at = now() + $4 * interval '1 ms'
        WHERE id = $1 AND owner = $2 AND state = 'queued'`,
      [id, owner, reason, this.#config.jobTtlMs],
    );
    if (dequeued.rowCount) {
      await this.#db.boss.cancel(QUEUE, id);
      await this.#db.notify(CHANNELS.changed, id);
      return;
    }
    const asked = await this.#db.pool.query(
      `UPDATE tverr.job SET cancel_requested = coalesce(cancel_requested, $3)
        WHERE id = $1 AND owner = $2 AND state = 'running'`,
      [id, owner, reason],
    );
    if (asked.rowCount) await this.#db.notify(CHANNELS.cancel, id);
  }

  async remove(id: string, owner: string): Promise<boolean> {
    if (!isJobId(id)) return false;
    const removed = await this.#db.pool.query(
      "DELETE FROM tverr.job WHERE id = $1 AND owner = $2 AND state IN ('succeeded', 'failed', 'cancelled')",
      [id, owner],
    );
    if (!removed.rowCount) return false;
    await this.#db.boss.deleteJob(QUEUE, id);
    return true;
  }

  watch(id: string, onChange: (job: Job) => void, onClose?: () => void): () => void {
    // A stream that got here after close() ended the watches (its request was still reading
    // the job then) ends at once; else it would hold the server open for the job's life.
    if (this.#closing) {
      if (onClose) queueMicrotask(onClose);
      return () => {};
    }
    const watch = this.#watches.get(id) ?? { listeners: new Set(), onClose: new Set() };
    this.#watches.set(id, watch);
    watch.listeners.add(onChange);
    if (onClose) watch.onClose.add(onClose);
    const listeners = watch.listeners;
    return () => {
      listeners.delete(onChange);
      if (onClose) watch.onClose.delete(onClose);
      if (listeners.size === 0 && this.#watches.get(id)?.listeners === listeners) this.#watches.delete(id);
    };
  }

  async accepting(): Promise<boolean> {
    if (this.#closing) return false;
    try {
      return (await this.#queued()) < this.#config.queueMax;
    } catch {
      return false;
    }
  }

  async counts(): Promise<JobCounts> {
    const byState = emptyCounts();
    const { rows } = await this.#db.pool.query<{ state: Job["state"]; n: number }>(
      "SELECT state, count(*)::int AS n FROM tverr.job WHERE expires_at IS NULL OR expires_at > now() GROUP BY state",
    );
    for (const { state, n } of rows) byState[state] = n;
    return { byState };
  }

  /** Stop taking jobs and end every watch, so event streams close with the server. */
  async close(): Promise<void> {
    this.#closing = true;
    for (const t of this.#timers) clearInterval(t);
    const watches = [...this.#watches.values()];
    this.#watches.clear();
    for (const w of watches) for (const end of w.onClose) end();
  }

  async #queued(): Promise<number> {
    const { rows } = await this.#db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tverr.job WHERE state = 'queued'",
    );
    return rows[0].n;
  }

  async #refresh(id: string): Promise<void> {
    const watch = this.#watches.get(id);
    if (!watch) return;
    try {
      const { rows } = await this.#db.pool.query<JobRow>(
        `SELECT ${VIEW_COLUMNS} FROM tverr.job WHERE id = $1`,
        [id],
      );
      if (!rows[0]) return;
      const job = jobFromRow(rows[0]);
      const seen = JSON.stringify([job.state, job.progress]);
      if (seen === watch.last) return;
      watch.last = seen;
      for (const listener of watch.listeners) listener(job);
    } catch (err) {
      this.#warn(err, "job refresh failed");
    }
  }

  #warn(err: unknown, msg: string): void {
    this.#log.warn({ errType: err instanceof Error ? err.name : typeof err }, msg);
  }
}
