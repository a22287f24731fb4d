/**
 * `POST /v1/evaluations`: score a grouping made elsewhere (by hand, in Excel, or a person
 * dragged on the page) with the same report a composition gets, through the engine's
 * `score`, off the event loop (offLoop.ts): with 10,000 people it is most of a second.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkGroupLists } from "../../bounds.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
import { offLoop } from "../../offLoop.js";
import { securityFor } from "../../plugins/auth.js";
import { EvaluationBodySchema, EvaluationResultSchema, problemResponses } from "../../schemas.js";

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/evaluations",
    {
      schema: {
        tags: ["evaluations"],
        summary: "Score a grouping made elsewhere",
        description:
          "The body is a problem (people, groups, attributes, rules) with `assignment`: person id → group id.",
        security: securityFor(config),
        body: EvaluationBodySchema,
        response: { 200: EvaluationResultSchema, ...problemResponses(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      checkPeople(request.body.people.length, config.maxPeople);
      checkGroupLists(request.body, config.maxPeople);
      reply.header("cache-control", "no-store");
      return offLoop(app, "score", request.body, config.usecaseTimeLimitMs);
    },
  );
};

export default routes;
