/**
 * Per-caller rate limits on `/v1` (@fastify/rate-limit): TVERR_RATE_LIMIT_PER_MINUTE requests
 * a minute per caller (the key's id or the token's subject; by address when there is no
 * authentication), then 429 problem details with `Retry-After`. Runs after authentication
 * (preHandler), so a caller is counted as who it is. Counts are kept per instance.
 */
import rateLimit from "@fastify/rate-limit";
import type { Config } from "../config.js";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

export default shared<{ config: Config }>("rate-limit", async (app, { config }) => {
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: "preHandler",
    keyGenerator: (request) => (request.caller.via === "anonymous" ? `ip:${request.ip}` : request.caller.id),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(
        429,
        "rate_limited",
        { max: Number(context.max), seconds },
        { "retry-after": String(seconds) },
      );
    },
  });
});
