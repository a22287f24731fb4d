/**
 * Hostile input at the HTTP doors (issue 11): numbers that would allocate without limit,
 * names that would be echoed or multiplied into a huge reply, numbers that overflow, keys
 * that are JavaScript's own names, and data that must not come back in an error. Each case is
 * answered quickly with a 4xx naming where the problem is, or with a correct result; errors
 * refer to people by position, never by id, name or e-mail.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, pollJob, SMALL_ROSTER, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  // Some cases send URLs far past node's 16 KiB header limit (inject only), to reach the handlers.
  app = await build({ maxRoundPlacements: 2_000, maxUrlBytes: 1_000_000 });
});
afterAll(async () => {
  await app.close();
});

const three = [{ id: "a" }, { id: "b" }, { id: "c" }];
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url, payload: payload as string, headers });
const csvPost = (url: string, payload: string, headers: Record<string, string> = {}) =>
  post(url, payload, { "content-type": "text/csv", ...headers });

interface Issue {
  code: string;
  path?: string;
  pointer?: string;
  message: string;
  line?: number;
  column?: number;
}
const issuesOf = (res: { json: () => unknown }) => (res.json() as { issues: Issue[] }).issues;

/** A 400 problem+json whose issues include `code` at `pointer`. */
function expectIssue(res: Awaited<ReturnType<typeof post>>, code: string, pointer: string | RegExp): Issue[] {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
  expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  const issues = issuesOf(res);
  expect(issues.some((i) => i.code === code && String(i.pointer ?? "").match(pointer))).toBe(true);
  return issues;
}

