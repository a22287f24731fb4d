/**
 * The entry module of every solver thread (the service's pool and `tverr worker`): serves
 * `solveTask` through the engine's worker runner.
 */
import { serveThread } from "../engine/index.js";
import { solveTask } from "./worker.js";

serveThread(solveTask);
