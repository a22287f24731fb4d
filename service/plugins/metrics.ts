/**
 * `/metrics` in the Prometheus text format (prom-client), decorated as `metrics`:
 * - `tverr_http_requests_total{method,route,status}`: route patterns, never raw URLs;
 * - `tverr_jobs{state}` and `tverr_queue_length`: read from the job store at each scrape (with
 *   DATABASE_URL, the whole cluster's jobs, so every instance reports the same figures);
 * - `tverr_solve_seconds`: how long finished jobs ran, observed where they ran;
 * - `tverr_event_loop_delay_seconds{quantile}`: p50, p99 and max over the last window
 *   (loopDelay.ts), the same figures /readyz shows;
 * - the process's own figures (memory, CPU, prom-client's own loop lag) from its defaults.
 * Counts and timings only: nothing about the people. Open like /healthz (no key); keep it on
 * the internal network.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { JOB_STATES, type Job } from "../jobs/types.js";
import { LOOP_WINDOW_MS, LoopDelayMonitor } from "../loopDelay.js";
import { shared } from "./shared.js";

export interface Metrics {
  registry: Registry;
  loop: LoopDelayMonitor;
  jobFinished: (job: Job) => void;
}

declare module "fastify" {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export default shared("metrics", async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: "tverr_http_requests_total",
    help: "HTTP requests by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const solveSeconds = new Histogram({
    name: "tverr_solve_seconds",
    help: "Run time of finished jobs (from reaching a solver thread to the end)",
    labelNames: ["state"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  new Gauge({
    name: "tverr_jobs",
    help: "Jobs held, by state",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const { byState } = await app.jobs.counts();
      for (const state of JOB_STATES) this.set({ state }, byState[state]);
    },
  });
  new Gauge({
    name: "tverr_queue_length",
    help: "Jobs waiting for a solver thread",
    registers: [registry],
    async collect() {
      this.set((await app.jobs.counts()).byState.queued);
    },
  });

  const loop = new LoopDelayMonitor();
  app.addHook("onClose", async () => loop.close());
  new Gauge({
    name: "tverr_event_loop_delay_seconds",
    help: `Event-loop delay over the last ${LOOP_WINDOW_MS / 1000} s (perf_hooks), by quantile`,
    labelNames: ["quantile"] as const,
    registers: [registry],
    collect() {
      const { p50Ms, p99Ms, maxMs } = loop.delay;
      this.set({ quantile: "0.5" }, p50Ms / 1000);
      this.set({ quantile: "0.99" }, p99Ms / 1000);
      this.set({ quantile: "1" }, maxMs / 1000);
    },
  });

  app.decorate("metrics", {
    registry,
    loop,
    jobFinished: (job: Job) => {
      if (job.startedAt === undefined) return;
      solveSeconds.observe({ state: job.state }, ((job.finishedAt ?? Date.now()) - job.startedAt) / 1000);
    },
  } satisfies Metrics);

  app.addHook("onResponse", async (request, reply) => {
    requests.inc({
      method: request.method,
      route: request.routeOptions.url ?? "(no route)",
      status: String(reply.statusCode),
    });
  });

  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
