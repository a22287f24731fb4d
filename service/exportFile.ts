/**
 * The file `POST /v1/exports` answers with, built from a checked body: every grouping scored
 * by the engine, for rounds the has-met network before and after, then the CSV or workbook.
 * A use case of its own (usecaseTask.ts), so it runs on a solver thread: scoring 10,000
 * people per grouping, a network of up to TVERR_MAX_MEETING_PAIRS pairs and writing the
 * workbook are seconds of work that would otherwise hold the event loop. The reader's
 * language travels as its tag (a locale's functions do not cross the thread boundary).
 */
import {
  groupsCsv,
  groupsWorkbook,
  issue,
  network,
  nullRecord,
  ProblemInputError,
  parseComposeRequest,
  pickLocale,
  problemOf,
  roundsCsv,
  type ScoreResult,
  score,
  summaryRows,
} from "../engine/index.js";
import { checkMeetingPairs } from "./bounds.js";
import { checkPeople } from "./errors.js";
import type { ExportBody } from "./routes/v1/exports.js";

export const MAX_EXPORT_ROUNDS = 50;
const MAX_EXPORT_PLACEMENTS = 200_000;
export const MAX_COLUMNS = 500;
export const MAX_CELL = 10_000;

export interface ExportInput {
  body: ExportBody;
  /** The reader's language tag (`nb`, `en`). */
  lang: string;
  /** CSV (`Accept: text/csv`), else the workbook. */
  csv: boolean;
  maxPeople: number;
  maxMeetingPairs: number;
}

export type ExportFile =
  | { kind: "csv"; text: string; filename: string }
  | { kind: "xlsx"; bytes: Uint8Array };

export async function buildExport({
  body,
  lang,
  csv,
  maxPeople,
  maxMeetingPairs,
}: ExportInput): Promise<ExportFile> {
  const composeRequest = parseComposeRequest(body.request);
  checkPeople(composeRequest.people.length, maxPeople);
  if (composeRequest.people.length * body.groupings.length > MAX_EXPORT_PLACEMENTS) {
    throw new ProblemInputError([
      issue("above_limit", { limit: MAX_EXPORT_PLACEMENTS, what: "placements" }, ["groupings"]),
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
        throw new ProblemInputError(error.issues.map((x) => ({ ...x, path: ["groupings", i, ...x.path] })));
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
  const L = pickLocale(lang);
  if (csv) {
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
    return { kind: "csv", text, filename: `${L.workbook.groupsSheet.toLowerCase()}.csv` };
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
      maxMeetingPairs,
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
  return { kind: "xlsx", bytes };
}

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
