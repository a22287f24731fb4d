/**
 * Event streams are bounded: past the cap on one job a 429, past the cap in all a 503, both
 * problem details with Retry-After; a closed stream gives its slot back. Through a real socket,
 * since a stream holds one for as long as its job runs.
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { build, osloProblem, sleep } from "./helper.js";

let app: FastifyInstance;
let base: string;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
beforeAll(async () => {
  process.on("warning", onWarning);
  app = await build({ maxStreamsPerJob: 3, maxStreams: 5, workers: 2 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  process.off("warning", onWarning);
  await app.close();
});

const submit = async () => {
  const res = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json", prefer: "respond-async" },
    body: JSON.stringify(osloProblem(20_000)),
  });
  expect(res.status).toBe(202);
  return res.headers.get("location") as string;
};

/** Open a stream; resolves with its status and a way to hang up. */
const open = (path: string) =>
  new Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: () => Promise<string>;
    close: () => void;
  }>((resolve, reject) => {
    const req = request(`${base}${path}/events`, (res) => {
      let text = "";
      res.on("data", (d) => {
        text += String(d);
      });
      const ended = new Promise<string>((r) => res.on("end", () => r(text)).on("close", () => r(text)));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: () => ended,
        close: () => req.destroy(),
      });
    });
    req.on("error", (err) => (err.message.includes("socket hang up") ? undefined : reject(err)));
    req.end();
  });

it("caps streams per job (429) and in all (503), with Retry-After, and frees a slot on hang-up", async () => {
  const [a, b] = [await submit(), await submit()];
  const onA = [await open(a), await open(a), await open(a)];
  expect(onA.map((s) => s.status)).toEqual([200, 200, 200]);
  const fourth = await open(a);
  expect(fourth.status).toBe(429);
  expect(fourth.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(fourth.headers["retry-after"]).toMatch(/^\d+$/);
  expect(JSON.parse(await fourth.body())).toMatchObject({ code: "too_many_streams", status: 429 });

  const onB = [await open(b), await open(b)];
  expect(onB.map((s) => s.status)).toEqual([200, 200]);
  const sixth = await open(b);
  expect(sixth.status).toBe(503);
  expect(sixth.headers["retry-after"]).toMatch(/^\d+$/);

  onA[0].close();
  await sleep(100);
  const again = await open(b);
  expect(again.status).toBe(200);
  for (const s of [...onA, ...onB, again]) s.close();
  expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
});
