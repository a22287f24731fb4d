/**
 * Hostile requests as fast-check arbitraries, and what every answer to one must satisfy; the
 * CI-bounded fuzz test (test/service/fuzz.test.ts) and `npm run fuzz` (main.ts) share them.
 *
 * Every roster value a generator writes carries a marker (`zqmk…`), so an error reply that
 * quotes a person's id, name or attribute is caught by a substring search. Each request is
 * labelled with the generator that made it, so a failure or a slow answer names its kind.
 */
import { connect } from "node:net";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../service/config.js";

export interface FuzzRequest {
  generator: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Every marker starts so; nothing else in a reply does. */
export const MARKER = "zqmk";
const marker = fc.integer({ min: 0, max: 9_999_999 }).map((n) => `${MARKER}${n.toString(36)}`);

/** The app's settings under fuzz: small bounds, so extremes are reached, and short solves. */
export const fuzzConfig: Partial<Config> = {
  bodyLimitBytes: 256 * 1024,
  maxPeople: 200,
  maxTimeLimitMs: 100,
  syncMaxPeople: 200,
  maxWaitMs: 5_000,
  queueMax: 1_000,
  jobsMax: 2_000,
  jobTtlMs: 10_000,
  rateLimitPerMinute: 10_000_000,
  maxMeetingPairs: 20_000,
};

/** Names on Object.prototype, and the keys that reach it. */
export const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  ...Object.getOwnPropertyNames(Object.prototype),
];

const JSON_ROUTES = ["/v1/compositions", "/v1/checks", "/v1/evaluations", "/v1/networks", "/v1/exports"];
const ROSTER_ROUTES = ["/v1/rosters", "/v1/compositions", "/v1/checks"];
const ALL_ROUTES = [
  ...JSON_ROUTES,
  "/v1/rosters",
  "/healthz",
  "/readyz",
  "/metrics",
  "/openapi.json",
  "/",
  "/v1/jobs/x",
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

const HUGE = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0, -1, 1e21, 2 ** 31, 2 ** 32 + 1, 0.5, 1e-308];
const hugeNumber = fc.oneof(fc.constantFrom(...HUGE), fc.double(), fc.integer());
/** JSON number text beyond doubles (1e400 parses to Infinity) or odd forms. */
const numberText = fc.oneof(
  hugeNumber.map((n) => (Number.isFinite(n) ? JSON.stringify(n) : "0")),
  fc.constantFrom("1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.0000000000000000001"),
);

/** A small valid problem whose every id, name and value is a marker. */
const people = fc
  .uniqueArray(marker, { minLength: 1, maxLength: 14 })
  .chain((ids) =>
    fc.tuple(fc.constant(ids), fc.array(marker, { minLength: ids.length, maxLength: ids.length })),
  );
/** Column names are not roster values (error paths name them), so they are plain words. */
const attributeName = fc.constantFrom("Virksomhet", "Sektor", "Kjønn", "a b", "", "Ansiennitet");
export const problem = fc
  .tuple(people, fc.integer({ min: 1, max: 4 }), attributeName, marker, fc.integer({ min: 0, max: 1 }))
  .map(([[ids, names], count, agency, other, seed]) => ({
    people: ids.map((id, i) => ({
      id,
      name: names[i],
      attributes: { [agency]: i % 2 === 0 ? other : `${other}b`, Ansiennitet: i },
    })),
    groups: { count: Math.min(count, ids.length) },
    attributes: { [agency]: { kind: "categorical", weight: 2, maxPerGroup: 3 } },
    options: { seed, iterationLimit: 200, timeLimitMs: 50 },
  }));

const jsonHeaders = (extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  ...extra,
});
const post = (generator: string, url: string, payload: string | Buffer, headers: Record<string, string>) =>
  ({ generator, method: "POST", url, headers, payload }) satisfies FuzzRequest;

/** Set `key` as an own, enumerable property (so `__proto__` survives JSON.stringify as a key). */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Put `key: value` at one of the places a problem has keys. */
function injectKey(
  p: ReturnType<typeof structuredClone<Record<string, unknown>>>,
  where: number,
  key: string,
  value: unknown,
) {
  const q = structuredClone(p) as Record<string, Record<string, unknown> | Record<string, unknown>[]>;
  const people = q.people as Record<string, unknown>[];
  switch (where % 8) {
    case 0:
      return withKey(q, key, value);
    case 1:
      return {
        ...q,
        attributes: withKey(q.attributes as Record<string, unknown>, key, { kind: "categorical" }),
      };
    case 2:
      people[0] = {
        ...people[0],
        attributes: withKey(people[0].attributes as Record<string, unknown>, key, value),
      };
      return q;
    case 3:
      return { ...q, groups: withKey(q.groups as Record<string, unknown>, key, value) };
    case 4:
      return { ...q, options: withKey(q.options as Record<string, unknown>, key, value) };
    case 5:
      return { ...q, rules: { pins: withKey({}, key, (people[0] as { id: string }).id) } };
    case 6:
      return {
        ...q,
        history: {
          rounds: [
            {
              round: "1",
              groups: withKey(
                {},
                key,
                people.map((x) => x.id),
              ),
            },
          ],
        },
      };
    default:
      people[0] = withKey(people[0], key, value);
      return q;
  }
}

