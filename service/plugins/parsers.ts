/**
 * Body parsers beside fastify's JSON: a roster as `text/csv` (kept as bytes, so the engine can
 * tell UTF-8 from Windows-1252), and `multipart/form-data` with a `roster` file part and a
 * JSON `settings` part (parsed with the web-standard `Response.formData()` built into Node).
 * The body limit applies to both.
 */
import type { FastifyRequest } from "fastify";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

export interface MultipartBody {
  roster?: Buffer;
  settings?: unknown;
}

export default shared("parsers", async (app) => {
  app.addContentTypeParser(
    ["text/csv", "application/csv"],
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
        throw new HttpError(400, "invalid_multipart", "Bad request", "The multipart body could not be read");
      }
      const parsed: MultipartBody = {};
      const roster = form.get("roster");
      if (roster !== null) {
        parsed.roster =
          typeof roster === "string" ? Buffer.from(roster) : Buffer.from(await roster.arrayBuffer());
      }
      const settings = form.get("settings");
      if (settings !== null) {
        const text = typeof settings === "string" ? settings : await settings.text();
        try {
          parsed.settings = JSON.parse(text) as unknown;
        } catch {
          throw new HttpError(400, "invalid_json", "Bad request", "The settings part is not valid JSON");
        }
      }
      return parsed;
    },
  );
});
