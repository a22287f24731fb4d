/**
 * Logs never hold personal data: whatever a request carries or an answer says, no name,
 * e-mail, person id or attribute value reaches a log line, at the most verbose level.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ProblemInput } from "../../engine/index.js";
import { build, logSink, pollJob } from "./helper.js";

const SECRETS = [
  "Zelda Quixote",
  "zelda.q@hemmelig.example",
  "Hemmelig etat",
  "Skjult sektor",
  "Xylofon",
  "7777.25",
];

const people = Array.from({ length: 9 }, (_, i) => ({
  id: i === 0 ? SECRETS[1] : `person-${i}@hemmelig.example`,
  name: i === 0 ? SECRETS[0] : `Navn ${i} Quixote`,
  attributes: {
    Virksomhet: i < 4 ? SECRETS[2] : `Etat ${i}`,
    Sektor: SECRETS[3],
    Ansiennitet: i === 0 ? 7777.25 : i,
  },
}));
const problem: ProblemInput = {
  people,
  groups: { count: 3 },
  attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 2 }, Ansiennitet: { kind: "numeric" } },
  options: { iterationLimit: 500 },
};
const csv = [
  "Navn;E-post;Virksomhet;Sektor",
  ...people.map((p) => `${p.name};${p.id};${p.attributes.Virksomhet};Xylofon`),
].join("\n");

const sink = logSink();
let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ logLevel: "trace" }, { logStream: sink.stream });
});
afterAll(async () => {
  await app.close();
});

it("keeps rosters, results and error wording out of the logs", async () => {
  const requests = [
    app.inject({ method: "POST", url: "/v1/compositions", payload: problem }),
    app.inject({
      method: "POST",
      url: "/v1/compositions?count=3",
      headers: { "content-type": "text/csv" },
      payload: csv,
    }),
    // Infeasible: the diagnosis names the agency and its people.
    app.inject({
      method: "POST",
      url: "/v1/compositions",
      payload: {
        ...problem,
        attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 1 } },
        options: { onInfeasible: "fail" },
      },
    }),
    // Invalid: the engine's messages quote ids.
    app.inject({
      method: "POST",
      url: "/v1/compositions",
      payload: { ...problem, people: [...people, people[0]] },
    }),
    app.inject({
      method: "POST",
      url: "/v1/compositions",
      payload: { ...problem, people: [{ ...people[0], extra: 1 }] },
    }),
    app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { "content-type": "text/csv" },
      payload: `${csv}\nZelda Quixote;bad`,
    }),
    app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { "content-type": "application/json" },
      payload: `{"people":[{"id":"${SECRETS[1]}"`,
    }),
    app.inject({
      method: "POST",
      url: "/v1/evaluations",
      payload: { problem, assignment: { [SECRETS[1]]: "Xylofon" } },
    }),
  ];
  const responses = await Promise.all(requests);
  expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 422, 400, 400, 400, 400, 400]);
  const job = await app.inject({
    method: "POST",
    url: "/v1/compositions",
    headers: { prefer: "respond-async" },
    payload: problem,
  });
  await pollJob(app, job.json().id, (j) => j.state === "succeeded");
  await app.inject({ method: "GET", url: `/v1/jobs/${job.json().id}/events` });
  await app.inject({ method: "GET", url: `/v1/jobs/${job.json().id}`, headers: { accept: "text/csv" } });

  const text = sink.text();
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/hemmelig|Quixote/i);

  // Still useful: one line per request and per job, with ids, sizes, timings and outcomes.
  const lines = sink.lines();
  const requestLines = lines.filter((l) => l.msg === "request");
  expect(requestLines.length).toBeGreaterThanOrEqual(12);
  for (const l of requestLines) expect(l).toHaveProperty("reqId");
  expect(requestLines[0]).toMatchObject({
    reqId: expect.any(String),
    route: "/v1/compositions",
    method: "POST",
  });
  expect(requestLines.map((l) => l.status)).toEqual(expect.arrayContaining([200, 202, 400, 422]));
  const jobLines = lines.filter((l) => l.msg === "job finished");
  expect(jobLines.length).toBeGreaterThanOrEqual(4);
  expect(jobLines.find((l) => l.state === "succeeded")).toMatchObject({
    jobId: expect.any(String),
    headcount: 9,
    groupCount: 3,
    runMs: expect.any(Number),
    feasible: expect.any(Boolean),
  });
  expect(jobLines.find((l) => l.state === "failed")).toMatchObject({ errorCode: "infeasible" });
});
