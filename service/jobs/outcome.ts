/**
 * What a solve's outcome makes of a job, the same in memory and in PostgreSQL: the final
 * state, the result or the problem details, and why it was cancelled.
 */
import { ExactUnsupportedError, InfeasibleError, ProblemInputError } from "../../engine/index.js";
import { type ProblemData, problemFrom } from "../errors.js";
import type { CompositionResult, SolveOutcome } from "../worker.js";
import type { CancelReason, JobState } from "./types.js";

export interface Ending {
  state: Extract<JobState, "succeeded" | "failed" | "cancelled">;
  result?: CompositionResult;
  error?: ProblemData;
  cancelReason?: CancelReason;
}

/** `askedReason`: why the job was told to stop, if it was. */
export function endingOf(outcome: SolveOutcome, askedReason: CancelReason | undefined): Ending {
  switch (outcome.kind) {
    case "solved":
      // A stop nobody asked for is the time cap of the solver pool.
      return outcome.cancelled
        ? { state: "cancelled", result: outcome.result, cancelReason: askedReason ?? "deadline" }
        : { state: "succeeded", result: outcome.result };
    case "infeasible":
      return { state: "failed", error: problemFrom(new InfeasibleError(outcome.diagnoses)) };
    case "invalid_input":
      return { state: "failed", error: problemFrom(new ProblemInputError(outcome.issues)) };
    case "exact_unsupported":
      return { state: "failed", error: problemFrom(new ExactUnsupportedError(outcome.terms)) };
  }
}

/** The solve did not answer: stopped unanswered (cancelled) or failed in its thread. */
export function endingOfError(err: unknown, askedReason: CancelReason | undefined): Ending {
  if (askedReason !== undefined) return { state: "cancelled", cancelReason: askedReason };
  if (
    err instanceof Error &&
    err.name === "ThreadStoppedError" &&
    "reason" in err &&
    err.reason === "time_cap"
  ) {
    return { state: "cancelled", cancelReason: "deadline" };
  }
  // Only a bare 500: an engine error's message may quote the input.
  return { state: "failed", error: problemFrom(err) };
}