const jsonRoute = fc.constantFrom(...JSON_ROUTES);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), marker, hugeNumber);

const malformedJson = fc
  .tuple(
    jsonRoute,
    problem,
    fc.integer({ min: 0, max: 400 }),
    fc.constantFrom("", "}", "]", ",", '"', "\u0000", "\\"),
  )
  .map(([url, p, cut, tail]) => {
    const text = JSON.stringify(p);
    return post("malformed-json", url, text.slice(0, Math.min(cut, text.length - 1)) + tail, jsonHeaders());
  });

const deepJson = fc
  .tuple(jsonRoute, fc.integer({ min: 1, max: 20_000 }), fc.constantFrom("[", '{"a":'), fc.boolean())
  .map(([url, depth, open, closed]) => {
    const close = open === "[" ? "]" : "}";
    const body = `${open.repeat(depth)}1${closed ? close.repeat(depth) : ""}`;
    return post("deep-json", url, body, jsonHeaders());
  });

const hugeNumbers = fc
  .tuple(
    jsonRoute,
    problem,
    numberText,
    fc.constantFrom(
      "count",
      "timeLimitMs",
      "iterationLimit",
      "seed",
      "weight",
      "maxPerGroup",
      "Ansiennitet",
      "size",
      "rounds",
    ),
  )
  .map(([url, p, n, field]) => {
    const text = JSON.stringify({ ...p, rounds: 1 }).replace(
      new RegExp(`"${field}":(-?[\\d.e+-]+)`),
      `"${field}":${n}`,
    );
    return post("huge-numbers", url, text, jsonHeaders());
  });

const protoKeys = fc
  .tuple(jsonRoute, problem, fc.nat(), fc.constantFrom(...PROTO_KEYS), anyValue)
  .map(([url, p, where, key, value]) =>
    post("proto-keys", url, JSON.stringify(injectKey(p, where, key, value)), jsonHeaders()),
  );

const extremeCounts = fc
  .tuple(
    jsonRoute,
    problem,
    fc.record({
      count: fc.constantFrom(0, -1, 1, 2, 10_000, 1e9, 1e308),
      rounds: fc.constantFrom(0, 1, 2, 50, 201, 1e6),
      repeat: fc.constantFrom(1, 1000, 1e6),
    }),
  )
  .map(([url, p, c]) => {
    const body = {
      ...p,
      groups: { count: c.count },
      rounds: c.rounds,
      people: Array.from({ length: Math.min(c.repeat, 300) }, () => p.people).flat(),
    };
    return post("extreme-counts", url, JSON.stringify(body), jsonHeaders());
  });

/** Rosters: random bytes, marker CSV with hostile headers, and CSV far past the body limit. */
const csvHeaders = (type: string) => ({ "content-type": type });
const csvType = fc.constantFrom("text/csv", "application/csv", "text/csv; charset=windows-1252");
const binaryCsv = fc
  .tuple(fc.constantFrom(...ROSTER_ROUTES), fc.uint8Array({ maxLength: 4096 }), csvType)
  .map(([url, bytes, type]) => post("binary-csv", url, Buffer.from(bytes), csvHeaders(type)));

