/**
 * How many of each categorical key every group holds: the tallies the fused kernel reads.
 *
 * Most attributes keep a dense m × categories table, one read per lookup. An attribute with
 * very many categories in very many groups (14,000 agencies in 16,667 groups is 233 million
 * cells, 467 MB that are nearly all zero and never in cache) keeps member slots instead:
 * each group's people's keys of that attribute side by side, counted by a scan of the
 * group (a few people, one cache line) when looked up.
 */
import type { Model } from "../compile/model.js";

/** Above this many cells (groups × categories) an attribute is kept in member slots. */
const DENSE_CELLS = 1 << 23;
/** Slots are for small groups: a scan of up to this many people per lookup. */
const SLOT_GROUP_SIZE = 64;

export class KeyTally {
  /** Dense column of each key, or −(j + 1) for a key of slotted attribute j. */
  private readonly col: Int32Array;
  /** Dense columns per group row. */
  readonly width: number;
  /**
   * The dense table when no attribute is slotted (then key k is column k), else null: the
   * kernel's deltas read it directly, one load per lookup instead of a call, a column
   * lookup and a branch (about a tenth of the instructions of a move at the Oslo sample).
   */
  readonly allDense: Uint16Array | Int32Array | null;
  /**
   * With slotted attributes, the counts a move reads, gathered by `gather`: entry k holds
   * group g's count of key k, entry keyCount + k group h's, for the keys of the moving units
   * only (the rest is stale). The kernel then reads one table in either layout, with no
   * branch per lookup.
   */
  readonly pair: Int32Array;
  private readonly dense: Uint16Array | Int32Array;
  /** Attributes kept in slots, and their count. */
  private readonly slotted: Int32Array;
  private readonly slottedCount: number;
  /** slotKeys[(g · cap + i) · S + j]: key of attribute slotted[j] of the i-th person of g. */
  private slotKeys: Int32Array;
  private slotPerson: Int32Array;
  private cap: number;
  private readonly fill: Int32Array;
  private readonly personSlot: Int32Array;
  private readonly cats: number;

  /** `denseCells`: the size above which an attribute is slotted (tests slot every attribute). */
  constructor(
    private readonly model: Model,
    denseCells = DENSE_CELLS,
  ) {
    const { m, n, keyCount } = model;
    this.cats = model.categorical.length;
    let maxSize = 0;
    for (let g = 0; g < m; g++) maxSize = Math.max(maxSize, Math.min(model.maxSize[g], n));
    this.col = new Int32Array(keyCount);
    const slotted: number[] = [];
    let width = 0;
    model.categorical.forEach((info, a) => {
      const cells = m * info.categories.length;
      const slot = cells > denseCells && maxSize <= SLOT_GROUP_SIZE;
      for (let c = 0; c < info.categories.length; c++) {
        this.col[info.keyStart + c] = slot ? -(slotted.length + 1) : width++;
      }
      if (slot) slotted.push(a);
    });
    this.width = width;
    // 16-bit counts halve the table; a group holds more than 65,535 of a key only when it
    // may (or is forced to) hold that many people.
    this.dense = n <= 65_535 || maxSize <= 30_000 ? new Uint16Array(m * width) : new Int32Array(m * width);
    this.allDense = slotted.length === 0 && this.col.every((c, k) => c === k) ? this.dense : null;
    this.pair = new Int32Array(slotted.length > 0 ? 2 * keyCount : 0);
    this.slotted = Int32Array.from(slotted);
    this.slottedCount = slotted.length;
    this.cap = slotted.length > 0 ? Math.max(2, maxSize) : 0;
    this.slotKeys = new Int32Array(m * this.cap * this.slottedCount);
    this.slotPerson = new Int32Array(m * this.cap);
    this.fill = new Int32Array(slotted.length > 0 ? m : 0);
    this.personSlot = new Int32Array(slotted.length > 0 ? n : 0);
  }

  /** How many of key k group g holds. */
  count(g: number, k: number): number {
    const c = this.col[k];
    return c >= 0 ? this.dense[g * this.width + c] : this.slotCount(g, k, -c - 1);
  }

  /** Fill `pair` with groups g's and h's counts of the keys of unit u and of unit v (−1: none). */
  gather(g: number, h: number, u: number, v: number): void {
    this.gatherUnit(g, h, u);
    if (v >= 0) this.gatherUnit(g, h, v);
  }

  private gatherUnit(g: number, h: number, u: number): void {
    const model = this.model;
    const pair = this.pair;
    const keys = model.keyCount;
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      const k = model.unitKey[i];
      pair[k] = this.count(g, k);
      pair[keys + k] = this.count(h, k);
    }
  }

  /** Add (sign 1) or take away (−1) unit u's people in group g. */
  add(u: number, g: number, sign: 1 | -1): void {
    const model = this.model;
    const row = g * this.width;
    const col = this.col;
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      const c = col[model.unitKey[i]];
      if (c >= 0) this.dense[row + c] += sign * model.unitKeyCount[i];
    }
    if (this.slottedCount === 0) return;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = model.unitMembers[i];
      if (sign > 0) this.place(p, g);
      else this.remove(p, g);
    }
  }

  clear(): void {
    this.dense.fill(0);
    this.fill.fill(0);
  }

  private slotCount(g: number, k: number, j: number): number {
    const S = this.slottedCount;
    const keys = this.slotKeys;
    const end = this.fill[g];
    let at = g * this.cap * S + j;
    let count = 0;
    for (let i = 0; i < end; i++, at += S) if (keys[at] === k) count++;
    return count;
  }

  private place(p: number, g: number): void {
    if (this.fill[g] === this.cap) this.grow();
    const i = this.fill[g]++;
    const S = this.slottedCount;
    const base = (g * this.cap + i) * S;
    for (let j = 0; j < S; j++)
      this.slotKeys[base + j] = this.model.personKey[p * this.cats + this.slotted[j]];
    this.slotPerson[g * this.cap + i] = p;
    this.personSlot[p] = i;
  }

  /** Take p's slot out of g: the group's last slot moves into it. */
  private remove(p: number, g: number): void {
    const S = this.slottedCount;
    const i = this.personSlot[p];
    const last = --this.fill[g];
    if (i === last) return;
    const from = (g * this.cap + last) * S;
    const to = (g * this.cap + i) * S;
    for (let j = 0; j < S; j++) this.slotKeys[to + j] = this.slotKeys[from + j];
    const moved = this.slotPerson[g * this.cap + last];
    this.slotPerson[g * this.cap + i] = moved;
    this.personSlot[moved] = i;
  }

  /** A group outgrew its slots (a broken maximum size): double every group's room. */
  private grow(): void {
    const m = this.model.m;
    const S = this.slottedCount;
    const cap = this.cap * 2;
    const keys = new Int32Array(m * cap * S);
    const persons = new Int32Array(m * cap);
    for (let g = 0; g < m; g++) {
      keys.set(this.slotKeys.subarray(g * this.cap * S, (g * this.cap + this.fill[g]) * S), g * cap * S);
      persons.set(this.slotPerson.subarray(g * this.cap, g * this.cap + this.fill[g]), g * cap);
    }
    this.slotKeys = keys;
    this.slotPerson = persons;
    this.cap = cap;
  }
}
