/**
 * Jobs: follow, fetch as CSV, cancel (reaching the solver thread), forget, expire.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, osloProblem, parseEvents, pollJob, sleep, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ jobTtlMs: 60_000 });
});
afterAll(async () => {
  await app.close();
});

const submitAsync = async (target: FastifyInstance, problem: unknown) => {
  const res = await target.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { prefer: "respond-async" },
    payload: problem as object,
  });
  expect(res.statusCode).toBe(202);
  return res.json() as { id: string; state: string };
};

describe("jobs", () => {
  it("reports progress while running and the result when done; CSV on request", async () => {
    const { id } = await submitAsync(app, osloProblem(600));
    const running = await pollJob(app, id, (j) => j.state === "running" && j.progress !== null);
    expect(running.progress).toMatchObject({
      elapsedMs: expect.any(Number),
      iterations: expect.any(Number),
      bestHard: expect.any(Number),
      bestSoft: expect.any(Number),
    });
    expect(running).not.toHaveProperty("result");
    const early = await app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: { accept: "text/csv" } });
    expect(early.statusCode).toBe(409);

    const done = await pollJob(app, id, (j) => j.state === "succeeded");
    expect(done.result).toMatchObject({ feasible: true });
    const csv = await app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: { accept: "text/csv" } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trimEnd().split("\r\n")).toHaveLength(428);
  });

  it("streams state changes and progress as server-sent events", async () => {
    const { id } = await submitAsync(app, osloProblem(500));
    const res = await app.inject({ method: "GET", url: `/v1/jobs/${id}/events` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    const events = parseEvents(res.body);
    const states = events.filter((e) => e.event === "state").map((e) => e.data.state);
    expect(states).toEqual(expect.arrayContaining(["running", "succeeded"]));
    expect(states.at(-1)).toBe("succeeded");
    expect(events.some((e) => e.event === "progress")).toBe(true);
    // A finished job's stream says so and ends at once.
    const again = parseEvents((await app.inject({ method: "GET", url: `/v1/jobs/${id}/events` })).body);
    expect(again).toHaveLength(1);
    expect(again[0].data.state).toBe("succeeded");
  });

  it("cancels a running job: the thread stops within a fraction of a second", async () => {
    const { id } = await submitAsync(app, osloProblem(20_000));
    await pollJob(app, id, (j) => j.state === "running");
    const started = Date.now();
    const res = await app.inject({ method: "DELETE", url: `/v1/jobs/${id}` });
    const took = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: "cancelled", cancelReason: "client" });
    expect(took).toBeLessThan(500);
    // The only thread is free again: a small job runs at once.
    const next = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    expect(next.statusCode).toBe(200);
    // The best grouping found before the stop is kept.
    const job = await pollJob(app, id, () => true);
    expect((job.result as { stats: { stopReason: string } }).stats.stopReason).toBe("aborted");
  });

  it("cancels a queued job before it starts", async () => {
    const first = await submitAsync(app, osloProblem(1_000));
    const second = await submitAsync(app, smallProblem());
    const res = await app.inject({ method: "DELETE", url: `/v1/jobs/${second.id}` });
    expect(res.json()).toMatchObject({ state: "cancelled", progress: null });
    expect(res.json()).not.toHaveProperty("startedAt");
    await app.inject({ method: "DELETE", url: `/v1/jobs/${first.id}` });
  });

  it("forgets a finished job on DELETE", async () => {
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    const url = String(res.headers["content-location"]);
    expect((await app.inject({ method: "DELETE", url })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(404);
  });
});

describe("expiry", () => {
  it("forgets finished jobs and their results after the TTL", async () => {
    const short = await build({ jobTtlMs: 200 });
    try {
      const res = await short.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
      const url = String(res.headers["content-location"]);
      expect((await short.inject({ method: "GET", url })).statusCode).toBe(200);
      await sleep(300);
      expect((await short.inject({ method: "GET", url })).statusCode).toBe(404);
    } finally {
      await short.close();
    }
  });
});
