/**
 * `POST /v1/networks`: the engine's network measures for people and a history built here;
 * before/after with newRounds; invalid input as problem details with JSON paths.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build();
});
afterAll(async () => {
  await app.close();
});

/** Two from agency A (sector S1), one from B (S1), one from C (S2). */
const people = [
  { id: "a1", name: "Kari Nordmann", attributes: { Virksomhet: "A", Sektor: "S1" } },
  { id: "a2", attributes: { Virksomhet: "A", Sektor: "S1" } },
  { id: "b1", attributes: { Virksomhet: "B", Sektor: "S1" } },
  { id: "c1", attributes: { Virksomhet: "C", Sektor: "S2" } },
];

/** a1 meets b1, a2 meets c1: agency pairs A–B and A–C tied, B–C not. */
const history = { rounds: [{ round: "1", groups: { g1: ["a1", "b1"], g2: ["a2", "c1"] } }] };

const post = (payload: Record<string, unknown>) =>
  app.inject({ method: "POST", url: "/v1/networks", payload });

describe("POST /v1/networks", () => {
  it("returns the measures of the history", async () => {
    const res = await post({ people, history });
    expect(res.statusCode).toBe(200);
    const { measures } = res.json();
    expect(measures.overall).toMatchObject({
      people: 4,
      agencies: 3,
      sectors: 2,
      rounds: 1,
      ties: 2,
      agencyPairs: 3,
      connectedAgencyPairs: 2,
      crossAgencyShare: 1,
      crossSectorShare: 0.5,
    });
    expect(measures.overall.agencyPairCoverage).toBeCloseTo(2 / 3);
    expect(
      measures.agencies.map((a: { agency: string; connectedAgencies: number }) => a.connectedAgencies),
    ).toEqual([2, 1, 1]);
    expect(measures.people.find((p: { id: string }) => p.id === "a1")).toMatchObject({
      peopleMet: 1,
      agenciesMet: 1,
      sectorsMet: 0,
    });
  });

  it("compares before and after newRounds, with the keys given", async () => {
    const res = await post({
      people,
      history,
      newRounds: [{ round: "2", groups: { g1: ["b1", "c1"], g2: ["a1", "a2"] } }],
      agencyKey: "Virksomhet",
      sectorKey: null,
    });
    expect(res.statusCode).toBe(200);
    const { comparison } = res.json();
    expect(comparison.before.overall).toMatchObject({ rounds: 1, ties: 2, connectedAgencyPairs: 2 });
    expect(comparison.after.overall).toMatchObject({
      rounds: 2,
      ties: 4,
      connectedAgencyPairs: 3,
      sectors: 0,
      crossSectorShare: null,
    });
    expect(comparison.agencies).toContainEqual({ agency: "B", people: 1, before: 1, after: 2 });
  });

  it("answers 400 with the JSON path of an unknown person, without echoing it", async () => {
    const res = await post({
      people,
      history: { rounds: [{ round: "1", groups: { g1: ["a1", "someone@example.org"] } }] },
      newRounds: [{ round: "2", groups: { g1: ["b1", "b1"] } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe("invalid_input");
    expect(body.issues).toEqual([
      expect.objectContaining({
        pointer: "/history/rounds/0/groups/g1/1",
        message: "matches no person in the roster",
      }),
      expect.objectContaining({
        pointer: "/newRounds/0/groups/g1/1",
        message: "the same person is listed twice",
      }),
    ]);
    expect(body.issues[0].path).toMatch(/^history\.rounds\[0\]\.groups/);
    expect(res.body).not.toContain("someone@example.org");
  });

  it("answers 400 with paths for a body that does not fit the schema", async () => {
    const res = await post({ people: [{ id: "" }], history: { rounds: [{ round: "1" }] }, extra: 1 });
    expect(res.statusCode).toBe(400);
    const pointers = (res.json().issues as { pointer: string }[]).map((i) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/people/0/id", "/history/rounds/0/groups"]));
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const op = doc.paths["/v1/networks"].post;
    // The request schema has defaults, so it is listed by its input form (as ProblemInput is).
    const ref = op.requestBody.content["application/json"].schema.$ref as string;
    expect(ref).toMatch(/^#\/components\/schemas\/NetworkRequest(Input)?$/);
    const request = doc.components.schemas[ref.split("/").pop() as string];
    expect(Object.keys(request.properties).sort()).toEqual(
      ["agencyKey", "history", "newRounds", "people", "sectorKey"].sort(),
    );
    expect(op.responses["200"].content["application/json"].schema).toBeDefined();
    expect(op.responses["400"].content).toHaveProperty("application/problem+json");
  });
});

describe("large histories", () => {
  /** `n` people of 20 agencies, all in one history group: n(n-1)/2 meetings. */
  const oneGroup = (n: number) => {
    const everyone = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      attributes: { Virksomhet: `E${i % 20}`, Sektor: `S${i % 3}` },
    }));
    return {
      people: everyone,
      history: { rounds: [{ round: "1", groups: { g: everyone.map((p) => p.id) } }] },
    };
  };

  it("refuses a network past the pair cap at once (3,000 people in one group)", async () => {
    const started = Date.now();
    const res = await post(oneGroup(3_000));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ code: "above_limit", path: "history.rounds" });
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 10_000);

  it("measures a large allowed network off the event loop: /healthz p99 stays under 50 ms", async () => {
    const measuring = post(oneGroup(600));
    const latencies: number[] = [];
    let done = false;
    void measuring.finally(() => {
      done = true;
    });
    while (!done) {
      const t = performance.now();
      await app.inject({ url: "/healthz" });
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await measuring).statusCode).toBe(200);
    latencies.sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(20);
    expect(latencies[Math.floor(latencies.length * 0.99)]).toBeLessThan(50);
  }, 30_000);
});
