// Only for running from the TypeScript sources (tests, benchmarks): a worker thread in Node 20
// cannot load `.ts` itself, so it registers tsx and then imports the real entry. Compiled
// threads never load this file (see threadEntry.ts).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
