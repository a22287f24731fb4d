/**
 * `POST /v1/rosters`: read a roster before composing, as a page shows it: the people read,
 * how each column will be used (worded in the language asked for), the rows left out and
 * anything worth a look, or every problem with the file (line, column, what to do) as a 400.
 * Settings (multipart `settings`, or `settings`/`mapping` in the query) shape how columns are
 * used, exactly as they will for the composition.
 *
 * The roster may be CSV or an Excel workbook (the sheet by `sheet`; the reply lists every
 * sheet). The reply also carries the compose request these settings assemble (`request`), so
 * a front end can check, compose and score it as JSON without assembling anything itself, and
 * the side files of a multipart upload read against the roster's people (`sides`: keep-apart
 * and keep-together sets, pins, an earlier grouping to repair, a history, a grouping to score).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { nullRecord, personRefs, wordWarning, XLSX_MEDIA_TYPE } from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { securityFor } from "../../plugins/auth.js";
import {
  CsvBodySchema,
  CsvQuerySchema,
  MultipartBodySchema,
  problemResponses,
  XlsxBodySchema,
} from "../../schemas.js";
import { skippedView } from "../../views.js";
import { readSides } from "./sides.js";
import { querySettings, readRoster } from "./submission.js";

const RosterPreviewSchema = z
  .object({
    people: z.array(z.looseObject({ id: z.string() })).describe("Everyone read, with the attributes used"),
    columns: z
      .array(
        z.looseObject({
          column: z.string(),
          index: z.number().int(),
          use: z.string().describe("id, name, firstName, lastName, email, attribute, ignored or unused"),
          description: z.string().describe("How the column is used, in words"),
        }),
      )
      .describe("Every column of the roster, in file order"),
    table: z
      .object({ columns: z.array(z.string()), rows: z.array(z.tuple([z.string(), z.array(z.string())])) })
      .describe("The roster's own cells per person (to write them back with the groups)"),
    lines: z.record(z.string(), z.number().int()).describe("Person id → line in the file"),
    skipped: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
    warnings: z.array(z.string()),
    delimiter: z.string(),
    format: z.enum(["csv", "xlsx"]).describe("How the file was read"),
    sheet: z.string().optional().describe("The sheet read, for a workbook"),
    sheets: z
      .array(z.object({ name: z.string(), hidden: z.boolean(), rows: z.number().int() }))
      .optional()
      .describe("Every sheet of a workbook, in order"),
    request: z
      .looseObject({ people: z.array(z.unknown()) })
      .describe(
        "The compose request these settings make (post it to /v1/checks, /v1/compositions, /v1/evaluations)",
      ),
    sides: z
      .looseObject({})
      .describe(
        "Side files read against the roster: apart, together (sets of ids), pins, incumbent, grouping (id → group), history",
      ),
  })
  .meta({ id: "RosterPreview" });

const routes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/rosters",
    {
      schema: {
        tags: ["rosters"],
        summary: "Read a roster: people, columns and their use, problems",
        security: securityFor(config),
        querystring: CsvQuerySchema,
        body: {
          content: {
            "text/csv": { schema: CsvBodySchema },
            [XLSX_MEDIA_TYPE]: { schema: XlsxBodySchema },
            "multipart/form-data": { schema: MultipartBodySchema },
          },
        },
        response: { 200: RosterPreviewSchema, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const multipart = request.mediaType === "multipart/form-data";
      const body = request.body as Buffer | z.output<typeof MultipartBodySchema>;
      const bytes = Buffer.isBuffer(body) ? body : body.roster;
      const query = request.query as z.output<typeof CsvQuerySchema>;
      const settings = multipart
        ? ((body as z.output<typeof MultipartBodySchema>).settings ?? {})
        : querySettings(query);
      const sheet = multipart ? (body as z.output<typeof MultipartBodySchema>).sheet : query.sheet;
      const { assembled, delimiter, file } = await readRoster(request, config, {
        bytes,
        settings,
        settingsPath: [multipart ? "settings" : "querystring"],
        sheet,
      });
      const roster = assembled.roster;
      const parts = multipart ? ((body as z.output<typeof MultipartBodySchema>).sides ?? {}) : {};
      const sides = await readSides(parts, personRefs(roster ?? { people: [] }));
      const L = request.locale;
      reply.header("cache-control", "no-store");
      return {
        people: roster?.people ?? [],
        columns: assembled.columns.map((c) => ({ ...c, description: L.columnUse(c) })),
        table: { columns: roster?.columns ?? [], rows: roster ? [...roster.cells] : [] },
        // Keyed by person ids: a null-prototype record keeps one called `__proto__`.
        lines: nullRecord(roster?.lines ?? []),
        skipped: skippedView(roster?.skipped ?? [], L),
        warnings: (roster?.warnings ?? [])
          .filter((w) => w.code !== "rows_skipped")
          .map((w) => wordWarning(w, L)),
        delimiter,
        format: file.format,
        ...(file.sheet !== undefined ? { sheet: file.sheet } : {}),
        ...(file.sheets ? { sheets: file.sheets } : {}),
        request: assembled.request as { people: unknown[] },
        sides: sides as Record<string, unknown>,
      };
    },
  );
};

export default routes;
