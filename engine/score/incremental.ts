/**
 * The incremental score: the current grouping plus the per-group tallies that make a move's
 * delta cost O(attributes + neighbours) instead of a rescore.
 *
 * Contract: `evalRelocate` / `evalSwap` only read, and leave the move's change of the hard
 * and soft score in `dHard` / `dSoft`. `applyRelocate` / `applySwap` write, and must be
 * called right after evaluating the same move (they add that delta to the running score).
 *
 * Deltas, for a unit moving from group g to h carrying t people of category key k:
 *   same-category pairs change by  t·(n_hk − n_gk + t)         (C(n,2) differences)
 *   for a swap, with e = t_u − t_v net people of k moving g→h:  e·(n_hk − n_gk + e)
 *   between-group sum of squares:  (S_g−x)²/(s_g−k) − S_g²/s_g + (S_h+x)²/(s_h+k) − S_h²/s_h
 *   pairwise / apart: Σ over the unit's neighbours q of w·([q in h] − [q in g]); in a swap,
 *   pairs between the two units stay apart and are skipped.
 *   distance: a gain table G[g·n + p] = Σ_{q in g} d_pq makes the within-group sum's change
 *     relocate  Σ_{p∈u} (G[h,p] − G[g,p]) + D_u                     (D_u = Σ_{p,q∈u} d_pq: the
 *     swap      that for u g→h, plus for v h→g, − 2 Σ_{p∈u,q∈v} d_pq   unit's own pairs stay)
 *   so a move of single people costs O(1); applying one updates two rows of G, O(n).
 */
import type { Model } from "../compile/model.js";
import { fullRawScore, hardTotal } from "./full.js";
import type { Objective } from "./objective.js";

export class IncrementalScore {
  readonly unitGroup: Int32Array;
  readonly groupOf: Int32Array;
  readonly size: Int32Array;
  readonly counts: Uint16Array;
  readonly sums: Float64Array;
  /** Distance gain table G[g·n + p] (empty without a distance term). */
  readonly distGain: Float64Array;
  /** Current hard violations and soft objective (Σ coef·raw, without the normalising offset). */
  hard = 0;
  soft = 0;
  /** The last evaluated move's change. */
  dHard = 0;
  dSoft = 0;
  private readonly scratch: Int32Array;
  private readonly touched: Int32Array;
  private readonly numShift: Float64Array;

  constructor(
    readonly model: Model,
    readonly objective: Objective,
    unitGroup: Int32Array,
  ) {
    const { n, m, keyCount, unitCount } = model;
    const numCount = model.numeric.length;
    this.unitGroup = Int32Array.from(unitGroup);
    this.groupOf = new Int32Array(n);
    this.size = new Int32Array(m);
    this.counts = new Uint16Array(m * keyCount);
    this.sums = new Float64Array(m * numCount);
    this.distGain = new Float64Array(model.hasDistance ? m * n : 0);
    let maxEntries = 0;
    for (let u = 0; u < unitCount; u++) {
      maxEntries = Math.max(maxEntries, model.unitKeyStart[u + 1] - model.unitKeyStart[u]);
      this.addUnit(u, this.unitGroup[u], 1);
    }
    this.scratch = new Int32Array(keyCount);
    this.touched = new Int32Array(2 * maxEntries + 1);
    this.numShift = new Float64Array(numCount);
    this.resync();
  }

  /** Recompute the running hard and soft score from scratch (also clears float drift). */
  resync(): void {
    const raw = fullRawScore(this.model, this.groupOf);
    const o = this.objective;
    let soft = raw.pairwise * o.pairCoef + raw.distance * o.distCoef + raw.moved * o.stabilityCoef;
    raw.categorical.forEach((v, a) => {
      soft += v * o.categorical[a].coef;
    });
    raw.numeric.forEach((v, a) => {
      soft += v * o.numCoef[a];
    });
    this.soft = soft;
    this.hard = hardTotal(raw);
  }

