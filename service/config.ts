/**
 * The service's settings: environment variables with safe defaults, checked once at start.
 *
 * Every bound the service enforces is here, so an operator reads one file to know what a
 * client can ask for. Sizes are bytes, durations milliseconds unless the name says seconds.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { MAX_ROUNDS } from "../engine/index.js";

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/** The variables read, with their defaults. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: int(0, 3000).pipe(z.number().max(65535)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Comma-separated bearer keys, each `id:secret` or a bare secret; when set, /v1 needs a key or a token. */
  TVERR_API_KEYS: z.string().default(""),
  /** OpenID Connect: the issuer whose tokens /v1 accepts, and the audience they must be for. */
  TVERR_OIDC_ISSUER: z.url().optional(),
  TVERR_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The issuer's key set; by default read from its discovery document. */
  TVERR_OIDC_JWKS_URL: z.url().optional(),
  /** Signature algorithms a token may use (never `none`). */
  TVERR_OIDC_ALGORITHMS: z.string().default("RS256,PS256,ES256,EdDSA"),
  /** Requests per minute per caller on /v1 (429 with Retry-After beyond). */
  TVERR_RATE_LIMIT_PER_MINUTE: int(1, 600),
  /** PostgreSQL: when set, jobs live there (pg-boss) and any instance answers for any job. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Solver threads; defaults to the number of cores. 0 (with DATABASE_URL): this instance never solves. */
  TVERR_WORKERS: int(0, availableParallelism()),
  /** Runs of a job cut short by a dead worker before it fails (with DATABASE_URL). */
  TVERR_JOB_ATTEMPTS: int(1, 2),
  /** Jobs waiting for a free worker before new ones get 503. */
  TVERR_QUEUE_MAX: int(0, 32),
  TVERR_BODY_LIMIT_BYTES: int(1024, 8 * 1024 * 1024),
  /** A longer request target (path and query) is a 414; node's header limit (16 KiB) bounds it anyway. */
  TVERR_MAX_URL_BYTES: int(256, 8 * 1024),
  TVERR_MAX_PEOPLE: int(1, 10_000),
  /** Rounds one request may compose or check (the engine's own bound, MAX_ROUNDS, is the ceiling). */
  TVERR_MAX_ROUNDS: int(1, MAX_ROUNDS).pipe(z.number().max(MAX_ROUNDS)),
  /** People × rounds one request may compose or check: every round is built and checked per person. */
  TVERR_MAX_ROUND_PLACEMENTS: int(1, 100_000),
  /** A request's `threads` (searches run side by side, each its own thread and heap): at most this. */
  TVERR_MAX_THREADS: int(1, Math.min(4, availableParallelism())),
  /** Pairs in the groups of a history and new rounds (Σ k(k−1)/2): each is a tie of the has-met network. */
  TVERR_MAX_MEETING_PAIRS: int(1, 1_000_000),
  /** A check, score or network measure running longer on its thread than this is stopped (503). */
  TVERR_USECASE_TIME_LIMIT_MS: int(100, 30_000),
  /** A client's options.timeLimitMs is capped at this. */
  TVERR_MAX_TIME_LIMIT_MS: int(1, 60_000),
  /** Problems with more people answer 202 and run as a job even without `Prefer: respond-async`. */
  TVERR_SYNC_MAX_PEOPLE: int(0, 2_000),
  /** The longest a request waits for its result before it gets 202 (also caps `Prefer: wait=N`). */
  TVERR_MAX_WAIT_S: int(0, 90),
  /** Event streams open on one job (429 beyond) and in all (503 beyond): each holds a socket for the job's life. */
  TVERR_MAX_STREAMS_PER_JOB: int(1, 8),
  TVERR_MAX_STREAMS: int(1, 256),
  /** Jobs kept in memory (finished ones are dropped oldest first to make room). */
  TVERR_JOBS_MAX: int(1, 1_000),
  /** Finished jobs and their results are forgotten this long after they finish. */
  TVERR_JOB_TTL_S: int(1, 3_600),
  /** The language of replies when Accept-Language says nothing the service speaks. */
  TVERR_DEFAULT_LANG: z.enum(["nb", "en"]).default("nb"),
  /** On SIGTERM, running jobs get this long to finish before they are cancelled. */
  TVERR_SHUTDOWN_GRACE_MS: int(0, 10_000),
});

