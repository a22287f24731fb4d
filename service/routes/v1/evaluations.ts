/**
 * `POST /v1/evaluations`: score a grouping made elsewhere (by hand, in Excel) with the same
 * report the engine's `evaluate` gives, so a coordinator can compare hers with Tverr's.
 * Evaluating is one pass over the people, so it runs here rather than in the pool.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { evaluate, type Problem, ProblemInputError, parseProblem } from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
import { EvaluationBodySchema, EvaluationResultSchema, problemResponses } from "../../schemas.js";

/** Issues of the problem, located under `problem` in this body. */
function parseNested(input: unknown): Problem {
  try {
    return parseProblem(input);
  } catch (err) {
    if (!(err instanceof ProblemInputError)) throw err;
    throw new ProblemInputError(err.issues.map((i) => ({ ...i, path: ["problem", ...i.path] })));
  }
}

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/evaluations",
    {
      schema: {
        tags: ["evaluations"],
        summary: "Score a grouping made elsewhere",
        security: config.apiKeys.length > 0 ? [{ bearer: [] }] : [],
        body: EvaluationBodySchema,
        response: { 200: EvaluationResultSchema, ...problemResponses(400, 401, 413, 415) },
      },
    },
    async (request) => {
      const { problem, assignment } = request.body;
      checkPeople(problem.people.length, config.maxPeople);
      return evaluate(parseNested(problem), assignment);
    },
  );
};

export default routes;
