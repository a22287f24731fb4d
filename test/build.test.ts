/**
 * What ships: the compiled CLI runs from dist/ (`npm test` builds first), the package holds
 * what a user needs and no more, and the Dockerfile's final stage is non-root, holds only
 * dist/ and production dependencies, and checks its health on /healthz.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const tverr = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["bin/tverr.js", ...args], { cwd: root, input, encoding: "utf8" });

describe("the build", () => {
  it("runs tverr from compiled JavaScript, with no TypeScript loader in dist/", () => {
    const help = tverr(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("tverr compose ROSTER");
    const version = tverr(["--version"]);
    expect(version.stdout.trim()).toBe(
      `tverr ${JSON.parse(readFileSync(`${root}package.json`, "utf8")).version}`,
    );
    const composed = tverr(
      ["compose", "-", "--groups", "2", "--time", "0.1", "--format", "json"],
      "Navn;Virksomhet\nA;x\nB;y\nC;x\nD;y\n",
    );
    expect(composed.status, composed.stderr).toBe(0);
    expect(JSON.parse(composed.stdout)).toMatchObject({ feasible: true });
    const files = readdirSync(`${root}dist`).filter((f) => f.endsWith(".js"));
    expect(files).toEqual(
      expect.arrayContaining(["tverr.js", "server.js", "solverThread.js", "searchThread.js"]),
    );
    for (const f of files)
      expect(readFileSync(`${root}dist/${f}`, "utf8"), f).not.toMatch(/["']tsx(\/|["'])/);
  });

  it("packs bin/, dist/ and the READMEs only", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
    });
    const paths: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    for (const p of paths)
      expect(p, p).toMatch(/^(bin\/|dist\/|package\.json$|README\.md$|service\/README\.md$)/);
    expect(paths).toContain("dist/server.js");
    expect(paths).toContain("bin/tverr.js");
  });

  it("keeps development tools out of the runtime dependencies", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
    for (const tool of [
      "typescript",
      "tsx",
      "esbuild",
      "vitest",
      "@biomejs/biome",
      "@types/node",
      "graphology-types",
    ]) {
      expect(Object.keys(pkg.dependencies)).not.toContain(tool);
    }
    expect(pkg.engines.node).toMatch(/^>=20/);
  });
});

describe("the compiled server", () => {
  it("serves the API, its OpenAPI document, the docs page and metrics from dist/", async () => {
    const child = spawn(process.execPath, ["dist/server.js"], {
      cwd: root,
      env: { ...process.env, HOST: "127.0.0.1", PORT: "0", TVERR_WORKERS: "1", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
      });
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listen line:\n${out}`)), 20_000);
        child.stdout.on("data", () => {
          const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const doc = await fetch(`${base}/openapi.json`);
      expect(doc.status).toBe(200);
      expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
      const docs = await fetch(`${base}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("swagger-ui-bundle.js");
      expect((await fetch(`${base}/docs/static/swagger-ui-bundle.js`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toContain("tverr_http_requests_total");
      const composed = await fetch(`${base}/v1/compositions?count=2&timeLimitMs=200`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: "Navn;Virksomhet\nA;x\nB;y\nC;x\nD;y\n",
      });
      expect(composed.status).toBe(200);
      for (let i = 0; i < 100 && !out.includes('"msg":"job finished"'); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(out).toMatch(/"msg":"job finished"/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("the Dockerfile", () => {
  const text = readFileSync(`${root}Dockerfile`, "utf8");
  const stages = text.split(/^FROM /m).slice(1);
  const final = stages.at(-1) ?? "";

  it("builds in stages and runs the last one as an unprivileged user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(final).toMatch(/^USER (?!root\b)\w+/m);
    expect(final).toMatch(/^CMD \["node", "dist\/server\.js"\]/m);
  });

  it("copies only dist/, bin/, package.json and production dependencies into the last stage", () => {
    const copies = [...final.matchAll(/^COPY (.*)$/gm)].map((m) => m[1]);
    expect(copies).toEqual([
      "--from=deps /app/node_modules/ node_modules/",
      "--from=build /app/dist/ dist/",
      "package.json ./",
      "bin/ bin/",
    ]);
    expect(stages.find((s) => s.includes("AS deps"))).toContain("npm ci --omit=dev");
  });

  it("checks its health on /healthz", () => {
    expect(final).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });
});
