/**
 * Excel at the service's doors, and the page's: a workbook body or multipart part read as a
 * roster (its sheets listed, one picked), side files read against it, a result as a workbook
 * for `Accept` xlsx, `POST /v1/exports` for a grouping a client holds, and the page itself at
 * `/` under its own Content-Security-Policy.
 */
import type { FastifyInstance } from "fastify";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_MEDIA_TYPE } from "../../engine/index.js";
import { workbook } from "../engine/roster/xlsxFixture.js";
import { build, pollJob } from "./helper.js";

const HEADER = ["Navn", "E-post", "Virksomhet", "Kjønn", "Ansiennitet"];
const people = Array.from({ length: 12 }, (_, i) => [
  `Leder ${i + 1} Ødegård`,
  `leder${i + 1}@oslo.kommune.no`,
  `Etat ${i % 4}`,
  i % 2 ? "K" : "M",
  i + 0.5,
]);
const ROSTER = workbook([
  { name: "Notater", rows: [["Utkast"], ["ikke bruk"]] },
  { name: "Deltakere", rows: [HEADER, ...people] },
]);

let app: FastifyInstance;
beforeAll(async () => {
  // As the service runs by default: Norwegian unless the request prefers English.
  app = await build({ defaultLang: "nb" });
});
afterAll(async () => {
  await app.close();
});

async function multipart(
  parts: Record<string, Blob | string>,
): Promise<{ headers: Record<string, string>; payload: Buffer }> {
  const form = new FormData();
  for (const [name, part] of Object.entries(parts)) form.append(name, part);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    headers: { "content-type": request.headers.get("content-type") ?? "" },
    payload: Buffer.from(await request.arrayBuffer()),
  };
}

const settings = JSON.stringify({ groups: { size: 4 }, options: { iterationLimit: 2000, seed: 3 } });

