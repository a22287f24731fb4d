/**
 * The language of each request, from its Accept-Language header (else the server's default,
 * TVERR_DEFAULT_LANG, nb unless set): every problem detail and worded field of the reply is
 * in that language.
 */
import { type Locale, pickLocale } from "../../engine/index.js";
import type { Config } from "../config.js";
import { shared } from "./shared.js";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
  }
}

export default shared<{ config: Config }>("locale", async (app, { config }) => {
  app.decorateRequest("locale", null as unknown as Locale);
  app.addHook("onRequest", async (request, reply) => {
    request.locale = pickLocale(request.headers["accept-language"], config.defaultLang);
    reply.header("content-language", request.locale.tag);
    reply.header("vary", "Accept-Language");
  });
});
