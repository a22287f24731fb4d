/**
 * The service's settings: environment variables with safe defaults, checked once at start.
 *
 * Every bound the service enforces is here, so an operator reads one file to know what a
 * client can ask for. Sizes are bytes, durations milliseconds unless the name says seconds.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/** The variables read, with their defaults. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: int(0, 3000).pipe(z.number().max(65535)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Comma-separated bearer keys; when set, every /v1 request needs one of them. */
  TVERR_API_KEYS: z.string().default(""),
  /** Solver threads; defaults to the number of cores. */
  TVERR_WORKERS: int(1, availableParallelism()),
  /** Jobs waiting for a free worker before new ones get 503. */
  TVERR_QUEUE_MAX: int(0, 32),
  TVERR_BODY_LIMIT_BYTES: int(1024, 8 * 1024 * 1024),
  TVERR_MAX_PEOPLE: int(1, 10_000),
  /** A client's options.timeLimitMs is capped at this. */
  TVERR_MAX_TIME_LIMIT_MS: int(1, 60_000),
  /** Problems with more people answer 202 and run as a job even without `Prefer: respond-async`. */
  TVERR_SYNC_MAX_PEOPLE: int(0, 2_000),
  /** The longest a request waits for its result before it gets 202 (also caps `Prefer: wait=N`). */
  TVERR_MAX_WAIT_S: int(0, 90),
  /** Jobs kept in memory (finished ones are dropped oldest first to make room). */
  TVERR_JOBS_MAX: int(1, 1_000),
  /** Finished jobs and their results are forgotten this long after they finish. */
  TVERR_JOB_TTL_S: int(1, 3_600),
  /** On SIGTERM, running jobs get this long to finish before they are cancelled. */
  TVERR_SHUTDOWN_GRACE_MS: int(0, 10_000),
});

export interface Config {
  host: string;
  port: number;
  logLevel: z.output<typeof EnvSchema>["LOG_LEVEL"];
  apiKeys: string[];
  workers: number;
  queueMax: number;
  bodyLimitBytes: number;
  maxPeople: number;
  maxTimeLimitMs: number;
  syncMaxPeople: number;
  maxWaitMs: number;
  jobsMax: number;
  jobTtlMs: number;
  shutdownGraceMs: number;
  /** Milliseconds between progress reports from a running solve. */
  progressIntervalMs: number;
}

/** Read the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    apiKeys: e.TVERR_API_KEYS.split(",")
      .map((k) => k.trim())
      .filter((k) => k.length > 0),
    workers: e.TVERR_WORKERS,
    queueMax: e.TVERR_QUEUE_MAX,
    bodyLimitBytes: e.TVERR_BODY_LIMIT_BYTES,
    maxPeople: e.TVERR_MAX_PEOPLE,
    maxTimeLimitMs: e.TVERR_MAX_TIME_LIMIT_MS,
    syncMaxPeople: e.TVERR_SYNC_MAX_PEOPLE,
    maxWaitMs: e.TVERR_MAX_WAIT_S * 1000,
    jobsMax: e.TVERR_JOBS_MAX,
    jobTtlMs: e.TVERR_JOB_TTL_S * 1000,
    shutdownGraceMs: e.TVERR_SHUTDOWN_GRACE_MS,
    progressIntervalMs: 250,
  };
}
