/**
 * The worker side of jobs in PostgreSQL: takes jobs from pg-boss's queue, one per solver
 * thread, runs them on this process's pool, and writes progress and the outcome to the job's
 * row. Runs in `tverr worker` processes, and in an HTTP instance that has threads.
 *
 * A delivery is claimed by raising the row's `attempts`; every later write names that attempt,
 * so a run that was given up on (its worker thought dead) can never write a second outcome: a
 * job is finished once. When the claim finds the job already run `jobAttempts` times, each cut
 * short by a dead worker, it records the failure ("worker_lost") instead of running it again.
 *
 * Cancelling: a NOTIFY on `tverr_job_cancel` stops the run at once; each progress write also
 * reads the row's `cancel_requested`, so a missed notification costs one progress interval.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../../config.js";
import type { SolveHandle, SolverPool } from "../../plugins/pool.js";
import type { Composition } from "../../worker.js";
import { logJobFinished } from "../log.js";
import { type Ending, endingOf, endingOfError } from "../outcome.js";
import type { CancelReason, Job } from "../types.js";
import { type Database, QUEUE } from "./database.js";
import { CHANNELS } from "./listener.js";
import { type JobRow, jobFromRow, VIEW_COLUMNS } from "./rows.js";
import { lostProblem, sweep } from "./sweeper.js";

/** An idle slot looks at the queue this often even without a NOTIFY. */
const IDLE_POLL_MS = 2_000;
const HEARTBEAT_MS = 2_000;
const SWEEP_EVERY_MS = 30_000;

interface Running {
  handle: SolveHandle;
  attempt: number;
  askedReason?: CancelReason;
}

export interface ExecutorHooks {
  onFinished?: (job: Job) => void;
}

export class JobExecutor {
  readonly #db: Database;
  readonly #pool: SolverPool;
  readonly #config: Config;
  readonly #log: FastifyBaseLogger;
  readonly #hooks: ExecutorHooks;
  readonly #running = new Map<string, Running>();
  readonly #idle = new Set<() => void>();
  readonly #slots: Promise<void>[] = [];
  #sweeper?: NodeJS.Timeout;
  #stopping = false;

  constructor(
    db: Database,
    pool: SolverPool,
    config: Config,
    log: FastifyBaseLogger,
    hooks: ExecutorHooks = {},
  ) {
    this.#db = db;
    this.#pool = pool;
    this.#config = config;
    this.#log = log;
    this.#hooks = hooks;
  }

  /** Jobs this process is running. */
  get running(): number {
    return this.#running.size;
  }

