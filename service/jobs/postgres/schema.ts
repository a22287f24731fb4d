/**
 * Tverr's own table, beside pg-boss's schema: one row per job with everything a client can
 * read (state, progress, result, owner) and what a worker needs to run it (the composition).
 * pg-boss's job rows carry only the job's id, never a roster.
 *
 * Personal data lives in `composition` (cleared when the job ends), `csv` (the roster's
 * columns, for the CSV export) and `result`; the whole row is deleted at `expires_at`, the
 * job TTL after it ended.
 */
import type { Pool } from "pg";

/** Serialises concurrent starts of several instances on a fresh database. */
const MIGRATION_LOCK = 7_316_001;

const DDL = `
CREATE SCHEMA IF NOT EXISTS tverr;
CREATE TABLE IF NOT EXISTS tverr.job (
  id uuid PRIMARY KEY,
  owner text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  kind text NOT NULL,
  request_id text NOT NULL,
  people integer NOT NULL,
  time_limit_ms integer NOT NULL,
  composition jsonb,
  csv jsonb NOT NULL,
  skipped jsonb NOT NULL,
  progress jsonb,
  result jsonb,
  error jsonb,
  cancel_requested text,
  cancel_reason text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz,
  expires_at timestamptz
);
CREATE INDEX IF NOT EXISTS job_open ON tverr.job (state, created_at) WHERE state IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS job_expires ON tverr.job (expires_at) WHERE expires_at IS NOT NULL;
`;

export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(DDL);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
