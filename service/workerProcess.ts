/**
 * `tverr worker` (`npm run worker`): a process that solves jobs queued in PostgreSQL, with
 * its own pool of TVERR_WORKERS solver threads. Run any number of them, on any machine that
 * reaches the database; the HTTP instances then need no threads (TVERR_WORKERS=0).
 *
 * It serves `/healthz`, `/readyz` and `/metrics` on HOST:PORT (so the container image's
 * health check works for workers too), and stops like the server: SIGTERM lets running jobs
 * finish within the grace period, then cancels them.
 */
import { buildApp } from "./app.js";
import type { CliIo } from "./cli/io.js";
import { loadConfig } from "./config.js";
import { serveUntilStopped } from "./lifecycle.js";

export async function runWorker(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    await io.stdout.write(
      "tverr worker — solve compositions queued in PostgreSQL\n\n" +
        "Reads the same environment as the server: DATABASE_URL (required), TVERR_WORKERS (solver\n" +
        "threads, default the number of cores), TVERR_SHUTDOWN_GRACE_MS, HOST and PORT (health and\n" +
        "metrics), LOG_LEVEL. Stops on SIGTERM or SIGINT.\n",
    );
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    await io.stderr.write(`tverr: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (config.databaseUrl === undefined || config.workers < 1) {
    await io.stderr.write("tverr: tverr worker needs DATABASE_URL and at least one thread (TVERR_WORKERS)\n");
    return 2;
  }
  const app = await buildApp(config, { role: "worker" });
  return serveUntilStopped(app, config);
}
