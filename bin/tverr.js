#!/usr/bin/env node
// The `tverr` command: registers tsx so the TypeScript sources run as they are (no build
// step), then hands over to the CLI. Exit codes are set by the CLI after output is flushed.
import { register } from "tsx/esm/api";

register();
const { run } = await import("../service/cli/main.ts");
await run();
