/**
 * HTTP load benchmark (a script, not a test): `npm run bench:http`.
 *
 * Starts the server as `npm start` does (its own process, on 127.0.0.1, a free port), then
 * with autocannon on loopback:
 *  1. composes the bundled Oslo sample (427 leaders; time limit 300 ms, no iteration limit)
 *     at 1, 4 and 16 concurrent connections, `DURATION_S` seconds each: requests per second
 *     and p50 / p99 latency;
 *  2. measures `/healthz` (one connection) while 16 connections keep every solver thread
 *     busy, against `/healthz` on an idle server.
 * Prints a markdown table. Options: BENCH_DURATION_S (default 10), TVERR_WORKERS (default:
 * the number of cores, as the server's default).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  latency: Histogram;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// autocannon ships no types; the fields read here are its documented result.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WORKERS = Number(process.env.TVERR_WORKERS ?? availableParallelism());
const TIME_LIMIT_MS = 300;
const LEVELS = [1, 4, 16];
const root = fileURLToPath(new URL("../", import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The server in its own process, logging as in production (to /dev/null here). */
async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      TVERR_WORKERS: String(WORKERS),
      TVERR_QUEUE_MAX: "64",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("the server was not ready within 30 s");
}

const problem = JSON.parse(
  readFileSync(new URL("../data/oslo-ledere.problem.json", import.meta.url), "utf8"),
);
const body = JSON.stringify({ ...problem, options: { ...problem.options, timeLimitMs: TIME_LIMIT_MS } });

const compose = (base: string, connections: number) =>
  autocannon({
    url: `${base}/v1/compositions`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration: DURATION_S,
    timeout: 60,
  });

const health = (base: string) => autocannon({ url: `${base}/healthz`, connections: 1, duration: DURATION_S });

/** autocannon measures whole milliseconds. */
const ms = (x: number) => (x < 1 ? "<1" : x.toFixed(0));
const failures = (r: AutocannonResult) => r.non2xx + r.errors + r.timeouts;

async function main() {
  const { child, base } = await startServer();
  const rows: string[] = [];
  try {
    // Warm the threads (JIT) before measuring.
    await autocannon({
      url: `${base}/v1/compositions`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections: WORKERS,
      amount: 2 * WORKERS,
    });
    for (const c of LEVELS) {
      const r = await compose(base, c);
      rows.push(
        `| compose Oslo sample (427, ${TIME_LIMIT_MS} ms) | ${c} | ${(r["2xx"] / r.duration).toFixed(2)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${failures(r)} |`,
      );
    }
    const idle = await health(base);
    rows.push(
      `| /healthz, idle server | 1 | ${(idle["2xx"] / idle.duration).toFixed(0)} | ${ms(idle.latency.p50)} | ${ms(idle.latency.p99)} | ${failures(idle)} |`,
    );
    const [busy, load] = await Promise.all([health(base), compose(base, 16)]);
    rows.push(
      `| /healthz while 16 connections compose | 1 | ${(busy["2xx"] / busy.duration).toFixed(0)} | ${ms(busy.latency.p50)} | ${ms(busy.latency.p99)} (max ${ms(busy.latency.max)}) | ${failures(busy)} |`,
    );
    rows.push(
      `| (the 16 composing connections meanwhile) | 16 | ${(load["2xx"] / load.duration).toFixed(2)} | ${ms(load.latency.p50)} | ${ms(load.latency.p99)} | ${failures(load)} |`,
    );
  } finally {
    child.kill("SIGTERM");
  }
  console.log(
    `\nTverr HTTP benchmark: ${WORKERS} solver threads, ${DURATION_S} s per row, loopback, Node ${process.version}\n`,
  );
  console.log("| scenario | connections | requests/s | p50 ms | p99 ms | non-2xx + errors |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}

await main();
