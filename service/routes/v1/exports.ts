/**
 * `POST /v1/exports`: a grouping a client holds (the page's, after a coordinator moved people
 * by hand; one per round for several gatherings) written as the workbook or the CSV a
 * composition's result gets. The body is the compose request, the groupings (person id →
 * group id, per round), and optionally the roster's own cells (as `/v1/rosters` returned
 * them) so the file carries every column the roster had.
 *
 * Nothing in the body is trusted as a report: each grouping is scored here by the engine's
 * `score` (rules, terms, who moved when the request repairs an earlier grouping) and, for
 * rounds, the has-met network before and after by its `network`; the summary sheet says what
 * they found. `Accept: text/csv` gets the CSV the command line writes; anything else the
 * .xlsx. Bounded: the people cap, at most MAX_EXPORT_ROUNDS groupings and
 * MAX_EXPORT_PLACEMENTS people × groupings, the body limit. The file is built on a solver
 * thread (exportFile.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AssignmentSchema,
  ComposeRequestSchema,
  MAX_ID_LENGTH,
  XLSX_MEDIA_TYPE,
} from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { MAX_CELL, MAX_COLUMNS, MAX_EXPORT_ROUNDS } from "../../exportFile.js";
import { offLoop } from "../../offLoop.js";
import { securityFor } from "../../plugins/auth.js";
import { CsvTextSchema, problemResponses, XlsxFileSchema } from "../../schemas.js";
import { wantsCsv } from "../../views.js";
import { sendXlsx } from "../../workbookReply.js";

const ExportBodySchema = z
  .strictObject({
    request: ComposeRequestSchema.describe("The compose request the groupings are for"),
    groupings: z
      .array(
        z.strictObject({
          round: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .optional()
            .describe("The round's id (several gatherings)"),
          assignment: AssignmentSchema.describe("person id → group id; every person placed"),
        }),
      )
      .min(1)
      .max(MAX_EXPORT_ROUNDS)
      .describe("One grouping, or one per round in order"),
    table: z
      .strictObject({
        columns: z.array(z.string().max(MAX_ID_LENGTH)).max(MAX_COLUMNS),
        rows: z.array(
          z.tuple([z.string().max(MAX_ID_LENGTH), z.array(z.string().max(MAX_CELL)).max(MAX_COLUMNS)]),
        ),
        delimiter: z.enum([";", ",", "\t"]).optional(),
      })
      .optional()
      .describe("The roster's own columns and cells per person (the `table` of /v1/rosters)"),
  })
  .meta({ id: "ExportRequest", description: "Groupings a client holds, to write as .xlsx or CSV" });

export type ExportBody = z.output<typeof ExportBodySchema>;

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/exports",
    {
      schema: {
        tags: ["exports"],
        summary: "Write groupings as an Excel workbook or CSV",
        description:
          "Scores each grouping with the engine (the summary sheet's rules and terms) and writes the groups " +
          "with the roster's own columns, a sheet per round and a summary. `Accept: text/csv` for CSV.",
        security: securityFor(config),
        body: ExportBodySchema,
        response: {
          200: {
            description: "The file",
            content: { [XLSX_MEDIA_TYPE]: { schema: XlsxFileSchema }, "text/csv": { schema: CsvTextSchema } },
          },
          ...problemResponses(400, 401, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const file = await offLoop(
        app,
        "export",
        {
          body: request.body as ExportBody,
          lang: request.locale.tag,
          csv: wantsCsv(request),
          maxPeople: config.maxPeople,
          maxMeetingPairs: config.maxMeetingPairs,
        },
        config.usecaseTimeLimitMs,
      );
      if (file.kind === "xlsx") return sendXlsx(reply, file.bytes, request.locale);
      return reply
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .type("text/csv; charset=utf-8")
        .send(file.text);
    },
  );
};

export default routes;
