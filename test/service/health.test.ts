/**
 * Health, readiness and what an operator sees of load: probes are not logged at info (a load
 * balancer probes many times a second); readiness follows what a submission would get; the
 * event loop's delay is in /readyz and /metrics.
 */
import { expect, it } from "vitest";
import { build, logSink, osloProblem } from "./helper.js";

it("logs health and readiness checks at debug, not at info", async () => {
  const sink = logSink();
  const app = await build({ logLevel: "info" }, { logStream: sink.stream });
  try {
    for (let i = 0; i < 5; i++) {
      await app.inject({ url: "/healthz" });
      await app.inject({ url: "/readyz" });
    }
    await app.inject({ url: "/v1/jobs/00000000-0000-0000-0000-000000000000" });
    const routes = sink.lines().map((l) => l.route);
    expect(routes).not.toContain("/healthz");
    expect(routes).not.toContain("/readyz");
    expect(routes).toContain("/v1/jobs/:id");
  } finally {
    await app.close();
  }
});

it("says not ready whenever a new job would be refused (too_many_jobs, queue_full)", async () => {
  const app = await build({ jobsMax: 2, workers: 1 });
  try {
    const submit = () =>
      app.inject({
        method: "POST",
        url: "/v1/compositions",
        headers: { prefer: "respond-async" },
        payload: osloProblem(10_000) as unknown as string,
      });
    for (let i = 0; i < 3; i++) {
      const ready = await app.inject({ url: "/readyz" });
      const res = await submit();
      expect(`${ready.statusCode}→${res.statusCode}`).toMatch(/^(200→202|503→503)$/);
    }
    expect((await submit()).json().code).toBe("too_many_jobs");
    expect((await app.inject({ url: "/readyz" })).statusCode).toBe(503);
  } finally {
    await app.close();
  }
});

it("shows the event loop's delay in /readyz and /metrics", async () => {
  const app = await build();
  try {
    const ready = (await app.inject({ url: "/readyz" })).json();
    expect(ready.eventLoop).toEqual({
      p50Ms: expect.any(Number),
      p99Ms: expect.any(Number),
      maxMs: expect.any(Number),
    });
    const metrics = (await app.inject({ url: "/metrics" })).body;
    expect(metrics).toMatch(/^tverr_event_loop_delay_seconds\{quantile="0\.99"\} [\d.e-]+$/m);
    expect(metrics).toMatch(/^tverr_event_loop_delay_seconds\{quantile="1"\} [\d.e-]+$/m);
  } finally {
    await app.close();
  }
});
