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
import type { Problem, SolveResult } from "../engine/index.js";
import { type RosterRead, toCsv } from "../engine/roster/index.js";
import type { Config } from "./config.js";
import type { CsvSource, Job } from "./plugins/jobs.js";
import type { JobSchema } from "./schemas.js";

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

export function csvSourceFromProblem(problem: Problem): CsvSource {
  const attributes = [...new Set(problem.people.flatMap((p) => Object.keys(p.attributes)))];
  const rows: CsvSource["rows"] = {};
  for (const p of problem.people)
    rows[p.id] = [p.id, p.name ?? null, ...attributes.map((a) => p.attributes[a] ?? null)];
  return { delimiter: ";", columns: ["Id", "Name", ...attributes], rows };
}

export function csvSourceFromRoster(roster: RosterRead): CsvSource {
  const rows: CsvSource["rows"] = {};
  for (const p of roster.people) {
    const cells = roster.extra[p.id] ?? {};
    rows[p.id] = roster.columns.map((c) => cells[c] ?? null);
  }
  return { delimiter: roster.delimiter, columns: roster.columns, rows };
}

/** The client asked for the groups as CSV. */
export const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? "");

export function resultCsv(source: CsvSource, result: SolveResult): string {
  const rows: (string | number | null)[][] = [["Group", ...source.columns]];
  for (const group of result.groups) {
    for (const id of group.members) rows.push([group.name ?? group.id, ...(source.rows[id] ?? [id])]);
  }
  return toCsv(rows, { delimiter: source.delimiter, bom: true, decimalComma: source.delimiter === ";" });
}