describe("numbers that would allocate: groups, rounds, repeats", () => {
  it.each([50_000_000, 2 ** 32])("groups.count %d is a 400 at /groups/count, said once", async (count) => {
    for (const url of ["/v1/compositions", "/v1/evaluations", "/v1/checks"]) {
      const res = await post(url, {
        people: three,
        groups: { count },
        ...(url === "/v1/evaluations" ? { assignment: { a: "1", b: "1", c: "1" } } : {}),
      });
      const issues = expectIssue(res, "schema", "/groups/count");
      expect(issues.filter((i) => i.pointer === "/groups/count")).toHaveLength(1);
    }
  });

  it("more groups than people is a 400 naming groups.count", async () => {
    const res = await post("/v1/compositions", { people: three, groups: { count: 4 } });
    const [issue] = expectIssue(res, "groups_above_people", "/groups/count");
    expect(issue.message).toContain("4");
  });

  it("a list of more groups than the people cap is a 400 at the list", async () => {
    const list = Array.from({ length: 10_001 }, (_, i) => ({ id: `g${i}`, minSize: 0, maxSize: 1 }));
    for (const [url, extra] of [
      ["/v1/checks", {}],
      ["/v1/evaluations", { assignment: { a: "g0", b: "g0", c: "g0" } }],
    ] as const) {
      const res = await post(url, { people: three, groups: { list }, ...extra });
      const [issue] = expectIssue(res, "above_limit", "/groups/list");
      expect(issue.message).toContain("10,000");
    }
    const rounds = await post("/v1/checks", {
      people: three,
      groups: { count: 1 },
      rounds: [{ id: "r1" }, { id: "r2", groups: { list } }],
    });
    expectIssue(rounds, "above_limit", "/rounds/1/groups/list");
  });

  it("threads above the configured cap is a 400 at /threads, before any thread starts", async () => {
    const res = await post("/v1/compositions", { ...smallProblem(), threads: 64 });
    const [issue] = expectIssue(res, "above_limit", "/threads");
    expect(issue.message).toMatch(/threads: at most \d/);
  });

  it("rounds[].repeat 2^53−1 is a 400 at the round, not an internal error", async () => {
    const res = await post("/v1/compositions", {
      people: three,
      groups: { count: 1 },
      rounds: [{ id: "r", repeat: 2 ** 53 - 1 }],
    });
    expectIssue(res, "schema", "/rounds/0/repeat");
  });

  it("rounds × people above the configured cap is a 400 at /rounds, before any round is built", async () => {
    const problem = smallProblem(12);
    const rounds = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}` }));
    for (const url of ["/v1/compositions", "/v1/checks"]) {
      const res = await post(url, { ...problem, rounds });
      const [issue] = expectIssue(res, "above_limit", "/rounds");
      expect(issue.message).toContain("2,000");
    }
    // Within the cap the same request is composed.
    const ok = await post("/v1/checks", { ...problem, rounds: rounds.slice(0, 160) });
    expect(ok.statusCode).toBe(200);
  });

  it("an export of more people × groupings than it takes says which limit, and its value", async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ id: `q${i}` }));
    const assignment = Object.fromEntries(many.map((p, i) => [p.id, String((i % 2) + 1)]));
    const res = await post("/v1/exports", {
      request: { people: many, groups: { count: 2 } },
      groupings: Array.from({ length: 41 }, (_, i) => ({ round: `r${i}`, assignment })),
    });
    const [issue] = expectIssue(res, "above_limit", "/groupings");
    expect(issue.message).toContain("people × rounds");
    expect(issue.message).toContain("200,000");
  });

  it("reach over too many attributes is a 400, and one listed twice a 400 at its place", async () => {
    const rounds = [{ id: "a" }, { id: "b" }];
    const many = await post("/v1/compositions", {
      ...smallProblem(),
      rounds,
      reach: { attributes: Array.from({ length: 100_000 }, (_, i) => `x${i}`) },
    });
    expectIssue(many, "schema", "/reach/attributes");
    const twice = await post("/v1/compositions", {
      ...smallProblem(),
      rounds,
      reach: { attributes: ["Virksomhet", "Virksomhet"] },
    });
    expectIssue(twice, "listed_twice", "/reach/attributes/1");
  });

  it("twenty thousand attributes for twelve people is a 400 at /attributes, not a solve past its deadline", async () => {
    const attributes = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`a${i}`, { kind: i % 2 ? "numeric" : "categorical" }]),
    );
    const res = await post("/v1/compositions", { ...smallProblem(), attributes });
    const [issue] = expectIssue(res, "above_limit", "/attributes");
    expect(issue.message).toContain("200");
  });

  it("more rounds than the schema allows is a 400 at /rounds", async () => {
    const res = await post("/v1/checks", {
      people: three,
      groups: { count: 1 },
      rounds: Array.from({ length: 1_000 }, (_, i) => ({ id: `r${i}` })),
    });
    expectIssue(res, "schema", "/rounds");
  });
});

describe("requests the engine refuses in the solver thread", () => {
  it("exact mode with a term the MIP cannot express is a 422 naming the term, not an internal error", async () => {
    const res = await post("/v1/compositions", { ...smallProblem(), exact: true });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "exact_unsupported" });
    expect(res.json().detail).toContain("balance");
  });
});

describe("exact mode on a problem too large for it", () => {
  it("is a 400 at /exact before the model is built", async () => {
    const people = Array.from({ length: 1_000 }, (_, i) => ({ id: `p${i}` }));
    const res = await post("/v1/compositions", { people, groups: { count: 200 }, exact: true });
    const [issue] = expectIssue(res, "exact_too_large", "/exact");
    expect(issue.message).toContain("200,000");
  });
});

describe("meetings that would make a huge network", () => {
  // 1,500 people in one group are 1,124,250 pairs met, above the default 1,000,000.
  const people = Array.from({ length: 1_500 }, (_, i) => ({ id: `p${i}` }));
  const everyone = { round: "1", groups: { all: people.map((p) => p.id) } };

  it("a history whose groups hold too many pairs is a 400 at the history", async () => {
    const started = Date.now();
    const res = await post("/v1/networks", { people, history: { rounds: [everyone] } });
    const [issue] = expectIssue(res, "above_limit", "/history/rounds");
    expect(issue.message).toContain("1,000,000");
    expect(Date.now() - started).toBeLessThan(5_000);
    const composed = await post("/v1/checks", {
      people,
      groups: { size: 5 },
      rounds: [{ id: "r1" }],
      history: { rounds: [everyone] },
    });
    expectIssue(composed, "above_limit", "/history/rounds");
  });

  it("new rounds count too", async () => {
    const res = await post("/v1/networks", {
      people,
      history: { rounds: [] },
      newRounds: [everyone],
    });
    expectIssue(res, "above_limit", "/newRounds");
  });

  it("so do the groupings of an export of rounds", async () => {
    const assignment = Object.fromEntries(people.map((p) => [p.id, "1"]));
    const res = await post("/v1/exports", {
      request: { people, groups: { count: 1 } },
      groupings: [
        { round: "a", assignment },
        { round: "b", assignment },
      ],
    });
    expectIssue(res, "above_limit", "/groupings");
  });
});

describe("names that would be echoed or multiplied", () => {
  it("a long group id or name is a 400 at its path", async () => {
    const long = "g".repeat(1_000_000);
    for (const spec of [
      { id: long, minSize: 0, maxSize: 3 },
      { id: "x", name: long, minSize: 0, maxSize: 3 },
    ]) {
      const res = await post("/v1/compositions", { people: three, groups: { list: [spec] } });
      expectIssue(res, "schema", /^\/groups\/list\/0\/(id|name)$/);
      expect(res.body.length).toBeLessThan(2_000);
    }
  });

  it("a long attribute name is a 400, not a reply that repeats it once per group", async () => {
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}` }));
    const res = await post("/v1/compositions", {
      people,
      groups: { count: 300 },
      attributes: { ["k".repeat(1_000_000)]: { kind: "numeric" } },
      options: { iterationLimit: 10 },
    });
    expectIssue(res, "schema", "/attributes");
    expect(res.body.length).toBeLessThan(2_000);
  });

  it("a long attribute key on a person is a 400 at the person", async () => {
    const res = await post("/v1/compositions", {
      people: [{ id: "a", attributes: { ["k".repeat(10_000)]: "x" } }, { id: "b" }],
      groups: { count: 1 },
    });
    expectIssue(res, "schema", "/people/0/attributes");
  });

  it("a roster cell too long for a name, e-mail or category is a 400 at its line and column", async () => {
    const long = "L".repeat(5_000);
    const res = await csvPost(
      "/v1/compositions?count=1",
      `Navn;E-post;Virksomhet\n${long};a@x.no;E1\nB;b@x.no;${long}\nC;${long}@x.no;E2\n`,
    );
    expect(res.statusCode).toBe(400);
    const issues = issuesOf(res).map(({ code, line, column }) => ({ code, line, column }));
    expect(issues).toEqual([
      { code: "above_limit", line: 2, column: 1 },
      { code: "above_limit", line: 3, column: 3 },
      { code: "above_limit", line: 4, column: 2 },
    ]);
    expect(issuesOf(res)[0].message).toBe("too long: at most 200 characters");
    expect(res.body.length).toBeLessThan(2_000);
  });

  it("a missing mapped column in a wide roster lists a few columns, not the whole header", async () => {
    const header = ["Navn", ...Array.from({ length: 20_000 }, (_, i) => `c${i}${"x".repeat(30)}`)];
    const roster = `${header.join(";")}\nA;${Array(20_000).fill("1").join(";")}\n`;
    const mapping = encodeURIComponent(JSON.stringify({ email: "E-post" }));
    const res = await csvPost(`/v1/compositions?count=1&mapping=${mapping}`, roster);
    const [issue] = expectIssue(res, "mapping_column_missing", "/mapping/email");
    expect(issue.message).toMatch(/and 19,?99\d more/);
    expect(res.body.length).toBeLessThan(2_000);
  });

  it("a thousand mapped names against a header of twenty thousand columns take no more than a moment", async () => {
    const columns = Array.from({ length: 20_000 }, (_, i) => `kolonne${i}`);
    const rows = Array.from({ length: 3 }, (_, r) => `N${r};n${r}@x.no;${columns.map(() => "1").join(";")}`);
    const roster = [`Navn;E-post;${columns.join(";")}`, ...rows].join("\n");
    // Matched loosely (by case), the slow way: each name against every header.
    const ignore = columns.slice(0, 1_000).map((c) => c.toUpperCase());
    const started = Date.now();
    const res = await csvPost(
      `/v1/checks?count=1&mapping=${encodeURIComponent(JSON.stringify({ ignore }))}`,
      roster,
    );
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a thousand unknown names in mapping.ignore give a short reply", async () => {
    const ignore = Array.from({ length: 1_000 }, (_, i) => `z${i}${"y".repeat(190)}`);
    const mapping = encodeURIComponent(JSON.stringify({ ignore }));
    const started = Date.now();
    const res = await csvPost(`/v1/compositions?count=3&mapping=${mapping}`, SMALL_ROSTER);
    expect(Date.now() - started).toBeLessThan(5_000);
    const issues = expectIssue(res, "mapping_column_missing", /^\/mapping\/ignore\/\d+$/);
    expect(issues.length).toBeLessThanOrEqual(20);
    for (const issue of issues) expect(issue.message.length).toBeLessThan(600);
  });
});

