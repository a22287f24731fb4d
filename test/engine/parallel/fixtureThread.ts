/**
 * A thread entry for the thread pool's tests: each task says how to behave.
 */
import { serveThread } from "../../../engine/parallel/serveThread.js";

export type FixtureTask =
  | { mode: "echo"; value: number }
  /** Report progress every 10 ms until cancelled (or `ms` pass), then answer how many were sent. */
  | { mode: "work"; ms: number }
  /** Block the thread without ever looking at the signal. */
  | { mode: "stubborn"; ms: number }
  | { mode: "throw" }
  | { mode: "crash" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

serveThread<FixtureTask, { value: number; cancelled: boolean }, number>(
  async (task, { signal, progress }) => {
    switch (task.mode) {
      case "echo":
        return { value: task.value, cancelled: false };
      case "work": {
        let sent = 0;
        const end = Date.now() + task.ms;
        while (!signal.aborted && Date.now() < end) {
          progress(++sent);
          await sleep(10);
        }
        return { value: sent, cancelled: signal.aborted };
      }
      case "stubborn": {
        const end = Date.now() + task.ms;
        while (Date.now() < end) {
          // Busy: never yields, so the cancel message is never read.
        }
        return { value: 0, cancelled: false };
      }
      case "throw":
        throw new RangeError("bad task");
      case "crash":
        process.exit(3);
    }
  },
);