  start(): void {
    this.#db.listener.on(CHANNELS.submitted, () => this.#wakeOne());
    this.#db.listener.on(CHANNELS.cancel, (id) => void this.#cancelAsked(id));
    for (let i = 0; i < this.#pool.size; i++) this.#slots.push(this.#slot());
    this.#sweeper = setInterval(
      () =>
        void sweep(this.#db, this.#config.jobTtlMs, this.#log).catch((e) => this.#warn(e, "sweep failed")),
      Math.min(SWEEP_EVERY_MS, this.#config.jobTtlMs),
    );
    this.#sweeper.unref();
  }

  /** Take no more jobs; let running ones finish within `graceMs`, then cancel them ("shutdown"). */
  async close(graceMs: number): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#sweeper);
    for (const wake of this.#idle) wake();
    const all = Promise.all(this.#slots);
    const grace = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
    if ((await Promise.race([all, grace])) === "timeout") {
      for (const run of this.#running.values()) {
        run.askedReason ??= "shutdown";
        run.handle.cancel();
      }
      await all;
    }
  }

  async #slot(): Promise<void> {
    while (!this.#stopping) {
      try {
        const [delivery] = await this.#db.boss.fetch<{ id: string }>(QUEUE, { batchSize: 1 });
        if (delivery) await this.#deliver(delivery.id);
        else await this.#waitForWork();
      } catch (err) {
        this.#warn(err, "taking a job failed");
        await this.#waitForWork();
      }
    }
  }

  #waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#idle.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, IDLE_POLL_MS);
      this.#idle.add(wake);
    });
  }

  #wakeOne(): void {
    const [wake] = this.#idle;
    wake?.();
  }

  async #deliver(id: string): Promise<void> {
    try {
      await this.#run(id);
      await this.#db.boss.complete(QUEUE, id);
    } catch (err) {
      // The database failed us mid-way: hand the delivery back for another try (no roster in it).
      this.#warn(err, "job delivery failed");
      await this.#db.boss.fail(QUEUE, id, { reason: "worker error" }).catch(() => {});
    }
  }

  async #run(id: string): Promise<void> {
    const claimed = await this.#db.pool.query<{
      attempts: number;
      composition: Composition | null;
      cancel_requested: CancelReason | null;
    }>(
      `UPDATE tverr.job SET attempts = attempts + 1, state = 'running', started_at = coalesce(started_at, now()),
              heartbeat_at = now()
        WHERE id = $1 AND state IN ('queued', 'running') RETURNING attempts, composition, cancel_requested`,
      [id],
    );
    const claim = claimed.rows[0];
    // Gone, finished or cancelled before it got here: nothing to run.
    if (!claim) return;
    const attempt = claim.attempts;
    if (attempt > this.#config.jobAttempts || claim.composition === null) {
      await this.#finish(id, attempt, { state: "failed", error: lostProblem(attempt - 1) });
      return;
    }
    await this.#db.notify(CHANNELS.changed, id);
    if (claim.cancel_requested) {
      await this.#finish(id, attempt, { state: "cancelled", cancelReason: claim.cancel_requested });
      return;
    }
    const run: Running = {
      attempt,
      handle: this.#pool.run(claim.composition, {
        progressIntervalMs: this.#config.progressIntervalMs,
        onStart: () => {},
        onProgress: (progress) => void this.#writeProgress(id, run, progress),
      }),
    };
    this.#running.set(id, run);
    const heartbeat = setInterval(() => void this.#beat(id, attempt), HEARTBEAT_MS);
    let ending: Ending;
    try {
      ending = endingOf(await run.handle.done, run.askedReason);
    } catch (err) {
      ending = endingOfError(err, run.askedReason);
      if (ending.state === "failed") {
        this.#log.error(
          { jobId: id, errType: err instanceof Error ? err.name : typeof err },
          "solver thread failed",
        );
      }
    } finally {
      clearInterval(heartbeat);
      this.#running.delete(id);
    }
    await this.#finish(id, attempt, ending);
  }

  #writing = new Set<string>();

  /** Progress to the row (skipped while the last write is still out), and any cancel asked. */
  async #writeProgress(id: string, run: Running, progress: unknown): Promise<void> {
    if (this.#writing.has(id)) return;
    this.#writing.add(id);
    try {
      const { rows } = await this.#db.pool.query<{ cancel_requested: CancelReason | null }>(
        `UPDATE tverr.job SET progress = $3, heartbeat_at = now()
          WHERE id = $1 AND attempts = $2 AND state = 'running' RETURNING cancel_requested`,
        [id, run.attempt, JSON.stringify(progress)],
      );
      const asked = rows[0]?.cancel_requested;
      if (asked && run.askedReason === undefined) {
        run.askedReason = asked;
        run.handle.cancel();
      }
      await this.#db.notify(CHANNELS.changed, id);
    } catch (err) {
      this.#warn(err, "progress write failed");
    } finally {
      this.#writing.delete(id);
    }
  }

  async #beat(id: string, attempt: number): Promise<void> {
    await this.#db.pool
      .query("UPDATE tverr.job SET heartbeat_at = now() WHERE id = $1 AND attempts = $2", [id, attempt])
      .catch((err) => this.#warn(err, "heartbeat failed"));
  }

  async #cancelAsked(id: string): Promise<void> {
    const run = this.#running.get(id);
    if (!run || run.askedReason !== undefined) return;
    const { rows } = await this.#db.pool.query<{ cancel_requested: CancelReason | null }>(
      "SELECT cancel_requested FROM tverr.job WHERE id = $1",
      [id],
    );
    const asked = rows[0]?.cancel_requested;
    if (asked) {
      run.askedReason = asked;
      run.handle.cancel();
    }
  }

  /** The outcome, written once: only by the attempt that holds the job. */
  async #finish(id: string, attempt: number, ending: Ending): Promise<void> {
    const { rows } = await this.#db.pool.query<JobRow>(
      `UPDATE tverr.job SET state = $3, result = $4, error = $5, cancel_reason = $6, composition = NULL,
              finished_at = now(), expires_at = now() + $7 * interval '1 ms'
        WHERE id = $1 AND attempts = $2 AND state = 'running' RETURNING ${VIEW_COLUMNS}, result`,
      [
        id,
        attempt,
        ending.state,
        ending.result === undefined ? null : JSON.stringify(ending.result),
        ending.error === undefined ? null : JSON.stringify(ending.error),
        ending.cancelReason ?? null,
        this.#config.jobTtlMs,
      ],
    );
    if (!rows[0]) return;
    await this.#db.notify(CHANNELS.changed, id);
    const job = jobFromRow(rows[0]);
    logJobFinished(this.#log, job, { attempt });
    this.#hooks.onFinished?.(job);
  }

  #warn(err: unknown, msg: string): void {
    this.#log.warn({ errType: err instanceof Error ? err.name : typeof err }, msg);
  }
}
