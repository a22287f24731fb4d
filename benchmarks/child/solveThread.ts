/** A search thread of a benchmark child with --threads: one seeded run, posted back. */
import { parentPort, workerData } from "node:worker_threads";
import { type SolveRequest, solveOnce } from "./solveOnce.js";

parentPort?.postMessage(await solveOnce(workerData as SolveRequest));
