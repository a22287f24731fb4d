/**
 * The one log line per finished job: ids, sizes, timings, outcome. Never the problem, the
 * result or an error's wording (they name people).
 */
import type { FastifyBaseLogger } from "fastify";
import { isRoundsResult } from "../worker.js";
import type { Job } from "./types.js";

export function logJobFinished(log: FastifyBaseLogger, job: Job, extra: Record<string, unknown> = {}): void {
  const r = job.result;
  const finishedAt = job.finishedAt ?? Date.now();
  // For rounds: groups and violations summed over the rounds, the search of all of them.
  const reports = r === undefined ? [] : isRoundsResult(r) ? r.rounds : [r];
  log.info(
    {
      jobId: job.id,
      reqId: job.requestId,
      state: job.state,
      headcount: job.people,
      kind: job.kind,
      rounds: r !== undefined && isRoundsResult(r) ? r.rounds.length : undefined,
      groupCount: r ? reports.reduce((n, x) => n + x.groups.length, 0) : undefined,
      queuedMs: (job.startedAt ?? finishedAt) - job.createdAt,
      runMs: job.startedAt !== undefined ? finishedAt - job.startedAt : 0,
      iterations: r?.stats.iterations,
      stopReason: r?.stats.stopReason,
      feasible: r?.feasible,
      violations: r ? reports.reduce((n, x) => n + x.violations.length, 0) : undefined,
      errorCode: job.error?.code,
      cancelReason: job.cancelReason,
      ...extra,
    },
    "job finished",
  );
}