describe("numbers that overflow", () => {
  it("a distance matrix of 1e308 is a 400 naming the cells", async () => {
    const big = 1e308;
    const res = await post("/v1/compositions", {
      people: three,
      groups: { count: 1 },
      distance: {
        matrix: [
          [0, big, big],
          [big, 0, big],
          [big, big, 0],
        ],
      },
    });
    expectIssue(res, "schema", "/distance/matrix/0/1");
  });

  it("attribute values of ±1e308 are a 400 at the person, never silently optimal", async () => {
    const res = await post("/v1/compositions", {
      people: [
        { id: "a", attributes: { x: 1e308 } },
        { id: "b", attributes: { x: -1e308 } },
        { id: "c", attributes: { x: 0 } },
        { id: "d", attributes: { x: 0 } },
      ],
      groups: { count: 2 },
      attributes: { x: { kind: "numeric" } },
    });
    expectIssue(res, "schema", "/people/0/attributes/x");
  });

  it("a roster cell with 400 digits is a 400 saying the number is too large, at its line and column", async () => {
    const res = await csvPost(
      "/v1/compositions?count=2",
      `Navn;E-post;Ansiennitet\nA;a@x.no;${"9".repeat(400)}\nB;b@x.no;2\nC;c@x.no;0\nD;d@x.no;0\n`,
    );
    expect(res.statusCode).toBe(400);
    const [issue] = issuesOf(res);
    expect(issue).toMatchObject({ code: "number_too_large", line: 2, column: 3 });
    expect(issue.message).toContain("too large");
  });

  it("large but allowed magnitudes give a finite score", async () => {
    const res = await post("/v1/compositions", {
      people: [
        { id: "a", attributes: { x: 1e15 } },
        { id: "b", attributes: { x: -1e15 } },
        { id: "c", attributes: { x: 1e15 } },
        { id: "d", attributes: { x: -1e15 } },
      ],
      groups: { count: 2 },
      attributes: { x: { kind: "numeric" } },
      options: { iterationLimit: 200 },
    });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(Number.isFinite(result.softScore)).toBe(true);
    // The balanced grouping: each group one of each sign, means 0.
    for (const g of result.groups) expect(g.means.x).toBe(0);
  });
});

