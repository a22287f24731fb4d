// Entry of a benchmark child's search thread. A worker thread does not always inherit the
// parent's TypeScript loader, so it registers tsx itself before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./solveThread.ts");
