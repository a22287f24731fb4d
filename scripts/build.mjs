// `npm run build`: the TypeScript sources to `dist/`, the JavaScript that `tverr`, `npm start`,
// `tverr worker` and every solver thread run. (`npm run check` typechecks; this only compiles.)
//
// esbuild bundles each entry with its libraries: a few files parse and load much faster than
// the thousand small modules of zod, fastify and their dependencies (the startup benchmark
// measured it: README, "Startup"). Left in node_modules, as installed, are the packages that
// read their own files at run time: highs (WebAssembly, loaded only by exact mode) and
// @fastify/swagger-ui (the Swagger UI assets it serves), and pg's optional native binding.
//
// Everything lands in one flat folder, entries and shared chunks alike, so a module finds a
// thread entry beside it (engine/parallel/threadEntry.ts) in dist/ as in the sources.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { buildPage } from "./build-page.mjs";

const EXTERNAL = ["highs", "@fastify/swagger-ui", "pg-native"];

// zod's namespace re-exports its ~60 message locales, a third of the bundle's weight; Tverr
// reads none of them (its messages are its own, and zod's default is English), so the bundle
// carries English only.
const englishZodOnly = {
  name: "english-zod-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes("/node_modules/zod/")
        ? { path: "zod-locales", namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: root.pathname,
    }));
  },
};

const root = new URL("../", import.meta.url);

rmSync(new URL("dist/", root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: {
    tverr: "service/cli/main.ts",
    server: "service/server.ts",
    solverThread: "service/solverThread.ts",
    searchThread: "engine/parallel/searchThread.ts",
    // The engine as a library (package.json "exports"): its public index only.
    engine: "engine/index.ts",
  },
  outdir: "dist",
  entryNames: "[name]",
  chunkNames: "chunk-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: "linked",
  external: EXTERNAL,
  // Bundled CommonJS (graphology) calls require(); give ES modules one.
  banner: {
    js: 'import { createRequire as __tverrRequire } from "node:module"; const require = __tverrRequire(import.meta.url);',
  },
  plugins: [englishZodOnly],
  logLevel: "warning",
});

// The coordinators' page (web/): its own bundle, hashed, beside the server in dist/web/.
await buildPage(root);
