/**
 * The one worker runner for the engine's threads: a fixed number of threads that each run one
 * task at a time from a first-in, first-out queue. Used by `solveParallel` (seeded runs side
 * by side) and by the service's solver pool.
 *
 * What it guarantees for a task:
 * - cancel (the task's AbortSignal): a queued task leaves the queue; a running one is told to
 *   stop and answers with its best so far; a thread that has not answered `killAfterMs` later
 *   is terminated and replaced, and the task fails with `ThreadStoppedError`;
 * - progress: what the thread reports reaches `onProgress`; `onStart` when it begins;
 * - time cap: `timeCapMs` after it reached a thread, a task is stopped the same way, so no
 *   task holds a thread for longer than its cap plus `killAfterMs`;
 * - a thread that crashes fails its task (`ThreadStoppedError`, reason "crashed") and is
 *   replaced; `runAll` stops every task of a group as soon as one fails.
 */
import type { Worker } from "node:worker_threads";
import type { FromThread, ToThread } from "./protocol.js";
import { startThread } from "./threadEntry.js";

export type ThreadStopReason = "cancelled" | "time_cap" | "crashed" | "closed";

/** The task did not finish on its thread: stopped, out of time, its thread died, or the pool closed. */
export class ThreadStoppedError extends Error {
  override name = "ThreadStoppedError";
  readonly reason: ThreadStopReason;
  constructor(reason: ThreadStopReason) {
    super(`the thread task was stopped (${reason})`);
    this.reason = reason;
  }
}

/** The task threw on its thread: its error's name and message. */
export class ThreadTaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface ThreadPoolOptions {
  /** The thread's entry module (it calls `serveThread`); see `siblingModule`. */
  entry: URL;
  size: number;
  /** How long a thread may take to stop after being told to, before it is terminated. */
  killAfterMs?: number;
}

export interface RunOptions<Progress> {
  signal?: AbortSignal;
  onStart?: () => void;
  onProgress?: (progress: Progress) => void;
  /** Stop the task this long after it reached a thread. */
  timeCapMs?: number;
}

interface Task<Input, Output, Progress> {
  input: Input;
  options: RunOptions<Progress>;
  resolve: (output: Output) => void;
  reject: (err: Error) => void;
  /** Why it is being stopped, once it is. */
  stopping?: ThreadStopReason;
  timers: NodeJS.Timeout[];
  cleanup: () => void;
}

interface Slot<Input, Output, Progress> {
  worker: Worker;
  ready: boolean;
  whenReady: Promise<void>;
  task?: Task<Input, Output, Progress>;
}

export class ThreadPool<Input, Output, Progress = never> {
  readonly size: number;
  readonly #entry: URL;
  readonly #killAfterMs: number;
  readonly #slots = new Set<Slot<Input, Output, Progress>>();
  readonly #queue: Task<Input, Output, Progress>[] = [];
  #closed = false;

  constructor({ entry, size, killAfterMs = 1_000 }: ThreadPoolOptions) {
    this.size = Math.max(1, size);
    this.#entry = entry;
    this.#killAfterMs = killAfterMs;
    for (let i = 0; i < this.size; i++) this.#spawn();
  }

