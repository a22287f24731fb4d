/**
 * The job store, decorated as `jobs`: in this process's memory by default (service/jobs/
 * memoryStore.ts), in PostgreSQL when DATABASE_URL is set (service/jobs/postgres/). With
 * PostgreSQL, an instance that has solver threads also runs an executor that takes jobs from
 * the queue; one without (TVERR_WORKERS=0) leaves them to `tverr worker` processes.
 *
 * The PostgreSQL modules (and pg, pg-boss) load only when DATABASE_URL is set, so the default
 * server starts without them.
 *
 * On shutdown (`drainJobs`, lifecycle.ts, before the server stops listening) the store stops
 * taking jobs and this process's running ones get the grace period, so requests waiting on a
 * job and event streams end as they end, and finished results can still be fetched.
 */
import type { Config } from "../config.js";
import { MemoryJobStore } from "../jobs/memoryStore.js";
import type { JobStore } from "../jobs/types.js";
import { shared } from "./shared.js";

export type { CancelReason, CsvSource, Job, JobState } from "../jobs/types.js";
export { FINAL_STATES, isFinal } from "../jobs/types.js";

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobStore;
    /**
     * Stop taking jobs, give running ones `graceMs`, cancel the rest (as "shutdown") and wait
     * for them to settle. Once only: later calls (the preClose hook) share the first.
     */
    drainJobs: (graceMs: number) => Promise<void>;
  }
}

/** One drain per store, however often it is asked for. */
function once(close: (graceMs: number) => Promise<void>): (graceMs: number) => Promise<void> {
  let drained: Promise<void> | undefined;
  return (graceMs) => {
    drained ??= close(graceMs);
    return drained;
  };
}

export default shared<{ config: Config }>("jobs", async (app, { config }) => {
  const onFinished = (job: Parameters<typeof app.metrics.jobFinished>[0]) => app.metrics.jobFinished(job);
  const { databaseUrl } = config;
  if (databaseUrl === undefined) {
    const store = new MemoryJobStore(config, app.pool, app.log, { onFinished });
    app.decorate("jobs", store);
    app.decorate(
      "drainJobs",
      once((graceMs) => store.close(graceMs)),
    );
    app.addHook("preClose", async () => {
      await app.drainJobs(config.shutdownGraceMs);
    });
    return;
  }
  const [{ openDatabase }, { JobExecutor }, { PgJobStore }] = await Promise.all([
    import("../jobs/postgres/database.js"),
    import("../jobs/postgres/executor.js"),
    import("../jobs/postgres/store.js"),
  ]);
  const db = await openDatabase({ ...config, databaseUrl }, (err) =>
    app.log.warn({ errType: err instanceof Error ? err.name : typeof err }, "database connection error"),
  );
  const store = new PgJobStore(db, config, app.log);
  const executor = app.hasDecorator("pool")
    ? new JobExecutor(db, app.pool, config, app.log, { onFinished })
    : undefined;
  executor?.start();
  app.decorate("jobs", store);
  app.decorate(
    "drainJobs",
    once(async (graceMs) => {
      await store.close();
      await executor?.close(graceMs);
    }),
  );
  app.addHook("preClose", async () => {
    await app.drainJobs(config.shutdownGraceMs);
  });
  app.addHook("onClose", async () => {
    await db.close();
  });
});
