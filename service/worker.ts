/**
 * The solver task: one task composes one request with the engine's `compose` and answers
 * with plain data. The request is the engine's compose request (one grouping or several
 * rounds, exact mode, threads), already checked at the door; `kind` says which result to
 * expect.
 *
 * Runs on a thread of the engine's worker runner (`solverThread.ts` is the entry). The
 * runner's cancel or time cap fires the task's signal; the engine checks it between chunks of
 * moves, so the thread is free again within a few tens of milliseconds and answers with the
 * best grouping found so far. Errors the caller caused come back as data (class identity does
 * not survive the thread boundary); anything else is thrown and reaches the caller as a
 * failure. A diagnosis names people by their position in the request (`people[3]`), not by
 * id: ids are often e-mail addresses, and error replies travel further than results.
 */
import {
  type ComposeRequest,
  type ComposeResult,
  compose,
  type Diagnosis,
  ExactUnsupportedError,
  InfeasibleError,
  type InputIssue,
  ProblemInputError,
  type SearchProgress,
} from "../engine/index.js";
import type { ThreadContext } from "../engine/parallel/serveThread.js";

/** A composition to run: the checked request, and what the stores show before it runs. */
export interface Composition {
  kind: "single" | "rounds";
  request: ComposeRequest;
  people: number;
  timeLimitMs: number;
}

export type CompositionResult = ComposeResult;

export const isRoundsResult = (
  result: CompositionResult,
): result is Extract<ComposeResult, { kind: "rounds" }> => result.kind === "rounds";

export interface SolveTask {
  composition: Composition;
  progressIntervalMs: number;
}

export type SolveOutcome =
  | { kind: "solved"; result: CompositionResult; cancelled: boolean }
  | { kind: "infeasible"; diagnoses: Diagnosis[] }
  | { kind: "invalid_input"; issues: InputIssue[] }
  /** Exact mode asked for a problem with terms the MIP cannot express (the caller's to change). */
  | { kind: "exact_unsupported"; terms: string[] };

export async function solveTask(
  { composition, progressIntervalMs }: SolveTask,
  { signal, progress }: ThreadContext<SearchProgress>,
): Promise<SolveOutcome> {
  try {
    const result = await compose(composition.request, { signal, progressIntervalMs, onProgress: progress });
    return { kind: "solved", result, cancelled: signal.aborted };
  } catch (err) {
    if (err instanceof InfeasibleError) {
      return { kind: "infeasible", diagnoses: byPosition(err.diagnoses, composition.request.people) };
    }
    if (err instanceof ProblemInputError) return { kind: "invalid_input", issues: err.issues };
    if (err instanceof ExactUnsupportedError) return { kind: "exact_unsupported", terms: err.terms };
    throw err;
  }
}

/** Diagnoses with `people[i]` in place of each person id. */
function byPosition(diagnoses: Diagnosis[], people: readonly { id: string }[]): Diagnosis[] {
  const index = new Map(people.map((p, i) => [p.id, i]));
  const at = (id: string) => `people[${index.get(id) ?? "?"}]`;
  return diagnoses.map((d) => ({
    ...d,
    people: d.people.map(at),
    facts: typeof d.facts.person === "string" ? { ...d.facts, person: at(d.facts.person) } : d.facts,
    fixes: d.fixes.map((f) =>
      "person" in f ? { ...f, person: at(f.person) } : "people" in f ? { ...f, people: f.people.map(at) } : f,
    ),
  }));
}
