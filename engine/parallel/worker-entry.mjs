// The file each search thread loads: a worker thread does not inherit the main thread's
// TypeScript loader in every setup (vitest, `node --import tsx`), so it registers tsx itself
// and then runs the real worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
