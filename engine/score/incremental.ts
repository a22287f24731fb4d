/**
 * The incremental score: the current grouping plus the per-group tallies that make a move's
 * delta cost O(attributes + neighbours) instead of a rescore.
 *
 * Contract: `evalRelocate` / `evalSwap` only read, and leave the move's change of the hard
 * and soft score in `dHard` / `dSoft`. `applyRelocate` / `applySwap` write, and must be
 * called right after evaluating the same move (they add that delta to the running score).
 *
 * The fused kernel serves the terms that read per-group tallies, because a call per term per
 * move would cost more than the arithmetic (terms/contract.ts, `Incremental`):
 *   sizes          the two groups' size violations
 *   key table      for a unit carrying t people of key k from g to h, same-category pairs
 *                  change by t·(n_hk − n_gk + t) (a swap: e = t_u − t_v net, e·(n_hk − n_gk + e)),
 *                  weighted by keyCoef[k] (mix +, keep similar −); caps and minimums change by
 *                  the differences of max(0, n − cap) and max(0, min − n) in both groups
 *   numeric        (S_g−x)²/(s_g−k) − S_g²/s_g + (S_h+x)²/(s_h+k) − S_h²/s_h per column
 * Every other term keeps its own state (`IncrementalTerm`), called before the tallies change.
 */
import type { Model } from "../compile/model.js";
import type { IncrementalTerm } from "../terms/contract.js";
import { fullScore, type Objective } from "./objective.js";
import { KeyTally } from "./tally.js";

interface OwnTerm {
  state: IncrementalTerm;
  /** The objective's coefficient (soft), or 0 for a hard rule. */
  coef: number;
  hard: boolean;
  index: number;
}

export class IncrementalScore {
  readonly unitGroup: Int32Array;
  readonly groupOf: Int32Array;
  readonly size: Int32Array;
  /** Category counts per group (dense table or member slots, see tally.ts). */
  readonly tally: KeyTally;
  readonly sums: Float64Array;
  /** Current hard violations and soft objective (Σ coef·raw, without the normalising offset). */
  hard = 0;
  soft = 0;
  /** The last evaluated move's change. */
  dHard = 0;
  dSoft = 0;
  /** Terms with their own state, soft and hard. */
  readonly own: OwnTerm[];
  private readonly ownSoft: OwnTerm[];
  private readonly ownHard: OwnTerm[];
  /** Whether any own term exists: most rosters have none, and the check is cheaper than a loop. */
  private readonly hasOwn: boolean;
  /**
   * The units of each group as doubly linked lists: the first unit of g is groupHead[g], the
   * next after u is unitNext[u] (−1 ends). Targeted moves read a group's members; keeping the
   * lists costs O(1) per move, about 2% of a search that does not read them, so they are kept
   * only once `trackMembers` asked for them.
   */
  private tracking = false;
  readonly groupHead: Int32Array;
  readonly unitNext: Int32Array;
  private readonly unitPrev: Int32Array;
  private readonly scratch: Int32Array;
  private readonly touched: Int32Array;
  private readonly numShift: Float64Array;
  private readonly hasKeyWork: boolean;

