/**
 * Through a real socket on 127.0.0.1: submit an async job, follow it over server-sent events
 * to completion, fetch the CSV; and a client that hangs up stops its solve.
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { build, osloProblem, sleep } from "./helper.js";

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = await build();
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
});

it("runs a job end to end over HTTP: 202, events until done, CSV", async () => {
  const submitted = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json", prefer: "respond-async" },
    body: JSON.stringify(osloProblem(700)),
  });
  expect(submitted.status).toBe(202);
  const location = submitted.headers.get("location");
  expect(location).toMatch(/^\/v1\/jobs\//);

  const events = await fetch(`${base}${location}/events`);
  expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const seen: string[] = [];
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    for (const m of text.matchAll(/event: (\w+)\ndata: (.*)\n\n/g))
      seen.push(`${m[1]}:${JSON.parse(m[2]).state}`);
    text = text.slice(text.lastIndexOf("\n\n") + 2);
  }
  expect(seen).toContain("progress:running");
  expect(seen.at(-1)).toBe("state:succeeded");

  const csv = await fetch(`${base}${location}`, { headers: { accept: "text/csv" } });
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("Group;Id;Name;Virksomhet;Sektor;Rolle;Kjønn;Ansiennitet");
  expect(lines).toHaveLength(428);
});

it("stops the solve when a client waiting for the result hangs up", async () => {
  const body = JSON.stringify(osloProblem(20_000));
  const req = request(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  req.on("error", () => {});
  req.end(body);
  const running = async () => (await app.jobs.counts()).byState.running;
  await sleep(600);
  expect(await running()).toBe(1);
  req.destroy();
  const started = Date.now();
  while ((await running()) > 0 && Date.now() - started < 2_000) await sleep(10);
  expect(await running()).toBe(0);
  expect(Date.now() - started).toBeLessThan(500);
});
