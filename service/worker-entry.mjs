// The file piscina loads in each solver thread. A worker thread does not inherit the main
// thread's TypeScript loader in every setup (vitest, `node --import tsx`), so the thread
// registers tsx itself and then loads the real worker, `worker.ts`.
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");

export default worker.solveTask;
export const ping = worker.ping;
