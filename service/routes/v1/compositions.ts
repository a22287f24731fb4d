/**
 * `POST /v1/compositions`: compose groups. The body is the engine's compose request as JSON,
 * a roster as `text/csv` (settings in the query), or `multipart/form-data` with a `roster`
 * file and a JSON `settings` part (submission.ts turns each into the compose request).
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
import { XLSX_MEDIA_TYPE } from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { HttpError, problemFrom } from "../../errors.js";
import { waitSettled } from "../../jobs/wait.js";
import { securityFor } from "../../plugins/auth.js";
import type { Job } from "../../plugins/jobs.js";
import { sendData } from "../../problemReply.js";
import {
  CompositionResultSchema,
  CsvQuerySchema,
  CsvTextSchema,
  composeBodyContent,
  JobSchema,
  problemResponses,
  XlsxFileSchema,
} from "../../schemas.js";
import { jobView, resultCsv, wantsCsv, wantsXlsx } from "../../views.js";
import { sendWorkbook } from "../../workbookReply.js";
import { submission } from "./submission.js";

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

/** The reply for a finished job, as the request would have got it had it been quick. */
async function replyFinished(
  request: FastifyRequest,
  reply: FastifyReply,
  job: Job,
  config: Config,
): Promise<FastifyReply> {
  reply.header("content-location", `/v1/jobs/${job.id}`);
  // A result, and a failure's diagnoses of it, answer this request alone: no cache keeps them.
  reply.header("cache-control", "no-store");
  if (job.state === "succeeded" && job.result) {
    if (wantsXlsx(request)) {
      return sendWorkbook(reply, job.csv, job.result, request.locale, config.usecaseTimeLimitMs);
    }
    if (wantsCsv(request)) {
      return reply.type("text/csv; charset=utf-8").send(resultCsv(job.csv, job.result, request.locale));
    }
    return reply.send(job.result);
  }
  const problem =
    job.error ??
    problemFrom(
      job.cancelReason === "shutdown"
        ? new HttpError(503, "shutting_down", {})
        : new HttpError(409, "cancelled", { reason: job.cancelReason ?? "client" }),
    );
  return sendData(request, reply, problem);
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
          "`Prefer: respond-async`. `Prefer: wait=N` waits up to N seconds. `Accept: text/csv` returns CSV, " +
          "`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` a workbook. " +
          "With `rounds` (JSON body or multipart settings), composes those rounds together after `history`: " +
          "the result has a report per round, the meetings and the network before and after; the CSV starts with a Round column. " +
          "Query parameters apply to text/csv bodies only.",
        security: securityFor(config),
        headers: z.looseObject({
          prefer: z.string().optional().describe("RFC 7240: respond-async, wait=N (seconds)"),
          accept: z
            .string()
            .optional()
            .describe(`text/csv for the groups as CSV; ${XLSX_MEDIA_TYPE} for a workbook`),
        }),
        querystring: CsvQuerySchema,
        body: { content: composeBodyContent },
        response: {
          200: {
            description: "The composition",
            content: {
              "application/json": { schema: CompositionResultSchema },
              "text/csv": { schema: CsvTextSchema },
              [XLSX_MEDIA_TYPE]: { schema: XlsxFileSchema },
            },
          },
          202: {
            description: "Accepted as a job; poll Location",
            content: { "application/json": { schema: JobSchema } },
          },
          ...problemResponses(400, 401, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { request: composeRequest, assembled, csv } = await submission(request, config);
      const composition = {
        kind: composeRequest.rounds ? ("rounds" as const) : ("single" as const),
        request: composeRequest,
        people: composeRequest.people.length,
        timeLimitMs: composeRequest.options.timeLimitMs,
      };
      const owner = request.caller.id;
      const skipped = assembled?.roster?.skipped ?? [];
      const job = await app.jobs.submit(composition, { csv, skipped, requestId: request.id, owner });
      const prefer = parsePrefer(request.headers.prefer);
      const runAsync = prefer.respondAsync || composition.people > config.syncMaxPeople;
      const waitMs = Math.min(
        prefer.waitS !== undefined ? prefer.waitS * 1000 : runAsync ? 0 : config.maxWaitMs,
        config.maxWaitMs,
      );
      if (!runAsync) {
        // Nobody will read the result of a request whose client hung up: stop the solve.
        reply.raw.once("close", () => {
          if (!reply.raw.writableEnded) void app.jobs.cancel(job.id, owner, "client");
        });
      }
      const finished = await waitSettled(app.jobs, job.id, owner, waitMs);
      if (finished) return replyFinished(request, reply, finished, config);
      const applied = [
        prefer.respondAsync ? "respond-async" : "",
        prefer.waitS !== undefined ? `wait=${waitMs / 1000}` : "",
      ];
      if (applied.some(Boolean)) reply.header("preference-applied", applied.filter(Boolean).join(", "));
      return reply
        .code(202)
        .header("location", `/v1/jobs/${job.id}`)
        .header("retry-after", "1")
        .send(jobView(job, config, { result: false }, request.locale));
    },
  );
};

export default routes;
