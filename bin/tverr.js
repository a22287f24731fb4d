#!/usr/bin/env node
// The `tverr` command: runs the compiled CLI in dist/ (`npm run build`, which `npm ci` runs
// through the `prepare` script). Exit codes are set by the CLI after output is flushed.
let cli;
try {
  cli = await import("../dist/tverr.js");
} catch (err) {
  if (err?.code !== "ERR_MODULE_NOT_FOUND") throw err;
  process.stderr.write("tverr: not built yet; run npm run build (npm ci does it)\n");
  process.exit(3);
}
await cli.run();
