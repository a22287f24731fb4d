/**
 * Rosters and results are deleted at the job TTL, from the database too: after it, no table
 * in any schema (Tverr's or pg-boss's) holds a roster value or the job's id.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { build } from "../service/helper.js";
import { createDatabase, sleep, type TestDatabase, until } from "./helper.js";

let db: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  db = await createDatabase();
  app = await build({ databaseUrl: db.url, workers: 1, jobTtlMs: 1_500 });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const MARK = "Qzxv";
const roster = [
  "Navn;E-post;Virksomhet;Kjønn",
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `${MARK} Navn${i};${MARK.toLowerCase()}${i}@example.org;${MARK}Etat ${i % 4};${i % 2 ? "K" : "M"}`,
  ),
  "",
].join("\r\n");

async function everything(): Promise<string> {
  const tables = await db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  expect(tables.map((x) => x.s)).toEqual(expect.arrayContaining(["tverr", "pgboss"]));
  const dumps = await Promise.all(
    tables.map(async ({ s, t }) => {
      const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${s}"."${t}" t`);
      return rows.map((r) => r.row).join("\n");
    }),
  );
  return dumps.join("\n");
}

it("leaves nothing of a job in the database after its TTL", async () => {
  const solved = await app.inject({
    method: "POST",
    url: "/v1/compositions?count=3&timeLimitMs=500",
    headers: { "content-type": "text/csv" },
    payload: roster,
  });
  expect(solved.statusCode, solved.body).toBe(200);
  const id = String(solved.headers["content-location"]).split("/").at(-1)!;
  // Held while it lives: the roster's columns (for the CSV) and the result.
  const during = await everything();
  expect(during).toContain(MARK);
  expect(during).toContain(id);

  await until(
    "the TTL sweep",
    async () => ((await db.query("SELECT 1 FROM tverr.job")).length === 0 ? true : undefined),
    20_000,
  );
  await sleep(200);
  const after = await everything();
  expect(after).not.toContain(MARK);
  expect(after.toLowerCase()).not.toContain(MARK.toLowerCase());
  expect(after).not.toContain(id);
  expect((await app.inject({ method: "GET", url: `/v1/jobs/${id}` })).statusCode).toBe(404);
});
