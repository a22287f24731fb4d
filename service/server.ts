/**
 * `npm start`: read the environment, build the app, listen (127.0.0.1:3000 by default).
 *
 * On SIGTERM or SIGINT: stop taking requests, give running jobs TVERR_SHUTDOWN_GRACE_MS to
 * finish, cancel the rest, close the solver threads, exit 0. Should that hang, a second
 * deadline exits anyway (code 1), so an orchestrator never waits forever.
 */
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";

const HARD_EXIT_SLACK_MS = 5_000;

const config = loadConfig();
const app = await buildApp(config);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "shutting down");
  setTimeout(() => {
    app.log.error("shutdown deadline passed; exiting");
    process.exit(1);
  }, config.shutdownGraceMs + HARD_EXIT_SLACK_MS).unref();
  await app.close();
  app.log.info("stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));

try {
  await app.listen({ host: config.host, port: config.port });
} catch (err) {
  app.log.error(
    { errType: err instanceof Error ? err.name : typeof err, code: (err as { code?: string }).code },
    "listen failed",
  );
  await app.close();
  process.exit(1);
}
