/**
 * `POST /v1/compositions`: compose groups. The body is the problem as JSON, a roster as
 * `text/csv` (groups, options and the mapping in the query), or `multipart/form-data` with a
 * `roster` file and a JSON `settings` part.
 *
 * Every composition is a job. Small problems answer 200 with the result once it is done;
 * larger ones (more than TVERR_SYNC_MAX_PEOPLE people), or when the client sends
 * `Prefer: respond-async`, answer 202 with `Location: /v1/jobs/{id}`. `Prefer: wait=N` asks
 * to wait up to N seconds (capped by the server) before a 202. A client that hangs up on a
 * request it was waiting for cancels the job. `Accept: text/csv` gets the groups as CSV.
 *
 * With `rounds` (in the JSON body or the multipart settings), the job composes those rounds
 * together, after the `history`, and the result has one report per round; the CSV then starts
 * with a Round column. `composition` below is the one place that decides which.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type ProblemInput,
  ProblemInputError,
  parseProblem,
  parseRoundsProblem,
} from "../../../engine/index.js";
import { readRoster, type SkippedRow } from "../../../engine/roster/index.js";
import type { Config } from "../../config.js";
import { checkPeople, HttpError, problemFrom } from "../../errors.js";
import type { CsvSource, Job } from "../../plugins/jobs.js";
import {
  CompositionBodySchema,
  CompositionResultSchema,
  CsvBodySchema,
  CsvQuerySchema,
  CsvTextSchema,
  JobSchema,
  MultipartBodySchema,
  problemResponses,
} from "../../schemas.js";
import { csvSourceFromProblem, csvSourceFromRoster, jobView, resultCsv, wantsCsv } from "../../views.js";
import type { Composition } from "../../worker.js";

interface Submission {
  composition: Composition;
  csv: CsvSource;
  skipped: SkippedRow[];
}

const GROUP_KEYS = ["size", "count", "minSize", "maxSize"] as const;
const OPTION_KEYS = ["seed", "timeLimitMs", "iterationLimit", "onInfeasible"] as const;

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/**
 * A problem to the composition it asks for: several rounds when it has `rounds` (parsed as a
 * rounds problem), else one grouping; `history` and `meetings` need `rounds`.
 */
function composition(input: Record<string, unknown>): Composition {
  const { rounds, history, meetings, ...single } = input;
  if (rounds !== undefined) return { kind: "rounds", problem: parseRoundsProblem(input).problem };
  const stray = Object.entries({ history, meetings }).filter(([, v]) => v !== undefined);
  if (stray.length > 0) {
    throw new ProblemInputError(
      stray.map(([k]) => ({ path: [k], message: "applies to rounds only; give rounds as well" })),
    );
  }
  return { kind: "single", problem: parseProblem(single) };
}

/** Translate the request, whatever its content type, into a checked problem. */
function submission(request: FastifyRequest, maxPeople: number): Submission {
  const query = request.query as z.output<typeof CsvQuerySchema>;
  switch (request.mediaType) {
    case "text/csv":
    case "application/csv": {
      const roster = readRoster(request.body as Buffer, query.mapping ? { mapping: query.mapping } : {});
      checkPeople(roster.people.length, maxPeople);
      const input: ProblemInput = {
        people: roster.people,
        attributes: roster.attributes,
        groups: pick(query, GROUP_KEYS),
        options: pick(query, OPTION_KEYS),
      };
      return {
        composition: { kind: "single", problem: parseProblem(input) },
        csv: csvSourceFromRoster(roster),
        skipped: roster.skipped,
      };
    }
    case "multipart/form-data": {
      const { roster: bytes, settings } = request.body as z.output<typeof MultipartBodySchema>;
      const { mapping, ...rest } = settings;
      const roster = readRoster(bytes, mapping ? { mapping } : {});
      checkPeople(roster.people.length, maxPeople);
      const chosen = composition({ ...rest, people: roster.people, attributes: roster.attributes });
      return { composition: chosen, csv: csvSourceFromRoster(roster), skipped: roster.skipped };
    }
    default: {
      const misplaced = Object.keys(query);
      if (misplaced.length > 0) {
        throw new ProblemInputError(
          misplaced.map((k) => ({
            path: ["querystring", k],
            message: "applies to CSV bodies only; set it in the problem",
          })),
        );
      }
      const body = request.body as z.output<typeof CompositionBodySchema>;
      checkPeople(body.people.length, maxPeople);
      const chosen = composition(body);
      return { composition: chosen, csv: csvSourceFromProblem(chosen.problem), skipped: [] };
    }
  }
}

