/**
 * Identity and ownership: OIDC bearer tokens checked against a key set this test serves
 * itself (through the issuer's discovery document), API keys alongside, and jobs that only
 * their creator can see.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, smallProblem } from "./helper.js";

let idp: Server;
let issuer: string;
let app: FastifyInstance;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let jwksFetches = 0;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  idp = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (req.url === "/jwks") {
      jwksFetches++;
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  app = await build({
    oidc: { issuer, audience: "tverr", algorithms: ["RS256"] },
    apiKeys: ["batch:s3cret-key"],
  });
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => idp.close(resolve));
});

interface TokenOptions {
  sub?: string;
  aud?: string;
  iss?: string;
  expiresIn?: string | number;
  key?: CryptoKey;
  kid?: string;
}

function token({ sub = "alice", aud = "tverr", iss, expiresIn = "5m", key, kid = "k1" }: TokenOptions = {}) {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid })
    .setSubject(sub)
    .setAudience(aud)
    .setIssuer(iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key ?? signingKey);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

const call = (method: "GET" | "POST" | "DELETE", url: string, bearer?: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: {
      "accept-language": "en",
      ...(bearer !== undefined ? { authorization: `Bearer ${bearer}` } : {}),
      ...(payload ? { prefer: "respond-async" } : {}),
    },
    ...(payload ? { payload } : {}),
  });

describe("OIDC bearer tokens", () => {
  it("accepts a valid token from the issuer, for the audience", async () => {
    const res = await call("POST", "/v1/compositions", await token(), smallProblem());
    expect(res.statusCode).toBe(202);
    expect(jwksFetches).toBeGreaterThan(0);
  });

  it.each([
    ["expired", () => token({ expiresIn: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ["for another audience", () => token({ aud: "someone-else" }), /aud/],
    ["from another issuer", () => token({ iss: "https://idp.example.org" }), /iss/],
    ["signed by a key not in the set", () => token({ key: strangerKey, kid: "k9" }), /key/],
    ["signed by a key posing as one in the set", () => token({ key: strangerKey }), /signature/],
  ])("refuses a token %s", async (_what, make, detail) => {
    const res = await call("POST", "/v1/compositions", await make(), smallProblem());
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.json().detail).toMatch(detail);
  });

  it("refuses an unsigned token (alg none)", async () => {
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64({
      sub: "mallory",
      aud: "tverr",
      iss: issuer,
      exp: Math.floor(Date.now() / 1000) + 300,
    })}.`;
    const res = await call("POST", "/v1/compositions", unsigned, smallProblem());
    expect(res.statusCode).toBe(401);
  });

  it("refuses no credentials, and a made-up key", async () => {
    expect((await call("GET", "/v1/jobs/x")).statusCode).toBe(401);
    expect((await call("GET", "/v1/jobs/x", "not-a-key")).statusCode).toBe(401);
  });
});

describe("ownership", () => {
  it("shows a job to its creator only: another caller gets 404 everywhere", async () => {
    const alice = await token({ sub: "alice" });
    const bob = await token({ sub: "bob" });
    const created = await call("POST", "/v1/compositions", alice, {
      ...smallProblem(),
      options: { timeLimitMs: 3_000 },
    });
    const { id } = created.json() as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    for (const [method, url] of [
      ["GET", `/v1/jobs/${id}`],
      ["GET", `/v1/jobs/${id}/events`],
      ["DELETE", `/v1/jobs/${id}`],
    ] as const) {
      const res = await call(method, url, bob);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain("Person 1");
    }
    // The API key is a caller of its own too.
    expect((await call("GET", `/v1/jobs/${id}`, "s3cret-key")).statusCode).toBe(404);
    // The job was not cancelled by the others' attempts.
    const own = await call("GET", `/v1/jobs/${id}`, alice);
    expect(own.statusCode).toBe(200);
    expect(own.json().state).not.toBe("cancelled");
  });

  it("keeps API keys working alongside tokens, each key owning its jobs", async () => {
    const created = await call("POST", "/v1/compositions", "s3cret-key", smallProblem());
    expect(created.statusCode).toBe(202);
    const { id } = created.json() as { id: string };
    expect((await call("GET", `/v1/jobs/${id}`, "s3cret-key")).statusCode).toBe(200);
    expect((await call("GET", `/v1/jobs/${id}`, await token())).statusCode).toBe(404);
  });
});