export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  algorithms: string[];
}

export interface Config {
  host: string;
  port: number;
  logLevel: z.output<typeof EnvSchema>["LOG_LEVEL"];
  apiKeys: string[];
  oidc?: OidcConfig;
  rateLimitPerMinute: number;
  /** PostgreSQL connection string: jobs in the database instead of this process's memory. */
  databaseUrl?: string;
  workers: number;
  jobAttempts: number;
  queueMax: number;
  bodyLimitBytes: number;
  maxUrlBytes: number;
  maxPeople: number;
  maxRounds: number;
  maxRoundPlacements: number;
  maxMeetingPairs: number;
  maxThreads: number;
  usecaseTimeLimitMs: number;
  maxTimeLimitMs: number;
  syncMaxPeople: number;
  maxWaitMs: number;
  maxStreamsPerJob: number;
  maxStreams: number;
  jobsMax: number;
  jobTtlMs: number;
  /** Replies' language when the request does not say (Accept-Language). */
  defaultLang: "nb" | "en";
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
  if (e.TVERR_WORKERS === 0 && e.DATABASE_URL === undefined) {
    throw new Error("invalid environment:\nTVERR_WORKERS: 0 needs DATABASE_URL (separate workers solve)");
  }
  if ((e.TVERR_OIDC_ISSUER === undefined) !== (e.TVERR_OIDC_AUDIENCE === undefined)) {
    throw new Error("invalid environment:\nTVERR_OIDC_ISSUER and TVERR_OIDC_AUDIENCE go together");
  }
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    apiKeys: list(e.TVERR_API_KEYS),
    ...(e.TVERR_OIDC_ISSUER !== undefined && e.TVERR_OIDC_AUDIENCE !== undefined
      ? {
          oidc: {
            issuer: e.TVERR_OIDC_ISSUER,
            audience: e.TVERR_OIDC_AUDIENCE,
            ...(e.TVERR_OIDC_JWKS_URL !== undefined ? { jwksUrl: e.TVERR_OIDC_JWKS_URL } : {}),
            algorithms: list(e.TVERR_OIDC_ALGORITHMS),
          },
        }
      : {}),
    rateLimitPerMinute: e.TVERR_RATE_LIMIT_PER_MINUTE,
    ...(e.DATABASE_URL !== undefined ? { databaseUrl: e.DATABASE_URL } : {}),
    workers: e.TVERR_WORKERS,
    jobAttempts: e.TVERR_JOB_ATTEMPTS,
    queueMax: e.TVERR_QUEUE_MAX,
    bodyLimitBytes: e.TVERR_BODY_LIMIT_BYTES,
    maxUrlBytes: e.TVERR_MAX_URL_BYTES,
    maxPeople: e.TVERR_MAX_PEOPLE,
    maxRounds: e.TVERR_MAX_ROUNDS,
    maxRoundPlacements: e.TVERR_MAX_ROUND_PLACEMENTS,
    maxMeetingPairs: e.TVERR_MAX_MEETING_PAIRS,
    maxThreads: e.TVERR_MAX_THREADS,
    usecaseTimeLimitMs: e.TVERR_USECASE_TIME_LIMIT_MS,
    maxTimeLimitMs: e.TVERR_MAX_TIME_LIMIT_MS,
    syncMaxPeople: e.TVERR_SYNC_MAX_PEOPLE,
    maxWaitMs: e.TVERR_MAX_WAIT_S * 1000,
    maxStreamsPerJob: e.TVERR_MAX_STREAMS_PER_JOB,
    maxStreams: e.TVERR_MAX_STREAMS,
    jobsMax: e.TVERR_JOBS_MAX,
    jobTtlMs: e.TVERR_JOB_TTL_S * 1000,
    defaultLang: e.TVERR_DEFAULT_LANG,
    shutdownGraceMs: e.TVERR_SHUTDOWN_GRACE_MS,
    progressIntervalMs: 250,
  };
}

const list = (text: string) =>
  text
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k.length > 0);

/** /v1 needs a caller to identify itself (an API key or an OIDC token). */
export const authRequired = (config: Config) => config.apiKeys.length > 0 || config.oidc !== undefined;
