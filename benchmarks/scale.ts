/**
 * Scale-out benchmark (a script, not a test): `npm run bench:scale` (builds first, and runs
 * inside scripts/with-postgres.sh, which starts a throwaway PostgreSQL unless
 * TVERR_TEST_DATABASE_URL names one; the benchmark makes a database of its own there).
 *
 * On loopback: 2 HTTP instances (`node dist/server.js`, TVERR_WORKERS=0, so they never solve)
 * and 2 worker processes (`tverr worker`, one solver thread each), sharing one database.
 * BENCH_JOBS (200) compositions of the Oslo sample (427 leaders, 300 ms time limit) are
 * submitted at concurrency BENCH_CONCURRENCY (8), alternating between the instances, each
 * with `Prefer: wait=60` (a 202 is then polled on the other instance). When half have been
 * submitted, one worker is killed with SIGKILL. Meanwhile `/healthz` is probed on both
 * instances every 50 ms.
 *
 * Reports jobs accepted / succeeded / failed / lost (accepted but never finished), runs
 * finished twice (from the workers' "job finished" lines: must be 0), throughput, p50/p99
 * from submit to result, and /healthz p99.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { firstOk, freePort, quantile, sleep } from "./processes.js";

const JOBS = Number(process.env.BENCH_JOBS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TIME_LIMIT_MS = 300;
const root = fileURLToPath(new URL("../", import.meta.url));

const admin = process.env.TVERR_TEST_DATABASE_URL;
if (!admin) throw new Error("TVERR_TEST_DATABASE_URL is not set: run npm run bench:scale");

const problem = JSON.parse(
  readFileSync(new URL("../data/oslo-ledere.problem.json", import.meta.url), "utf8"),
);
const body = JSON.stringify({
  ...problem,
  options: { ...problem.options, timeLimitMs: TIME_LIMIT_MS, iterationLimit: undefined },
});

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tverr_bench_${randomBytes(5).toString("hex")}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin as string);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

interface Proc {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function start(args: string[], env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  const base = `http://127.0.0.1:${port}`;
  await firstOk(`${base}/readyz`, 30_000, 50);
  return { child, base, output: () => out };
}

const db = await createDatabase();
const procs: Proc[] = [];
try {
  // One client address polls for every job: the per-caller rate limit is not what is measured.
  const env = { DATABASE_URL: db.url, TVERR_QUEUE_MAX: "64", TVERR_RATE_LIMIT_PER_MINUTE: "1000000" };
  // Workers first: the first one creates the schema and the queue.
  const workers = [await start(["bin/tverr.js", "worker"], { ...env, TVERR_WORKERS: "1" })];
  workers.push(await start(["bin/tverr.js", "worker"], { ...env, TVERR_WORKERS: "1" }));
  const apis = [
    await start(["dist/server.js"], { ...env, TVERR_WORKERS: "0" }),
    await start(["dist/server.js"], { ...env, TVERR_WORKERS: "0" }),
  ];
  procs.push(...workers, ...apis);

  const health: number[] = [];
  let probing = true;
  const prober = (async () => {
    for (let i = 0; probing; i++) {
      const t = performance.now();
      const res = await fetch(`${apis[i % 2].base}/healthz`);
      await res.arrayBuffer();
      health.push(performance.now() - t);
      await sleep(50);
    }
  })();

  const latencies: number[] = [];
  const ids: string[] = [];
  let accepted = 0;
  let succeeded = 0;
  let failed = 0;
  let rejected = 0;
  let next = 0;
  let killed = false;

  async function one(index: number): Promise<void> {
    const [here, there] = index % 2 ? [apis[1], apis[0]] : [apis[0], apis[1]];
    const t = performance.now();
    const res = await fetch(`${here.base}/v1/compositions`, {
      method: "POST",
      headers: { "content-type": "application/json", prefer: "wait=60" },
      body,
    });
    if (res.status !== 200 && res.status !== 202) {
      rejected++;
      await res.arrayBuffer();
      return;
    }
    accepted++;
    const id = String(res.headers.get(res.status === 200 ? "content-location" : "location"))
      .split("/")
      .at(-1)!;
    ids.push(id);
    let state = res.status === 200 ? "succeeded" : "queued";
    await res.arrayBuffer();
    while (state !== "succeeded" && state !== "failed" && state !== "cancelled") {
      await sleep(100);
      state = ((await (await fetch(`${there.base}/v1/jobs/${id}`)).json()) as { state: string }).state;
      if (performance.now() - t > 180_000) return;
    }
    latencies.push(performance.now() - t);
    if (state === "succeeded") succeeded++;
    else failed++;
  }

  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOBS) {
        const index = next++;
        if (!killed && index >= JOBS / 2) {
          killed = true;
          workers[0].child.kill("SIGKILL");
        }
        await one(index);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  probing = false;
  await prober;

  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const open = await check.query(
    "SELECT count(*)::int AS n FROM tverr.job WHERE state IN ('queued', 'running')",
  );
  const retried = await check.query("SELECT count(*)::int AS n FROM tverr.job WHERE attempts > 1");
  await check.end();
  const finishedRuns = new Map<string, number>();
  for (const w of workers) {
    for (const line of w.output().split("\n")) {
      if (!line.includes('"job finished"')) continue;
      const id = (JSON.parse(line) as { jobId: string }).jobId;
      finishedRuns.set(id, (finishedRuns.get(id) ?? 0) + 1);
    }
  }
  const twice = [...finishedRuns.values()].filter((n) => n > 1).length;
  const lost = accepted - succeeded - failed;

  console.log(
    `Node ${process.version}, ${availableParallelism()} cores shared by 2 HTTP instances, 2 workers (1 thread each), PostgreSQL and the load; ${JOBS} jobs of the Oslo sample (${TIME_LIMIT_MS} ms), concurrency ${CONCURRENCY}, worker 1 killed (SIGKILL) after ${JOBS / 2} submissions\n`,
  );
  console.log(
    "| accepted | succeeded | failed | lost | rejected | retried after the kill | finished twice | jobs/s | p50 submit→result ms | p99 ms (max) | /healthz p99 ms (max) |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(
    `| ${accepted} | ${succeeded} | ${failed} | ${lost} | ${rejected} | ${retried.rows[0].n} | ${twice} | ${(succeeded / seconds).toFixed(2)} | ${quantile(latencies, 0.5).toFixed(0)} | ${quantile(latencies, 0.99).toFixed(0)} (${Math.max(...latencies).toFixed(0)}) | ${quantile(health, 0.99).toFixed(1)} (${Math.max(...health).toFixed(0)}) |`,
  );
  console.log(
    `\nstill queued or running in the database at the end: ${open.rows[0].n}; ${health.length} health probes`,
  );
} finally {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGTERM");
  await Promise.all(
    procs.map((p) => (p.child.exitCode === null ? new Promise((r) => p.child.once("exit", r)) : undefined)),
  );
  await db.drop();
}
