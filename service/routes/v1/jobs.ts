/**
 * `GET /v1/jobs/{id}`: state, progress, and the result when done (as CSV with
 * `Accept: text/csv`). `DELETE /v1/jobs/{id}`: cancel a queued or running job (answering once
 * it has stopped), or forget a finished one. `GET /v1/jobs/{id}/events`: progress as
 * server-sent events, `state` on every change of state and `progress` in between; the stream
 * ends when the job does.
 */
import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.js";
import { HttpError } from "../../errors.js";
import { isFinal, type Job } from "../../plugins/jobs.js";
import {
  CsvTextSchema,
  EventStreamSchema,
  JobParamsSchema,
  JobSchema,
  problemResponses,
} from "../../schemas.js";
import { jobView, resultCsv, wantsCsv } from "../../views.js";

const CANCEL_WAIT_MS = 2_000;
const HEARTBEAT_MS = 15_000;

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const security = config.apiKeys.length > 0 ? [{ bearer: [] }] : [];

  const find = (id: string): Job => {
    const job = app.jobs.get(id);
    if (!job) throw new HttpError(404, "job_not_found", "Not found", "No such job; finished jobs expire");
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
        headers: z.looseObject({ accept: z.string().optional().describe("text/csv for the groups as CSV") }),
        response: {
          200: {
            description: "The job (JSON), or its groups as CSV when it has a result",
            content: { "application/json": { schema: JobSchema }, "text/csv": { schema: CsvTextSchema } },
          },
          ...problemResponses(401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const job = find(request.params.id);
      if (!wantsCsv(request)) return reply.send(jobView(job, config, { result: true }));
      if (!job.result) {
        throw new HttpError(
          409,
          "no_result",
          "Conflict",
          `The job has no result to write as CSV (state: ${job.state})`,
        );
      }
      return reply.type("text/csv; charset=utf-8").send(resultCsv(job.csv, job.result));
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
      const job = find(request.params.id);
      if (isFinal(job)) {
        app.jobs.remove(job.id);
        return reply.code(204).send();
      }
      app.jobs.cancel(job.id);
      await Promise.race([job.settled, new Promise((r) => setTimeout(r, CANCEL_WAIT_MS).unref())]);
      return reply.send(jobView(job, config, { result: false }));
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
          ...problemResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const job = find(request.params.id);
      const stream = new PassThrough();
      const send = (event: string) =>
        stream.write(`event: ${event}\ndata: ${JSON.stringify(jobView(job, config, { result: false }))}\n\n`);
      let lastState = job.state;
      send("state");
      const onUpdate = () => {
        const changed = job.state !== lastState;
        lastState = job.state;
        send(changed ? "state" : "progress");
        if (isFinal(job)) stream.end();
      };
      const heartbeat = setInterval(() => stream.write(": keep-alive\n\n"), HEARTBEAT_MS);
      stream.once("close", () => {
        job.events.off("update", onUpdate);
        clearInterval(heartbeat);
      });
      if (isFinal(job)) stream.end();
      else job.events.on("update", onUpdate);
      return reply
        .type("text/event-stream; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("x-accel-buffering", "no")
        .send(stream);
    },
  );
};

export default routes;
