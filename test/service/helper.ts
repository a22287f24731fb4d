/**
 * One way to build the app for tests: the real app (`buildApp`) with a test configuration —
 * one solver thread, quiet logs, small bounds — that a test overrides where it matters.
 * Fixtures are small problems with an iteration limit, so results are reproducible and
 * quick on a two-core machine.
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ProblemInput } from "../../engine/index.js";
import { type BuildOptions, buildApp } from "../../service/app.js";
import { type Config, loadConfig } from "../../service/config.js";

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({}),
  logLevel: "silent",
  workers: 1,
  queueMax: 8,
  maxWaitMs: 30_000,
  shutdownGraceMs: 2_000,
  progressIntervalMs: 100,
  // Tests pin English wording; one test checks Norwegian on its own.
  defaultLang: "en",
  ...overrides,
});

export async function build(
  overrides: Partial<Config> = {},
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), options);
  await app.ready();
  return app;
}

/** Twelve leaders from four agencies into three groups, at most two of an agency per group. */
export function smallProblem(people = 12): ProblemInput {
  return {
    people: Array.from({ length: people }, (_, i) => ({
      id: `p${i + 1}`,
      name: `Person ${i + 1}`,
      attributes: { Virksomhet: `Etat ${i % 4}`, Kjønn: i % 2 === 0 ? "K" : "M", Ansiennitet: i + 1 },
    })),
    groups: { count: 3 },
    attributes: {
      Virksomhet: { kind: "categorical", weight: 3, maxPerGroup: 2 },
      Kjønn: { kind: "categorical", weight: 1 },
      Ansiennitet: { kind: "numeric", weight: 1 },
    },
    options: { seed: 7, iterationLimit: 2_000, timeLimitMs: 2_000 },
  };
}

/** The bundled Oslo sample (427 leaders), searching for `timeLimitMs` with no iteration limit. */
export function osloProblem(timeLimitMs: number): ProblemInput {
  const problem = JSON.parse(
    readFileSync(new URL("../../data/oslo-ledere.problem.json", import.meta.url), "utf8"),
  );
  return { ...problem, options: { ...problem.options, timeLimitMs, iterationLimit: undefined } };
}

/** A roster as a coordinator exports it from Excel: `;`, a byte-order mark, Norwegian headers. */
export const SMALL_ROSTER = [
  "\uFEFFNavn;E-post;Virksomhet;Sektor;Kjønn;Ansiennitet",
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `Leder ${i + 1};leder${i + 1}@oslo.kommune.no;Etat ${i % 4};Sektor ${i % 2};${i % 2 ? "K" : "M"};${i + 1},5`,
  ),
  "",
].join("\r\n");

/** Collects log lines written by the app. */
export function logSink(): { stream: Writable; text: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join("");
  return {
    stream,
    text,
    lines: () =>
      text()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Server-sent events in a body: `[event, data]` pairs. */
export function parseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split("\n\n")
    .filter((block) => block.includes("data: "))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") as Record<string, unknown>;
      return { event, data };
    });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll a job until `until` holds (or fail after `timeoutMs`). */
export async function pollJob(
  app: FastifyInstance,
  id: string,
  until: (job: Record<string, unknown>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    const res = await app.inject({ method: "GET", url: `/v1/jobs/${id}` });
    const job = res.json() as Record<string, unknown>;
    if (until(job)) return job;
    if (Date.now() - start > timeoutMs) throw new Error(`job ${id} still ${String(job.state)}`);
    await sleep(25);
  }
}