  /** Resolves once every thread has loaded its module; rejects if one cannot. */
  async warmUp(): Promise<void> {
    await Promise.all([...this.#slots].map((s) => s.whenReady));
  }

  /** Every thread is up and has loaded its module. */
  get ready(): boolean {
    return !this.#closed && this.threads === this.size;
  }

  /** Threads up and ready. */
  get threads(): number {
    let n = 0;
    for (const s of this.#slots) if (s.ready) n++;
    return n;
  }

  /** Threads running a task. */
  get busy(): number {
    let n = 0;
    for (const s of this.#slots) if (s.task) n++;
    return n;
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.#queue.length;
  }

  run(input: Input, options: RunOptions<Progress> = {}): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      if (this.#closed) return reject(new ThreadStoppedError("closed"));
      if (options.signal?.aborted) return reject(new ThreadStoppedError("cancelled"));
      const onAbort = () => this.#stop(task, "cancelled");
      const task: Task<Input, Output, Progress> = {
        input,
        options,
        timers: [],
        resolve,
        reject,
        cleanup: () => {
          for (const t of task.timers) clearTimeout(t);
          options.signal?.removeEventListener("abort", onAbort);
        },
      };
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(task);
      this.#dispatch();
    });
  }

  /** Fail what is queued or running and end every thread. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) this.#settle(task, new ThreadStoppedError("closed"));
    const slots = [...this.#slots];
    this.#slots.clear();
    for (const slot of slots) {
      if (slot.task) this.#settle(slot.task, new ThreadStoppedError("closed"));
      slot.task = undefined;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): void {
    const worker = startThread(this.#entry);
    let markReady!: () => void;
    let failReady!: (err: Error) => void;
    const whenReady = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // A failed warm-up is reported by warmUp(); do not let it be an unhandled rejection too.
    whenReady.catch(() => {});
    const slot: Slot<Input, Output, Progress> = { worker, ready: false, whenReady };
    this.#slots.add(slot);
    worker.on("message", (message: FromThread<Output, Progress>) => {
      if (message.type === "ready") {
        slot.ready = true;
        markReady();
        this.#dispatch();
      } else this.#onMessage(slot, message);
    });
    worker.on("error", (err) => failReady(err));
    worker.on("exit", () => {
      failReady(new ThreadStoppedError("crashed"));
      this.#onExit(slot);
    });
  }

  #onMessage(slot: Slot<Input, Output, Progress>, message: FromThread<Output, Progress>): void {
    const task = slot.task;
    if (!task) return;
    switch (message.type) {
      case "started":
        task.options.onStart?.();
        return;
      case "progress":
        task.options.onProgress?.(message.progress);
        return;
      case "done":
        slot.task = undefined;
        this.#settle(task, undefined, message.output);
        this.#dispatch();
        return;
      case "failed":
        slot.task = undefined;
        this.#settle(task, new ThreadTaskError(message.name, message.message));
        this.#dispatch();
        return;
    }
  }

  /** A thread ended (crashed, or terminated after a stop it ignored): fail its task, replace it. */
  #onExit(slot: Slot<Input, Output, Progress>): void {
    if (!this.#slots.delete(slot)) return;
    const task = slot.task;
    slot.task = undefined;
    if (task) this.#settle(task, new ThreadStoppedError(task.stopping ?? "crashed"));
    // A thread that never loaded would fail again: only replace threads that once worked.
    if (!this.#closed && slot.ready) this.#spawn();
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.#queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ type: "run", input: task.input } satisfies ToThread<Input>);
      const cap = task.options.timeCapMs;
      if (cap !== undefined) task.timers.push(setTimeout(() => this.#stop(task, "time_cap"), cap));
    }
  }

  #stop(task: Task<Input, Output, Progress>, reason: ThreadStopReason): void {
    const queuedAt = this.#queue.indexOf(task);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
      this.#settle(task, new ThreadStoppedError(reason));
      return;
    }
    const slot = [...this.#slots].find((s) => s.task === task);
    if (!slot || task.stopping) return;
    task.stopping = reason;
    slot.worker.postMessage({ type: "cancel" } satisfies ToThread<Input>);
    task.timers.push(setTimeout(() => void slot.worker.terminate(), this.#killAfterMs));
  }

  #settle(task: Task<Input, Output, Progress>, err: Error | undefined, output?: Output): void {
    task.cleanup();
    if (err) task.reject(err);
    else task.resolve(output as Output);
  }
}

export interface GroupOptions<Progress> extends Omit<RunOptions<Progress>, "onProgress"> {
  onProgress?: (progress: Progress, index: number) => void;
}

/**
 * Run every input on the pool; when one fails, stop the others, wait until all have stopped,
 * then fail with the first error. Outputs are in input order.
 */
export async function runAll<Input, Output, Progress>(
  pool: ThreadPool<Input, Output, Progress>,
  inputs: readonly Input[],
  options: GroupOptions<Progress> = {},
): Promise<Output[]> {
  const group = new AbortController();
  const forward = () => group.abort();
  options.signal?.addEventListener("abort", forward, { once: true });
  if (options.signal?.aborted) group.abort();
  let firstError: unknown;
  const runs = inputs.map((input, index) =>
    pool
      .run(input, {
        ...options,
        signal: group.signal,
        onProgress: options.onProgress ? (p) => options.onProgress?.(p, index) : undefined,
      })
      .catch((err: unknown) => {
        firstError ??= err;
        group.abort();
        throw err;
      }),
  );
  const settled = await Promise.allSettled(runs);
  options.signal?.removeEventListener("abort", forward);
  if (firstError !== undefined) throw firstError;
  return settled.map((s) => (s as PromiseFulfilledResult<Output>).value);
}
