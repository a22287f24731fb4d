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
 * MAX_EXPORT_PLACEMENTS people × groupings, the body limit.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AssignmentSchema,
  ComposeRequestSchema,
  groupsCsv,
  groupsWorkbook,
  issue,
  MAX_ID_LENGTH,
  network,
  nullRecord,
  ProblemInputError,
  parseComposeRequest,
  problemOf,
  roundsCsv,
  type ScoreResult,
  score,
  summaryRows,
  XLSX_MEDIA_TYPE,
} from "../../../engine/index.js";
import type { Config } from "../../config.js";
import { checkMeetingPairs, checkPeople } from "../../errors.js";
import { securityFor } from "../../plugins/auth.js";
import { CsvTextSchema, problemResponses, XlsxFileSchema } from "../../schemas.js";
import { wantsCsv } from "../../views.js";
import { sendXlsx } from "../../workbookReply.js";

export const MAX_EXPORT_ROUNDS = 50;
const MAX_EXPORT_PLACEMENTS = 200_000;
const MAX_COLUMNS = 500;
const MAX_CELL = 10_000;

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

type ExportBody = z.output<typeof ExportBodySchema>;

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
      const body = request.body as ExportBody;
      const composeRequest = parseComposeRequest(body.request);
      checkPeople(composeRequest.people.length, config.maxPeople);
      if (composeRequest.people.length * body.groupings.length > MAX_EXPORT_PLACEMENTS) {
        throw new ProblemInputError([
          issue("above_limit", { limit: MAX_EXPORT_ROUNDS, what: "rounds" }, ["groupings"]),
        ]);
      }
      checkTable(body, composeRequest.people.length);
      const problem = problemOf(composeRequest);
      // Several gatherings: each round is scored on its own, without the repair of one earlier grouping.
      const rounds = body.groupings.some((g) => g.round !== undefined) || body.groupings.length > 1;
      const base = rounds ? { ...problem, incumbent: undefined } : problem;
      const reports: ScoreResult[] = body.groupings.map((g, i) => {
        try {
          return score({ ...base, assignment: g.assignment });
        } catch (error) {
          // Issues of the n-th grouping sit under groupings[n].
          if (error instanceof ProblemInputError)
            throw new ProblemInputError(
              error.issues.map((x) => ({ ...x, path: ["groupings", i, ...x.path] })),
            );
          throw error;
        }
      });
      const roundIds = body.groupings.map((g, i) => g.round ?? String(i + 1));
      const roster = body.table
        ? {
            columns: body.table.columns,
            cells: new Map(body.table.rows),
            delimiter: body.table.delimiter ?? ";",
          }
        : undefined;
      const people = composeRequest.people;
      const names = new Map(people.map((p) => [p.id, p.name ?? p.id]));
      const L = request.locale;
      if (wantsCsv(request)) {
        const csvOptions = {
          ...(roster ? {} : { people, delimiter: ";" as const }),
          groupHeader: L.csv.group,
          roundHeader: L.csv.round,
        };
        const text = rounds
          ? roundsCsv(
              { rounds: reports.map((r, i) => ({ id: roundIds[i], groups: r.groups })) },
              roster,
              csvOptions,
            )
          : groupsCsv(reports[0], roster, {
              ...csvOptions,
              ...(reports[0].changes
                ? {
                    changes: reports[0].changes,
                    changeHeader: L.csv.change,
                    changeText: { moved: L.csv.moved, newcomer: L.csv.newcomer },
                  }
                : {}),
            });
        return reply
          .header("cache-control", "no-store")
          .header("content-disposition", `attachment; filename="${L.workbook.groupsSheet.toLowerCase()}.csv"`)
          .type("text/csv; charset=utf-8")
          .send(text);
      }
      const newRounds = reports.map((r, i) => ({
        round: roundIds[i],
        groups: nullRecord(r.groups.map((g): [string, string[]] => [g.id, g.members])),
      }));
      if (rounds) {
        checkMeetingPairs(
          [
            [composeRequest.history?.rounds, ["request", "history", "rounds"]],
            [newRounds, ["groupings"]],
          ],
          config.maxMeetingPairs,
        );
      }
      const history = composeRequest.history ?? { rounds: [] };
      const comparison = rounds ? network({ people, history, newRounds }) : undefined;
      const bytes = await groupsWorkbook(
        {
          groupings: reports.map((r, i) => ({ ...(rounds ? { round: roundIds[i] } : {}), groups: r.groups })),
          ...(roster ? { roster } : { people }),
          ...(!rounds && reports[0].changes ? { changes: reports[0].changes } : {}),
          summary: summaryRows(
            {
              reports: reports.map((r, i) => ({ ...(rounds ? { round: roundIds[i] } : {}), report: r })),
              ...(comparison?.kind === "comparison" ? { network: comparison.comparison } : {}),
              name: (id) => names.get(id) ?? id,
            },
            L,
          ),
        },
        L,
      );
      return sendXlsx(reply, bytes, L);
    },
  );
};

/** The roster's cells: one row per person of the request at most, no longer than the header. */
function checkTable(body: ExportBody, people: number): void {
  const table = body.table;
  if (!table) return;
  if (table.rows.length > people) {
    throw new ProblemInputError([issue("above_limit", { limit: people, what: "people" }, ["table", "rows"])]);
  }
  table.rows.forEach(([, cells], i) => {
    if (cells.length > table.columns.length) {
      throw new ProblemInputError([
        issue("above_limit", { limit: table.columns.length, what: "items" }, ["table", "rows", i, 1]),
      ]);
    }
  });
}

export default routes;
