/**
 * `npm run fuzz [-- --runs N --seed S]`: the fuzz suite at length (50,000 requests by
 * default) against the app through `inject`, plus raw bytes through a real socket; prints a
 * table of statuses per generator, every violation (first of each kind with its request),
 * the slowest requests and the largest replies, and /healthz latency meanwhile. Exit 1 if
 * anything was violated. The requests are those of test/fuzz/requests.ts, as in CI.
 */
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { build } from "../service/helper.js";
import {
  type FuzzRequest,
  fuzzConfig,
  hostileRequest,
  rawRequest,
  sendRaw,
  violations,
  withHealth,
} from "./requests.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "50000" },
    seed: { type: "string" },
    raw: { type: "string", default: "200" },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

const app = await build(fuzzConfig);
await app.listen({ host: "127.0.0.1", port: 0 });
const port = (app.server.address() as AddressInfo).port;

interface Seen {
  request: FuzzRequest;
  status: number;
  ms: number;
  bytes: number;
}
const statuses = new Map<string, Map<number, number>>();
const problems = new Map<string, { count: number; first: Seen }>();
const seen: Seen[] = [];
const health: number[] = [];
const count = (generator: string, status: number) => {
  const row = statuses.get(generator) ?? new Map<number, number>();
  row.set(status, (row.get(status) ?? 0) + 1);
  statuses.set(generator, row);
};
const note = (entry: Seen, wrong: string[]) => {
  for (const w of wrong) {
    const key = `${entry.request.generator}: ${w.replace(/\d+/g, "N")}`;
    const p = problems.get(key) ?? { count: 0, first: entry };
    p.count++;
    problems.set(key, p);
  }
};

const started = Date.now();
let crashed = false;
const requests = fc.sample(hostileRequest, { numRuns: runs, seed });
for (const [i, request] of requests.entries()) {
  try {
    const { answer, healthMs } = await withHealth(app, request);
    health.push(healthMs);
    const entry = { request, status: answer.status, ms: answer.ms, bytes: answer.body.length };
    seen.push(entry);
    count(request.generator, answer.status);
    note(entry, violations(request, answer));
  } catch (err) {
    crashed = true;
    note({ request, status: 0, ms: 0, bytes: 0 }, [
      `threw ${err instanceof Error ? err.message : String(err)}`,
    ]);
  }
  if ((i + 1) % 5_000 === 0)
    console.error(`${i + 1}/${runs} (${Math.round((Date.now() - started) / 1000)} s)`);
}
for (const text of fc.sample(rawRequest, { numRuns: Number(values.raw), seed })) {
  const answer = await sendRaw(port, text, 300);
  const request: FuzzRequest = {
    generator: "raw-socket",
    method: "RAW",
    url: text.slice(0, 40),
    headers: {},
    payload: text,
  };
  count("raw-socket", answer.status);
  if (answer.status !== 0)
    note(
      { request, status: answer.status, ms: answer.ms, bytes: answer.body.length },
      violations(request, answer),
    );
}
const alive = (await app.inject({ url: "/healthz" })).statusCode === 200;
await app.close();

const allStatuses = [...new Set([...statuses.values()].flatMap((row) => [...row.keys()]))].sort(
  (a, b) => a - b,
);
const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
health.sort((a, b) => a - b);
/** The five entries largest by `key`, each a line led by `lead`. */
const top = (key: (s: Seen) => number, lead: (s: Seen) => string) =>
  [...seen]
    .sort((a, b) => key(b) - key(a))
    .slice(0, 5)
    .map(
      (s) =>
        `  ${lead(s)}  ${s.status}  ${s.request.generator} ${s.request.method} ${s.request.url.slice(0, 60)} (${Buffer.byteLength(s.request.payload ?? "")} B in)`,
    );
const lines = [
  `fuzz: ${runs} requests through inject + ${values.raw} through a socket, seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s`,
  "",
  `| generator | ${allStatuses.join(" | ")} |`,
  `|---|${allStatuses.map(() => "---:").join("|")}|`,
  ...[...statuses].map(([g, row]) => `| ${g} | ${allStatuses.map((s) => row.get(s) ?? 0).join(" | ")} |`),
  "",
  `5xx: ${seen.filter((s) => s.status >= 500).length}; crashes: ${crashed ? "yes" : 0}; alive at the end: ${alive}`,
  `echoes: ${[...problems].filter(([k]) => k.includes("echoed")).reduce((n, [, p]) => n + p.count, 0)}`,
  `/healthz meanwhile: p50 ${pct(health, 0.5).toFixed(1)} ms, p99 ${pct(health, 0.99).toFixed(1)} ms, max ${pct(health, 1).toFixed(1)} ms`,
  "",
  "slowest:",
  ...top(
    (s) => s.ms,
    (s) => `${s.ms.toFixed(0)} ms`,
  ),
  "largest replies:",
  ...top(
    (s) => s.bytes,
    (s) => `${s.bytes} B`,
  ),
  "",
  problems.size === 0 ? "violations: none" : "violations:",
  ...[...problems].map(
    ([k, p]) =>
      `  ${p.count} × ${k}\n    e.g. ${p.first.request.method} ${p.first.request.url.slice(0, 80)} ${JSON.stringify(p.first.request.headers).slice(0, 100)} ${String(p.first.request.payload ?? "").slice(0, 300)}`,
  ),
];
console.log(lines.join("\n"));
process.exit(problems.size === 0 && alive ? 0 : 1);