const markerCsv = fc
  .tuple(
    fc.constantFrom(...ROSTER_ROUTES),
    fc.array(fc.constantFrom("Navn", "E-post", "Virksomhet", "Sektor", ...PROTO_KEYS), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.array(fc.array(marker, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 30 }),
    fc.constantFrom(";", ",", "\t"),
    fc.constantFrom(
      "",
      "?count=2",
      "?count=1e308",
      "?size=0",
      "?mapping=%7B%22__proto__%22%3A1%7D",
      "?settings=%7B",
    ),
  )
  .map(([url, header, rows, sep, query]) =>
    post(
      "marker-csv",
      url + query,
      [header.join(sep), ...rows.map((r) => r.join(sep))].join("\n"),
      csvHeaders("text/csv"),
    ),
  );

const giganticCsv = fc
  .tuple(
    fc.constantFrom(...ROSTER_ROUTES),
    fc.integer({ min: 1, max: 3 }),
    marker,
    fc.constantFrom(1, 100, 5_000),
  )
  .map(([url, factor, m, columns]) => {
    const row = Array.from({ length: columns }, () => m).join(";");
    const lines = Math.ceil((factor * 200 * 1024) / (row.length + 1));
    return post(
      "gigantic-csv",
      url,
      Array.from({ length: lines }, () => row).join("\n"),
      csvHeaders("text/csv"),
    );
  });

/** Multipart: part floods, broken boundaries, a roster of markers, settings not JSON. */
const multipart = fc
  .tuple(
    fc.constantFrom(...ROSTER_ROUTES),
    fc.integer({ min: 0, max: 5_000 }),
    fc.constantFrom("roster", "settings", "sheet", "apart", "history", "x", "__proto__"),
    marker,
    fc.boolean(),
    fc.constantFrom(
      '{"groups":{"count":2}}',
      "{",
      "null",
      '{"__proto__":{"x":1}}',
      '{"groups":{"count":1e308}}',
    ),
  )
  .map(([url, parts, name, m, badBoundary, settings]) => {
    const b = "fuzzb";
    const part = (n: string, body: string, file = false) =>
      `--${b}\r\nContent-Disposition: form-data; name="${n}"${file ? '; filename="r.csv"' : ""}\r\n\r\n${body}\r\n`;
    const roster = `Navn;E-post;Virksomhet\n${m};${m}@x.example;${m}\n${m}b;${m}c@x.example;${m}d`;
    const body =
      part("roster", roster, true) +
      part("settings", settings) +
      Array.from({ length: parts }, (_, i) => part(name, `${m}${i}`)).join("") +
      (badBoundary ? "--nope--" : `--${b}--\r\n`);
    const type =
      badBoundary && parts % 2 === 0 ? "multipart/form-data" : `multipart/form-data; boundary=${b}`;
    return post("multipart", url, body, { "content-type": type });
  });

const contentType = fc.oneof(
  fc.constantFrom(
    "text/plain",
    "application/xml",
    "application/json; charset=utf-16",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ";;;",
    "",
    "application/json\u0000",
    "*/*",
  ),
  fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
const wrongType = fc
  .tuple(fc.constantFrom(...ALL_ROUTES), problem, contentType, fc.boolean())
  .map(([url, p, type, empty]) =>
    post("wrong-type", url, empty ? "" : JSON.stringify(p), type === "" ? {} : { "content-type": type }),
  );

/** Long URLs and headers (within node's 16 KiB header limit through inject), odd methods. */
const safeText = (max: number) =>
  fc.string({ maxLength: max, unit: fc.constantFrom(..."abcXYZ019-_.~%/?&=;,:@!*'()+ ") });
const longUrl = fc
  .tuple(
    fc.constantFrom(...METHODS),
    fc.constantFrom(...ALL_ROUTES),
    safeText(40),
    fc.integer({ min: 0, max: 12_000 }),
    marker,
  )
  .map(([method, route, junk, pad, m]) => ({
    generator: "long-url",
    method,
    url: `${route}${junk.startsWith("/") ? junk : `/${junk}`}?q=${m}&${"a".repeat(pad)}`,
    headers: {},
  }));
const longHeaders = fc
  .tuple(
    fc.constantFrom(...ALL_ROUTES),
    fc.constantFrom(
      "accept-language",
      "accept",
      "prefer",
      "authorization",
      "x-request-id",
      "cookie",
      "x-forwarded-for",
    ),
    fc.integer({ min: 0, max: 12_000 }),
    marker,
  )
  .map(([url, name, size, m]) => ({
    generator: "long-headers",
    method: "GET",
    url,
    headers: { [name]: `${m},${"en;q=0.1,".repeat(Math.ceil(size / 9)).slice(0, size)}` },
  }));

const jobIds = fc
  .tuple(
    fc.constantFrom("", "/events"),
    // A job id is the server's (a UUID), not a roster value: an id in the path may be echoed as `instance`.
    fc.oneof(fc.uuid(), safeText(120)),
    fc.constantFrom("GET", "DELETE"),
  )
  .map(([suffix, id, method]) => ({
    generator: "job-ids",
    method,
    url: `/v1/jobs/${encodeURIComponent(id)}${suffix}`,
    headers: { accept: "text/csv" },
  }));

/** Valid problems with hostile headers: the happy path must stay happy (sync, async, CSV). */
const validish = fc
  .tuple(
    fc.constantFrom("/v1/compositions", "/v1/checks"),
    problem,
    fc.constantFrom(
      {},
      { prefer: "respond-async" },
      { prefer: "wait=1" },
      { accept: "text/csv" },
      { "accept-language": "nb" },
    ),
  )
  .map(([url, p, headers]) =>
    post("valid", url, JSON.stringify(p), jsonHeaders(headers as Record<string, string>)),
  );

/** Every generator, by name: the CI test and the runner draw from the same set. */
export const GENERATORS = {
  "malformed-json": malformedJson,
  "deep-json": deepJson,
  "huge-numbers": hugeNumbers,
  "proto-keys": protoKeys,
  "extreme-counts": extremeCounts,
  "binary-csv": binaryCsv,
  "marker-csv": markerCsv,
  "gigantic-csv": giganticCsv,
  multipart,
  "wrong-type": wrongType,
  "long-url": longUrl,
  "long-headers": longHeaders,
  "job-ids": jobIds,
  valid: validish,
} satisfies Record<string, fc.Arbitrary<FuzzRequest>>;

/** Gigantic bodies are slow to build and send: drawn less often. */
export const hostileRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  ...Object.entries(GENERATORS).map(([name, arbitrary]) => ({
    arbitrary,
    weight: name === "gigantic-csv" ? 1 : name === "multipart" ? 2 : 5,
  })),
);

/** Requests for a real socket: headers past node's limit, a broken request line, a body cut short. */
export const rawRequest = fc.oneof(
  fc
    .integer({ min: 17_000, max: 40_000 })
    .map((n) => `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(n)}\r\n\r\n`),
  fc.integer({ min: 17_000, max: 40_000 }).map((n) => `GET /${"a".repeat(n)} HTTP/1.1\r\nHost: x\r\n\r\n`),
  safeText(200).map((junk) => `${junk}\r\n\r\n`),
  marker.map(
    (m) =>
      `POST /v1/compositions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"people":[{"id":"${m}"`,
  ),
  marker.map(
    (m) =>
      `GET /v1/jobs/${m} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nzz\r\n`,
  ),
);

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
  ms: number;
}

