/**
 * `GET /v1/jobs/{id}`: state, progress, and the result when done (as CSV with
 * `Accept: text/csv`). `DELETE /v1/jobs/{id}`: cancel a queued or running job (answering once
 * it has stopped), or forget a finished one. `GET /v1/jobs/{id}/events`: progress as
 * server-sent events, `state` on every change of state and `progress` in between; the stream
 * ends when the job does. Open streams are bounded per job and in all (streamSlots.ts).
 *
 * A job is its creator's: for any other caller it does not exist (404). With DATABASE_URL,
 * any instance answers for any job, whichever instance accepted it and whichever worker runs it.
 */
import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { XLSX_MEDIA_TYPE } from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { HttpError } from "../../errors.js";
import { waitSettled } from "../../jobs/wait.js";
import { securityFor } from "../../plugins/auth.js";
import { isFinal, type Job } from "../../plugins/jobs.js";
import {
  CsvTextSchema,
  EventStreamSchema,
  JobParamsSchema,
  JobSchema,
  problemResponses,
  XlsxFileSchema,
} from "../../schemas.js";
import { StreamSlots } from "../../streamSlots.js";
import { jobView, resultCsv, wantsCsv, wantsXlsx } from "../../views.js";
import { sendWorkbook } from "../../workbookReply.js";

const CANCEL_WAIT_MS = 2_000;
const HEARTBEAT_MS = 15_000;

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const security = securityFor(config);
  const slots = new StreamSlots(config.maxStreamsPerJob, config.maxStreams);

  const find = async (id: string, owner: string): Promise<Job> => {
    const job = await app.jobs.get(id, owner);
    if (!job) throw new HttpError(404, "job_not_found", {});
    return job;
  };

  app.get(
    "/jobs/:id",
    {
      schema: {
        tags: ["jobs"],
        summary: "A job: state, progress, and the result when done",
        security,
        params: JobParamsSchema,
        headers: z.looseObject({
          accept: z
            .string()
            .optional()
            .describe(`text/csv for the groups as CSV; ${XLSX_MEDIA_TYPE} for a workbook`),
        }),
        response: {
          200: {
            description: "The job (JSON), or its groups as CSV when it has a result",
            content: {
              "application/json": { schema: JobSchema },
              "text/csv": { schema: CsvTextSchema },
              [XLSX_MEDIA_TYPE]: { schema: XlsxFileSchema },
            },
          },
          ...problemResponses(401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const job = await find(request.params.id, request.caller.id);
      reply.header("cache-control", "no-store");
      const csv = wantsCsv(request);
      const xlsx = wantsXlsx(request);
      if (!csv && !xlsx) return reply.send(jobView(job, config, { result: true }, request.locale));
      if (!job.result) throw new HttpError(409, "no_result", { state: job.state });
      if (xlsx) return sendWorkbook(reply, job.csv, job.result, request.locale, config.usecaseTimeLimitMs);
      return reply.type("text/csv; charset=utf-8").send(resultCsv(job.csv, job.result, request.locale));
    },
  );

  app.delete(
    "/jobs/:id",
    {
      schema: {
        tags: ["jobs"],
        summary: "Cancel a queued or running job, or forget a finished one",
        security,
        params: JobParamsSchema,
        response: {
          200: { description: "Cancelled", content: { "application/json": { schema: JobSchema } } },
          204: z.undefined().describe("Forgotten"),
          ...problemResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const owner = request.caller.id;
      const job = await find(request.params.id, owner);
      if (isFinal(job)) {
        await app.jobs.remove(job.id, owner);
        return reply.code(204).send();
      }
      await app.jobs.cancel(job.id, owner, "client");
      const after =
        (await waitSettled(app.jobs, job.id, owner, CANCEL_WAIT_MS)) ?? (await find(job.id, owner));
      return reply.send(jobView(after, config, { result: false }, request.locale));
    },
  );

  app.get(
    "/jobs/:id/events",
    {
      schema: {
        tags: ["jobs"],
        summary: "Follow a job as server-sent events",
        description:
          "Events `state` (on every change) and `progress`, each with the job as JSON (without the result).",
        security,
        params: JobParamsSchema,
        response: {
          200: {
            description: "An event stream",
            content: { "text/event-stream": { schema: EventStreamSchema } },
          },
          ...problemResponses(401, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const job = await find(request.params.id, request.caller.id);
      const release = isFinal(job) ? () => {} : slots.acquire(job.id);
      const stream = new PassThrough();
      const send = (event: string, now: Job) =>
        stream.write(
          `event: ${event}\ndata: ${JSON.stringify(jobView(now, config, { result: false }, request.locale))}\n\n`,
        );
      let lastState = job.state;
      send("state", job);
      let unwatch = () => {};
      const onUpdate = (now: Job) => {
        if (stream.writableEnded) return;
        const changed = now.state !== lastState;
        lastState = now.state;
        send(changed ? "state" : "progress", now);
        if (isFinal(now)) stream.end();
      };
      const heartbeat = setInterval(() => stream.write(": keep-alive\n\n"), HEARTBEAT_MS);
      stream.once("close", () => {
        release();
        unwatch();
        clearInterval(heartbeat);
      });
      if (isFinal(job)) stream.end();
      else unwatch = app.jobs.watch(job.id, onUpdate, () => stream.end());
      return reply
        .type("text/event-stream; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("x-accel-buffering", "no")
        .send(stream);
    },
  );
};

export default routes;
