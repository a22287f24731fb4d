/**
 * The end-to-end tests' world: the real service (buildApp, listening on a free loopback
 * port, serving the built page from dist/web) and Debian's Chromium driven by playwright-core
 * (no browser is downloaded: `.ci/run` and scripts/with-chromium.sh install the chromium
 * package). Chromium starts headless with the flags this machine's closed network needs.
 *
 * Helpers: axe-core run inside the page (its source evaluated over the DevTools protocol, so
 * the page's own Content-Security-Policy stays as strict as it is served), screenshots at
 * 1280×800 into out/screenshots (git-ignored), and a log of every request the page makes
 * and every console message, so a test can assert none left the origin or broke the CSP.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildApp } from "../../service/app.js";
import { testConfig } from "../service/helper.js";

export const CHROMIUM = process.env.TVERR_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = new URL("../../out/screenshots/", import.meta.url);
export const ROOT = new URL("../../", import.meta.url);

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface World {
  app: FastifyInstance;
  base: string;
  browser: Browser;
}

export async function startWorld(): Promise<World> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), as .ci/run does`,
    );
  }
  if (!existsSync(new URL("dist/web/index.html", ROOT)))
    throw new Error("the page is not built: npm run build");
  const app = await buildApp(
    testConfig({ workers: 1, maxTimeLimitMs: 60_000, rateLimitPerMinute: 100_000, defaultLang: "nb" }),
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { app, base, browser };
}

export async function stopWorld(world: World | undefined): Promise<void> {
  await world?.browser.close();
  await world?.app.close();
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console messages and page errors, as "type: text". */
  console: string[];
}

/** A fresh browser context (no stored settings) at 1280×800, on the page. */
export async function openPage(world: World): Promise<Tab> {
  const context = await world.browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "nb-NO",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const console: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => console.push(`pageerror: ${e.message}`));
  await page.goto(`${world.base}/`);
  await page.locator("h1").first().waitFor();
  return { context, page, requests, console };
}

const AXE = readFileSync(new URL("node_modules/axe-core/axe.min.js", ROOT), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; the serious and critical ones. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }[];
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => String(n.target)),
    }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
