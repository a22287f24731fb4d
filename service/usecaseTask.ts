/**
 * Engine use cases whose cost grows with the input (a has-met network is quadratic in the
 * size of each history group), run on a solver thread instead of the event loop, so one large
 * request cannot stall every other one (health checks included). Input errors come back as
 * data, since class identity does not survive the thread boundary; the caller rethrows them.
 */
import { type InputIssue, network, ProblemInputError } from "../engine/index.js";

const USECASES = { network } as const;

export type UsecaseName = keyof typeof USECASES;
export type UsecaseValue<N extends UsecaseName> = ReturnType<(typeof USECASES)[N]>;

export interface UsecaseTask {
  kind: "usecase";
  name: UsecaseName;
  input: unknown;
}

export type UsecaseOutcome =
  | { kind: "value"; value: UsecaseValue<UsecaseName> }
  | { kind: "invalid_input"; issues: InputIssue[] };

export function usecaseTask({ name, input }: UsecaseTask): UsecaseOutcome {
  try {
    return { kind: "value", value: USECASES[name](input) };
  } catch (err) {
    if (err instanceof ProblemInputError) return { kind: "invalid_input", issues: err.issues };
    throw err;
  }
}
