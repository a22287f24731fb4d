/**
 * `GET /healthz`: the process answers. `GET /readyz`: the solver threads are up and the queue
 * has room, else 503, so a load balancer sends new work elsewhere. Never behind an API key.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import { HealthSchema, ReadinessSchema } from "../schemas.js";

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.get(
    "/healthz",
    { schema: { tags: ["health"], summary: "Liveness", response: { 200: HealthSchema } } },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["health"],
        summary: "Readiness: solver threads up and room in the queue",
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const ready = app.pool.ready && app.jobs.acceptsJobs;
      return reply.code(ready ? 200 : 503).send({
        status: ready ? "ready" : "not_ready",
        workers: { size: app.pool.size, up: app.pool.threads },
        jobs: { queued: app.jobs.queued, running: app.jobs.running, queueMax: config.queueMax },
      });
    },
  );
};

export default routes;
