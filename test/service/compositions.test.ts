/**
 * POST /v1/compositions in each of its forms: JSON, CSV, multipart; sync and async; JSON or
 * CSV results.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, parseEvents, pollJob, SMALL_ROSTER, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ syncMaxPeople: 20 });
});
afterAll(async () => {
  await app.close();
});

describe("POST /v1/compositions", () => {
  it("answers a small JSON problem with the result", async () => {
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-location"]).toMatch(/^\/v1\/jobs\/[0-9a-f-]{36}$/);
    const result = res.json();
    expect(result.feasible).toBe(true);
    expect(result.groups).toHaveLength(3);
    expect(Object.keys(result.assignment)).toHaveLength(12);
    expect(result.stats.stopReason).toMatch(/^(iterationLimit|optimal)$/);
    // Fields the documentation does not name still come through.
    expect(result.terms[0]).toHaveProperty("lowerBound");
  });

  it("is reproducible under an iteration limit", async () => {
    const a = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    const b = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    expect(a.json().assignment).toEqual(b.json().assignment);
  });

  it("caps the time limit at the server's maximum", async () => {
    const capped = await build({ maxTimeLimitMs: 50 });
    try {
      const problem = smallProblem();
      problem.options = { timeLimitMs: 60_000 };
      const res = await capped.inject({
        method: "POST",
        url: "/v1/compositions",
        headers: { prefer: "respond-async" },
        payload: problem,
      });
      expect(res.json().timeLimitMs).toBe(50);
    } finally {
      await capped.close();
    }
  });

  it("takes a roster as text/csv, with groups and mapping in the query", async () => {
    const mapping = JSON.stringify({ attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 1 } } });
    const res = await app.inject({
      method: "POST",
      url: `/v1/compositions?count=4&iterationLimit=2000&mapping=${encodeURIComponent(mapping)}`,
      headers: { "content-type": "text/csv" },
      payload: SMALL_ROSTER,
    });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.feasible).toBe(true);
    expect(result.groups).toHaveLength(4);
    expect(result.assignment).toHaveProperty("leder1@oslo.kommune.no");
  });

  it("takes a roster as multipart/form-data with a JSON settings part", async () => {
    const form = new FormData();
    form.append("roster", new Blob([SMALL_ROSTER], { type: "text/csv" }), "ledere.csv");
    form.append(
      "settings",
      JSON.stringify({
        groups: { size: 4 },
        options: { iterationLimit: 2000 },
        rules: { apart: [["leder1@oslo.kommune.no", "leder2@oslo.kommune.no"]] },
      }),
    );
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(res.statusCode).toBe(200);
    const { assignment, groups } = res.json();
    expect(groups).toHaveLength(3);
    expect(assignment["leder1@oslo.kommune.no"]).not.toBe(assignment["leder2@oslo.kommune.no"]);
  });

  it("writes the result as CSV for Accept: text/csv, safe for Excel", async () => {
    const problem = smallProblem();
    problem.people[0] = { ...problem.people[0], name: "=HYPERLINK(1)" };
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { accept: "text/csv" },
      payload: problem,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Group;Id;Name;Virksomhet;Kjønn;Ansiennitet");
    expect(lines).toHaveLength(13);
    expect(res.body).toContain(";p1;'=HYPERLINK(1);");
  });

  it("keeps the roster's own columns and delimiter in the CSV", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions?count=3&iterationLimit=1000",
      headers: { "content-type": "text/csv", accept: "text/csv" },
      payload: SMALL_ROSTER,
    });
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Group;Navn;E-post;Virksomhet;Sektor;Kjønn;Ansiennitet");
    expect(lines.slice(1).some((l) => l.endsWith(";1,5"))).toBe(true);
  });

  it("answers 202 with Location for Prefer: respond-async, and the job completes", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { prefer: "respond-async" },
      payload: smallProblem(),
    });
    expect(res.statusCode).toBe(202);
    expect(res.headers["preference-applied"]).toBe("respond-async");
    const location = String(res.headers.location);
    expect(location).toBe(`/v1/jobs/${res.json().id}`);
    expect(res.json()).toMatchObject({
      state: expect.stringMatching(/queued|running|succeeded/),
      people: 12,
    });
    const job = await pollJob(app, res.json().id, (j) => j.state === "succeeded");
    expect((job.result as { feasible: boolean }).feasible).toBe(true);
    expect(job.finishedAt).toBeTypeOf("string");
    expect(job.expiresAt).toBeTypeOf("string");
  });

  it("waits for the result with Prefer: respond-async, wait=N when it comes in time", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { prefer: "respond-async, wait=20" },
      payload: smallProblem(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().feasible).toBe(true);
  });

  it("runs large problems as jobs even without Prefer", async () => {
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem(24) });
    expect(res.statusCode).toBe(202);
    const events = await app.inject({ method: "GET", url: `${res.headers.location}/events` });
    expect(events.headers["content-type"]).toMatch(/^text\/event-stream/);
    const stream = parseEvents(events.body);
    expect(stream.at(-1)).toMatchObject({ event: "state", data: { state: "succeeded" } });
  });
});

describe("POST /v1/evaluations", () => {
  it("scores a grouping made by hand", async () => {
    const problem = smallProblem();
    const assignment = Object.fromEntries(problem.people.map((p, i) => [p.id, String((i % 3) + 1)]));
    const res = await app.inject({
      method: "POST",
      url: "/v1/evaluations",
      payload: { ...problem, assignment },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.assignment).toEqual(assignment);
    expect(report.groups.map((g: { size: number }) => g.size)).toEqual([4, 4, 4]);
    expect(typeof report.feasible).toBe("boolean");
  });
});
