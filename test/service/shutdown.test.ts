/**
 * The server as `npm start` runs it (`node dist/server.js`, compiled by `npm run build`, which
 * `npm test` runs first): it starts, its solver threads load compiled JavaScript, and on
 * SIGTERM it stops taking work, cancels what cannot finish within the grace period, and exits 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { osloProblem, smallProblem } from "./helper.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

function start(env: Record<string, string>): Promise<{ base: string; output: () => string }> {
  child = spawn(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", TVERR_WORKERS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const check = () => {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1], output: () => out });
      }
    };
    child?.stdout?.on("data", check);
  });
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    c.exitCode !== null ? resolve(c.exitCode) : c.once("exit", resolve),
  );

it("serves, then shuts down on SIGTERM within the grace period, exit 0", async () => {
  const { base, output } = await start({ TVERR_SHUTDOWN_GRACE_MS: "300" });
  const quick = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(smallProblem()),
  });
  expect(quick.status).toBe(200);

  const long = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json", prefer: "respond-async" },
    body: JSON.stringify(osloProblem(30_000)),
  });
  expect(long.status).toBe(202);
  const jobUrl = `${base}${long.headers.get("location")}`;
  const state = async () => ((await (await fetch(jobUrl)).json()) as { state: string }).state;
  for (let i = 0; i < 100 && (await state()) !== "running"; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }

  const t = Date.now();
  child?.kill("SIGTERM");
  const code = await exited(child as ChildProcess);
  expect(code).toBe(0);
  expect(Date.now() - t).toBeLessThan(3_000);
  const lines = output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
  expect(lines.find((l) => l.msg === "job finished" && l.state === "cancelled")).toMatchObject({
    cancelReason: "shutdown",
  });
  expect(lines.at(-1)?.msg).toBe("stopped");
});

const logLines = (output: string) =>
  output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const submitAsync = async (base: string, timeLimitMs: number) => {
  const problem = osloProblem(timeLimitMs);
  const res = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json", prefer: "respond-async" },
    // No stopping when stalled: the job runs its whole time limit.
    body: JSON.stringify({ ...problem, options: { ...problem.options, stopWhenStalled: false } }),
  });
  expect(res.status).toBe(202);
  return `${base}${res.headers.get("location")}`;
};

const waitState = async (url: string, want: string[]) => {
  for (let i = 0; i < 500; i++) {
    const job = (await (await fetch(url)).json()) as { state: string };
    if (want.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} never reached ${want.join("|")}`);
};

it("exits 0 after a grace period as long as fastify's plugin timeout, with jobs still running", async () => {
  const { base, output } = await start({ TVERR_SHUTDOWN_GRACE_MS: "10000" });
  const job = await submitAsync(base, 60_000);
  await waitState(job, ["running"]);
  const t = Date.now();
  child?.kill("SIGTERM");
  const code = await exited(child as ChildProcess);
  const took = Date.now() - t;
  expect(output()).not.toContain("AVV_ERR_READY_TIMEOUT");
  expect(code).toBe(0);
  expect(took).toBeGreaterThanOrEqual(10_000);
  expect(took).toBeLessThan(14_000);
  const lines = logLines(output());
  expect(lines.find((l) => l.msg === "job finished")).toMatchObject({
    state: "cancelled",
    cancelReason: "shutdown",
  });
  expect(lines.at(-1)?.msg).toBe("stopped");
}, 30_000);

it("during the grace period: refuses new work as problem details, serves results that finish, marks the rest cancelled by shutdown", async () => {
  const { base, output } = await start({ TVERR_SHUTDOWN_GRACE_MS: "2500", TVERR_WORKERS: "2" });
  const quick = await submitAsync(base, 800);
  const slow = await submitAsync(base, 30_000);
  await waitState(slow, ["running"]);
  const events = await fetch(`${slow}/events`);
  child?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 200));

  const refused = await fetch(`${base}/v1/compositions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(smallProblem()),
  });
  expect(refused.status).toBe(503);
  expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(((await refused.json()) as { code: string }).code).toBe("shutting_down");
  expect((await fetch(`${base}/readyz`)).status).toBe(503);

  const done = (await waitState(quick, ["succeeded"])) as { state: string; result?: unknown };
  expect(done.result).toBeDefined();

  const text = await events.text();
  const last = [...text.matchAll(/event: state\ndata: (.*)\n\n/g)].at(-1)?.[1];
  expect(JSON.parse(last ?? "{}")).toMatchObject({ state: "cancelled", cancelReason: "shutdown" });
  expect(await exited(child as ChildProcess)).toBe(0);
  expect(logLines(output()).at(-1)?.msg).toBe("stopped");
}, 30_000);
