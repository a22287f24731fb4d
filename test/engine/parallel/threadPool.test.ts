/**
 * The worker runner: queueing, progress, cancel, time cap, crashes, and a group that stops
 * as soon as one of its tasks fails.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  runAll,
  ThreadPool,
  ThreadStoppedError,
  ThreadTaskError,
} from "../../../engine/parallel/threadPool.js";
import type { FixtureTask } from "./fixtureThread.js";

type Pool = ThreadPool<FixtureTask, { value: number; cancelled: boolean }, number>;
const pools: Pool[] = [];
function pool(size: number, killAfterMs = 300): Pool {
  const p: Pool = new ThreadPool({
    entry: new URL("./fixtureThread.ts", import.meta.url),
    size,
    killAfterMs,
  });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("ThreadPool", () => {
  it("warms up, runs tasks on every thread and queues the rest", async () => {
    const p = pool(2);
    await p.warmUp();
    expect(p.ready).toBe(true);
    expect(p.threads).toBe(2);
    const runs = [1, 2, 3, 4, 5].map((value) => p.run({ mode: "echo", value }));
    expect(p.queued + p.busy).toBe(5);
    expect((await Promise.all(runs)).map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(p.busy).toBe(0);
  });

  it("reports start and progress, and a cancel stops the task with its answer so far", async () => {
    const p = pool(1);
    const controller = new AbortController();
    const seen: number[] = [];
    let started = false;
    const run = p.run(
      { mode: "work", ms: 10_000 },
      {
        signal: controller.signal,
        onStart: () => {
          started = true;
        },
        onProgress: (n) => seen.push(n),
      },
    );
    while (seen.length < 3) await new Promise((r) => setTimeout(r, 10));
    const t = Date.now();
    controller.abort();
    const out = await run;
    expect(Date.now() - t).toBeLessThan(200);
    expect(started).toBe(true);
    expect(out.cancelled).toBe(true);
    expect(out.value).toBeGreaterThanOrEqual(3);
  });

  it("takes a cancelled task out of the queue before it starts", async () => {
    const p = pool(1);
    const first = p.run({ mode: "work", ms: 300 });
    const controller = new AbortController();
    const second = p.run({ mode: "echo", value: 2 }, { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: "ThreadStoppedError", reason: "cancelled" });
    expect((await first).cancelled).toBe(false);
  });

  it("stops a task at its time cap, and terminates a thread that ignores the stop", async () => {
    const p = pool(1, 200);
    const capped = await p.run({ mode: "work", ms: 10_000 }, { timeCapMs: 100 });
    expect(capped.cancelled).toBe(true);

    const t = Date.now();
    const stubborn = p.run({ mode: "stubborn", ms: 5_000 }, { timeCapMs: 100 });
    await expect(stubborn).rejects.toMatchObject({ reason: "time_cap" });
    expect(Date.now() - t).toBeLessThan(2_000);
    // The thread was replaced: the pool still works.
    expect((await p.run({ mode: "echo", value: 9 })).value).toBe(9);
  });

  it("reports a task's error by name and message, and survives a crashed thread", async () => {
    const p = pool(1);
    const thrown = await p.run({ mode: "throw" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ThreadTaskError);
    expect(thrown).toMatchObject({ name: "RangeError", message: "bad task" });

    await expect(p.run({ mode: "crash" })).rejects.toMatchObject({ reason: "crashed" });
    expect((await p.run({ mode: "echo", value: 4 })).value).toBe(4);
  });

  it("fails queued and running tasks when closed", async () => {
    const p = pool(1);
    const running = p.run({ mode: "work", ms: 5_000 });
    const queued = p.run({ mode: "echo", value: 1 });
    const failed = Promise.all([
      expect(running).rejects.toBeInstanceOf(ThreadStoppedError),
      expect(queued).rejects.toMatchObject({ reason: "closed" }),
    ]);
    await p.close();
    await failed;
  });
});

describe("runAll", () => {
  it("stops every other task when one fails, then throws the first error", async () => {
    const p = pool(3);
    await p.warmUp();
    const t = Date.now();
    const error = await runAll(p, [
      { mode: "work", ms: 20_000 },
      { mode: "throw" },
      { mode: "work", ms: 20_000 },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RangeError" });
    expect(Date.now() - t).toBeLessThan(3_000);
    // Every thread is free again.
    expect(p.busy).toBe(0);
  });

  it("gives the outputs in input order, with each task's progress by index", async () => {
    const p = pool(2);
    const indexes = new Set<number>();
    const out = await runAll(
      p,
      [
        { mode: "work", ms: 60 },
        { mode: "echo", value: 7 },
      ],
      { onProgress: (_n, i) => indexes.add(i) },
    );
    expect(out[1].value).toBe(7);
    expect(out[0].value).toBeGreaterThan(0);
    expect([...indexes]).toEqual([0]);
  });
});
