/**
 * A composition's result as the Excel workbook the engine writes (the groups with the
 * roster's own columns, a sheet per round, a summary), sent as a download. Used by
 * `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` on a
 * composition and on a job. The workbook is written on a solver thread (resultWorkbook.ts).
 */
import type { FastifyReply } from "fastify";
import { type Locale, XLSX_MEDIA_TYPE } from "../engine/index.js";
import type { CsvSource } from "./jobs/types.js";
import { offLoop } from "./offLoop.js";
import type { CompositionResult } from "./worker.js";

/** Send bytes as an .xlsx download named in the reader's language ("grupper.xlsx"). */
export function sendXlsx(reply: FastifyReply, bytes: Uint8Array, locale: Locale): FastifyReply {
  const file = `${locale.workbook.groupsSheet.toLowerCase()}.xlsx`;
  return reply
    .header("cache-control", "no-store")
    .header("content-disposition", `attachment; filename="${file}"`)
    .type(XLSX_MEDIA_TYPE)
    .send(Buffer.from(bytes));
}

/** Write the workbook off the event loop (10,000 people: over a second), then send it. */
export async function sendWorkbook(
  reply: FastifyReply,
  source: CsvSource,
  result: CompositionResult,
  locale: Locale,
  timeCapMs: number,
): Promise<FastifyReply> {
  const bytes = await offLoop(reply.server, "workbook", { source, result, lang: locale.tag }, timeCapMs);
  return sendXlsx(reply, bytes, locale);
}