/** RFC 7240 preferences: `respond-async` and `wait=N` (seconds). */
export function parsePrefer(header: string | string[] | undefined): {
  respondAsync: boolean;
  waitS?: number;
} {
  const out: { respondAsync: boolean; waitS?: number } = { respondAsync: false };
  for (const pref of [header ?? []].flat().join(",").split(",")) {
    const [name, value] = (pref.split(";")[0] ?? "").split("=").map((s) => s.trim().toLowerCase());
    if (name === "respond-async") out.respondAsync = true;
    else if (name === "wait" && value !== undefined && /^\d+$/.test(value)) out.waitS = Number(value);
  }
  return out;
}

async function settledWithin(job: Job, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([job.settled.then(() => true), timeout]);
  clearTimeout(timer);
  return done;
}

/** The reply for a finished job, as the request would have got it had it been quick. */
function replyFinished(request: FastifyRequest, reply: FastifyReply, job: Job): FastifyReply {
  reply.header("content-location", `/v1/jobs/${job.id}`);
  if (job.state === "succeeded" && job.result) {
    if (wantsCsv(request)) return reply.type("text/csv; charset=utf-8").send(resultCsv(job.csv, job.result));
    return reply.send(job.result);
  }
  const problem =
    job.error ??
    problemFrom(
      job.cancelReason === "shutdown"
        ? new HttpError(503, "shutting_down", "Service unavailable", "The server is shutting down")
        : new HttpError(
            409,
            "cancelled",
            "Conflict",
            `The job was cancelled (${job.cancelReason ?? "client"})`,
          ),
    );
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send({ ...problem, instance: request.url.split("?")[0] });
}

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/compositions",
    {
      schema: {
        tags: ["compositions"],
        summary: "Compose groups",
        description:
          "Answers 200 with the result for small problems; 202 with Location for large ones or with " +
          "`Prefer: respond-async`. `Prefer: wait=N` waits up to N seconds. `Accept: text/csv` returns CSV. " +
          "With `rounds` (JSON body or multipart settings), composes those rounds together after `history`: " +
          "the result has a report per round, the meetings and the network before and after; the CSV starts with a Round column. " +
          "Query parameters apply to text/csv bodies only.",
        security: config.apiKeys.length > 0 ? [{ bearer: [] }] : [],
        headers: z.looseObject({
          prefer: z.string().optional().describe("RFC 7240: respond-async, wait=N (seconds)"),
          accept: z.string().optional().describe("text/csv for the groups as CSV"),
        }),
        querystring: CsvQuerySchema,
        body: {
          content: {
            "application/json": { schema: CompositionBodySchema },
            "text/csv": { schema: CsvBodySchema },
            "multipart/form-data": { schema: MultipartBodySchema },
          },
        },
        response: {
          200: {
            description: "The composition",
            content: {
              "application/json": { schema: CompositionResultSchema },
              "text/csv": { schema: CsvTextSchema },
            },
          },
          202: {
            description: "Accepted as a job; poll Location",
            content: { "application/json": { schema: JobSchema } },
          },
          ...problemResponses(400, 401, 409, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const { composition: chosen, csv, skipped } = submission(request, config.maxPeople);
      const { problem } = chosen;
      problem.options.timeLimitMs = Math.min(problem.options.timeLimitMs, config.maxTimeLimitMs);
      const job = app.jobs.submit(chosen, { csv, skipped, requestId: request.id });
      const prefer = parsePrefer(request.headers.prefer);
      const runAsync = prefer.respondAsync || problem.people.length > config.syncMaxPeople;
      const waitMs = Math.min(
        prefer.waitS !== undefined ? prefer.waitS * 1000 : runAsync ? 0 : config.maxWaitMs,
        config.maxWaitMs,
      );
      if (!runAsync) {
        // Nobody will read the result of a request whose client hung up: stop the solve.
        reply.raw.once("close", () => {
          if (!reply.raw.writableEnded) app.jobs.cancel(job.id);
        });
      }
      if (await settledWithin(job, waitMs)) return replyFinished(request, reply, job);
      const applied = [
        prefer.respondAsync ? "respond-async" : "",
        prefer.waitS !== undefined ? `wait=${waitMs / 1000}` : "",
      ];
      if (applied.some(Boolean)) reply.header("preference-applied", applied.filter(Boolean).join(", "));
      return reply
        .code(202)
        .header("location", `/v1/jobs/${job.id}`)
        .header("retry-after", "1")
        .send(jobView(job, config, { result: false }));
    },
  );
};

export default routes;
