/**
 * `npm run data:generate`: write the sample rosters and benchmark data under data/.
 * Deterministic: running it twice gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataFiles } from "./files.js";
import { loadReference } from "./oslo.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

const reference = loadReference();
for (const file of buildDataFiles(reference)) {
  const target = `${repoRoot}${file.path}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content, "utf8");
  process.stderr.write(`${file.path}: ${file.rows} rows\n`);
}
