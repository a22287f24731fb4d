/**
 * The OpenAPI document: valid OpenAPI 3.1, generated from the zod schemas, naming every
 * endpoint; and the docs page is served.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { build } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ apiKeys: ["k"] });
});
afterAll(async () => {
  await app.close();
});

it("validates against the OpenAPI 3.1 schema", async () => {
  const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
  const validator = new Validator();
  const result = await validator.validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
});

it("names every endpoint, with the engine's problem schema as the request body", async () => {
  const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
  const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(operations.sort()).toEqual(
    [
      "DELETE /v1/jobs/{id}",
      "GET /healthz",
      "GET /readyz",
      "GET /v1/jobs/{id}",
      "GET /v1/jobs/{id}/events",
      "POST /v1/checks",
      "POST /v1/compositions",
      "POST /v1/evaluations",
      "POST /v1/exports",
      "POST /v1/networks",
      "POST /v1/rosters",
    ].sort(),
  );
  const body = doc.paths["/v1/compositions"].post.requestBody.content;
  expect(Object.keys(body).sort()).toEqual([
    "application/json",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "multipart/form-data",
    "text/csv",
  ]);
  expect(body["application/json"].schema).toEqual({ $ref: "#/components/schemas/ComposeRequestInput" });
  const request = doc.components.schemas.ComposeRequestInput.properties;
  for (const field of ["people", "groups", "rounds", "history", "meetings"])
    expect(request).toHaveProperty(field);
  const settings = body["multipart/form-data"].schema.properties.settings;
  expect(settings.properties).toHaveProperty("mapping");
  for (const field of ["rounds", "history", "meetings"]) expect(settings.properties).toHaveProperty(field);
  const ok = JSON.stringify(doc.paths["/v1/compositions"].post.responses["200"].content["application/json"]);
  expect(ok).toMatch(/#\/components\/schemas\/Composition"/);
  expect(JSON.stringify(doc.components.schemas.Composition)).toMatch(/RoundsComposition/);
  expect(doc.components.schemas.RoundsComposition.properties).toHaveProperty("composed");
  expect(doc.components.schemas.ScoreRequestInput.properties).toHaveProperty("assignment");
  expect(doc.paths["/v1/compositions"].post.responses["422"].content).toHaveProperty(
    "application/problem+json",
  );
  expect(doc.paths["/v1/compositions"].post.security).toEqual([{ bearer: [] }]);
});

it("serves a docs page", async () => {
  const res = await app.inject({ method: "GET", url: "/docs/" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/html/);
});
