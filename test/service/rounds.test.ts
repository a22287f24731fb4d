/**
 * POST /v1/compositions with `rounds`: the worker composes the rounds together and answers
 * per round (JSON), with a Round column (CSV), from a JSON body or a multipart roster; the
 * job resource carries the same result.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, pollJob, SMALL_ROSTER, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ syncMaxPeople: 20 });
});
afterAll(async () => {
  await app.close();
});

/** The small problem (12 people, 3 groups of 4) over `n` rounds, after one history round. */
function roundsProblem(n: number) {
  return {
    ...smallProblem(),
    rounds: Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}` })),
    history: { rounds: [{ round: "ifjor", groups: { A: ["p1", "p2", "p3", "p4"] } }] },
    meetings: { weight: 2 },
  };
}

describe("POST /v1/compositions with rounds", () => {
  it("answers a JSON body with rounds per round: every person once in each, meetings and network", async () => {
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: roundsProblem(2) });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.feasible).toBe(true);
    expect(result.rounds.map((r: { id: string }) => r.id)).toEqual(["S1", "S2"]);
    for (const round of result.rounds) {
      expect(round.groups).toHaveLength(3);
      const members = round.groups.flatMap((g: { members: string[] }) => g.members);
      expect(new Set(members).size).toBe(12);
      expect(members).toHaveLength(12);
      expect(round.violations).toEqual([]);
    }
    expect(result.meetings.weight).toBe(2);
    expect(result.meetings).toHaveProperty("newPairs");
    expect(result.composed).toHaveLength(2);
    expect(result.network.before.overall.rounds).toBe(1);
    expect(result.stats.mode).toBe("joint");
  });

  it("writes the rounds as CSV with the Round column first for Accept: text/csv", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { accept: "text/csv" },
      payload: roundsProblem(3),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Round;Group;Id;Name;Virksomhet;Kjønn;Ansiennitet");
    expect(lines).toHaveLength(1 + 3 * 12);
    for (const round of ["S1", "S2", "S3"]) {
      const ids = lines.filter((l) => l.startsWith(`${round};`)).map((l) => l.split(";")[2]);
      expect(new Set(ids).size).toBe(12);
    }
  });

  it("takes rounds in the multipart settings part", async () => {
    const form = new FormData();
    form.append("roster", new Blob([SMALL_ROSTER], { type: "text/csv" }), "ledere.csv");
    form.append(
      "settings",
      JSON.stringify({
        groups: { size: 3 },
        options: { iterationLimit: 5000 },
        rounds: [{ id: "1" }, { id: "2" }],
        meetings: { forbidRepeats: true },
      }),
    );
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { "content-type": request.headers.get("content-type") ?? "", accept: "text/csv" },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Round;Group;Navn;E-post;Virksomhet;Sektor;Kjønn;Ansiennitet");
    expect(lines).toHaveLength(1 + 2 * 12);
  });

  it("runs rounds as a job too: the job resource holds the per-round result", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { prefer: "respond-async" },
      payload: roundsProblem(2),
    });
    expect(res.statusCode).toBe(202);
    const job = await pollJob(app, res.json().id, (j) => j.state === "succeeded");
    expect((job.result as { rounds: unknown[] }).rounds).toHaveLength(2);
    const csv = await app.inject({
      method: "GET",
      url: res.headers.location as string,
      headers: { accept: "text/csv" },
    });
    expect(csv.body.replace(/^\uFEFF/, "").startsWith("Round;Group;")).toBe(true);
  });

  it("rejects history or meetings without rounds, and a history naming no one, as 400", async () => {
    const { rounds: _r, ...noRounds } = roundsProblem(1);
    const stray = await app.inject({ method: "POST", url: "/v1/compositions", payload: noRounds });
    expect(stray.statusCode).toBe(400);
    const paths = stray.json().issues.map((i: { path: string }) => i.path);
    expect(paths.join(" ")).toMatch(/history/);
    const unknown = roundsProblem(1);
    unknown.history.rounds[0].groups.A.push("nobody");
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: unknown });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toMatch(/history/);
  });
});
