/**
 * Run an engine use case off the event loop (usecaseTask.ts): on a solver thread, or in
 * place on an instance without threads (TVERR_WORKERS=0, where separate workers solve). A
 * use case stopped at TVERR_USECASE_TIME_LIMIT_MS means the threads are too busy: 503 with
 * Retry-After.
 */
import type { FastifyInstance } from "fastify";
import { ThreadStoppedError } from "../engine/index.js";
import { HttpError, ProblemDataError } from "./errors.js";
import { type UsecaseName, type UsecaseValue, usecaseTask } from "./usecaseTask.js";

export async function offLoop<N extends UsecaseName>(
  app: FastifyInstance,
  name: N,
  input: unknown,
  timeCapMs: number,
): Promise<UsecaseValue<N>> {
  if (!app.hasDecorator("pool")) {
    const outcome = await usecaseTask({ kind: "usecase", name, input });
    if (outcome.kind === "problem") throw new ProblemDataError(outcome.problem);
    return outcome.value as UsecaseValue<N>;
  }
  try {
    return await app.pool.usecase(name, input, timeCapMs);
  } catch (err) {
    if (err instanceof ThreadStoppedError) throw new HttpError(503, "queue_full", {}, { "retry-after": "5" });
    throw err;
  }
}
