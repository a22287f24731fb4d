/**
 * Engine use cases whose cost grows with the input (a has-met network is quadratic in the
 * size of each history group; checking and scoring walk every person, rule and pair; reading
 * a roster file parses every cell), run on
 * a solver thread instead of the event loop, so one large request cannot stall every other
 * one (health checks included). Errors the caller caused come back as problem data, since
 * class identity does not survive the thread boundary; the pool throws them again.
 */
import { check, network, score } from "../engine/index.js";
import { type ProblemData, problemFrom } from "./errors.js";
import { buildExport } from "./exportFile.js";
import { workbookTask } from "./resultWorkbook.js";
import { readRosterBytes } from "./rosterRead.js";

const USECASES = {
  network,
  check,
  score,
  roster: readRosterBytes,
  export: buildExport,
  workbook: workbookTask,
} as const;

export type UsecaseName = keyof typeof USECASES;
export type UsecaseValue<N extends UsecaseName> = Awaited<ReturnType<(typeof USECASES)[N]>>;

export interface UsecaseTask {
  kind: "usecase";
  name: UsecaseName;
  input: unknown;
}

export type UsecaseOutcome =
  | { kind: "value"; value: UsecaseValue<UsecaseName> }
  | { kind: "problem"; problem: ProblemData };

export async function usecaseTask({ name, input }: UsecaseTask): Promise<UsecaseOutcome> {
  try {
    return { kind: "value", value: await USECASES[name](input as never) };
  } catch (err) {
    const problem = problemFrom(err);
    // A fault of ours stays a failure (the pool reports it by kind only).
    if (problem.status >= 500) throw err;
    return { kind: "problem", problem };
  }
}
