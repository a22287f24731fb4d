/**
 * `POST /v1/networks`: the has-met network of a meeting history (who has met whom across
 * agencies and sectors), measured by the engine's `network`; with `newRounds`, before and
 * after them.
 *
 * Building the network grows with the square of each group's size, so it is bounded first
 * (networkSize.ts, 413 past TVERR_MAX_NETWORK_PAIRS) and then run on a solver thread, never
 * on the event loop (on the main thread only for an instance without threads).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { network } from "../../../engine/index.js";
import { ThreadStoppedError } from "../../../engine/parallel/threadPool.js";
import type { Config } from "../../config.js";
import { checkPeople, HttpError } from "../../errors.js";
import { checkNetworkSize } from "../../networkSize.js";
import { securityFor } from "../../plugins/auth.js";
import { NetworkBodySchema, NetworkResultSchema, problemResponses } from "../../schemas.js";

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/networks",
    {
      schema: {
        tags: ["networks"],
        summary: "Measure who has met whom, before and after new rounds",
        security: securityFor(config),
        body: NetworkBodySchema,
        response: { 200: NetworkResultSchema, ...problemResponses(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      checkPeople(request.body.people.length, config.maxPeople);
      checkNetworkSize(request.body, config.maxNetworkPairs);
      reply.header("cache-control", "no-store");
      if (!app.hasDecorator("pool")) return network(request.body);
      try {
        return await app.pool.usecase("network", request.body, config.networkTimeLimitMs);
      } catch (err) {
        // Stopped at its time cap: the threads are too busy now.
        if (err instanceof ThreadStoppedError)
          throw new HttpError(503, "queue_full", {}, { "retry-after": "5" });
        throw err;
      }
    },
  );
};

export default routes;