  constructor(
    readonly model: Model,
    readonly objective: Objective,
    unitGroup: Int32Array,
    /** Tally layout override (tally.ts): tests pass 0 to keep every attribute in member slots. */
    denseCells?: number,
  ) {
    const { n, m, keyCount, unitCount } = model;
    const numCount = model.numeric.length;
    this.unitGroup = Int32Array.from(unitGroup);
    this.groupOf = new Int32Array(n);
    this.size = new Int32Array(m);
    this.tally = new KeyTally(model, denseCells);
    this.sums = new Float64Array(m * numCount);
    this.groupHead = new Int32Array(m).fill(-1);
    this.unitNext = new Int32Array(unitCount).fill(-1);
    this.unitPrev = new Int32Array(unitCount).fill(-1);
    let maxEntries = 0;
    for (let u = 0; u < unitCount; u++) {
      maxEntries = Math.max(maxEntries, model.unitKeyStart[u + 1] - model.unitKeyStart[u]);
      this.addUnit(u, this.unitGroup[u], 1);
    }
    this.scratch = new Int32Array(keyCount);
    this.touched = new Int32Array(2 * maxEntries + 1);
    this.numShift = new Float64Array(numCount);
    let keyWork = model.hasKeyRules;
    for (let k = 0; k < keyCount; k++) if (objective.keyCoef[k] !== 0) keyWork = true;
    this.hasKeyWork = keyWork;
    const coefOf = new Map(objective.terms.map((t) => [t.instance, t.coef]));
    this.own = [];
    model.instances.forEach((instance, index) => {
      if (instance.incremental.kernel !== "own") return;
      const hard = instance.level === "hard";
      const coef = hard ? 0 : (coefOf.get(instance) ?? 0);
      if (!hard && coef === 0) return;
      this.own.push({ state: instance.incremental.create(this.groupOf), coef, hard, index });
    });
    this.ownSoft = this.own.filter((t) => !t.hard);
    this.ownHard = this.own.filter((t) => t.hard);
    this.hasOwn = this.own.length > 0;
    this.resync();
  }

  /** The own state of instance `index` of the model (e.g. the distance term's gain table). */
  ownState<T extends IncrementalTerm>(index: number): T | undefined {
    return this.own.find((t) => t.index === index)?.state as T | undefined;
  }

  /** Recompute the running hard and soft score from scratch (also clears float drift). */
  resync(): void {
    const { hard, soft } = fullScore(this.model, this.objective, this.groupOf);
    this.hard = hard;
    this.soft = soft;
  }

