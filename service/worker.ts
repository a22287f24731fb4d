/**
 * The solver thread: one task solves one problem with the engine and answers with plain data.
 * The task's `kind` picks the solver: `single` one grouping (`solve`), `rounds` several
 * rounds at once (`solveRounds`); the route decides it when it parses the request.
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
  type RoundsProblem,
  type RoundsResult,
  type SearchProgress,
  type SolveResult,
  solve,
  solveRounds,
} from "../engine/index.js";

/** Which solver a task runs, with the problem it takes. */
export type Composition = { kind: "single"; problem: Problem } | { kind: "rounds"; problem: RoundsProblem };

/** A composition's result: one grouping, or several rounds. */
export type CompositionResult = SolveResult | RoundsResult;

export const isRoundsResult = (result: CompositionResult): result is RoundsResult => "rounds" in result;

export interface SolveTask {
  composition: Composition;
  port: MessagePort;
  progressIntervalMs: number;
}

/** From the task to the main thread. */
export type TaskMessage = { type: "started" } | { type: "progress"; progress: SearchProgress };

/** From the main thread to the task. */
export type ControlMessage = "cancel";

export type SolveOutcome =
  | { kind: "solved"; result: CompositionResult; cancelled: boolean }
  | { kind: "infeasible"; diagnoses: Diagnosis[] }
  | { kind: "invalid_input"; issues: InputIssue[] };

export async function solveTask({ composition, port, progressIntervalMs }: SolveTask): Promise<SolveOutcome> {
  const controller = new AbortController();
  port.on("message", (message: ControlMessage) => {
    if (message === "cancel") controller.abort();
  });
  const post = (message: TaskMessage) => port.postMessage(message);
  post({ type: "started" });
  try {
    const runtime = {
      signal: controller.signal,
      progressIntervalMs,
      onProgress: (progress: SearchProgress) => post({ type: "progress", progress }),
    };
    const result =
      composition.kind === "rounds"
        ? await solveRounds(composition.problem, runtime)
        : await solve(composition.problem, runtime);
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
