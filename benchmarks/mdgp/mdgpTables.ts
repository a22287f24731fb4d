/**
 * The MDGPLIB benchmark's tables: per instance (best, average and worst run, their deviation
 * from the reference, runs reaching it, time to best, moves/s, peak memory) and per set and
 * size the literature's figure, the average deviation of the average run.
 * Deviation % = 100 · (reference − f) / reference; negative when a run beats the reference.
 */
import { fixed, rate, seconds } from "../lib/format.js";
import { markdownTable } from "../lib/markdown.js";
import { mean, median } from "../lib/stats.js";
import type { MdgpCell } from "./runMdgp.js";

/** TPSDP stores distances as 32-bit floats, so published values carry about 1e-3 of noise. */
const AT_REFERENCE = 1e-3;

export function deviation(reference: number | undefined, f: number): number {
  return reference === undefined ? Number.NaN : (100 * (reference - f)) / reference;
}

const value = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");

export function instanceTable(cells: readonly MdgpCell[]): string {
  const rows = cells.map((cell) => {
    const f = cell.runs.map((r) => r.objective);
    const ref = cell.entry.reference;
    const best = Math.max(...f);
    const hits = ref === undefined ? "–" : `${f.filter((x) => x >= ref - AT_REFERENCE).length}/${f.length}`;
    return [
      cell.entry.name,
      cell.engine,
      seconds(cell.timeLimitMs, 1),
      ref === undefined ? "none yet" : `${value(ref)} ${cell.entry.source === "library" ? "(bks)" : "(own)"}`,
      value(best),
      value(mean(f)),
      value(Math.min(...f)),
      fixed(deviation(ref, best), 3),
      fixed(deviation(ref, mean(f)), 3),
      hits,
      seconds(median(cell.runs.map((r) => r.timeToBestMs))),
      seconds(median(cell.runs.map((r) => r.lastImprovementMs))),
      rate(median(cell.runs.map((r) => r.movesPerSecond))),
      fixed(median(cell.runs.map((r) => r.peakMB)), 0),
    ];
  });
  return markdownTable(
    [
      "instance",
      "engine",
      "CPU s",
      "reference",
      "best",
      "avg",
      "worst",
      "dev best %",
      "dev avg %",
      "at ref",
      "time to best s",
      "last improvement s",
      "moves/s",
      "peak MB",
    ],
    rows,
    ["left", "left"],
  );
}

export function summaryTable(cells: readonly MdgpCell[]): string {
  const groups = new Map<string, MdgpCell[]>();
  for (const cell of cells) {
    const key = `${cell.entry.set}\u0000${cell.entry.n}\u0000${cell.engine}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const rows = [...groups.values()].map((group) => {
    const withRef = group.filter((c) => c.entry.reference !== undefined);
    const devAvg = withRef.map((c) => deviation(c.entry.reference, mean(c.runs.map((r) => r.objective))));
    const devBest = withRef.map((c) =>
      deviation(c.entry.reference, Math.max(...c.runs.map((r) => r.objective))),
    );
    const runs = withRef.flatMap((c) =>
      c.runs.map((r) => r.objective >= (c.entry.reference as number) - AT_REFERENCE),
    );
    const first = group[0];
    return [
      first.entry.set,
      String(first.entry.n),
      first.engine,
      `${withRef.length}/${group.length}`,
      fixed(mean(devAvg), 3),
      fixed(mean(devBest), 3),
      runs.length > 0 ? `${runs.filter(Boolean).length}/${runs.length}` : "–",
    ];
  });
  return markdownTable(
    [
      "set",
      "n",
      "engine",
      "instances with a reference",
      "dev of the average run %",
      "dev of the best run %",
      "runs at ref",
    ],
    rows,
    ["left", "right", "left"],
  );
}
