/**
 * Listening and stopping, the same for the server and `tverr worker`: listen on HOST:PORT;
 * on SIGTERM or SIGINT stop taking work, give running jobs TVERR_SHUTDOWN_GRACE_MS, cancel
 * the rest, close the solver threads and the database, exit 0. Should that hang, a second
 * deadline exits anyway (code 1), so an orchestrator never waits forever.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.js";

const HARD_EXIT_SLACK_MS = 5_000;

/** Resolves with the exit code once the app has stopped (or failed to listen). */
export async function serveUntilStopped(app: FastifyInstance, config: Config): Promise<number> {
  let stopped!: (code: number) => void;
  const done = new Promise<number>((resolve) => {
    stopped = resolve;
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    setTimeout(() => {
      app.log.error("shutdown deadline passed; exiting");
      process.exit(1);
    }, config.shutdownGraceMs + HARD_EXIT_SLACK_MS).unref();
    await app.close();
    app.log.info("stopped");
    stopped(0);
  };
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
    return 1;
  }
  return done;
}
