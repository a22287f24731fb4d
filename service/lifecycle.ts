/**
 * Listening and stopping, the same for the server and `tverr worker`: listen on HOST:PORT;
 * on SIGTERM or SIGINT drain, then close, then exit 0:
 * - drain: refuse new work (503 `shutting_down`, plugins/gate.ts; /readyz says not ready),
 *   give running jobs TVERR_SHUTDOWN_GRACE_MS while results stay fetchable, then cancel the
 *   rest (state `cancelled`, reason `shutdown`) and wait for them to settle;
 * - close: stop listening, end streams, close the solver threads and the database.
 * The drain runs before `app.close()`, outside fastify's plugin timeout, so a grace period
 * as long as that timeout (10 s) no longer kills the process with AVV_ERR_READY_TIMEOUT.
 * Should anything hang, a second deadline exits anyway, so an orchestrator never waits
 * forever; a stop asked for by a signal exits 0 in every case, as the README promises.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.js";

/** After the grace period: cancelled solves answer within ~1 s (a thread is killed then). */
const HARD_EXIT_SLACK_MS = 5_000;

const errFields = (err: unknown) => ({
  errType: err instanceof Error ? err.name : typeof err,
  code: (err as { code?: string } | undefined)?.code,
});

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
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down");
    setTimeout(() => {
      app.log.error("shutdown deadline passed; exiting");
      process.exit(0);
    }, config.shutdownGraceMs + HARD_EXIT_SLACK_MS).unref();
    app.draining = true;
    try {
      await app.drainJobs(config.shutdownGraceMs);
      await app.close();
      app.log.info("stopped");
    } catch (err) {
      app.log.error(errFields(err), "shutdown failed; exiting");
    }
    stopped(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    app.log.error(errFields(err), "listen failed");
    await app.close();
    return 1;
  }
  return done;
}
