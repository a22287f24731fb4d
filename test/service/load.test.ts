/**
 * Under load: while two long solves occupy a pool of two threads, the event loop stays free
 * (health answers fast), a third job waits in the queue rather than being lost, and a full
 * queue answers 503 with Retry-After.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { build, osloProblem, pollJob, sleep, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ workers: 2, queueMax: 1 });
});
afterAll(async () => {
  await app.close();
});

const submit = (problem: object) =>
  app.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { prefer: "respond-async" },
    payload: problem,
  });

it("keeps /healthz fast and queues the third job while two solves run", async () => {
  const long = await Promise.all([submit(osloProblem(1_500)), submit(osloProblem(1_500))]);
  const ids = long.map((r) => r.json().id as string);
  for (const id of ids) await pollJob(app, id, (j) => j.state === "running");

  const third = await submit(smallProblem());
  expect(third.statusCode).toBe(202);
  expect(third.json().state).toBe("queued");

  const full = await submit(smallProblem());
  expect(full.statusCode).toBe(503);
  expect(full.json().code).toBe("queue_full");
  expect(Number(full.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  const ready = await app.inject({ method: "GET", url: "/readyz" });
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toMatchObject({ status: "not_ready", jobs: { queued: 1, running: 2, queueMax: 1 } });

  const latencies: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const res = await app.inject({ method: "GET", url: "/healthz" });
    latencies.push(performance.now() - t);
    expect(res.statusCode).toBe(200);
    await sleep(50);
  }
  expect(Math.max(...latencies)).toBeLessThan(100);
  const stillQueued = await app.inject({ method: "GET", url: `/v1/jobs/${third.json().id}` });
  expect(stillQueued.json().state).toBe("queued");

  const done = await pollJob(app, third.json().id, (j) => j.state === "succeeded");
  expect(done.result).toMatchObject({ feasible: true });
  for (const id of ids)
    expect((await pollJob(app, id, (j) => j.state === "succeeded")).state).toBe("succeeded");
});
