/**
 * A composition's result as the Excel workbook the engine writes (the groups with the
 * roster's own columns, a sheet per round, a summary), sent as a download. Used by
 * `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` on a
 * composition and on a job.
 */
import type { FastifyReply } from "fastify";
import { groupsWorkbook, type Locale, summaryRows, XLSX_MEDIA_TYPE } from "../engine/index.js";
import type { CsvSource } from "./jobs/types.js";
import type { CompositionResult } from "./worker.js";

export async function resultWorkbook(
  source: CsvSource,
  result: CompositionResult,
  locale: Locale,
): Promise<Uint8Array> {
  const roster =
    "roster" in source
      ? {
          columns: source.roster.columns,
          cells: new Map(source.roster.rows),
          delimiter: source.roster.delimiter,
        }
      : undefined;
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

/** Send bytes as an .xlsx download named in the reader's language ("grupper.xlsx"). */
export function sendXlsx(reply: FastifyReply, bytes: Uint8Array, locale: Locale): FastifyReply {
  const file = `${locale.workbook.groupsSheet.toLowerCase()}.xlsx`;
  return reply
    .header("cache-control", "no-store")
    .header("content-disposition", `attachment; filename="${file}"`)
    .type(XLSX_MEDIA_TYPE)
    .send(Buffer.from(bytes));
}

export async function sendWorkbook(
  reply: FastifyReply,
  source: CsvSource,
  result: CompositionResult,
  locale: Locale,
): Promise<FastifyReply> {
  return sendXlsx(reply, await resultWorkbook(source, result, locale), locale);
}
