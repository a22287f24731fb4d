/**
 * `POST /v1/networks`: the has-met network of a meeting history (who has met whom across
 * agencies and sectors), measured by the engine; with `newRounds`, before and after them.
 * One pass over the meetings, so it runs here rather than in the pool.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  buildMeetingGraph,
  checkHistory,
  compareNetworks,
  measureNetwork,
  meetingGraphsBeforeAfter,
  type NetworkKeys,
  ProblemInputError,
} from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
import { NetworkBodySchema, NetworkResultSchema, problemResponses } from "../../schemas.js";

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/networks",
    {
      schema: {
        tags: ["networks"],
        summary: "Measure who has met whom, before and after new rounds",
        security: config.apiKeys.length > 0 ? [{ bearer: [] }] : [],
        body: NetworkBodySchema,
        response: { 200: NetworkResultSchema, ...problemResponses(400, 401, 413, 415) },
      },
    },
    async (request) => {
      const { people, history, newRounds, agencyKey, sectorKey } = request.body;
      checkPeople(people.length, config.maxPeople);
      // Unknown people and people twice in a round, at their paths in this body.
      const ids = new Set(people.map((p) => p.id));
      const issues = [
        ...checkHistory(history, ids, ["history"]),
        ...checkHistory({ rounds: newRounds ?? [] }, ids, []).map((i) => ({
          ...i,
          path: ["newRounds", ...i.path.slice(1)],
        })),
      ];
      if (issues.length > 0) throw new ProblemInputError(issues);
      const keys: NetworkKeys = {
        ...(agencyKey !== undefined ? { agency: agencyKey } : {}),
        ...(sectorKey !== undefined ? { sector: sectorKey } : {}),
      };
      if (newRounds === undefined) {
        return { measures: measureNetwork(buildMeetingGraph(people, history, keys)) };
      }
      const { before, after } = meetingGraphsBeforeAfter(people, history, newRounds, keys);
      return { comparison: compareNetworks(before, after) };
    },
  );
};

export default routes;
