/**
 * The thread side of a thread pool: a thread entry module calls `serveThread(handler)` once,
 * and each task the pool sends runs through `handler`, one at a time.
 *
 * The handler gets an AbortSignal (the pool's cancel or time cap) and a way to report
 * progress; it should return promptly once the signal fires, with its best answer so far.
 * A thrown error goes back as its name and message only (class identity does not survive the
 * thread boundary).
 */
import { parentPort } from "node:worker_threads";
import type { FromThread, ToThread } from "./protocol.js";

export interface ThreadContext<Progress> {
  signal: AbortSignal;
  progress: (progress: Progress) => void;
}

export type ThreadHandler<Input, Output, Progress> = (
  input: Input,
  context: ThreadContext<Progress>,
) => Output | Promise<Output>;

export function serveThread<Input, Output, Progress>(handler: ThreadHandler<Input, Output, Progress>): void {
  const port = parentPort;
  if (!port) throw new Error("serveThread runs inside a worker thread only");
  const post = (message: FromThread<Output, Progress>) => port.postMessage(message);
  let running: AbortController | undefined;

  port.on("message", async (message: ToThread<Input>) => {
    if (message.type === "cancel") {
      running?.abort();
      return;
    }
    const controller = new AbortController();
    running = controller;
    post({ type: "started" });
    try {
      const output = await handler(message.input, {
        signal: controller.signal,
        progress: (progress) => post({ type: "progress", progress }),
      });
      post({ type: "done", output });
    } catch (err) {
      const name = err instanceof Error ? err.name : "Error";
      const text = err instanceof Error ? err.message : String(err);
      post({ type: "failed", name, message: text });
    } finally {
      if (running === controller) running = undefined;
    }
  });
  post({ type: "ready" });
}
