/**
 * `POST /v1/checks`: will these rules hold at all? The compose request (JSON, roster or
 * multipart, as for compositions) diagnosed by the engine's `check` before any search: each
 * reason the hard rules cannot all hold, with its fixes as data and in words.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { wordDiagnosis } from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { offLoop } from "../../offLoop.js";
import { securityFor } from "../../plugins/auth.js";
import { CsvQuerySchema, composeBodyContent, DiagnosisSchema, problemResponses } from "../../schemas.js";
import { submission } from "./submission.js";

const CheckResultSchema = z
  .object({
    feasible: z.boolean().describe("No reason found why the hard rules could not all hold"),
    people: z.number().int(),
    groups: z.number().int(),
    sizes: z.tuple([z.number().int(), z.number().int()]).describe("Smallest and largest group size allowed"),
    diagnoses: z.array(DiagnosisSchema),
    rounds: z.array(z.object({ id: z.string(), diagnoses: z.array(DiagnosisSchema) })).optional(),
  })
  .meta({ id: "Check" });

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/checks",
    {
      schema: {
        tags: ["checks"],
        summary: "Check whether the rules can hold, and what would fix them",
        security: securityFor(config),
        querystring: CsvQuerySchema,
        body: { content: composeBodyContent },
        response: { 200: CheckResultSchema, ...problemResponses(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { request: composeRequest } = await submission(request, config);
      const result = await offLoop(app, "check", composeRequest, config.usecaseTimeLimitMs);
      const names = new Map(composeRequest.people.map((p) => [p.id, p.name ?? p.id]));
      const worded = (d: (typeof result.diagnoses)[number]) => {
        const w = wordDiagnosis(d, request.locale, (id) => names.get(id) ?? id);
        return { ...d, message: w.message, fixTexts: w.fixes };
      };
      reply.header("cache-control", "no-store");
      return {
        feasible: result.feasible,
        people: result.people,
        groups: result.groups,
        sizes: result.sizes,
        diagnoses: result.diagnoses.map(worded),
        ...(result.rounds
          ? { rounds: result.rounds.map((r) => ({ id: r.id, diagnoses: r.diagnoses.map(worded) })) }
          : {}),
      };
    },
  );
};

export default routes;