  private addUnit(u: number, g: number, sign: 1 | -1): void {
    const model = this.model;
    const keyCount = model.keyCount;
    const numCount = model.numeric.length;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      if (sign > 0) this.groupOf[model.unitMembers[i]] = g;
    }
    this.size[g] += sign * model.unitSize[u];
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      this.counts[g * keyCount + model.unitKey[i]] += sign * model.unitKeyCount[i];
    }
    for (let a = 0; a < numCount; a++) this.sums[g * numCount + a] += sign * model.unitNum[u * numCount + a];
    if (model.hasDistance) {
      const n = model.n;
      const dist = model.dist;
      const gain = this.distGain;
      const base = g * n;
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
        const row = model.unitMembers[i] * n;
        if (sign > 0) for (let r = 0; r < n; r++) gain[base + r] += dist[row + r];
        else for (let r = 0; r < n; r++) gain[base + r] -= dist[row + r];
      }
    }
  }

  /** Put every unit in `unitGroup` and recompute all tallies and the running score. */
  reset(unitGroup: Int32Array): void {
    this.unitGroup.set(unitGroup);
    this.size.fill(0);
    this.counts.fill(0);
    this.sums.fill(0);
    this.distGain.fill(0);
    for (let u = 0; u < this.model.unitCount; u++) this.addUnit(u, unitGroup[u], 1);
    this.resync();
  }

  /**
   * Change of the within-group distance sum when unit u moves g→h and, in a swap, unit v
   * moves h→g (v = −1 for a relocate). See the header.
   */
  private distanceGain(u: number, g: number, h: number, v: number): number {
    const model = this.model;
    const n = model.n;
    const gain = this.distGain;
    const members = model.unitMembers;
    const gn = g * n;
    const hn = h * n;
    let d = model.unitDist2[u];
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = members[i];
      d += gain[hn + p] - gain[gn + p];
    }
    if (v < 0) return d;
    d += model.unitDist2[v];
    const dist = model.dist;
    for (let j = model.unitStart[v]; j < model.unitStart[v + 1]; j++) {
      const q = members[j];
      d += gain[gn + q] - gain[hn + q];
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) d -= 2 * dist[members[i] * n + q];
    }
    return d;
  }

  private sizeViolation(g: number, s: number): number {
    const max = this.model.maxSize[g];
    const min = this.model.minSize[g];
    return s > max ? s - max : s < min ? min - s : 0;
  }

  /** Change of the key's cap and minimum violations when e people of key k move from g to h. */
  private keyHardDelta(k: number, ng: number, nh: number, e: number): number {
    const cap = this.model.keyCap[k];
    const min = this.model.keyMin[k];
    return (
      over(ng - e, cap) -
      over(ng, cap) +
      over(nh + e, cap) -
      over(nh, cap) +
      over(min, ng - e) -
      over(min, ng) +
      over(min, nh + e) -
      over(min, nh)
    );
  }

  /** Between-group sum of squares change: g sends `numShift` (net sums) and kOut people to h, gets kIn back. */
  private numericDelta(g: number, h: number, kOut: number, kIn: number): number {
    const model = this.model;
    const numCount = model.numeric.length;
    if (numCount === 0) return 0;
    const sg = this.size[g];
    const sh = this.size[h];
    const sg2 = sg - kOut + kIn;
    const sh2 = sh + kOut - kIn;
    let d = 0;
    for (let a = 0; a < numCount; a++) {
      const x = this.numShift[a];
      const Sg = this.sums[g * numCount + a];
      const Sh = this.sums[h * numCount + a];
      const before = (sg > 0 ? (Sg * Sg) / sg : 0) + (sh > 0 ? (Sh * Sh) / sh : 0);
      const after = (sg2 > 0 ? ((Sg - x) * (Sg - x)) / sg2 : 0) + (sh2 > 0 ? ((Sh + x) * (Sh + x)) / sh2 : 0);
      d += this.objective.numCoef[a] * (after - before);
    }
    return d;
  }

  /** Pairwise soft and apart hard deltas of unit u leaving g for h; `v` is the swap partner or -1. */
  private neighbourDelta(u: number, g: number, h: number, v: number): void {
    const model = this.model;
    const groupOf = this.groupOf;
    const unitOf = model.unitOf;
    let soft = 0;
    let hard = 0;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = model.unitMembers[i];
      if (model.hasPairs) {
        let w = 0;
        for (let j = model.pairStart[p]; j < model.pairStart[p + 1]; j++) {
          const q = model.pairNbr[j];
          const uq = unitOf[q];
          // Own unit moves along; the swap partner trades places: neither pair changes.
          if (uq === u || uq === v) continue;
          const gq = groupOf[q];
          if (gq === h) w += model.pairW[j];
          else if (gq === g) w -= model.pairW[j];
        }
        soft += w * this.objective.pairCoef;
      }
      if (model.hasApart) {
        for (let j = model.apartStart[p]; j < model.apartStart[p + 1]; j++) {
          const q = model.apartNbr[j];
          const uq = unitOf[q];
          if (uq === u || uq === v) continue;
          const gq = groupOf[q];
          if (gq === h) hard += 1;
          else if (gq === g) hard -= 1;
        }
      }
      if (model.hasIncumbent) {
        const inc = model.incumbent[p];
        if (inc >= 0) soft += this.objective.stabilityCoef * ((h !== inc ? 1 : 0) - (g !== inc ? 1 : 0));
      }
    }
    this.dSoft += soft;
    this.dHard += hard;
  }

  evalRelocate(u: number, h: number): void {
    const model = this.model;
    const g = this.unitGroup[u];
    const k = model.unitSize[u];
    const size = this.size;
    let dh =
      this.sizeViolation(g, size[g] - k) -
      this.sizeViolation(g, size[g]) +
      this.sizeViolation(h, size[h] + k) -
      this.sizeViolation(h, size[h]);
    let ds = 0;
    const counts = this.counts;
    const keyCoef = this.objective.keyCoef;
    const rowG = g * model.keyCount;
    const rowH = h * model.keyCount;
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      const key = model.unitKey[i];
      const t = model.unitKeyCount[i];
      const ng = counts[rowG + key];
      const nh = counts[rowH + key];
      ds += keyCoef[key] * t * (nh - ng + t);
      if (model.hasKeyRules) dh += this.keyHardDelta(key, ng, nh, t);
    }
    const numCount = model.numeric.length;
    for (let a = 0; a < numCount; a++) this.numShift[a] = model.unitNum[u * numCount + a];
    ds += this.numericDelta(g, h, k, 0);
    // The term's raw value is minus the within-group sum.
    if (model.hasDistance) ds -= this.objective.distCoef * this.distanceGain(u, g, h, -1);
    this.dHard = dh;
    this.dSoft = ds;
    if (model.hasPairs || model.hasApart || model.hasIncumbent) this.neighbourDelta(u, g, h, -1);
  }

  evalSwap(u: number, v: number): void {
    const model = this.model;
    const g = this.unitGroup[u];
    const h = this.unitGroup[v];
    const ku = model.unitSize[u];
    const kv = model.unitSize[v];
    let dh = 0;
    if (ku !== kv) {
      const size = this.size;
      const e = ku - kv;
      dh =
        this.sizeViolation(g, size[g] - e) -
        this.sizeViolation(g, size[g]) +
        this.sizeViolation(h, size[h] + e) -
        this.sizeViolation(h, size[h]);
    }
    let ds = 0;
    const counts = this.counts;
    const keyCoef = this.objective.keyCoef;
    const rowG = g * model.keyCount;
    const rowH = h * model.keyCount;
    const hasKeyRules = model.hasKeyRules;
    if (ku === 1 && kv === 1) {
      // Fast path: two single people. Per attribute, p's key moves g->h and q's key h->g.
      const catCount = model.categorical.length;
      const p = model.unitMembers[model.unitStart[u]];
      const q = model.unitMembers[model.unitStart[v]];
      const personKey = model.personKey;
      for (let a = 0; a < catCount; a++) {
        const kp = personKey[p * catCount + a];
        const kq = personKey[q * catCount + a];
        if (kp === kq) continue;
        if (kp >= 0) {
          const ng = counts[rowG + kp];
          const nh = counts[rowH + kp];
          ds += keyCoef[kp] * (nh - ng + 1);
          if (hasKeyRules) dh += this.keyHardDelta(kp, ng, nh, 1);
        }
        if (kq >= 0) {
          const ng = counts[rowG + kq];
          const nh = counts[rowH + kq];
          ds += keyCoef[kq] * (ng - nh + 1);
          if (hasKeyRules) dh += this.keyHardDelta(kq, ng, nh, -1);
        }
      }
    } else {
      // General units: net people per key moving g->h, gathered in a scratch tally.
      const scratch = this.scratch;
      const touched = this.touched;
      let nt = 0;
      for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
        const key = model.unitKey[i];
        scratch[key] += model.unitKeyCount[i];
        touched[nt++] = key;
      }
      for (let i = model.unitKeyStart[v]; i < model.unitKeyStart[v + 1]; i++) {
        const key = model.unitKey[i];
        if (scratch[key] === 0) touched[nt++] = key;
        scratch[key] -= model.unitKeyCount[i];
      }
      for (let i = 0; i < nt; i++) {
        const key = touched[i];
        const e = scratch[key];
        if (e === 0) continue;
        scratch[key] = 0;
        const ng = counts[rowG + key];
        const nh = counts[rowH + key];
        ds += keyCoef[key] * e * (nh - ng + e);
        if (hasKeyRules) dh += this.keyHardDelta(key, ng, nh, e);
      }
    }
    const numCount = model.numeric.length;
    for (let a = 0; a < numCount; a++) {
      this.numShift[a] = model.unitNum[u * numCount + a] - model.unitNum[v * numCount + a];
    }
    ds += this.numericDelta(g, h, ku, kv);
    if (model.hasDistance) ds -= this.objective.distCoef * this.distanceGain(u, g, h, v);
    this.dHard = dh;
    this.dSoft = ds;
    if (model.hasPairs || model.hasApart || model.hasIncumbent) {
      this.neighbourDelta(u, g, h, v);
      this.neighbourDelta(v, h, g, u);
    }
  }

  applyRelocate(u: number, h: number): void {
    this.addUnit(u, this.unitGroup[u], -1);
    this.addUnit(u, h, 1);
    this.unitGroup[u] = h;
    this.hard += this.dHard;
    this.soft += this.dSoft;
  }

  applySwap(u: number, v: number): void {
    const g = this.unitGroup[u];
    const h = this.unitGroup[v];
    this.addUnit(u, g, -1);
    this.addUnit(v, h, -1);
    this.addUnit(u, h, 1);
    this.addUnit(v, g, 1);
    this.unitGroup[u] = h;
    this.unitGroup[v] = g;
    this.hard += this.dHard;
    this.soft += this.dSoft;
  }
}

/** max(0, a − b). */
function over(a: number, b: number): number {
  return a > b ? a - b : 0;
}
