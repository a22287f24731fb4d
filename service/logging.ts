/**
 * Log lines the service writes about requests: one per request, with the request id, the
 * route pattern (never the raw URL), the status, the time and the body size. Fastify's own
 * request lines would include request and error objects; they are replaced here, since a
 * body, a result or an error's wording may name people. Pino's redaction backs that up for
 * any field that could carry personal data.
 */
import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

export const REDACT_PATHS = [
  "req.headers.authorization",
  "headers.authorization",
  ...["body", "problem", "people", "result", "assignment", "issues", "diagnoses", "name", "email"].flatMap(
    (k) => [k, `*.${k}`],
  ),
];

/**
 * Health and readiness checks come every few seconds from every probe and load balancer: at
 * info they would bury the lines that matter (and fill disks), so they are logged at debug.
 */
const PROBES = new Set(["/healthz", "/readyz"]);

const errType = (err: unknown) => (err instanceof Error ? err.name : typeof err);

export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? "(no route)",
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      bytesIn: Number(request.headers["content-length"] ?? 0),
    };
    if (error) request.log.error({ ...line, errType: errType(error) }, "request");
    else if (PROBES.has(line.route)) request.log.debug(line, "request");
    else request.log.info(line, "request");
  }

  /** The error handler logs what it should (kind and frames of 5xx only). */
  override defaultErrorLog(): void {}

  override routeNotFound(): void {}

  override streamError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.info({ errType: errType(error) }, "response stream ended early");
  }

  override serializerError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ errType: errType(error), status: reply.statusCode }, "response serialization failed");
  }

  override writeHeadError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ errType: errType(error) }, "writing headers failed");
  }
}
