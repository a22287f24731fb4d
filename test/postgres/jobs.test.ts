/**
 * Jobs in PostgreSQL across instances: two HTTP instances without threads and one with, on
 * one database. Any instance answers for any job (state, result, CSV, events, cancel), a job
 * stays its creator's, a full queue is a 503, and a synchronous request waits for a result
 * solved elsewhere.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, osloProblem, parseEvents, smallProblem } from "../service/helper.js";
import { createDatabase, type TestDatabase, until } from "./helper.js";

let db: TestDatabase;
let front: FastifyInstance;
let other: FastifyInstance;
let solver: FastifyInstance;

const keys = ["alice:key-alice", "bob:key-bob"];
const as = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  db = await createDatabase();
  const common = { databaseUrl: db.url, apiKeys: keys, queueMax: 4, jobTtlMs: 60_000 };
  // The solving instance first, so the schema and queue exist before the others start.
  solver = await build({ ...common, workers: 1 });
  front = await build({ ...common, workers: 0 });
  other = await build({ ...common, workers: 0 });
});
afterAll(async () => {
  await Promise.all([front?.close(), other?.close(), solver?.close()]);
  await db?.drop();
});

async function submit(app: FastifyInstance, problem: object, key = "key-alice") {
  const res = await app.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { ...as(key), prefer: "respond-async" },
    payload: problem,
  });
  expect(res.statusCode, res.body).toBe(202);
  return (res.json() as { id: string }).id;
}

const view = async (app: FastifyInstance, id: string, key = "key-alice") =>
  app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: as(key) });

describe("jobs in PostgreSQL", () => {
  it("keeps the request, state, progress, result and owner in the database", async () => {
    const id = await submit(front, osloProblem(600));
    const running = await until("progress", async () => {
      const job = (await view(other, id)).json();
      return job.state === "running" && job.progress ? job : undefined;
    });
    expect(running.progress.iterations).toBeGreaterThan(0);
    const done = await until("the result", async () => {
      const job = (await view(other, id)).json();
      return job.state === "succeeded" ? job : undefined;
    });
    expect(done.result.feasible).toBe(true);
    const [row] = await db.query<{ owner: string; state: string; composition: unknown; attempts: number }>(
      "SELECT owner, state, composition, attempts FROM tverr.job WHERE id = $1",
      [id],
    );
    // The problem is dropped once solved; the result stays until the TTL.
    expect(row).toMatchObject({ owner: "key:alice", state: "succeeded", composition: null, attempts: 1 });
    const csv = await other.inject({
      method: "GET",
      url: `/v1/jobs/${id}`,
      headers: { ...as("key-alice"), accept: "text/csv" },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trimEnd().split("\r\n")).toHaveLength(428);
  });

  it("streams a job's events from an instance that did not accept it", async () => {
    const id = await submit(front, osloProblem(800));
    const res = await other.inject({ method: "GET", url: `/v1/jobs/${id}/events`, headers: as("key-alice") });
    const events = parseEvents(res.body);
    const states = events.filter((e) => e.event === "state").map((e) => e.data.state);
    expect(states.at(-1)).toBe("succeeded");
    expect(states).toContain("running");
    expect(events.some((e) => e.event === "progress")).toBe(true);
  });

  it("cancels a running job through another instance: the worker's thread stops", async () => {
    const id = await submit(front, osloProblem(20_000));
    await until("running", async () =>
      (await view(other, id)).json().state === "running" ? true : undefined,
    );
    const t = Date.now();
    const res = await other.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-alice") });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: "cancelled", cancelReason: "client" });
    expect(Date.now() - t).toBeLessThan(1_500);
    const job = (await view(front, id)).json();
    expect(job.result.stats.stopReason).toBe("aborted");
    // Forgotten on a second DELETE, from anywhere.
    expect(
      (await front.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-alice") })).statusCode,
    ).toBe(204);
    expect(
      (await other.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: as("key-alice") })).statusCode,
    ).toBe(404);
    expect(await db.query("SELECT 1 FROM tverr.job WHERE id = $1", [id])).toHaveLength(0);
  });

  it("ends its event streams when an instance shuts down, so it can close", async () => {
    const temp = await build({ databaseUrl: db.url, apiKeys: keys, workers: 0 });
    const id = await submit(front, osloProblem(20_000));
    const stream = temp.inject({ method: "GET", url: `/v1/jobs/${id}/events`, headers: as("key-alice") });
    await until("running", async () =>
      (await view(front, id)).json().state === "running" ? true : undefined,
    );
    const t = Date.now();
    await temp.close();
    const res = await stream;
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(parseEvents(res.body).at(-1)?.data.state).toBe("running");
    await front.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-alice") });
  });

  it("ends at once an event stream that reaches the store after it closed", async () => {
    // The race CI met: the stream's request was still reading the job when close() ended the
    // watches, so it registered after and held the instance open for the job's life.
    const temp = await build({ databaseUrl: db.url, apiKeys: keys, workers: 0 });
    const id = await submit(front, osloProblem(20_000));
    await until("running", async () =>
      (await view(front, id)).json().state === "running" ? true : undefined,
    );
    await temp.drainJobs(0);
    const t = Date.now();
    const res = await temp.inject({ method: "GET", url: `/v1/jobs/${id}/events`, headers: as("key-alice") });
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(parseEvents(res.body).at(-1)?.data.state).toBe("running");
    await temp.close();
    await front.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-alice") });
  });

  it("answers a synchronous request with a result solved by another instance's thread", async () => {
    const res = await front.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: as("key-bob"),
      payload: smallProblem(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ feasible: true });
  });

  it("shows a job to its owner only, on every instance", async () => {
    const id = await submit(front, smallProblem(), "key-alice");
    for (const app of [front, other, solver]) {
      expect((await view(app, id, "key-bob")).statusCode).toBe(404);
      expect(
        (await app.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-bob") })).statusCode,
      ).toBe(404);
    }
    expect((await view(other, id, "key-alice")).statusCode).toBe(200);
    expect((await view(other, "not-a-uuid", "key-alice")).statusCode).toBe(404);
  });

  it("says 503 queue_full when the shared queue is full, and not ready", async () => {
    const ids: string[] = [];
    // One job runs on the only thread; four more fill the queue (queueMax 4).
    ids.push(await submit(front, osloProblem(20_000)));
    await until("running", async () =>
      (await view(front, ids[0])).json().state === "running" ? true : undefined,
    );
    for (let i = 0; i < 4; i++) ids.push(await submit(i % 2 ? front : other, osloProblem(20_000)));
    const full = await front.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { ...as("key-alice"), prefer: "respond-async" },
      payload: smallProblem(),
    });
    expect(full.statusCode).toBe(503);
    expect(full.json().code).toBe("queue_full");
    expect(full.headers["retry-after"]).toBeDefined();
    expect((await other.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    for (const id of ids)
      await front.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: as("key-alice") });
    expect((await other.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    const metrics = (await other.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/tverr_jobs\{state="cancelled"\} [1-9]/);
  });
});
