/**
 * `POST /v1/networks`: the has-met network of a meeting history (who has met whom across
 * agencies and sectors), measured by the engine's `network`; with `newRounds`, before and
 * after them.
 *
 * Building the network grows with the square of each group's size, so it is bounded first
 * (TVERR_MAX_MEETING_PAIRS, 400) and then run off the event loop (offLoop.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkMeetingPairs } from "../../bounds.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
import { offLoop } from "../../offLoop.js";
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
      checkMeetingPairs(
        [
          [request.body.history.rounds, ["history", "rounds"]],
          [request.body.newRounds, ["newRounds"]],
        ],
        config.maxMeetingPairs,
      );
      reply.header("cache-control", "no-store");
      return offLoop(app, "network", request.body, config.usecaseTimeLimitMs);
    },
  );
};

export default routes;
