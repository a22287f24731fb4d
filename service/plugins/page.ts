/**
 * The coordinators' page at `/`: the built, hashed files of dist/web (scripts/build-page.mjs),
 * read once at start and served from memory. Hashed assets are cached for a year; the page
 * itself never, since it names the current hashes. The page calls only the public /v1 API.
 *
 * Its Content-Security-Policy is stricter than the service's default: nothing but its own
 * scripts, styles, images and connections, no inline code at all (every script and style is a
 * file), no plugins, no framing, no base URL, and Trusted Types required for any script sink.
 * The page learns how long finished jobs are kept (to tell coordinators) from a meta tag the
 * service fills in here, so it needs no request to know it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { Config } from "../config.js";

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

const TYPES: Readonly<Record<string, string>> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
};

/** dist/web beside the compiled server, or from the sources (tsx, tests) the built one. */
function pageFolder(): URL | undefined {
  for (const candidate of [new URL("./web/", import.meta.url), new URL("../../dist/web/", import.meta.url)]) {
    if (existsSync(new URL("index.html", candidate))) return candidate;
  }
  return undefined;
}

const page: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const folder = pageFolder();
  if (!folder) {
    app.log.warn("the page is not built (npm run build): / answers 404");
    return;
  }
  const html = readFileSync(new URL("index.html", folder), "utf8").replace(
    "__TVERR_JOB_TTL_S__",
    String(Math.round(config.jobTtlMs / 1000)),
  );
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(new URL("assets/", folder))) {
    const type = TYPES[name.split(".").pop() ?? ""];
    if (type) assets.set(name, { body: readFileSync(new URL(`assets/${name}`, folder)), type });
  }

  const send = (reply: FastifyReply) =>
    reply
      .header("content-security-policy", PAGE_CSP)
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(html);
  app.get("/", { schema: { hide: true } }, (_request, reply) => send(reply));

  app.get<{ Params: { name: string } }>("/assets/:name", { schema: { hide: true } }, (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply
      .header("content-security-policy", PAGE_CSP)
      .header("cache-control", "public, max-age=31536000, immutable")
      .type(asset.type)
      .send(asset.body);
  });
};

export default page;
