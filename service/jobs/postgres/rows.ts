/**
 * Tverr's job rows to jobs and back: the columns every query reads, and the mapping.
 */
import type { Job } from "../types.js";

/** Everything but the composition (the worker reads that alone) and, unless asked, the result. */
export const VIEW_COLUMNS = `id, owner, state, kind, request_id, people, time_limit_ms, csv, skipped, progress, error,
  cancel_reason, created_at, started_at, finished_at`;

export interface JobRow {
  id: string;
  owner: string;
  state: Job["state"];
  kind: Job["kind"];
  request_id: string;
  people: number;
  time_limit_ms: number;
  csv: Job["csv"];
  skipped: Job["skipped"];
  progress: Job["progress"] | null;
  result?: Job["result"] | null;
  error: Job["error"] | null;
  cancel_reason: Job["cancelReason"] | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function jobFromRow(row: JobRow): Job {
  return {
    id: row.id,
    owner: row.owner,
    state: row.state,
    kind: row.kind,
    requestId: row.request_id,
    people: row.people,
    timeLimitMs: row.time_limit_ms,
    csv: row.csv,
    skipped: row.skipped,
    createdAt: row.created_at.getTime(),
    ...(row.started_at ? { startedAt: row.started_at.getTime() } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at.getTime() } : {}),
    ...(row.progress ? { progress: row.progress } : {}),
    ...(row.result ? { result: row.result } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Job ids are UUIDs; anything else names no job (and must not reach a uuid column). */
export const isJobId = (id: string) => UUID.test(id);