describe("callers' keys are data", () => {
  it("a person called __proto__ is in the assignment of the reply", async () => {
    const res = await post("/v1/compositions", {
      people: [{ id: "__proto__" }, { id: "constructor" }, { id: "toString" }],
      groups: { count: 1 },
      rules: { pins: { __proto__: "1" } },
    });
    expect(res.statusCode).toBe(200);
    // JSON.parse keeps "__proto__" as an own key; `toEqual` would not see the difference.
    const assignment = JSON.parse(res.body).assignment;
    expect(Object.keys(assignment).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.hasOwn(assignment, "__proto__")).toBe(true);
  });

  it("a person called __proto__ is in a job's result too", async () => {
    const accepted = await post(
      "/v1/compositions",
      { people: [{ id: "__proto__" }, { id: "b" }], groups: { count: 1 } },
      { prefer: "respond-async" },
    );
    const job = await pollJob(app, accepted.json().id, (j) => j.state === "succeeded");
    expect(job.result).toBeDefined();
    const res = await app.inject({ method: "GET", url: `/v1/jobs/${accepted.json().id}` });
    expect(Object.hasOwn(JSON.parse(res.body).result.assignment, "__proto__")).toBe(true);
  });

  it("a group called __proto__ is in the composed rounds", async () => {
    const res = await post("/v1/compositions", {
      people: three,
      groups: { list: [{ id: "__proto__", minSize: 0, maxSize: 3 }] },
      rounds: [{ id: "r1" }],
      options: { iterationLimit: 50 },
    });
    expect(res.statusCode).toBe(200);
    const composed = JSON.parse(res.body).composed[0].groups;
    expect(Object.hasOwn(composed, "__proto__")).toBe(true);
  });

  it("a roster column called __proto__ comes back as CSV", async () => {
    const res = await csvPost(
      "/v1/compositions?count=1",
      "Navn;E-post;__proto__;constructor\nA;a@x.no;=1;x\nB;b@x.no;2;y\n",
      { accept: "text/csv" },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("__proto__");
    expect(res.body).toContain("'=1");
  });

  it("POST /v1/rosters keeps the line of a person called __proto__", async () => {
    const mapping = encodeURIComponent(JSON.stringify({ id: "Id" }));
    const res = await csvPost(`/v1/rosters?mapping=${mapping}`, "Id;Navn\n__proto__;A\nb;B\n");
    expect(res.statusCode).toBe(200);
    const lines = JSON.parse(res.body).lines;
    expect(Object.hasOwn(lines, "__proto__")).toBe(true);
  });
});

describe("people's data stays out of errors", () => {
  const email = "kari.nordmann@oslo.kommune.no";

  it("a duplicate or unknown person id is named by position", async () => {
    const res = await post("/v1/compositions", {
      people: [{ id: email }, { id: email }, { id: "b" }],
      groups: { count: 1 },
      rules: { apart: [["b", "ola@oslo.kommune.no"]], pins: { "per@oslo.kommune.no": "1" } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain("oslo.kommune.no");
    expect(issuesOf(res).map((i) => i.path)).toEqual(
      expect.arrayContaining(["people[1].id", "rules.apart[0][1]", "rules.pins[#1]"]),
    );
  });

  it("a pin or allowed group of the wrong type is named by entry, not by id", async () => {
    const res = await post("/v1/compositions", {
      people: [{ id: email }],
      groups: { count: 1 },
      rules: { pins: { [email]: 5 }, allowedGroups: { [email]: "1" } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain("oslo.kommune.no");
  });

  it("an export's grouping with a wrong group for a person names the entry, not the id", async () => {
    const res = await post("/v1/exports", {
      request: { people: [{ id: email }], groups: { count: 1 } },
      groupings: [{ assignment: { [email]: 5 } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain("oslo.kommune.no");
    expect(issuesOf(res)[0].path).toBe("groupings[0].assignment[#1]");
  });

  it("the diagnoses of a 422 name people by position", async () => {
    const res = await post("/v1/compositions", {
      people: [{ id: email, name: "Kari Nordmann" }, { id: "ola@oslo.kommune.no" }],
      groups: { count: 1 },
      rules: { apart: [[email, "ola@oslo.kommune.no"]] },
      options: { onInfeasible: "fail" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toContain("oslo.kommune.no");
    expect(res.body).not.toContain("Kari");
    expect(res.json().diagnoses[0].people).toEqual(["people[0]", "people[1]"]);
  });

  const sample = readFileSync(new URL("../../data/oslo-ledere.csv", import.meta.url), "utf8");
  const [, first, ...rest] = sample.split("\n");
  const firstCells = first.split(";").map((c) => c.trim());

  it("a roster without a header row does not echo its first person as column names", async () => {
    // E-post, Virksomhet and Sektor, no header: the first person's row stands where the header would.
    const headerless = [first, ...rest].map((l) => l.split(";").slice(1, 3).join(";")).join("\n");
    const mapping = encodeURIComponent(JSON.stringify({ name: "Navn" }));
    const res = await csvPost(`/v1/compositions?count=3&mapping=${mapping}`, headerless);
    const [issue] = expectIssue(res, "mapping_column_missing", "/mapping/name");
    for (const cell of firstCells.slice(1, 3)) expect(res.body).not.toContain(cell);
    expect(issue.message).toMatch(/line 1/);
  });

  it("a headerless sample names duplicate columns by number, not by the agency", async () => {
    const res = await csvPost("/v1/compositions?count=3", [first, ...rest].join("\n"));
    expect(res.statusCode).toBe(400);
    for (const cell of firstCells) expect(res.body).not.toContain(cell);
    expect(issuesOf(res)[0]).toMatchObject({ code: "header_duplicate", line: 1, column: 4 });
  });
});

describe("results are not cached", () => {
  it("a composition, a job's result and an export carry Cache-Control: no-store", async () => {
    const problem = smallProblem();
    const sync = await post("/v1/compositions", problem);
    expect(sync.statusCode).toBe(200);
    expect(sync.headers["cache-control"]).toBe("no-store");

    const accepted = await post("/v1/compositions", problem, { prefer: "respond-async" });
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json().id as string;
    await pollJob(app, id, (job) => job.state === "succeeded");
    const job = await app.inject({ method: "GET", url: `/v1/jobs/${id}` });
    expect(job.headers["cache-control"]).toBe("no-store");
    const csv = await app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: { accept: "text/csv" } });
    expect(csv.headers["cache-control"]).toBe("no-store");

    const assignment = sync.json().assignment;
    const exported = await post(
      "/v1/exports",
      { request: problem, groupings: [{ assignment }] },
      { accept: "text/csv" },
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["cache-control"]).toBe("no-store");

    const evaluation = await post("/v1/evaluations", { ...problem, assignment });
    expect(evaluation.headers["cache-control"]).toBe("no-store");
  });

  it("an infeasible composition's reply is not cached either", async () => {
    const res = await post("/v1/compositions", {
      people: three,
      groups: { count: 1 },
      rules: { apart: [["a", "b"]] },
      options: { onInfeasible: "fail" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});
