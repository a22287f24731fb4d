/**
 * `npm run bench:mdgp -- --reference`: produce the reference values of the generated
 * instances, the best of K runs at 10× the literature's CPU limit (n = 480: 1,200 CPU s a
 * run), and fold them into data/mdgp/reference-n480.csv (a row is replaced only by a better
 * value, or when its instance changed).
 */
import { revisionOf } from "../lib/engineTrees.js";
import { markdownTable } from "../lib/markdown.js";
import { mergeReference, type ReferenceRow, readReferenceFile, writeReferenceFile } from "./referenceFile.js";
import type { MdgpCell } from "./runMdgp.js";

export function foldReferences(cells: readonly MdgpCell[], file: string, date = new Date()): string {
  const rows = readReferenceFile(file);
  const report: string[][] = [];
  for (const cell of cells) {
    if (cell.entry.source !== "generated" || cell.entry.fingerprint === undefined) continue;
    const before = rows.get(cell.entry.name);
    const row: ReferenceRow = {
      instance: cell.entry.name,
      fingerprint: cell.entry.fingerprint,
      best: Math.max(...cell.runs.map((r) => r.objective)),
      runs: cell.runs.length,
      cpuSecondsPerRun: Math.round(cell.timeLimitMs / 1000),
      revision: cell.tree.revision === "unknown" ? revisionOf() : cell.tree.revision,
      date: date.toISOString().slice(0, 10),
    };
    const outcome = mergeReference(rows, row);
    report.push([
      cell.entry.name,
      before ? before.best.toFixed(3) : "–",
      row.best.toFixed(3),
      cell.runs.map((r) => r.objective.toFixed(3)).join(" "),
      outcome,
    ]);
  }
  writeReferenceFile(file, rows);
  return markdownTable(["instance", "previous", "best of these runs", "runs", "row"], report, ["left"]);
}