describe("a workbook at the door", () => {
  it("POST /v1/rosters reads an .xlsx body, lists its sheets and reads the one asked for", async () => {
    const first = await app.inject({
      method: "POST",
      url: "/v1/rosters",
      headers: { "content-type": XLSX_MEDIA_TYPE },
      payload: Buffer.from(ROSTER),
    });
    // The first sheet is notes, not a roster: its header is one cell, and it has one row.
    expect(first.statusCode).toBe(200);
    expect(first.json().sheet).toBe("Notater");
    const res = await app.inject({
      method: "POST",
      url: "/v1/rosters?sheet=Deltakere",
      headers: { "content-type": XLSX_MEDIA_TYPE },
      payload: Buffer.from(ROSTER),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe("xlsx");
    expect(body.sheet).toBe("Deltakere");
    expect(body.sheets.map((s: { name: string }) => s.name)).toEqual(["Notater", "Deltakere"]);
    expect(body.people).toHaveLength(12);
    expect(body.table.rows[0][1]).toEqual([
      "Leder 1 Ødegård",
      "leder1@oslo.kommune.no",
      "Etat 0",
      "M",
      "0,5",
    ]);
    expect(body.lines["leder1@oslo.kommune.no"]).toBe(2);
    expect(body.request.people).toHaveLength(12);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("reads a multipart roster part with a sheet, and side files against the roster's people", async () => {
    const apart = "Person;Person\nleder1@oslo.kommune.no;Leder 2 Ødegård\n";
    const form = await multipart({
      roster: new Blob([ROSTER], { type: XLSX_MEDIA_TYPE }),
      sheet: "Deltakere",
      settings,
      apart: new Blob([apart], { type: "text/csv" }),
      incumbent: new Blob([
        workbook([
          {
            name: "A",
            rows: [
              ["E-post", "Gruppe"],
              ["leder3@oslo.kommune.no", 2],
              ["gone@oslo.kommune.no", 1],
            ],
          },
        ]),
      ]),
    });
    const res = await app.inject({ method: "POST", url: "/v1/rosters", ...form });
    expect(res.statusCode).toBe(200);
    const { sides } = res.json();
    expect(sides.apart).toEqual([["leder1@oslo.kommune.no", "leder2@oslo.kommune.no"]]);
    expect(sides.incumbent).toEqual({ "leder3@oslo.kommune.no": "2" });
  });

  it("names the sheet row and column of a problem in a workbook, with what to do", async () => {
    const bad = workbook([
      {
        name: "Ark1",
        rows: [HEADER, ...people.slice(0, 3), ["Ny", "ny@oslo.kommune.no", null, "K", "55 år"]],
      },
    ]);
    const res = await app.inject({
      method: "POST",
      url: "/v1/rosters",
      headers: { "content-type": XLSX_MEDIA_TYPE },
      payload: Buffer.from(bad),
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues as { code: string; line: number; column: number; hint?: string }[];
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["cell_empty", 5, 3],
      ["cell_not_number", 5, 5],
    ]);
    expect(issues[1].hint).toContain("55");
  });

  it("composes from a workbook and answers a workbook for Accept xlsx: every person once", async () => {
    const form = await multipart({ roster: new Blob([ROSTER]), sheet: "Deltakere", settings });
    const res = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      ...form,
      headers: { ...form.headers, accept: XLSX_MEDIA_TYPE, "accept-language": "nb" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="grupper.xlsx"');
    const sheets = await readXlsxFile(res.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(["Grupper", "Sammendrag"]);
    const [header, ...rows] = sheets[0].data;
    expect(header).toEqual(["Gruppe", ...HEADER]);
    expect(rows.map((r) => r[2]).sort()).toEqual(people.map((p) => p[1]).sort());
    expect(rows.map((r) => r[1])).toContain("Leder 1 Ødegård");
  });

  it("gives a finished job's result as a workbook, in the reader's language", async () => {
    const submitted = await app.inject({
      method: "POST",
      url: "/v1/compositions?sheet=Deltakere&size=4&iterationLimit=2000",
      headers: { "content-type": XLSX_MEDIA_TYPE, prefer: "respond-async" },
      payload: Buffer.from(ROSTER),
    });
    expect(submitted.statusCode).toBe(202);
    const id = submitted.json().id as string;
    await pollJob(app, id, (job) => job.state === "succeeded");
    const res = await app.inject({
      method: "GET",
      url: `/v1/jobs/${id}`,
      headers: { accept: XLSX_MEDIA_TYPE, "accept-language": "en" },
    });
    expect(res.statusCode).toBe(200);
    const sheets = await readXlsxFile(res.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(["Groups", "Summary"]);
    expect(sheets[0].data[0][0]).toBe("Group");
  });
});

describe("POST /v1/exports", () => {
  async function rosterPreview() {
    const res = await app.inject({
      method: "POST",
      url: "/v1/rosters",
      ...(await multipart({ roster: new Blob([ROSTER]), sheet: "Deltakere", settings })),
    });
    return res.json() as { request: Record<string, unknown>; table: unknown };
  }
  const assignment = Object.fromEntries(people.map((p, i) => [String(p[1]), String((i % 3) + 1)]));

  it("writes a grouping the client holds, scored by the engine, with the roster's own columns", async () => {
    const { request, table } = await rosterPreview();
    const res = await app.inject({
      method: "POST",
      url: "/v1/exports",
      headers: { accept: XLSX_MEDIA_TYPE },
      payload: { request, groupings: [{ assignment }], table },
    });
    expect(res.statusCode).toBe(200);
    const sheets = await readXlsxFile(res.rawPayload);
    const [header, ...rows] = sheets[0].data;
    expect(header).toEqual(["Gruppe", ...HEADER]);
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(String(row[0])).toBe(assignment[String(row[2])]);
    // The summary is the engine's: (i % 3) puts Etat 0, 1, 2, 3 people together unevenly.
    const summary = JSON.stringify(sheets[1].data);
    expect(summary).toContain("Regler: alle holder.");
    expect(summary).toContain("Blanding av Virksomhet");
  });

  it("writes several rounds with a sheet each, and CSV for Accept text/csv", async () => {
    const { request, table } = await rosterPreview();
    const other = Object.fromEntries(
      people.map((p, i) => [String(p[1]), String((Math.floor(i / 4) % 3) + 1)]),
    );
    const xlsx = await app.inject({
      method: "POST",
      url: "/v1/exports",
      payload: {
        request,
        groupings: [
          { round: "1", assignment },
          { round: "2", assignment: other },
        ],
        table,
      },
    });
    expect(xlsx.statusCode).toBe(200);
    const sheets = await readXlsxFile(xlsx.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(["Grupper", "Runde 1", "Runde 2", "Sammendrag"]);
    expect(JSON.stringify(sheets[3].data)).toContain("Nettverk: hvem har møtt hvem");
    const csv = await app.inject({
      method: "POST",
      url: "/v1/exports",
      headers: { accept: "text/csv" },
      payload: { request, groupings: [{ assignment }], table },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.startsWith("\uFEFFGruppe;Navn;E-post;Virksomhet;Kjønn;Ansiennitet\r\n")).toBe(true);
    expect(csv.body).toContain("Leder 1 Ødegård;leder1@oslo.kommune.no;Etat 0;M;0,5");
  });

  it("refuses a grouping that leaves someone out, naming the grouping, not the person", async () => {
    const { request } = await rosterPreview();
    const partial = { ...assignment };
    delete partial["leder5@oslo.kommune.no"];
    const res = await app.inject({
      method: "POST",
      url: "/v1/exports",
      payload: { request, groupings: [{ assignment: partial }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ["person_unplaced", "groupings[0].people[4]"],
    ]);
    expect(res.body).not.toContain("leder5@");
  });

  it("bounds what it writes: groupings, rows, columns", async () => {
    const { request } = await rosterPreview();
    const many = await app.inject({
      method: "POST",
      url: "/v1/exports",
      payload: { request, groupings: Array.from({ length: 51 }, () => ({ assignment })) },
    });
    expect(many.statusCode).toBe(400);
    const rows = await app.inject({
      method: "POST",
      url: "/v1/exports",
      payload: {
        request,
        groupings: [{ assignment }],
        table: { columns: ["A"], rows: Array.from({ length: 13 }, (_, i) => [`x${i}`, ["1"]]) },
      },
    });
    expect(rows.statusCode).toBe(400);
  });
});

describe("the page at /", () => {
  it("is served with a strict policy of its own, and says how long results are kept", async () => {
    const res = await app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const csp = String(res.headers["content-security-policy"]);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe|https?:/);
    expect(res.body).toContain('<meta name="tverr-job-ttl" content="3600">');
    const script = /src="\/assets\/([^"]+\.js)"/.exec(res.body)?.[1];
    expect(script).toBeDefined();
    const asset = await app.inject({ method: "GET", url: `/assets/${script}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const missing = await app.inject({ method: "GET", url: "/assets/nothing.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
