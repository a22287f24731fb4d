/**
 * Where a thread's entry module is, and how to start it, from compiled JavaScript or from the
 * TypeScript sources.
 *
 * Compiled (`dist/`, what `tverr`, `npm start` and `tverr worker` run), a thread loads its
 * `.js` entry directly. From the sources (vitest, benchmarks under tsx), Node 20 cannot load
 * `.ts` in a thread by itself, so the thread starts `tsThread.mjs`, which registers tsx and
 * then imports the entry. The build keeps every entry and chunk in one flat folder, so an
 * entry found beside its caller in the sources is beside it in `dist/` too.
 */
import { Worker } from "node:worker_threads";

/** `name` beside the module at `base` (an `import.meta.url`), with that module's extension. */
export function siblingModule(base: string, name: string): URL {
  const extension = new URL(base).pathname.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./${name}${extension}`, base);
}

export function startThread(entry: URL): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry);
  return new Worker(new URL("./tsThread.mjs", import.meta.url), { workerData: { entry: entry.href } });
}
