/**
 * One search thread of `solveParallel`: solves the problem it is handed with its own seed
 * and posts the result back as plain data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "../solve.js";

const { problem, seed } = workerData as { problem: { options?: Record<string, unknown> }; seed: number };
const result = await solve({ ...problem, options: { ...problem.options, seed } });
parentPort?.postMessage(result);
