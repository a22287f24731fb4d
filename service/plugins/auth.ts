/**
 * Bearer keys for `/v1`: when the server has keys (TVERR_API_KEYS), a request must carry one
 * of them as `Authorization: Bearer <key>`, else 401. Keys are compared in constant time
 * (both sides hashed first, so lengths do not leak either). Registered inside the `/v1` scope
 * only: health and documentation stay open.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

const digest = (key: string) => createHash("sha256").update(key).digest();

export default shared<{ keys: string[] }>("auth", async (app, { keys }) => {
  if (keys.length === 0) return;
  const known = keys.map(digest);
  app.addHook("onRequest", async (request) => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
    if (!match)
      throw new HttpError(401, "unauthorized", "Unauthorized", "This server needs a bearer API key");
    const given = digest(match[1]);
    // Compare with every key, so the time does not tell which one (or whether any) matched.
    let ok = false;
    for (const k of known) ok = timingSafeEqual(given, k) || ok;
    if (!ok) throw new HttpError(401, "unauthorized", "Unauthorized", "The API key is not valid");
  });
});
