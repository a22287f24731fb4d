/**
 * A composition's result as the Excel workbook the engine writes: the groups with the
 * roster's own columns, a sheet per round, a summary. A use case of its own (usecaseTask.ts),
 * run on a solver thread; the reader's language travels as its tag.
 */
import { groupsWorkbook, type Locale, pickLocale, summaryRows } from "../engine/index.js";
import type { CsvSource } from "./jobs/types.js";
import type { CompositionResult } from "./worker.js";

export interface WorkbookInput {
  source: CsvSource;
  result: CompositionResult;
  lang: string;
}

export function workbookTask({ source, result, lang }: WorkbookInput): Promise<Uint8Array> {
  return resultWorkbook(source, result, pickLocale(lang));
}

/** The roster's own columns and cells, as the engine's writers take them (none for a JSON problem). */
export function rosterOf(source: CsvSource) {
  return "roster" in source
    ? {
        columns: source.roster.columns,
        cells: new Map(source.roster.rows),
        delimiter: source.roster.delimiter,
      }
    : undefined;
}

export async function resultWorkbook(
  source: CsvSource,
  result: CompositionResult,
  locale: Locale,
): Promise<Uint8Array> {
  const roster = rosterOf(source);
  const people = "people" in source ? source.people : undefined;
  const names = new Map((people ?? []).map((p) => [p.id, p.name ?? p.id]));
  const name = (id: string) => names.get(id) ?? id;
  if (result.kind === "rounds") {
    return groupsWorkbook(
      {
        groupings: result.rounds.map((r) => ({ round: r.id, groups: r.groups })),
        ...(roster ? { roster } : { people }),
        summary: summaryRows(
          {
            reports: result.rounds.map((r) => ({ round: r.id, repeat: r.repeat, report: r })),
            meetings: result.meetings,
            network: result.network,
            name,
          },
          locale,
        ),
      },
      locale,
    );
  }
  return groupsWorkbook(
    {
      groupings: [{ groups: result.groups }],
      ...(roster ? { roster } : { people }),
      ...(result.changes ? { changes: result.changes } : {}),
      summary: summaryRows({ reports: [{ report: result }], name }, locale),
    },
    locale,
  );
}
