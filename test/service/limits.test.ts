/**
 * Per-caller rate limits, Prometheus metrics, and security headers.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, smallProblem } from "./helper.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await build({ apiKeys: ["one:key-one", "two:key-two"], rateLimitPerMinute: 3 });
});
afterAll(async () => {
  await app.close();
});

const get = (key: string) =>
  app.inject({ method: "GET", url: "/v1/jobs/none", headers: { authorization: `Bearer ${key}` } });

describe("rate limits", () => {
  it("answers 429 with Retry-After past the limit, per caller", async () => {
    for (let i = 0; i < 3; i++) expect((await get("key-one")).statusCode).toBe(404);
    const limited = await get("key-one");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another caller has its own allowance.
    expect((await get("key-two")).statusCode).toBe(404);
  });
});

describe("metrics", () => {
  it("exports requests by route and status, jobs by state, queue length and solve seconds", async () => {
    const solved = await app.inject({
      method: "POST",
      url: "/v1/compositions",
      headers: { authorization: "Bearer key-two" },
      payload: smallProblem(),
    });
    expect(solved.statusCode).toBe(200);
    const res = await app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(
      /tverr_http_requests_total\{method="GET",route="\/v1\/jobs\/:id",status="404"\} \d+/,
    );
    expect(text).toMatch(/tverr_http_requests_total\{[^}]*status="429"\} 1/);
    expect(text).toMatch(/tverr_jobs\{state="succeeded"\} 1/);
    expect(text).toMatch(/tverr_queue_length 0/);
    expect(text).toMatch(/tverr_solve_seconds_count\{state="succeeded"\} 1/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
    expect(text).not.toContain("Person 1");
  });
});

describe("security headers", () => {
  it("sends a strict content security policy and the usual headers", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });

  it("keeps /docs working: its page and scripts load under its own policy", async () => {
    const page = await app.inject({ method: "GET", url: "/docs" });
    expect(page.statusCode).toBe(200);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const res = await app.inject({ method: "GET", url: src });
      expect(res.statusCode, src).toBe(200);
    }
    // No inline scripts on the page, so script-src 'self' suffices.
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });
});
