/**
 * The entry module of every solver thread (the service's pool and `tverr worker`): serves
 * `solveTask` and the use cases too large for the event loop (`usecaseTask`) through the
 * engine's worker runner.
 */
import { type SearchProgress, serveThread, type ThreadContext } from "../engine/index.js";
import { type UsecaseOutcome, type UsecaseTask, usecaseTask } from "./usecaseTask.js";
import { type SolveOutcome, type SolveTask, solveTask } from "./worker.js";

serveThread<SolveTask | UsecaseTask, SolveOutcome | UsecaseOutcome, SearchProgress>(
  (task, context: ThreadContext<SearchProgress>) =>
    "kind" in task && task.kind === "usecase" ? usecaseTask(task) : solveTask(task as SolveTask, context),
);
