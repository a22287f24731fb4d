/**
 * Representations: a job as its JSON resource, and a result as the CSV a coordinator opens
 * in Excel (written by the engine's `toCsv`, which neutralises formulas).
 *
 * The CSV has one row per person, in group order: the group, then the roster's own columns
 * (for a CSV upload, every column it had, in its delimiter) or, for a JSON problem, the id,
 * the name and the attributes (`;`-separated with decimal commas, as Norwegian Excel reads).
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  type GroupsCsvOptions,
  type GroupsCsvRoster,
  groupsCsv,
  roundsCsv,
} from "../engine/export/groupsCsv.js";
import type { Problem } from "../engine/index.js";
import type { RosterRead } from "../engine/roster/index.js";
import type { Config } from "./config.js";
import type { CsvSource, Job } from "./plugins/jobs.js";
import type { JobSchema } from "./schemas.js";
import { type CompositionResult, isRoundsResult } from "./worker.js";

export type JobView = z.output<typeof JobSchema>;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function jobView(job: Job, config: Config, options: { result: boolean }): JobView {
  const self = `/v1/jobs/${job.id}`;
  return {
    id: job.id,
    state: job.state,
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.startedAt !== undefined ? { startedAt: iso(job.startedAt) } : {}),
    ...(job.finishedAt !== undefined
      ? { finishedAt: iso(job.finishedAt), expiresAt: iso(job.finishedAt + config.jobTtlMs) }
      : {}),
    people: job.people,
    timeLimitMs: job.timeLimitMs,
    progress: job.progress
      ? {
          elapsedMs: job.progress.elapsedMs,
          iterations: job.progress.iterations,
          bestHard: job.progress.bestHard,
          bestSoft: job.progress.bestSoft,
        }
      : null,
    ...(job.cancelReason !== undefined ? { cancelReason: job.cancelReason } : {}),
    ...(job.skipped.length > 0 ? { skipped: job.skipped } : {}),
    ...(options.result && job.result ? { result: job.result } : {}),
    ...(job.error ? { error: job.error } : {}),
    links: { self, events: `${self}/events` },
  };
}

export const csvSourceFromProblem = (problem: Problem): CsvSource => ({ people: problem.people });

export const csvSourceFromRoster = (roster: RosterRead): CsvSource => ({
  roster: { columns: roster.columns, extra: roster.extra, delimiter: roster.delimiter },
});

/** The client asked for the groups as CSV. */
export const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? "");

/**
 * The groups as the same Excel-safe CSV the command line writes (`;` for JSON problems, as
 * Norwegian Excel reads); for rounds, with a Round column first.
 */
export function resultCsv(source: CsvSource, result: CompositionResult): string {
  const write = isRoundsResult(result)
    ? (roster?: GroupsCsvRoster, options?: GroupsCsvOptions) => roundsCsv(result, roster, options)
    : (roster?: GroupsCsvRoster, options?: GroupsCsvOptions) => groupsCsv(result, roster, options);
  return "roster" in source
    ? write(source.roster)
    : write(undefined, { people: source.people, delimiter: ";" });
}
