/**
 * The fuzz suite, bounded for CI: hostile requests from every generator of test/fuzz/requests.ts
 * through `inject`, and a few through a real socket. Every answer: no 5xx, problem details with
 * a code for every error, bounded in size, no stack trace, no roster value quoted in an error;
 * meanwhile /healthz answers, with p99 under 50 ms. `npm run fuzz` runs 50,000 and prints a table.
 */
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fuzzConfig, hostileRequest, rawRequest, sendRaw, violations, withHealth } from "../fuzz/requests.js";
import { build } from "./helper.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 4_000);
/**
 * A fixed seed, so npm test is reproducible (FUZZ_SEED=random, or a number, to explore;
 * `npm run fuzz` draws a new seed each run and prints it).
 */
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20_261_202);

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  app = await build(fuzzConfig);
  await app.listen({ host: "127.0.0.1", port: 0 });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
});

it(`answers ${RUNS} hostile requests within bounds, and /healthz stays fast`, async () => {
  const health: number[] = [];
  await fc.assert(
    fc.asyncProperty(hostileRequest, async (request) => {
      const { answer, healthMs } = await withHealth(app, request);
      health.push(healthMs);
      expect({ generator: request.generator, wrong: violations(request, answer) }).toEqual({
        generator: request.generator,
        wrong: [],
      });
    }),
    { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
  );
  health.sort((a, b) => a - b);
  expect(health[Math.floor(health.length * 0.99)]).toBeLessThan(50);
}, 240_000);

it("answers hostile bytes on a real socket with problem details, or not at all", async () => {
  await fc.assert(
    fc.asyncProperty(rawRequest, async (text) => {
      const answer = await sendRaw(port, text, 300);
      if (answer.status !== 0) {
        expect(
          violations({ generator: "raw", method: "GET", url: "/", headers: {}, payload: text }, answer),
        ).toEqual([]);
      }
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    }),
    { numRuns: 40, ...(SEED !== undefined ? { seed: SEED } : {}) },
  );
}, 60_000);
