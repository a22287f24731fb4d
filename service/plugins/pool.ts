/**
 * The solver pool: threads of the engine's worker runner that run `solveTask`, so no solve
 * ever runs on the event loop, and the use cases whose cost grows with the input (`usecase`). Decorates the instance with `pool`.
 *
 * Cancelling takes a queued task out of the queue; a running one is told to stop and returns
 * the best grouping so far within a few tens of milliseconds; one that has not answered
 * `KILL_AFTER_MS` later has its thread terminated and replaced (the runner does all three).
 * Every task also has a time cap: its time limit plus `DEADLINE_SLACK_MS`.
 */
import { type SearchProgress, ThreadPool } from "../../engine/index.js";
import { ProblemDataError } from "../errors.js";
import { SOLVER_THREAD } from "../threads.js";
import type { UsecaseName, UsecaseOutcome, UsecaseTask, UsecaseValue } from "../usecaseTask.js";
import type { Composition, SolveOutcome, SolveTask } from "../worker.js";
import { shared } from "./shared.js";

const KILL_AFTER_MS = 1_000;
/** A solve past its own time limit by this much is stopped (reported as cancelled, "deadline"). */
export const DEADLINE_SLACK_MS = 5_000;

export interface RunCallbacks {
  progressIntervalMs: number;
  /** The task has reached a thread and is solving. */
  onStart: () => void;
  onProgress: (progress: SearchProgress) => void;
}

export interface SolveHandle {
  /** Resolves with the outcome; rejects with a ThreadStoppedError when the task was stopped unanswered. */
  done: Promise<SolveOutcome>;
  /** Stop the task: dequeue it, or tell it to stop and terminate its thread if it does not. */
  cancel: () => void;
}

export class SolverPool {
  readonly size: number;
  readonly #threads: ThreadPool<SolveTask | UsecaseTask, SolveOutcome | UsecaseOutcome, SearchProgress>;

  constructor(size: number) {
    this.size = size;
    this.#threads = new ThreadPool({ entry: SOLVER_THREAD, size, killAfterMs: KILL_AFTER_MS });
  }

  /** Load the engine in the threads before the first request pays for it. */
  warmUp(): Promise<void> {
    return this.#threads.warmUp();
  }

  /** Threads are up and have loaded the engine. */
  get ready(): boolean {
    return this.#threads.ready;
  }

  get threads(): number {
    return this.#threads.threads;
  }

  /** Threads solving right now. */
  get busy(): number {
    return this.#threads.busy;
  }

  run(composition: Composition, callbacks: RunCallbacks): SolveHandle {
    const controller = new AbortController();
    const done = this.#threads.run(
      { composition, progressIntervalMs: callbacks.progressIntervalMs },
      {
        signal: controller.signal,
        onStart: callbacks.onStart,
        onProgress: callbacks.onProgress,
        timeCapMs: composition.timeLimitMs + DEADLINE_SLACK_MS,
      },
    );
    return { done: done as Promise<SolveOutcome>, cancel: () => controller.abort() };
  }

  /**
   * Run an engine use case on a thread (usecaseTask.ts), stopped after `timeCapMs`. Rejects
   * with a ProblemDataError for input it refuses, a ThreadStoppedError when stopped.
   */
  async usecase<N extends UsecaseName>(name: N, input: unknown, timeCapMs: number): Promise<UsecaseValue<N>> {
    const outcome = (await this.#threads.run(
      { kind: "usecase", name, input },
      { timeCapMs },
    )) as UsecaseOutcome;
    if (outcome.kind === "problem") throw new ProblemDataError(outcome.problem);
    return outcome.value as UsecaseValue<N>;
  }

  close(): Promise<void> {
    return this.#threads.close();
  }
}

declare module "fastify" {
  interface FastifyInstance {
    pool: SolverPool;
  }
}

/**
 * The threads start loading the engine as soon as the plugin is registered (first, in
 * app.ts), while the main thread builds the routes; the app is ready once they are warm.
 */
export default shared<{ size: number }>("pool", async (app, { size }) => {
  const pool = new SolverPool(size);
  app.decorate("pool", pool);
  app.addHook("onClose", async () => {
    await pool.close();
  });
  app.addHook("onReady", async () => {
    try {
      await pool.warmUp();
    } catch (err) {
      await pool.close();
      throw err;
    }
  });
});
