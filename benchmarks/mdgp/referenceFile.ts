/**
 * The reference values for the generated MDGPLIB-style instances (n = 480), which have no
 * published best: the best of our own runs at 10× the literature's CPU limit. Each row keeps
 * the instance's fingerprint, so a value is never compared against an instance that changed.
 *
 *   instance,fingerprint,best,runs,cpu_seconds_per_run,revision,date
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface ReferenceRow {
  instance: string;
  fingerprint: string;
  best: number;
  runs: number;
  cpuSecondsPerRun: number;
  /** Revision of the engine that found it. */
  revision: string;
  date: string;
}

const HEADER = "instance,fingerprint,best,runs,cpu_seconds_per_run,revision,date";

export function parseReferenceCsv(text: string): Map<string, ReferenceRow> {
  const rows = new Map<string, ReferenceRow>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return rows;
  if (lines[0].trim() !== HEADER) throw new Error(`reference file: expected the header "${HEADER}"`);
  lines.slice(1).forEach((line, k) => {
    const cells = line.split(",");
    const best = Number(cells[2]);
    const runs = Number(cells[3]);
    const cpu = Number(cells[4]);
    if (cells.length !== 7 || !Number.isFinite(best) || !Number.isInteger(runs) || !Number.isFinite(cpu)) {
      throw new Error(`reference file line ${k + 2}: expected ${HEADER}`);
    }
    rows.set(cells[0], {
      instance: cells[0],
      fingerprint: cells[1],
      best,
      runs,
      cpuSecondsPerRun: cpu,
      revision: cells[5],
      date: cells[6],
    });
  });
  return rows;
}

export function formatReferenceCsv(rows: Iterable<ReferenceRow>): string {
  const sorted = [...rows].sort((a, b) => a.instance.localeCompare(b.instance));
  const lines = sorted.map((r) =>
    [r.instance, r.fingerprint, r.best.toFixed(3), r.runs, r.cpuSecondsPerRun, r.revision, r.date].join(","),
  );
  return `${[HEADER, ...lines].join("\n")}\n`;
}

/**
 * Fold a new reference run into the rows: it replaces the old row when there is none, when
 * the instance changed (another fingerprint), or when it found a better value.
 */
export function mergeReference(
  rows: Map<string, ReferenceRow>,
  row: ReferenceRow,
): "added" | "improved" | "replaced" | "kept" {
  const old = rows.get(row.instance);
  if (old === undefined) {
    rows.set(row.instance, row);
    return "added";
  }
  if (old.fingerprint !== row.fingerprint) {
    rows.set(row.instance, row);
    return "replaced";
  }
  if (row.best > old.best + 1e-9) {
    rows.set(row.instance, row);
    return "improved";
  }
  return "kept";
}

export function readReferenceFile(path: string): Map<string, ReferenceRow> {
  return existsSync(path) ? parseReferenceCsv(readFileSync(path, "utf8")) : new Map();
}

export function writeReferenceFile(path: string, rows: Map<string, ReferenceRow>): void {
  writeFileSync(path, formatReferenceCsv(rows.values()));
}
