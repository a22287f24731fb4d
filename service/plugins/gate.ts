/**
 * What every request passes first: a request target longer than TVERR_MAX_URL_BYTES is a 414;
 * while the server drains for shutdown (`app.draining`), only reads and cancels pass (GET,
 * HEAD, DELETE), so results that finish during the grace period can still be fetched and
 * anything that would start work gets 503 `shutting_down` with `Connection: close`.
 *
 * Fastify's own 503 on closing is off (app.ts): it is plain JSON, and it starts only once the
 * grace period is over, when the server stops listening.
 */
import type { Config } from "../config.js";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Shutdown has begun: new work is refused, results are still served. */
    draining: boolean;
  }
}

const READS = new Set(["GET", "HEAD", "DELETE"]);

export default shared<{ config: Config }>("gate", async (app, { config }) => {
  app.decorate("draining", false);
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.length > config.maxUrlBytes) {
      throw new HttpError(414, "uri_too_long", { max: config.maxUrlBytes });
    }
    if (app.draining && !READS.has(request.method)) {
      reply.header("connection", "close");
      throw new HttpError(503, "shutting_down", {}, { "retry-after": "1" });
    }
  });
});
