// The coordinators' page: web/src (Preact, TypeScript) bundled by esbuild into dist/web/, the
// files the service serves at `/` (service/plugins/page.ts).
//
// Every asset's name carries a hash of its content (main-3FQ2….js), so the service lets
// browsers keep them for a year; index.html is written last with those names and their
// subresource-integrity hashes, and is never cached. No inline script or style anywhere, so
// the page runs under a strict Content-Security-Policy; no CDN, so it makes no request but to
// its own origin. The engine's locales (engine/locale) are bundled in: every word the page
// shows is the engine's own.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { build } from "esbuild";

export async function buildPage(root) {
  const out = new URL("dist/web/", root);
  mkdirSync(new URL("assets/", out), { recursive: true });
  const result = await build({
    absWorkingDir: root.pathname,
    entryPoints: { main: "web/src/main.tsx", styles: "web/src/styles.css", print: "web/src/print.css" },
    outdir: "dist/web/assets",
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "firefox115", "safari16", "edge110"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    loader: { ".svg": "file" },
    tsconfig: "web/tsconfig.json",
    logLevel: "warning",
  });
  const outputs = Object.entries(result.metafile.outputs);
  const find = (entry) => {
    const hit = outputs.find(([, o]) => o.entryPoint === entry);
    if (!hit) throw new Error(`build-page: no output for ${entry}`);
    return hit[0];
  };
  const asset = (path) => {
    const bytes = readFileSync(new URL(path, root));
    return {
      href: `/assets/${basename(path)}`,
      integrity: `sha384-${createHash("sha384").update(bytes).digest("base64")}`,
    };
  };
  const script = asset(find("web/src/main.tsx"));
  const styles = asset(find("web/src/styles.css"));
  const print = asset(find("web/src/print.css"));
  const iconBytes = readFileSync(new URL("web/icon.svg", root));
  const iconName = `icon-${createHash("sha256").update(iconBytes).digest("hex").slice(0, 8).toUpperCase()}.svg`;
  writeFileSync(new URL(`assets/${iconName}`, out), iconBytes);
  const icon = `/assets/${iconName}`;
  const html = readFileSync(new URL("web/index.html", root), "utf8")
    .replace("{{script}}", script.href)
    .replace("{{scriptIntegrity}}", script.integrity)
    .replace("{{styles}}", styles.href)
    .replace("{{stylesIntegrity}}", styles.integrity)
    .replace("{{print}}", print.href)
    .replace("{{printIntegrity}}", print.integrity)
    .replace("{{icon}}", icon);
  if (html.includes("{{")) throw new Error("build-page: a placeholder in web/index.html was not filled");
  writeFileSync(new URL("index.html", out), html);
}
