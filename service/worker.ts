/**
 * The solver thread: one task solves one problem with the engine and answers with plain data.
 *
 * Runs inside a piscina worker (loaded through `worker-entry.mjs`, which teaches the thread
 * TypeScript). The main thread talks to a running task over the MessagePort handed in with it:
 * the task says when it starts and how it progresses, and stops when it is told "cancel" —
 * the engine checks its AbortSignal between chunks of moves, so the thread is free again
 * within a few tens of milliseconds and answers with the best grouping found so far.
 * Errors the caller caused come back as data (class identity does not survive the thread
 * boundary); anything else is thrown and reaches the main thread as a failure.
 */
import type { MessagePort } from "node:worker_threads";
import {
  type Diagnosis,
  InfeasibleError,
  type InputIssue,
  type Problem,
  ProblemInputError,
  type SearchProgress,
  type SolveResult,
  solve,
} from "../engine/index.js";

export interface SolveTask {
  problem: Problem;
  port: MessagePort;
  progressIntervalMs: number;
}

/** From the task to the main thread. */
export type TaskMessage = { type: "started" } | { type: "progress"; progress: SearchProgress };

/** From the main thread to the task. */
export type ControlMessage = "cancel";

export type SolveOutcome =
  | { kind: "solved"; result: SolveResult; cancelled: boolean }
  | { kind: "infeasible"; diagnoses: Diagnosis[] }
  | { kind: "invalid_input"; issues: InputIssue[] };

export async function solveTask({ problem, port, progressIntervalMs }: SolveTask): Promise<SolveOutcome> {
  const controller = new AbortController();
  port.on("message", (message: ControlMessage) => {
    if (message === "cancel") controller.abort();
  });
  const post = (message: TaskMessage) => port.postMessage(message);
  post({ type: "started" });
  try {
    const result = await solve(problem, {
      signal: controller.signal,
      progressIntervalMs,
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    return { kind: "solved", result, cancelled: controller.signal.aborted };
  } catch (err) {
    if (err instanceof InfeasibleError) return { kind: "infeasible", diagnoses: err.diagnoses };
    if (err instanceof ProblemInputError) return { kind: "invalid_input", issues: err.issues };
    throw err;
  } finally {
    port.close();
  }
}

/** Answers at once: proves the thread has loaded the engine (readiness, warm-up). */
export function ping(): "pong" {
  return "pong";
}
