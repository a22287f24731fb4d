/**
 * `GET /healthz`: the process answers. `GET /readyz`: the solver threads are up (if this
 * instance has any) and the job store takes new jobs (queue has room; with DATABASE_URL, the
 * database answers), else 503, so a load balancer sends new work elsewhere. Never behind an
 * API key. Readiness also shows the event loop's delay (loopDelay.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import type { LoopDelay } from "../loopDelay.js";
import { HealthSchema, ReadinessSchema } from "../schemas.js";

const roundedDelay = (d: LoopDelay): LoopDelay => ({
  p50Ms: Math.round(d.p50Ms * 10) / 10,
  p99Ms: Math.round(d.p99Ms * 10) / 10,
  maxMs: Math.round(d.maxMs * 10) / 10,
});

const routes: FastifyPluginAsyncZod<{ config: Config; role: "api" | "worker" }> = async (
  app,
  { config, role },
) => {
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
      const [accepting, counts] = await Promise.all([
        app.jobs.accepting(),
        app.jobs.counts().catch(() => undefined),
      ]);
      const byState = counts?.byState ?? { queued: 0, running: 0 };
      // An instance without solver threads (TVERR_WORKERS=0, separate workers) is ready with none.
      const threadsUp = app.hasDecorator("pool") ? app.pool.ready : true;
      // A worker takes jobs from the queue, so a full queue does not make it unready; its database must answer.
      const ready = threadsUp && (role === "worker" ? counts !== undefined : accepting);
      return reply.code(ready ? 200 : 503).send({
        status: ready ? "ready" : "not_ready",
        workers: app.hasDecorator("pool")
          ? { size: app.pool.size, up: app.pool.threads }
          : { size: 0, up: 0 },
        jobs: { queued: byState.queued, running: byState.running, queueMax: config.queueMax },
        eventLoop: roundedDelay(app.metrics.loop.delay),
      });
    },
  );
};

export default routes;
