/**
 * Representations: a job as its JSON resource (its error and skipped rows worded in the
 * reader's language), and a result as the CSV a coordinator opens in Excel (written by the
 * engine, which neutralises formulas and names its added columns in the locale).
 *
 * The CSV has one row per person, in group order: the group, then the roster's own columns
 * (for a roster upload, every column it had, in its delimiter) or, for a JSON problem, the
 * id, the name and the attributes (`;`-separated with decimal commas, as Norwegian Excel reads).
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  groupsCsv,
  type Locale,
  type Person,
  type RosterPeople,
  roundsCsv,
  type SkippedRow,
  wordIssue,
  XLSX_MEDIA_TYPE,
} from "../engine/index.js";
import type { Config } from "./config.js";
import { present } from "./errors.js";
import type { CsvSource, Job } from "./jobs/types.js";
import { rosterOf } from "./resultWorkbook.js";
import type { JobSchema } from "./schemas.js";
import type { CompositionResult } from "./worker.js";

export type JobView = z.output<typeof JobSchema>;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function jobView(job: Job, config: Config, options: { result: boolean }, locale: Locale): JobView {
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
    ...(job.skipped.length > 0 ? { skipped: skippedView(job.skipped, locale) } : {}),
    ...(options.result && job.result ? { result: job.result } : {}),
    ...(job.error ? { error: present(job.error, locale) } : {}),
    links: { self, events: `${self}/events` },
  };
}

/** Skipped rows with why, in words. */
export function skippedView(skipped: readonly SkippedRow[], locale: Locale) {
  return skipped.map((s) => ({
    line: s.line,
    reasons: s.issues.map((i) => wordIssue({ ...i, file: undefined, line: undefined }, locale)),
  }));
}

export const csvSourceFromPeople = (people: Person[]): CsvSource => ({ people });

export const csvSourceFromRoster = (roster: RosterPeople, delimiter: string): CsvSource => ({
  roster: { columns: roster.columns, rows: [...roster.cells], delimiter },
});

/** The client asked for the groups as CSV. */
export const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? "");

/** The client asked for the groups as an Excel workbook. */
export const wantsXlsx = (request: FastifyRequest) =>
  (request.headers.accept ?? "").toLowerCase().includes(XLSX_MEDIA_TYPE);

/**
 * The groups as the same Excel-safe CSV the command line writes (`;` for JSON problems, as
 * Norwegian Excel reads); for rounds, with a Round column first.
 */
export function resultCsv(source: CsvSource, result: CompositionResult, locale: Locale): string {
  const roster = rosterOf(source);
  const options = {
    ...("people" in source ? { people: source.people, delimiter: ";" as const } : {}),
    groupHeader: locale.csv.group,
    roundHeader: locale.csv.round,
  };
  if (result.kind === "rounds") return roundsCsv(result, roster, options);
  return groupsCsv(result, roster, {
    ...options,
    ...(result.changes
      ? {
          changes: result.changes,
          changeHeader: locale.csv.change,
          changeText: { moved: locale.csv.moved, newcomer: locale.csv.newcomer },
        }
      : {}),
  });
}
