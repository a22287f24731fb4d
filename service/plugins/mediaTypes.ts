/**
 * A body must be one of the media types its route declares (`schema.body.content`), else 415.
 * Fastify validates only the media types a route lists and hands any other (or none at all)
 * to the handler unchecked, which would then read a string or `undefined` as a roster.
 * Fastify's own `text/plain` parser goes too: no route takes plain text.
 */
import type { FastifyRequest } from "fastify";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The media types the route's body may have (from its schema). */
    mediaTypes?: readonly string[];
  }
}

export default shared("media-types", async (app) => {
  app.removeContentTypeParser("text/plain");
  app.addHook("onRoute", (route) => {
    const body = route.schema?.body as { content?: Record<string, unknown> } | undefined;
    if (body?.content === undefined) return;
    route.config = { ...route.config, mediaTypes: Object.keys(body.content) };
  });
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const allowed = request.routeOptions.config.mediaTypes;
    if (allowed === undefined) return;
    const type = request.mediaType;
    if (request.body === undefined || type === undefined || !allowed.includes(type)) {
      throw new HttpError(415, "unsupported_media_type", {});
    }
  });
});
