/**
 * `POST /v1/evaluations`: score a grouping made elsewhere (by hand, in Excel, or a person
 * dragged on the page) with the same report a composition gets, through the engine's
 * `score`. One pass over the people, so it runs here rather than in the pool.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { score } from "../../../engine/index.js";
import { checkGroupLists } from "../../bounds.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
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
        response: { 200: EvaluationResultSchema, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      checkPeople(request.body.people.length, config.maxPeople);
      checkGroupLists(request.body, config.maxPeople);
      reply.header("cache-control", "no-store");
      return score(request.body);
    },
  );
};

export default routes;
