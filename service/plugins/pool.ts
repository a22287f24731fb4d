/**
 * The solver pool: piscina worker threads that run `worker.ts`, so no solve ever runs on the
 * event loop. Decorates the instance with `pool`.
 *
 * Cancelling reaches the thread two ways. A task still waiting in piscina's queue is taken
 * out of it (abort signal). A running task is told "cancel" over its MessagePort and returns
 * the best grouping so far within a few tens of milliseconds; if it has not answered
 * `KILL_AFTER_MS` later, the thread itself is terminated (abort signal again) and piscina
 * starts a fresh one.
 */
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { SearchProgress } from "../../engine/index.js";
import type { Composition, ControlMessage, SolveOutcome, SolveTask, TaskMessage } from "../worker.js";
import { shared } from "./shared.js";

const KILL_AFTER_MS = 1_000;
const WORKER_ENTRY = new URL("../worker-entry.mjs", import.meta.url).href;

export interface RunCallbacks {
  progressIntervalMs: number;
  /** The task has reached a thread and is solving. */
  onStart: () => void;
  onProgress: (progress: SearchProgress) => void;
}

export interface SolveHandle {
  /** Resolves with the outcome; rejects with piscina's AbortError when the task was taken out. */
  done: Promise<SolveOutcome>;
  /** Stop the task: dequeue it, or tell it to stop and terminate its thread if it does not. */
  cancel: () => void;
}

export class SolverPool {
  readonly size: number;
  readonly #piscina: Piscina<SolveTask | null, SolveOutcome | "pong">;
  #warm = false;

  constructor(size: number) {
    this.size = size;
    this.#piscina = new Piscina({
      filename: WORKER_ENTRY,
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  /** Load the engine in the threads before the first request pays for it. */
  async warmUp(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.#piscina.run(null, { name: "ping" })));
    this.#warm = true;
  }

  /** Threads are up and have loaded the engine. */
  get ready(): boolean {
    return this.#warm && this.#piscina.threads.length >= this.size;
  }

  get threads(): number {
    return this.#piscina.threads.length;
  }

  run(composition: Composition, callbacks: RunCallbacks): SolveHandle {
    const { port1, port2 } = new MessageChannel();
    const dequeue = new AbortController();
    let started = false;
    let killTimer: NodeJS.Timeout | undefined;
    port1.on("message", (message: TaskMessage) => {
      if (message.type === "started") {
        started = true;
        callbacks.onStart();
      } else callbacks.onProgress(message.progress);
    });
    const task: SolveTask = { composition, port: port2, progressIntervalMs: callbacks.progressIntervalMs };
    const done = (
      this.#piscina.run(task, { transferList: [port2], signal: dequeue.signal }) as Promise<SolveOutcome>
    ).finally(() => {
      clearTimeout(killTimer);
      port1.close();
    });
    const cancel = () => {
      if (!started) {
        dequeue.abort();
        return;
      }
      port1.postMessage("cancel" satisfies ControlMessage);
      killTimer ??= setTimeout(() => dequeue.abort(), KILL_AFTER_MS);
    };
    return { done, cancel };
  }

  async close(): Promise<void> {
    await this.#piscina.destroy();
  }
}

declare module "fastify" {
  interface FastifyInstance {
    pool: SolverPool;
  }
}

export default shared<{ size: number }>("pool", async (app, { size }) => {
  const pool = new SolverPool(size);
  app.decorate("pool", pool);
  app.addHook("onClose", async () => {
    await pool.close();
  });
  try {
    await pool.warmUp();
  } catch (err) {
    await pool.close();
    throw err;
  }
});
