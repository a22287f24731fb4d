/**
 * Group exchange: every unit of group g moves to group h and every unit of h to g.
 *
 * A swap of units of different sizes changes both groups' sizes, and with sizes fixed (or
 * at their bounds) so does a relocate: a keep-together pair cannot trade places with two
 * single people without breaking a size on the way, and hard-before-soft never takes that
 * step. Exchanging two groups' contents keeps every size (when the two groups' ranges allow)
 * and reaches those groupings; it matters for rules that tell groups apart (pins, allowed
 * groups, the incumbent grouping). Found by the exact-mode oracle.
 *
 * Done and undone through the incremental score (Timefold's do/undo, not a read-only delta),
 * O(U + moved units · move cost); searches call it rarely.
 */
import type { IncrementalScore } from "../../score/incremental.js";
import type { SearchContext } from "../driver.js";

/**
 * Exchange g and h in round r's score, then ask `keep(dHard, dSoft)`; undo when it says no.
 * False when a pinned or restricted unit forbids the exchange, or it was undone.
 */
export function tryGroupExchange(
  ctx: SearchContext,
  score: IncrementalScore,
  g: number,
  h: number,
  keep: (dHard: number, dSoft: number) => boolean,
): boolean {
  const model = score.model;
  const m = model.m;
  const unitGroup = score.unitGroup;
  const moving: number[] = [];
  for (let u = 0; u < model.unitCount; u++) {
    const x = unitGroup[u];
    if (x !== g && x !== h) continue;
    if (model.unitPin[u] >= 0) return false;
    const row = model.unitAllowedRow[u];
    if (row >= 0 && model.allowedMask[row * m + (x === g ? h : g)] === 0) return false;
    moving.push(u);
  }
  if (moving.length === 0) return false;
  let kept = false;
  ctx.jump(() => {
    const hard0 = score.hard;
    const soft0 = score.soft;
    const from = moving.map((u) => unitGroup[u]);
    moving.forEach((u, i) => {
      score.evalRelocate(u, from[i] === g ? h : g);
      score.applyRelocate(u, from[i] === g ? h : g);
    });
    ctx.iterations++;
    kept = keep(score.hard - hard0, score.soft - soft0);
    if (kept) {
      ctx.accepted++;
      return;
    }
    moving.forEach((u, i) => {
      score.evalRelocate(u, from[i]);
      score.applyRelocate(u, from[i]);
    });
    // Undo adds the opposite deltas; restore the exact running values against float drift.
    score.hard = hard0;
    score.soft = soft0;
  });
  return kept;
}
