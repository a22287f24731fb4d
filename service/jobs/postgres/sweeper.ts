/**
 * Housekeeping that any process may do, each on its own timer (doing it twice is harmless):
 * - delete jobs whose TTL has passed, Tverr's row and pg-boss's, so no roster or result
 *   outlives its job;
 * - fail jobs that are lost: not finished, but pg-boss no longer has them to hand out (every
 *   delivery went to a worker that died, or the queue row is gone), so no job stays "queued" or
 *   "running" forever.
 */
import type { FastifyBaseLogger } from "fastify";
import { HttpError, problemFrom } from "../../errors.js";
import { type Database, QUEUE } from "./database.js";
import { CHANNELS } from "./listener.js";

/** A running job whose worker has not written for this long may be lost. */
const STALE_MS = 30_000;
const LOST_CHECK_LIMIT = 100;
const BOSS_FINAL = new Set(["completed", "failed", "cancelled"]);

export const lostProblem = (attempts: number) => problemFrom(new HttpError(500, "worker_lost", { attempts }));

export async function sweep(db: Database, ttlMs: number, log: FastifyBaseLogger): Promise<void> {
  const expired = await db.pool.query<{ id: string }>(
    "DELETE FROM tverr.job WHERE expires_at <= now() RETURNING id",
  );
  if (expired.rows.length > 0)
    await db.boss.deleteJob(
      QUEUE,
      expired.rows.map((r) => r.id),
    );

  const open = await db.pool.query<{ id: string; attempts: number }>(
    `SELECT id, attempts FROM tverr.job
      WHERE state IN ('queued', 'running') AND coalesce(heartbeat_at, created_at) < now() - $1 * interval '1 ms'
      ORDER BY created_at LIMIT $2`,
    [STALE_MS, LOST_CHECK_LIMIT],
  );
  for (const { id, attempts } of open.rows) {
    const queued = await db.boss.getJobById(QUEUE, id);
    if (queued && !BOSS_FINAL.has(queued.state)) continue;
    const failed = await db.pool.query(
      `UPDATE tverr.job SET state = 'failed', error = $2, composition = NULL, finished_at = now(),
              expires_at = now() + $3 * interval '1 ms'
        WHERE id = $1 AND state IN ('queued', 'running')`,
      [id, lostProblem(attempts), ttlMs],
    );
    if (failed.rowCount) {
      log.warn({ jobId: id, attempts }, "job lost: failed");
      await db.notify(CHANNELS.changed, id);
    }
  }
}
