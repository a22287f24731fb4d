/**
 * Body parsers beside fastify's JSON: a roster as `text/csv` (kept as bytes, so the engine can
 * tell UTF-8 from Windows-1252) or as an Excel workbook (`XLSX_MEDIA_TYPE`, bytes), and
 * `multipart/form-data` with a `roster` file part (CSV or .xlsx), a JSON `settings` part, a
 * `sheet` name, and the side files a roster preview resolves (`SIDE_PARTS`), parsed with the
 * web-standard `Response.formData()` built into Node. The body limit applies to all.
 */
import type { FastifyRequest } from "fastify";
import { XLSX_MEDIA_TYPE } from "../../engine/index.js";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

/** Files beside the roster, named as the CLI's flags: read against the roster's people. */
export const SIDE_PARTS = ["apart", "together", "pins", "incumbent", "history", "grouping"] as const;
export type SidePart = (typeof SIDE_PARTS)[number];

export interface MultipartBody {
  roster?: Buffer;
  settings?: unknown;
  sheet?: string;
  sides?: Partial<Record<SidePart, Buffer>>;
}

export default shared("parsers", async (app) => {
  app.addContentTypeParser(
    ["text/csv", "application/csv", XLSX_MEDIA_TYPE],
    { parseAs: "buffer" },
    (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => {
      done(null, body);
    },
  );
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer" },
    async (request: FastifyRequest, body: Buffer) => {
      let form: FormData;
      try {
        form = await new Response(body as Buffer, {
          headers: { "content-type": request.headers["content-type"] ?? "" },
        }).formData();
      } catch {
        throw new HttpError(400, "invalid_multipart", {});
      }
      const parsed: MultipartBody = {};
      const bytes = async (part: string | Blob) =>
        typeof part === "string" ? Buffer.from(part) : Buffer.from(await part.arrayBuffer());
      const roster = form.get("roster");
      if (roster !== null) parsed.roster = await bytes(roster);
      const sheet = form.get("sheet");
      if (typeof sheet === "string" && sheet !== "") parsed.sheet = sheet;
      for (const name of SIDE_PARTS) {
        const part = form.get(name);
        if (part !== null) parsed.sides = { ...parsed.sides, [name]: await bytes(part) };
      }
      const settings = form.get("settings");
      if (settings !== null) {
        const text = typeof settings === "string" ? settings : await settings.text();
        try {
          parsed.settings = JSON.parse(text) as unknown;
        } catch {
          throw new HttpError(400, "invalid_json", { part: "settings" });
        }
      }
      return parsed;
    },
  );
});
