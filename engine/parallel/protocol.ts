/**
 * The messages between a thread pool and its threads (structured-clone data only).
 *
 * Pool to thread: `run` one task, `cancel` the running one. Thread to pool: `ready` once its
 * module has loaded, `started` when a task begins, `progress` while it runs, and exactly one
 * of `done` or `failed` when it ends. A thread runs one task at a time, so no ids are needed.
 */
export type ToThread<Input> = { type: "run"; input: Input } | { type: "cancel" };

export type FromThread<Output, Progress> =
  | { type: "ready" }
  | { type: "started" }
  | { type: "progress"; progress: Progress }
  | { type: "done"; output: Output }
  | { type: "failed"; name: string; message: string };
