/**
 * The app: `buildApp(config)` gives a fastify instance with every plugin and route, the same
 * for the server, the tests and the benchmark. No engine logic lives here or below: routes
 * translate HTTP to engine calls, plugins hold the shared work (solver pool, job store).
 *
 * One error handler turns every error into problem details (RFC 9457); one not-found handler
 * does the same for unknown routes. Requests are validated by the zod schemas (the engine's
 * `ProblemSchema` for a problem), and a failed validation is the engine's own
 * `ProblemInputError`, so every invalid field reads the same wherever it was caught.
 *
 * Logging (see `logging.ts`): one line per request and one per job; never a body, a result
 * or an error's wording, since they name people.
 */
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifySchemaCompiler } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { ProblemInputError, zodIssues } from "../engine/index.js";
import type { Config } from "./config.js";
import { problemFrom } from "./errors.js";
import { REDACT_PATHS, RequestLog } from "./logging.js";
import auth from "./plugins/auth.js";
import gate from "./plugins/gate.js";
import jobs from "./plugins/jobs.js";
import locale from "./plugins/locale.js";
import mediaTypes from "./plugins/mediaTypes.js";
import metrics from "./plugins/metrics.js";
import page from "./plugins/page.js";
import parsers from "./plugins/parsers.js";
import pool from "./plugins/pool.js";
import rateLimit from "./plugins/rateLimit.js";
import securityHeaders from "./plugins/securityHeaders.js";
import swagger from "./plugins/swagger.js";
import { clientErrorHandler, sendNotFound, sendProblem } from "./problemReply.js";
import health from "./routes/health.js";
import checks from "./routes/v1/checks.js";
import compositions from "./routes/v1/compositions.js";
import evaluations from "./routes/v1/evaluations.js";
import exportRoutes from "./routes/v1/exports.js";
import jobRoutes from "./routes/v1/jobs.js";
import networks from "./routes/v1/networks.js";
import rosters from "./routes/v1/rosters.js";
import { PARSED_BY_HANDLER } from "./schemas.js";
import { serializerCompiler } from "./serializer.js";

export interface BuildOptions {
  /** Where log lines go (default stdout); tests capture them here. */
  logStream?: NodeJS.WritableStream;
  /**
   * `api` (default): the whole service. `worker` (`tverr worker`): only health, readiness and
   * metrics over HTTP, while its threads solve jobs from the PostgreSQL queue.
   */
  role?: "api" | "worker";
}

/**
 * Validation by zod, failing with the engine's error class (paths outside the body are
 * prefixed); a body its handler parses itself (PARSED_BY_HANDLER) passes through unchecked.
 */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) =>
  PARSED_BY_HANDLER.has(schema)
    ? (data) => ({ value: data })
    : (data) => {
        const parsed = schema.safeParse(data);
        if (parsed.success) return { value: parsed.data };
        const prefix = httpPart === undefined || httpPart === "body" ? [] : [httpPart];
        return { error: new ProblemInputError(zodIssues(parsed.error, data, prefix)) };
      };

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    logController: new RequestLog(),
    // Event streams are closed by their jobs on shutdown; idle keep-alive sockets by fastify.
    forceCloseConnections: "idle",
    // Shutdown refuses new work itself (plugins/gate.ts), as problem details, while results
    // stay readable; fastify's own 503 would be plain JSON.
    return503OnClosing: false,
    // Errors before any hook (a malformed URL, an overlong path parameter, a request node
    // cannot parse) get the same problem details as every other error (problemReply.ts).
    frameworkErrors: (err, request, reply) => sendProblem(request, reply, err, config.defaultLang),
    clientErrorHandler: clientErrorHandler(config.defaultLang),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.setErrorHandler((err, request, reply) => {
    if (problemFrom(err).status >= 500) {
      // The kind and where, never the message: an engine error may quote the input.
      const frames = err instanceof Error ? (err.stack ?? "").split("\n").slice(1, 8).join("\n") : "";
      request.log.error({ errType: err instanceof Error ? err.name : typeof err, frames }, "request failed");
    }
    return sendProblem(request, reply, err, config.defaultLang);
  });
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply, config.defaultLang));

  const role = options.role ?? "api";
  // Threads first: they load the engine while the rest is built.
  if (config.workers > 0) await app.register(pool, { size: config.workers });
  await app.register(locale, { config });
  await app.register(gate, { config });
  await app.register(securityHeaders);
  await app.register(metrics);
  if (role === "api") await app.register(swagger);
  if (role === "api") await app.register(page, { config });
  await app.register(parsers);
  await app.register(mediaTypes);
  await app.register(jobs, { config });
  await app.register(health, { config, role });
  if (role === "worker") return app;
  await app.register(
    async (v1) => {
      await v1.register(auth, { config });
      await v1.register(rateLimit, { config });
      await v1.register(rosters, { config });
      await v1.register(checks, { config });
      await v1.register(compositions, { config });
      await v1.register(jobRoutes, { config });
      await v1.register(evaluations, { config });
      await v1.register(networks, { config });
      await v1.register(exportRoutes, { config });
    },
    { prefix: "/v1" },
  );
  return app;
}