/** What is wrong with an answer to `request`, if anything (empty: nothing). */
export function violations(request: FuzzRequest, answer: Answer): string[] {
  const wrong: string[] = [];
  const size = Buffer.byteLength(request.payload ?? "") + request.url.length;
  const text = answer.body.toString("utf8");
  if (answer.status >= 500) wrong.push(`status ${answer.status}`);
  // Documents the server publishes (the OpenAPI description, the page) are as large as they are.
  const published = answer.status < 400 && /^\/(openapi\.json|docs|assets|$|\?)/.test(request.url);
  if (!published && answer.body.length > 64 * 1024 + 4 * size)
    wrong.push(`reply of ${answer.body.length} bytes`);
  if (/\n\s+at .+[(:]\d|node_modules|\.ts:\d/.test(text)) wrong.push("stack trace in reply");
  if (answer.status >= 400) {
    if (!String(answer.headers["content-type"]).startsWith("application/problem+json")) {
      wrong.push(`error as ${String(answer.headers["content-type"])}`);
    } else if (answer.status !== 405 && request.method !== "HEAD" && !/"code":"[a-z_]+"/.test(text)) {
      wrong.push("problem without a code");
    }
    const headerText = JSON.stringify(answer.headers);
    if (text.includes(MARKER) || headerText.includes(MARKER)) wrong.push("roster value echoed in an error");
  }
  return wrong;
}

/** Send one request through `inject`, timed. */
export async function injectRequest(app: FastifyInstance, request: FuzzRequest): Promise<Answer> {
  const started = performance.now();
  const res = await app.inject({
    method: request.method as "GET",
    url: request.url,
    headers: request.headers,
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: res.rawPayload,
    ms: performance.now() - started,
  };
}

/**
 * Send `request` and, while it is served, ask /healthz: the answer, and how long health took
 * (the event loop's latency under that request).
 */
export async function withHealth(
  app: FastifyInstance,
  request: FuzzRequest,
): Promise<{ answer: Answer; healthMs: number }> {
  const answering = injectRequest(app, request);
  await new Promise((r) => setImmediate(r));
  const t = performance.now();
  const health = await app.inject({ url: "/healthz" });
  const healthMs = performance.now() - t;
  if (health.statusCode !== 200) throw new Error(`/healthz answered ${health.statusCode}`);
  return { answer: await answering, healthMs };
}

/** Write `text` to a fresh connection; the reply as it came (status from its first line), or status 0 if none. */
export function sendRaw(port: number, text: string, timeoutMs = 2_000): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      const head = all.subarray(0, split < 0 ? all.length : split).toString("latin1");
      const headers: Record<string, string> = {};
      for (const line of head.split("\r\n").slice(1)) {
        const at = line.indexOf(":");
        if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        headers,
        body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4),
        ms: performance.now() - started,
      });
    };
    // A request cut short waits for the rest: the server may rightly say nothing.
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("close", finish);
    socket.on("error", () => {});
    socket.write(text);
  });
}
