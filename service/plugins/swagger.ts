/**
 * The OpenAPI document, generated from the routes' zod schemas (fastify-type-provider-zod),
 * served at `/openapi.json`, and a docs page at `/docs`.
 *
 * One addition to the provider's transform: a body given per content type (`body.content`,
 * as `POST /v1/compositions` takes JSON, CSV or multipart) has each schema converted alone.
 */
import swagger, { type SwaggerTransform } from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifySchema } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { shared } from "./shared.js";

type Media = Record<string, { schema: unknown }>;

function contentOf(body: unknown): Media | undefined {
  if (typeof body !== "object" || body === null || !("content" in body)) return undefined;
  return (body as { content: Media }).content;
}

const transform: SwaggerTransform = (document) => {
  const content = contentOf(document.schema?.body);
  if (!content) return jsonSchemaTransform(document as Parameters<typeof jsonSchemaTransform>[0]);
  const { body: _body, ...rest } = document.schema;
  const one = (schema: FastifySchema) =>
    jsonSchemaTransform({ ...document, schema } as Parameters<typeof jsonSchemaTransform>[0]).schema;
  const converted = one(rest);
  const perType: Media = {};
  for (const [type, media] of Object.entries(content)) {
    perType[type] = { schema: (one({ body: media.schema }) as { body: unknown }).body };
  }
  return { url: document.url, schema: { ...converted, body: { content: perType } } };
};

export default shared("swagger", async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tverr",
        version: "1.0.0",
        description:
          "Composes groups that mix across agencies and sectors under hard rules. Long solves run as jobs " +
          "that can be polled, followed as server-sent events, and cancelled. Errors are RFC 9457 problem details.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "An API key, or an OpenID Connect access token (JWT) from the configured issuer",
          },
        },
      },
      tags: [
        { name: "compositions", description: "Compose groups" },
        { name: "jobs", description: "Follow, fetch and cancel compositions" },
        { name: "evaluations", description: "Score a grouping made elsewhere" },
        { name: "health", description: "Liveness and readiness" },
      ],
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI's rendering sets inline style attributes; its pages (only) may use them.
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
});