  private addUnit(u: number, g: number, sign: 1 | -1): void {
    const model = this.model;
    const numCount = model.numeric.length;
    if (sign > 0) {
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++)
        this.groupOf[model.unitMembers[i]] = g;
      if (this.tracking) this.link(u, g);
    } else if (this.tracking) this.unlink(u, g);
    this.size[g] += sign * model.unitSize[u];
    this.tally.add(u, g, sign);
    for (let a = 0; a < numCount; a++) this.sums[g * numCount + a] += sign * model.unitNum[u * numCount + a];
  }

  /** Keep the member lists from now on (targeted moves read them). */
  trackMembers(): void {
    if (this.tracking) return;
    this.tracking = true;
    this.groupHead.fill(-1);
    for (let u = 0; u < this.model.unitCount; u++) this.link(u, this.unitGroup[u]);
  }

  private link(u: number, g: number): void {
    const head = this.groupHead[g];
    this.unitNext[u] = head;
    this.unitPrev[u] = -1;
    if (head >= 0) this.unitPrev[head] = u;
    this.groupHead[g] = u;
  }

  private unlink(u: number, g: number): void {
    const prev = this.unitPrev[u];
    const next = this.unitNext[u];
    if (prev >= 0) this.unitNext[prev] = next;
    else this.groupHead[g] = next;
    if (next >= 0) this.unitPrev[next] = prev;
  }

  /** Put every unit in `unitGroup` and recompute all tallies and the running score. */
  reset(unitGroup: Int32Array): void {
    this.unitGroup.set(unitGroup);
    this.groupHead.fill(-1);
    this.size.fill(0);
    this.tally.clear();
    this.sums.fill(0);
    for (let u = 0; u < this.model.unitCount; u++) this.addUnit(u, unitGroup[u], 1);
    for (const t of this.own) t.state.reset(this.groupOf);
    this.resync();
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
    const numCoef = this.objective.numCoef;
    let d = 0;
    for (let a = 0; a < numCount; a++) {
      const x = this.numShift[a];
      const Sg = this.sums[g * numCount + a];
      const Sh = this.sums[h * numCount + a];
      const before = (sg > 0 ? (Sg * Sg) / sg : 0) + (sh > 0 ? (Sh * Sh) / sh : 0);
      const after = (sg2 > 0 ? ((Sg - x) * (Sg - x)) / sg2 : 0) + (sh2 > 0 ? ((Sh + x) * (Sh + x)) / sh2 : 0);
      d += numCoef[a] * (after - before);
    }
    return d;
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
    if (this.hasKeyWork) {
      const tally = this.tally;
      const keyCoef = this.objective.keyCoef;
      const hasKeyRules = model.hasKeyRules;
      let cells = tally.allDense;
      let gRow = g * tally.width;
      let hRow = h * tally.width;
      if (cells === null) {
        tally.gather(g, h, u, -1);
        cells = tally.pair;
        gRow = 0;
        hRow = model.keyCount;
      }
      for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
        const key = model.unitKey[i];
        const t = model.unitKeyCount[i];
        const ng = cells[gRow + key];
        const nh = cells[hRow + key];
        ds += keyCoef[key] * t * (nh - ng + t);
        if (hasKeyRules) dh += this.keyHardDelta(key, ng, nh, t);
      }
    }
    const numCount = model.numeric.length;
    if (numCount > 0) {
      for (let a = 0; a < numCount; a++) this.numShift[a] = model.unitNum[u * numCount + a];
      ds += this.numericDelta(g, h, k, 0);
    }
    if (this.hasOwn) {
      const soft = this.ownSoft;
      for (let i = 0; i < soft.length; i++) ds += soft[i].coef * soft[i].state.relocate(u, g, h);
      const hard = this.ownHard;
      for (let i = 0; i < hard.length; i++) dh += hard[i].state.relocate(u, g, h);
    }
    this.dHard = dh;
    this.dSoft = ds;
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
    if (this.hasKeyWork) {
      const tally = this.tally;
      const keyCoef = this.objective.keyCoef;
      const hasKeyRules = model.hasKeyRules;
      let cells = tally.allDense;
      let gRow = g * tally.width;
      let hRow = h * tally.width;
      if (cells === null) {
        tally.gather(g, h, u, v);
        cells = tally.pair;
        gRow = 0;
        hRow = model.keyCount;
      }
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
            const ng = cells[gRow + kp];
            const nh = cells[hRow + kp];
            ds += keyCoef[kp] * (nh - ng + 1);
            if (hasKeyRules) dh += this.keyHardDelta(kp, ng, nh, 1);
          }
          if (kq >= 0) {
            const ng = cells[gRow + kq];
            const nh = cells[hRow + kq];
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
          const ng = cells[gRow + key];
          const nh = cells[hRow + key];
          ds += keyCoef[key] * e * (nh - ng + e);
          if (hasKeyRules) dh += this.keyHardDelta(key, ng, nh, e);
        }
      }
    }
    const numCount = model.numeric.length;
    if (numCount > 0) {
      for (let a = 0; a < numCount; a++) {
        this.numShift[a] = model.unitNum[u * numCount + a] - model.unitNum[v * numCount + a];
      }
      ds += this.numericDelta(g, h, ku, kv);
    }
    if (this.hasOwn) {
      const soft = this.ownSoft;
      for (let i = 0; i < soft.length; i++) ds += soft[i].coef * soft[i].state.swap(u, v, g, h);
      const hard = this.ownHard;
      for (let i = 0; i < hard.length; i++) dh += hard[i].state.swap(u, v, g, h);
    }
    this.dHard = dh;
    this.dSoft = ds;
  }

  applyRelocate(u: number, h: number): void {
    const g = this.unitGroup[u];
    if (this.hasOwn) for (const t of this.own) t.state.applyRelocate?.(u, g, h);
    this.addUnit(u, g, -1);
    this.addUnit(u, h, 1);
    this.unitGroup[u] = h;
    this.hard += this.dHard;
    this.soft += this.dSoft;
  }

  applySwap(u: number, v: number): void {
    const g = this.unitGroup[u];
    const h = this.unitGroup[v];
    if (this.hasOwn) for (const t of this.own) t.state.applySwap?.(u, v, g, h);
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
