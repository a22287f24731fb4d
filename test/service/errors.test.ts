/**
 * Bad input, each kind pinned: every error is problem details (RFC 9457) with a stable
 * `code`, and invalid fields are named by JSON path or by CSV line and column.
 */

import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ bodyLimitBytes: 64 * 1024, maxPeople: 30 });
});
afterAll(async () => {
  await app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}, url = "/v1/compositions") =>
  app.inject({ method: "POST", url, headers, payload: payload as string });

describe("problem details", () => {
  it("invalid JSON: 400, without quoting the body", async () => {
    const res = await post('{"people": [{"id": "Kari Nordmann"', { "content-type": "application/json" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchInlineSnapshot(`
      {
        "code": "invalid_json",
        "detail": "The body is not valid JSON",
        "instance": "/v1/compositions",
        "status": 400,
        "title": "Bad request",
        "type": "urn:tverr:problem:invalid-json",
      }
    `);
    expect(res.body).not.toContain("Kari");
  });

  it("schema violations: 400 with the path of every invalid field", async () => {
    const problem = smallProblem();
    const bad = {
      ...problem,
      people: [{ id: "" }, { id: "p2", attributes: { Kjønn: true } }, ...problem.people.slice(2)],
      groups: { count: 0 },
      options: { timeLimitMs: -1 },
    };
    const res = await post(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "detail": "4 issues in the request",
        "instance": "/v1/compositions",
        "issues": [
          {
            "code": "schema",
            "message": "must not be empty",
            "path": "people[0].id",
            "pointer": "/people/0/id",
          },
          {
            "code": "schema",
            "message": "does not match any of the allowed forms",
            "path": "people[1].attributes["Kjønn"]",
            "pointer": "/people/1/attributes/Kjønn",
          },
          {
            "code": "schema",
            "message": "must be greater than 0",
            "path": "groups.count",
            "pointer": "/groups/count",
          },
          {
            "code": "schema",
            "message": "must be greater than 0",
            "path": "options.timeLimitMs",
            "pointer": "/options/timeLimitMs",
          },
        ],
        "status": 400,
        "title": "Bad request",
        "type": "urn:tverr:problem:invalid-input",
      }
    `);
  });

  it("cross-field rules: 400 with the engine's paths", async () => {
    const problem = smallProblem();
    problem.people[3] = { ...problem.people[3], id: "p1" };
    problem.rules = { apart: [["p2", "nobody"]] };
    const res = await post(problem);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([
      "people[3].id",
      "rules.apart[0][1]",
    ]);
  });

  it("a CSV with a bad line: 400 with line and column", async () => {
    const csv =
      "Navn;E-post;Virksomhet\r\nAnne;anne@oslo.kommune.no;Etat 1\r\nBjørn;ikke-en-adresse;Etat 2\r\n";
    const res = await post(csv, { "content-type": "text/csv" }, "/v1/compositions?count=1");
    expect(res.statusCode).toBe(400);
    const { issues } = res.json();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, column: 2 });
    expect(issues[0].message).toContain("not an e-mail address");
    expect(res.body).not.toContain("ikke-en-adresse");
  });

  it("a bad query parameter for a CSV body: 400 naming it", async () => {
    const res = await post(
      "Navn\r\nA\r\n",
      { "content-type": "text/csv" },
      "/v1/compositions?size=many&colour=red",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([
      "querystring.size",
      "querystring",
    ]);
  });

  it("query parameters with a JSON body: 400, they belong in the problem", async () => {
    const res = await post(smallProblem(), {}, "/v1/compositions?size=4");
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe("querystring.size");
  });

  it("a multipart body without settings: 400 naming the groups it lacks", async () => {
    const form = new FormData();
    form.append("roster", new Blob(["Navn\r\nA\r\n"]), "r.csv");
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const res = await post(Buffer.from(await request.arrayBuffer()), {
      "content-type": request.headers.get("content-type") ?? "",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: "groups", code: "schema" });
  });

  it("oversized body: 413", async () => {
    const res = await post(`{"people":[${'{"id":"x"},'.repeat(10_000)}]}`, {
      "content-type": "application/json",
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "body_too_large", status: 413 });
  });

  it("too many people: 413 with the limit", async () => {
    const res = await post(smallProblem(31));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: "too_many_people",
      detail: "31 people; this server takes at most 30",
    });
  });

  it("unsupported content type: 415", async () => {
    const res = await post("<people/>", { "content-type": "application/xml" });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe("unsupported_media_type");
  });

  it("infeasible rules with onInfeasible fail: 422 with the diagnosis", async () => {
    const problem = smallProblem();
    problem.attributes = { Virksomhet: { kind: "categorical", maxPerGroup: 1 } };
    problem.groups = { count: 2 };
    problem.options = { onInfeasible: "fail", iterationLimit: 100 };
    const res = await post(problem);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: "infeasible", status: 422, type: "urn:tverr:problem:infeasible" });
    expect(body.diagnoses[0]).toMatchObject({
      code: "cap_vs_count",
      rule: "attributes.Virksomhet.maxPerGroup",
      facts: { attribute: "Virksomhet", count: 3, groups: 2, cap: 1, capNeeded: 2, groupsNeeded: 3 },
    });
  });

  it("unknown job: 404", async () => {
    const res = await app.inject({ method: "GET", url: "/v1/jobs/00000000-0000-0000-0000-000000000000" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: "job_not_found",
      instance: "/v1/jobs/00000000-0000-0000-0000-000000000000",
    });
  });

  it("unknown route: 404 problem details", async () => {
    const res = await app.inject({ method: "GET", url: "/v2/anything" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "not_found", status: 404 });
  });
});

describe("API keys", () => {
  let secured: FastifyInstance;
  beforeAll(async () => {
    secured = await build({ apiKeys: ["k-one", "k-two"] });
  });
  afterAll(async () => {
    await secured.close();
  });

  it("401 without a key, with a challenge", async () => {
    const res = await secured.inject({ method: "POST", url: "/v1/compositions", payload: smallProblem() });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.json().code).toBe("unauthorized");
  });

  it("401 with a wrong key", async () => {
    const res = await secured.inject({
      method: "GET",
      url: "/v1/jobs/x",
      headers: { authorization: "Bearer k-three" },
    });
    expect(res.statusCode).toBe(401);
  });

  it("passes with any of the keys; health stays open", async () => {
    const res = await secured.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { authorization: "Bearer k-two" },
      payload: smallProblem(),
    });
    expect(res.statusCode).toBe(200);
    expect((await secured.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    expect((await secured.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
  });
});

describe("many issues", () => {
  it("lists the first hundred and counts them all", async () => {
    const problem = smallProblem(30);
    problem.people = problem.people.map((p) => ({ ...p, id: "" }));
    problem.groups = { count: 0 };
    problem.options = { timeLimitMs: 0, seed: 0.5, iterationLimit: -1 };
    const many = {
      ...problem,
      people: [...problem.people, ...problem.people, ...problem.people, ...problem.people],
    };
    const res = await app.inject({ method: "POST", url: "/v1/compositions", payload: many });
    expect(res.json().detail).toBe("124 issues in the request; the first 100 are listed");
    expect(res.json().issues).toHaveLength(100);
  });
});

describe("roster issues", () => {
  it("are placed by line (and column), without an empty JSON path", async () => {
    const csv = "Navn;E-post\r\nA;a@oslo.kommune.no\r\nB;b@oslo.kommune.no\r\nC;A@oslo.kommune.no\r\n";
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions?count=1",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(res.json().issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_row",
          "line": 4,
          "message": "the same person as on line 2 (same e-mail)",
        },
      ]
    `);
  });
});

describe("row-level roster issues", () => {
  const people = "Navn;E-post;Virksomhet;Alder\r\nA;a@oslo.kommune.no;Etat 1;40\r\nB;;Etat 2;50\r\n";
  const issues = async (csv: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions?count=1",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(res.statusCode).toBe(400);
    return res.json().issues;
  };

  it("a title row above the header is one issue: its line, what is wrong and what to do", async () => {
    expect(await issues(`Deltakerliste 2026;;;\r\n${people}`)).toEqual([
      {
        code: "title_row",
        line: 1,
        message: "the row looks like a title, not a header",
        hint: "The header seems to be on line 2: delete the rows above it.",
      },
    ]);
  });

  it("a totals row is one issue for its line, beside a person's empty cell", async () => {
    expect(await issues(`${people}Sum;;;90\r\n`)).toEqual([
      {
        code: "cell_empty",
        line: 3,
        column: 2,
        columnName: "E-post",
        message: "the cell is empty, but every person needs a value here",
      },
      {
        code: "totals_row",
        line: 4,
        message:
          "the cells in columns “E-post” and “Virksomhet” are empty, but every person needs a value there",
        hint: "This looks like a totals row: delete it.",
      },
    ]);
  });

  it("a last person with no e-mail and a number is that person's empty cell, not a totals row", async () => {
    // B, the last row of `people`, has a name and an age: a person, whatever else is missing.
    expect(await issues(people)).toEqual([
      {
        code: "cell_empty",
        line: 3,
        column: 2,
        columnName: "E-post",
        message: "the cell is empty, but every person needs a value here",
      },
    ]);
    // A numeric id is a person's too.
    const numbered = "Id;Navn;E-post;Virksomhet\r\n1;A;a@oslo.kommune.no;Etat 1\r\n2;B;;Etat 2\r\n";
    expect(
      (await issues(numbered)).map((i: { code: string; column?: number }) => [i.code, i.column]),
    ).toEqual([["cell_empty", 3]]);
    expect((await issues(`${people}Totalt;;;90\r\n`)).map((i: { code: string }) => i.code)).toEqual([
      "cell_empty",
      "totals_row",
    ]);
  });

  it("a person's one empty cell above a totals row has no merged-cells hint", async () => {
    const roster =
      "Navn;E-post;Virksomhet;Alder\r\nA;a@oslo.kommune.no;Etat 1;40\r\nB;b@oslo.kommune.no;;50\r\nC;c@oslo.kommune.no;Etat 2;45\r\nSum;;;135\r\n";
    expect(await issues(roster)).toEqual([
      {
        code: "cell_empty",
        line: 3,
        column: 3,
        columnName: "Virksomhet",
        message: "the cell is empty, but every person needs a value here",
      },
      {
        code: "totals_row",
        line: 5,
        message:
          "the cells in columns “E-post” and “Virksomhet” are empty, but every person needs a value there",
        hint: "This looks like a totals row: delete it.",
      },
    ]);
  });
});

describe("every error is problem details, whatever the layer", () => {
  const isProblem = (res: { statusCode: number; headers: Record<string, unknown> }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  };

  it("a body of a type the route does not take: 415, not a 500 (text/plain, JSON to /v1/rosters)", async () => {
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/json" }]) {
      const res = await post("null", headers, "/v1/rosters");
      isProblem(res, 415);
      expect(res.json().code).toBe("unsupported_media_type");
    }
    isProblem(await post("hello", { "content-type": "text/plain" }), 415);
  });

  it("no body and no content type: 415 for a roster route", async () => {
    const res = await app.inject({ method: "POST", url: "/v1/rosters" });
    isProblem(res, 415);
  });

  it("a malformed URL: 400, worded by Accept-Language", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/v1/jobs/%E0%A4%A",
      headers: { "accept-language": "nb" },
    });
    isProblem(res, 400);
    expect(res.json()).toMatchObject({ code: "bad_request", title: "Ugyldig forespørsel" });
  });

  it("a path parameter past its length, or a URL past the cap: 414", async () => {
    isProblem(await app.inject({ method: "GET", url: `/v1/jobs/${"a".repeat(300)}` }), 414);
    const res = await app.inject({ method: "GET", url: `/healthz?${"a".repeat(9_000)}` });
    isProblem(res, 414);
    expect(res.json()).toMatchObject({ code: "uri_too_long" });
  });

  it("headers too large and unparseable requests, on a real socket: 431 and 400", async () => {
    const server = await build();
    await server.listen({ host: "127.0.0.1", port: 0 });
    const port = (server.server.address() as AddressInfo).port;
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        let out = "";
        socket.on("data", (d) => {
          out += String(d);
        });
        socket.on("close", () => resolve(out));
        socket.on("error", () => resolve(out));
        socket.write(text);
      });
    try {
      const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431 /);
      expect(big).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(big.slice(big.indexOf("\r\n\r\n") + 4))).toMatchObject({
        status: 431,
        code: "too_large",
      });
      const garbage = await raw("NOT HTTP AT ALL\r\n\r\n");
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(garbage.slice(garbage.indexOf("\r\n\r\n") + 4))).toMatchObject({
        code: "bad_request",
      });
    } finally {
      await server.close();
    }
  });
});
