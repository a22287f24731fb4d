/**
 * A worker killed with SIGKILL mid-solve loses nothing: its job is run again by another
 * worker and finishes once; after TVERR_JOB_ATTEMPTS runs cut short it fails with a clear
 * reason instead of staying "running".
 */
import type { FastifyInstance } from "fastify";
import { afterEach, expect, it } from "vitest";
import { build, osloProblem } from "../service/helper.js";
import { createDatabase, startWorker, type TestDatabase, until, type WorkerProcess } from "./helper.js";

let db: TestDatabase | undefined;
let api: FastifyInstance | undefined;
const workers: WorkerProcess[] = [];

afterEach(async () => {
  for (const w of workers.splice(0)) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await api?.close();
  await db?.drop();
  api = undefined;
  db = undefined;
});

async function setUp(attempts: number) {
  db = await createDatabase();
  const env = { TVERR_JOB_ATTEMPTS: String(attempts) };
  // The first worker creates the queue with this retry limit.
  workers.push(await startWorker(db.url, env));
  api = await build({ databaseUrl: db.url, workers: 0, jobAttempts: attempts });
  const res = await api.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { prefer: "respond-async" },
    payload: osloProblem(2_000),
  });
  expect(res.statusCode).toBe(202);
  const id = (res.json() as { id: string }).id;
  const row = async () =>
    (
      await db!.query<{ state: string; attempts: number; error: { code: string } | null }>(
        "SELECT state, attempts, error FROM tverr.job WHERE id = $1",
        [id],
      )
    )[0];
  await until("the first run", async () => ((await row()).state === "running" ? true : undefined));
  workers[0].child.kill("SIGKILL");
  await workers[0].exited;
  workers.push(await startWorker(db.url, env));
  return { id, row };
}

const finishedLines = (w: WorkerProcess, id: string) =>
  w
    .output()
    .split("\n")
    .filter((l) => l.includes('"job finished"') && l.includes(id));

it("runs a killed worker's job again on another worker, to one completion", async () => {
  const { id, row } = await setUp(2);
  const done = await until("the retried job", async () => {
    const r = await row();
    return r.state === "succeeded" ? r : undefined;
  });
  expect(done.attempts).toBe(2);
  const job = await api!.inject({ method: "GET", url: `/v1/jobs/${id}` });
  expect(job.json()).toMatchObject({ state: "succeeded", result: { feasible: true } });
  // The worker logs after it stores the result, and its output arrives through a pipe: wait
  // for the line rather than race it.
  await until("the finished log line", async () =>
    finishedLines(workers[1], id).length > 0 ? true : undefined,
  );
  expect(finishedLines(workers[1], id)).toHaveLength(1);
  expect(finishedLines(workers[0], id)).toHaveLength(0);
});

it("fails the job with worker_lost once its runs are used up", async () => {
  const { id, row } = await setUp(1);
  const failed = await until("the failed job", async () => {
    const r = await row();
    return r.state === "failed" ? r : undefined;
  });
  expect(failed.error?.code).toBe("worker_lost");
  const job = (await api!.inject({ method: "GET", url: `/v1/jobs/${id}` })).json();
  expect(job.state).toBe("failed");
  expect(job.error).toMatchObject({ code: "worker_lost", status: 500 });
  expect(job.error.detail).toMatch(/worker that died/);
});
