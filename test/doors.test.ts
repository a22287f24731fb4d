/**
 * One core, every door: the same roster with the same settings, given to the command line as
 * flags and to the HTTP service as a query, becomes the identical compose request, and under
 * an iteration limit the identical grouping. The doors only translate; if either grows its
 * own default or precedence rule, this fails.
 */
import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flags as composeFlags } from "../service/cli/commands/compose.js";
import { parseFlags } from "../service/cli/flags.js";
import { loadInput } from "../service/cli/input.js";
import { data, tverr } from "./service/cli/helpers.js";
import { build } from "./service/helper.js";

const ROSTER = data("oslo-ledere.csv");

// Groups of about six, at most one leader per agency, agencies and sectors mixed, tenure
// balanced; a fixed seed and move budget (and a time limit far above what they need).
const CLI_FLAGS = [
  "--size",
  "6",
  "--cap",
  "Virksomhet=1",
  "--spread",
  "Virksomhet=3",
  "--spread",
  "Sektor=2",
  "--balance",
  "Ansiennitet",
  "--seed",
  "5",
  "--iterations",
  "30000",
  "--time",
  "60",
];
const SETTINGS = {
  caps: [{ column: "Virksomhet", count: 1 }],
  mix: [
    { column: "Virksomhet", weight: 3 },
    { column: "Sektor", weight: 2 },
  ],
  balance: [{ column: "Ansiennitet" }],
};
const QUERY = new URLSearchParams({
  size: "6",
  seed: "5",
  iterationLimit: "30000",
  timeLimitMs: "60000",
  settings: JSON.stringify(SETTINGS),
}).toString();

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("the command line and the HTTP service", () => {
  let app: FastifyInstance;
  let csv: Buffer;
  beforeAll(async () => {
    app = await build({ maxTimeLimitMs: 60_000, maxWaitMs: 60_000 });
    csv = await readFile(ROSTER);
  });
  afterAll(async () => {
    await app.close();
  });

  it("assemble the same roster and settings into the identical compose request", async () => {
    const { values } = parseFlags("compose", composeFlags, CLI_FLAGS);
    const read = async (path: string) => ({ name: path, bytes: new Uint8Array(await readFile(path)) });
    const fromCli = await loadInput(ROSTER, values, read, "compose");

    const reply = await app.inject({
      method: "POST",
      url: `/v1/rosters?${QUERY}`,
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const fromHttp = reply.json().request;

    expect(fromHttp.people).toHaveLength(427);
    expect(plain(fromHttp)).toEqual(plain(fromCli.request));
  });

  it("compose the identical grouping under an iteration limit", async () => {
    const cli = await tverr(["compose", ROSTER, ...CLI_FLAGS, "--format", "json"], { piped: true });
    expect(cli.code, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout);

    const reply = await app.inject({
      method: "POST",
      url: `/v1/compositions?${QUERY}`,
      headers: { "content-type": "text/csv", accept: "application/json" },
      payload: csv,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const fromHttp = reply.json();

    expect(fromCli.stats.iterations).toBe(30_000);
    expect(fromHttp.stats.iterations).toBe(30_000);
    expect(fromHttp.feasible).toBe(true);
    expect(fromHttp.assignment).toEqual(fromCli.assignment);
    expect(fromHttp.softScore).toBe(fromCli.softScore);
    expect(fromHttp.terms.map((t: { raw: number }) => t.raw)).toEqual(
      fromCli.terms.map((t: { raw: number }) => t.raw),
    );
  });
});
