/**
 * The PostgreSQL side of a process: a connection pool for Tverr's table, pg-boss for the
 * queue, and the LISTEN connection. Opened once per process (HTTP instance or worker).
 *
 * pg-boss (v10, the last line that runs on Node 20) owns queueing and redelivery: a job taken
 * by a worker that dies stays "active" until its expiry (`expireInSeconds`: the job's time
 * cap plus slack), then pg-boss's maintenance hands it out again, up to `retryLimit` times.
 * Its job rows hold `{ id }` only; they are deleted with Tverr's row at the TTL.
 */
import pg from "pg";
import PgBoss from "pg-boss";
import type { Config } from "../../config.js";
import { Listener } from "./listener.js";
import { migrate } from "./schema.js";

export const QUEUE = "tverr-compositions";

/** How often pg-boss looks for expired jobs (those of dead workers) to hand out again. */
const MAINTENANCE_S = 2;

export interface Database {
  pool: pg.Pool;
  boss: PgBoss;
  listener: Listener;
  notify: (channel: string, id: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function openDatabase(
  config: Config & { databaseUrl: string },
  onError: (err: unknown) => void,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 6, application_name: "tverr" });
  pool.on("error", onError);
  const ttlS = Math.ceil(config.jobTtlMs / 1000);
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    application_name: "tverr-queue",
    max: 4,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: MAINTENANCE_S,
    // Tverr deletes a job's pg-boss row at the TTL; these are backstops that never come first.
    archiveCompletedAfterSeconds: ttlS + 3_600,
    archiveFailedAfterSeconds: ttlS + 3_600,
    deleteAfterSeconds: 3_600,
  });
  boss.on("error", onError);
  const listener = new Listener(config.databaseUrl, onError);
  try {
    await migrate(pool);
    await boss.start();
    await ensureQueue(boss, config.jobAttempts);
    await listener.start();
  } catch (err) {
    await Promise.allSettled([listener.close(), boss.stop({ graceful: false }), pool.end()]);
    throw err;
  }
  return {
    pool,
    boss,
    listener,
    notify: async (channel, id) => {
      await pool.query("SELECT pg_notify($1, $2)", [channel, id]);
    },
    close: async () => {
      await listener.close();
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}

/**
 * pg-boss's retry limit counts redeliveries: `attempts` runs, plus one more delivery on which
 * the worker only records that the job failed (see executor.ts).
 */
async function ensureQueue(boss: PgBoss, attempts: number): Promise<void> {
  if (await boss.getQueue(QUEUE)) return;
  try {
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: attempts, retryDelay: 0 });
  } catch (err) {
    // Another instance created it at the same moment.
    if (!(await boss.getQueue(QUEUE))) throw err;
  }
}
