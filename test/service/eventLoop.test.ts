/**
 * Work that grows with the input runs off the event loop: while a check or a score of the
 * largest problem the server takes is worked out, /healthz keeps answering within 50 ms.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { XLSX_MEDIA_TYPE } from "../../engine/index.js";
import { build, pollJob, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build();
});
afterAll(async () => {
  await app.close();
});

/** 10,000 people (the default cap) in groups of eight, with 5,000 keep-apart pairs. */
function largest() {
  const n = 10_000;
  const problem = smallProblem(n);
  return {
    ...problem,
    groups: { count: n / 8 },
    rules: { apart: Array.from({ length: n / 2 }, (_, i) => [`p${i + 1}`, `p${n - i}`]) },
  };
}

/** POST `body` to `url` (GET without one); meanwhile ask /healthz every 5 ms. The status, and the latencies sorted. */
async function healthDuring(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; latencies: number[] }> {
  let done = false;
  const work = app
    .inject(
      body === undefined
        ? { method: "GET", url, headers }
        : {
            method: "POST",
            url,
            headers: { "content-type": "application/json", ...headers },
            payload: JSON.stringify(body),
          },
    )
    .finally(() => {
      done = true;
    });
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await app.inject({ url: "/healthz" });
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  return { status: (await work).statusCode, latencies: latencies.sort((a, b) => a - b) };
}

const p99 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.99)];

it("checks the largest problem without stalling /healthz", async () => {
  const { status, latencies } = await healthDuring("/v1/checks", largest());
  expect(status).toBe(200);
  expect(latencies.length).toBeGreaterThan(5);
  expect(p99(latencies)).toBeLessThan(50);
}, 30_000);

it("scores a grouping of the largest problem without stalling /healthz", async () => {
  const problem = largest();
  const assignment = Object.fromEntries(problem.people.map((p, i) => [p.id, `g${i % 1_250}`]));
  const { status, latencies } = await healthDuring("/v1/evaluations", { ...problem, assignment });
  expect(status).toBeLessThan(500);
  expect(latencies.length).toBeGreaterThan(5);
  expect(p99(latencies)).toBeLessThan(50);
}, 30_000);

it("exports rounds with a large meeting history without stalling /healthz", async () => {
  const problem = smallProblem(1_000);
  const ids = problem.people.map((p) => p.id);
  // One earlier gathering of everyone together: 499,500 pairs for the network before and after.
  const request = {
    ...problem,
    groups: { count: 125 },
    rounds: [{ id: "1" }, { id: "2" }],
    history: { rounds: [{ round: "0", groups: { all: ids } }] },
  };
  const groupings = [1, 2].map((r) => ({
    round: String(r),
    assignment: Object.fromEntries(ids.map((id, i) => [id, String(((i * r) % 125) + 1)])),
  }));
  const { status, latencies } = await healthDuring("/v1/exports", { request, groupings });
  expect(status).toBe(200);
  expect(latencies.length).toBeGreaterThan(5);
  expect(p99(latencies)).toBeLessThan(50);
}, 60_000);

it("writes a result workbook without stalling /healthz", async () => {
  const problem = { ...smallProblem(8_000), groups: { count: 1_000 } };
  problem.options = { seed: 1, iterationLimit: 1_000, timeLimitMs: 2_000 };
  const submitted = await app.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { prefer: "respond-async" },
    payload: problem as unknown as string,
  });
  const location = String(submitted.headers.location);
  await pollJob(app, location.split("/").at(-1) as string, (job) => job.state === "succeeded", 60_000);
  const { status, latencies } = await healthDuring(location, undefined, { accept: XLSX_MEDIA_TYPE });
  expect(status).toBe(200);
  expect(latencies.length).toBeGreaterThan(5);
  expect(p99(latencies)).toBeLessThan(50);
}, 90_000);
