/**
 * Targeted moves: moves chosen from the conflicts, for the landscape random moves stall on.
 *
 * When the heavy terms sit at their bounds, almost every random swap that would lower a
 * lighter term's pairs breaks a heavier one, and a random draw finds the few that do not
 * once in millions. A targeted move goes straight to them:
 *
 *   conflict  a unit whose group holds more of one of its categories (of a mixed attribute)
 *             than an even spread allows, ⌈share · size⌉; found by scanning drawn groups
 *   targets   a few groups that can take one more of that category within the even spread
 *   move      the best of the unit's swaps with every unit of those groups, and its
 *             relocates there when sizes allow, on the full delta (every term and rule)
 *
 * A chain (an ejection chain) continues a worsening move: the best targeted move from a
 * conflict in the groups just changed, up to `depth` moves, kept when the whole chain does
 * not worsen the score and undone otherwise. It crosses the ridge where every single move
 * that lowers a light term's pairs breaks a heavy one (the second move puts the heavy term
 * back). Chains run on the score directly; the caller tells the search context only about
 * a chain it keeps.
 *
 * One round without penalised rules (SingleSpace) uses them.
 */
import { mayEnterGroup } from "../../compile/model.js";
import type { IncrementalScore } from "../../score/incremental.js";
import type { Rng } from "../rng.js";
import { ShareTuner } from "../strategies/shareTuner.js";
import { Picker } from "./picker.js";
import type { Move } from "./random.js";
import { numericSwapChange, TwinSwaps } from "./twinSwaps.js";

export interface TargetedOptions {
  /** Groups drawn to find a conflict. */
  conflictGroups: number;
  /** Groups that can take the category, tried as targets (each: all its units). */
  targetGroups: number;
  /** Groups scanned (from a random start) for target groups. */
  targetScan: number;
  /** Moves in a chain after the first (0: no chains). */
  depth: number;
  /** Share of targeted picks that balance a numeric column (when there is one). */
  balanceShare: number;
  /**
   * How they balance: swaps between twins (moves/twinSwaps.ts), the best swap between a
   * group above the mean and one below, or either by what they gain per evaluation (then
   * only pair swaps that change nothing but the numbers).
   */
  balanceMove: "twins" | "pairs" | "both";
  /** Twins scanned per person of the group balanced. */
  twinScan: number;
  /** Twin swaps in a chain after the first (0: no chains). */
  balanceDepth: number;
}

export class TargetedMoves extends Picker {
  /** Share of the people with each key: an even spread puts share · size of it in a group. */
  private readonly keyShare: Float64Array;
  /**
   * ⌈share · size⌉ per key and group size, keyCeil[k · (maxSize + 1) + size]: the most an even
   * spread puts in a group, looked up in the scans (empty when groups may be very large).
   */
  private readonly keyCeil: Int32Array;
  private readonly sizes: number;
  /** Mixed categorical attributes (positive coefficient): the ones a conflict is looked for in. */
  private readonly mixed: Int32Array;
  /** The keys of the mixed attributes, and each key's least count in a group at the last sweep. */
  private readonly mixedKeys: Int32Array;
  private readonly leastCount: Int32Array;
  /** Numeric columns with a positive balance coefficient. */
  private readonly balanced: Int32Array;
  /** Groups found with a strong conflict lately: where the next conflict is looked for first. */
  private readonly pool = new Int32Array(64);
  private pooled = 0;
  /** The least tier a pooled group's conflict has (see conflictIn). */
  private poolTier = 3;
  /** Draws that met no conflict of the pool's tier, and all draws, since the last sweep. */
  private missed = 0;
  private sinceSweep = 0;
  /** Missed draws before a sweep: more with more groups, so sweeps stay a small share. */
  private readonly sweepAfter: number;
  /** Share of categorical picks that look for a conflict at all (backs off on failures). */
  private conflictRate = 1;
  private readonly targets = new Int32Array(64);
  private readonly weakTargets = new Int32Array(64);
  private conflictUnit = -1;
  private conflictKey = -1;
  private readonly twins: TwinSwaps | null;
  /** With `both`: the share of balancing picks that are twin swaps, by their gain per evaluation. */
  private readonly balanceChooser: ShareTuner | null;
  private balancePicks = 0;
  /** Whether the last pick was a twin swap (its chain is the twins' own). */
  private lastTwins = false;

  constructor(
    score: IncrementalScore,
    private readonly options: TargetedOptions,
  ) {
    super(score, options.depth);
    score.trackMembers();
    const model = score.model;
    const totals = new Float64Array(model.keyCount);
    const cats = model.categorical.length;
    for (let p = 0; p < model.n; p++) {
      for (let a = 0; a < cats; a++) {
        const k = model.personKey[p * cats + a];
        if (k >= 0) totals[k]++;
      }
    }
    this.keyShare = totals.map((t) => t / Math.max(1, model.n));
    let maxSize = 0;
    for (let g = 0; g < model.m; g++) maxSize = Math.max(maxSize, Math.min(model.maxSize[g], model.n));
    this.sizes = maxSize + 1;
    const table = model.keyCount * this.sizes <= 1 << 22;
    this.keyCeil = new Int32Array(table ? model.keyCount * this.sizes : 0);
    if (table) {
      for (let k = 0; k < model.keyCount; k++)
        for (let z = 0; z < this.sizes; z++) this.keyCeil[k * this.sizes + z] = this.evenCeil(k, z);
    }
    const mixed: number[] = [];
    model.categorical.forEach((info, a) => {
      if (info.categories.length > 0 && score.objective.keyCoef[info.keyStart] > 0) mixed.push(a);
    });
    this.mixed = Int32Array.from(mixed);
    const keys: number[] = [];
    for (const a of mixed) {
      const info = model.categorical[a];
      for (let c = 0; c < info.categories.length; c++) keys.push(info.keyStart + c);
    }
    this.mixedKeys = Int32Array.from(keys);
    this.sweepAfter = Math.max(64, model.m >> 3);
    // Unknown until the first sweep: no count is "two above" it yet.
    this.leastCount = new Int32Array(model.keyCount).fill(0x3fffffff);
    const balanced: number[] = [];
    score.objective.numCoef.forEach((coef, c) => {
      if (coef > 0) balanced.push(c);
    });
    this.balanced = Int32Array.from(balanced);
    const twins =
      options.balanceMove !== "pairs" && balanced.length > 0
        ? new TwinSwaps(score, {
            groups: options.conflictGroups,
            scan: options.twinScan,
            depth: options.balanceDepth,
          })
        : null;
    this.twins = twins?.useful ? twins : null;
    this.balanceChooser =
      options.balanceMove === "both" && this.twins !== null ? new ShareTuner(0.5, 0.1, 0.9) : null;
  }

  /** Whether any attribute is mixed or any numeric column balanced (else there is nothing to target). */
  get useful(): boolean {
    return this.mixed.length > 0 || this.balanced.length > 0;
  }

  /**
   * A targeted move of either kind, by `balanceShare` (only the kinds the problem has).
   * Conflict draws back off while they keep finding none: near the bounds conflicts are rare
   * and scanning for them would cost more than the random moves it displaces.
   */
  pick(rng: Rng, move: Move, budget: number): boolean {
    this.evaluations = 0;
    this.budget = budget;
    if (budget < 2) return false;
    const balance =
      this.balanced.length > 0 && (this.mixed.length === 0 || rng.nextFloat() < this.options.balanceShare);
    this.lastTwins = false;
    if (balance) {
      const chooser = this.balanceChooser;
      const twins = this.twins !== null && (chooser === null || rng.nextFloat() < chooser.share);
      const found = twins ? this.drawTwins(rng, move, budget) : this.drawBalance(rng, move);
      if (chooser !== null) {
        // What the pick offers (its move's saving, when it saves) for what it cost; a twin
        // scan's numeric-only candidates count a quarter of a full evaluation each.
        const gain = found && this.dHard <= 0 && this.dSoft < 0 ? -this.dSoft : 0;
        if (twins) chooser.targeted(gain, this.evaluations + (this.twins as TwinSwaps).scanned / 4);
        else chooser.random(gain, this.evaluations);
        if (++this.balancePicks % 64 === 0) chooser.adjust();
      }
      return found;
    }
    if (rng.nextFloat() >= this.conflictRate) return false;
    const found = this.draw(rng, move);
    this.conflictRate = found
      ? Math.min(1, this.conflictRate * 2)
      : Math.max(1 / 64, this.conflictRate * 0.9);
    return found;
  }

  private twinChain(rng: Rng, move: Move, budget: number): boolean {
    const twins = this.twins as TwinSwaps;
    const kept = twins.chain(rng, move, budget);
    this.take(twins);
    return kept;
  }

  private drawTwins(rng: Rng, move: Move, budget: number): boolean {
    this.lastTwins = true;
    const twins = this.twins as TwinSwaps;
    const found = twins.pick(rng, move, budget);
    this.take(twins);
    return found;
  }

  /**
   * A balancing move: of a few drawn groups, the one whose mean of a balanced column is
   * furthest above (or below) the rest, and of a few more the one furthest the other way;
   * the best swap between their units, left evaluated.
   */
  private drawBalance(rng: Rng, move: Move): boolean {
    const score = this.score;
    const model = score.model;
    const m = model.m;
    const numCount = model.numeric.length;
    const c = this.balanced[rng.nextInt(this.balanced.length)];
    const sums = score.sums;
    const size = score.size;
    let g = -1;
    let gDev = 0;
    for (let t = 0; t < this.options.conflictGroups; t++) {
      const cand = rng.nextInt(m);
      if (size[cand] === 0) continue;
      const dev = sums[cand * numCount + c] / size[cand];
      if (g < 0 || Math.abs(dev) > Math.abs(gDev)) {
        g = cand;
        gDev = dev;
      }
    }
    if (g < 0 || gDev === 0) return false;
    let h = -1;
    let hDev = 0;
    for (let t = 0; t < this.options.conflictGroups; t++) {
      const cand = rng.nextInt(m);
      if (cand === g || size[cand] === 0) continue;
      const dev = sums[cand * numCount + c] / size[cand];
      // The other way from g's: below when g is above, above when below.
      if (dev * gDev < 0 && (h < 0 || Math.abs(dev) > Math.abs(hDev))) {
        h = cand;
        hDev = dev;
      }
    }
    if (h < 0) return false;
    return this.bestBetween(g, h, move);
  }

  /**
   * Draw a targeted move into `move` and leave it evaluated; false when no conflict, no group
   * to send it to or no legal move there was found.
   */
  private draw(rng: Rng, move: Move): boolean {
    if (this.mixed.length === 0) return false;
    const m = this.score.model.m;
    const pool = this.pool;
    // Few conflicts left: random draws rarely meet them, so after enough draws that met none
    // scan every group; and after many draws in any case, to keep the least counts current.
    // A sweep costs a scan of every group, so the draws between two grow with the groups.
    this.sinceSweep++;
    if (this.missed >= this.sweepAfter || this.sinceSweep >= 16 * this.sweepAfter) this.sweep(rng);
    // The first conflict of the pool's tier (or higher) wins; a lower one is kept in case
    // none is met.
    let lowUnit = -1;
    let lowKey = -1;
    let lowTier = 0;
    for (let t = 0; t < this.options.conflictGroups; t++) {
      // Mostly a group that had a conflict lately (they outlive many moves), else a new one.
      const fromPool = this.pooled > 0 && rng.nextInt(4) !== 0;
      const slot = fromPool ? rng.nextInt(this.pooled) : -1;
      const g = fromPool ? pool[slot] : rng.nextInt(m);
      const tier = this.conflictIn(g, rng);
      if (tier >= this.poolTier) {
        if (!fromPool) this.remember(g, rng);
        return this.bestFor(rng, move);
      }
      if (fromPool) pool[slot] = pool[--this.pooled];
      if (tier > lowTier) {
        lowTier = tier;
        lowUnit = this.conflictUnit;
        lowKey = this.conflictKey;
      }
    }
    this.missed++;
    if (lowUnit < 0) return false;
    this.conflictUnit = lowUnit;
    this.conflictKey = lowKey;
    return this.bestFor(rng, move);
  }

  /**
   * Scan every group: the least count of every mixed key (so a count two above it is a
   * conflict a move can mend), then the conflicts, pooled.
   */
  private sweep(rng: Rng): void {
    this.missed = 0;
    this.sinceSweep = 0;
    const score = this.score;
    const model = score.model;
    const m = model.m;
    const tally = score.tally;
    const least = this.leastCount;
    for (let i = 0; i < this.mixedKeys.length; i++) {
      const k = this.mixedKeys[i];
      let low = 0x7fffffff;
      for (let g = 0; g < m && low > 0; g++) low = Math.min(low, tally.count(g, k));
      least[k] = low;
    }
    const unit = this.conflictUnit;
    const key = this.conflictKey;
    // Pool the groups of the highest tier found (3, else 2): the ones worth returning to.
    this.pooled = 0;
    this.poolTier = 3;
    for (let g = 0; g < m; g++) if (this.conflictIn(g, null) === 3) this.remember(g, rng);
    if (this.pooled === 0) {
      this.poolTier = 2;
      for (let g = 0; g < m; g++) if (this.conflictIn(g, null) === 2) this.remember(g, rng);
    }
    this.conflictUnit = unit;
    this.conflictKey = key;
  }

  /** Keep g among the groups with a conflict (a random one gives way when the pool is full). */
  private remember(g: number, rng: Rng): void {
    if (this.pooled < this.pool.length) this.pool[this.pooled++] = g;
    else this.pool[rng.nextInt(this.pool.length)] = g;
  }

  /**
   * From a worsening move just drawn (and evaluated) as `move`: apply it and continue it with
   * targeted moves from conflicts in the groups it changed, up to `depth` more, while the
   * chain's total stays worse. Kept (true) when the total change is ≤ 0 with no hard rule
   * broken; else every move is undone and the score is as before (false). At most `budget`
   * evaluations, the undo included.
   */
  chain(rng: Rng, move: Move, budget: number): boolean {
    if (this.lastTwins) return this.twinChain(rng, move, budget);
    // Room for the next move's scan (two at least); the next conflict is in one of the two
    // groups the move changed.
    return this.runChain(
      move,
      budget,
      2,
      (g, h) => (this.conflictIn(h, rng) > 0 || this.conflictIn(g, rng) > 0) && this.bestFor(rng, move),
    );
  }

  /** The most of key k an even spread puts in a group of `size`. */
  private evenCeil(k: number, size: number): number {
    return Math.ceil(this.keyShare[k] * size - 1e-9);
  }

  /** The least of key k an even spread puts in a group of `size` (⌈·⌉ − 1 unless exact). */
  private floorOf(k: number, size: number): number {
    return Math.floor(this.keyShare[k] * size + 1e-9);
  }

  private ceilOf(k: number, size: number): number {
    // A group above every maximum (a broken size rule) is off the table.
    return this.keyCeil.length > 0 && size < this.sizes
      ? this.keyCeil[k * this.sizes + size]
      : this.evenCeil(k, size);
  }

  /**
   * Find a unit of group g in conflict and set conflictUnit/Key: a random one of its conflicts
   * of the highest tier, returned: 3 above the even spread's top; 2 two above the least count
   * of any group at the last sweep (a move there saves a pair); 1 at the top while the spread
   * has a lower step (another group may sit two below); 0 none.
   */
  private conflictIn(g: number, rng: Rng | null): number {
    const score = this.score;
    const model = score.model;
    const tally = score.tally;
    const cats = model.categorical.length;
    const mixed = this.mixed;
    const size = score.size[g];
    let tier = 0;
    let seen = 0;
    for (let u = score.groupHead[g]; u >= 0; u = score.unitNext[u]) {
      if (model.unitPin[u] >= 0) continue;
      const p = model.unitMembers[model.unitStart[u]];
      for (let i = 0; i < mixed.length; i++) {
        const k = model.personKey[p * cats + mixed[i]];
        if (k < 0) continue;
        const c = tally.count(g, k);
        if (c <= 1) continue;
        const t =
          c > this.ceilOf(k, size) ? 3 : c >= this.leastCount[k] + 2 ? 2 : c > this.floorOf(k, size) ? 1 : 0;
        if (t < tier || t === 0) continue;
        if (t > tier) {
          tier = t;
          seen = 0;
        }
        // Only the tier asked (a sweep): no conflict to pick.
        if (rng === null) continue;
        // Reservoir sampling within the tier: each conflict of it equally likely.
        seen++;
        if (rng.nextInt(seen) === 0) {
          this.conflictUnit = u;
          this.conflictKey = k;
        }
      }
    }
    return tier;
  }

  /** The best move of the conflict unit into a few groups that lack its key; left evaluated. */
  private bestFor(rng: Rng, move: Move): boolean {
    const score = this.score;
    const model = score.model;
    const tally = score.tally;
    const m = model.m;
    const u = this.conflictUnit;
    const key = this.conflictKey;
    const g = score.unitGroup[u];
    const cg = tally.count(g, key);
    const ceilG = this.ceilOf(key, score.size[g]);
    let bestV = -2;
    let bestH = -1;
    let bestHard = 0;
    let bestSoft = 0;
    // Target groups: a scan from a random start over up to `targetScan` groups, keeping a
    // random few (reservoir) of those where one more of the key saves pairs (two fewer than
    // here) or, failing those, stays within the even spread. A scan finds the rare groups
    // (a handful among thousands) that random draws would miss.
    const targets = this.targets;
    const want = Math.min(targets.length, this.options.targetGroups);
    let strong = 0;
    let weak = 0;
    const scan = Math.min(m, this.options.targetScan);
    const start = rng.nextInt(m);
    for (let i = 0; i < scan; i++) {
      let cand = start + i;
      if (cand >= m) cand -= m;
      if (cand === g) continue;
      const ch = tally.count(cand, key);
      if (ch + 2 <= cg) {
        // Strong targets fill the front of the list; each seen one equally likely kept.
        strong++;
        if (strong <= want) targets[strong - 1] = cand;
        else {
          const j = rng.nextInt(strong);
          if (j < want) targets[j] = cand;
        }
      } else if (strong < want && cg > ceilG && ch + 1 <= this.ceilOf(key, score.size[cand])) {
        weak++;
        // Weak targets take the slots strong ones leave, from the back.
        if (weak <= want) this.weakTargets[weak - 1] = cand;
        else {
          const j = rng.nextInt(weak);
          if (j < want) this.weakTargets[j] = cand;
        }
      }
    }
    const nTargets = Math.min(want, strong + weak);
    for (let i = strong; i < nTargets; i++) targets[i] = this.weakTargets[i - strong];
    for (let t = 0; t < nTargets; t++) {
      const h = targets[t];
      if (!mayEnterGroup(model, u, h)) continue;
      const ku = model.unitSize[u];
      // One evaluation stays for leaving the best evaluated.
      if (this.evaluations + 2 > this.budget) break;
      if (score.size[h] + ku <= model.maxSize[h] && score.size[g] - ku >= model.minSize[g]) {
        score.evalRelocate(u, h);
        this.evaluations++;
        if (bestV === -2 || better(score.dHard, score.dSoft, bestHard, bestSoft)) {
          bestV = -1;
          bestH = h;
          bestHard = score.dHard;
          bestSoft = score.dSoft;
        }
      }
      for (let v = score.groupHead[h]; v >= 0; v = score.unitNext[v]) {
        if (model.unitPin[v] >= 0 || !mayEnterGroup(model, v, g)) continue;
        if (this.evaluations + 2 > this.budget) break;
        score.evalSwap(u, v);
        this.evaluations++;
        if (bestV === -2 || better(score.dHard, score.dSoft, bestHard, bestSoft)) {
          bestV = v;
          bestH = h;
          bestHard = score.dHard;
          bestSoft = score.dSoft;
        }
      }
    }
    if (bestV === -2) return false;
    // Leave the best evaluated (the last evaluation may have been another).
    if (bestV >= 0) score.evalSwap(u, bestV);
    else score.evalRelocate(u, bestH);
    this.evaluations++;
    return this.chosen(move, u, bestV, bestH, bestHard, bestSoft);
  }

  /** The best swap between a unit of g and a unit of h; left evaluated. */
  private bestBetween(g: number, h: number, move: Move): boolean {
    const score = this.score;
    const model = score.model;
    const neutralOnly = this.balanceChooser !== null;
    let bestU = -1;
    let bestV = -1;
    let bestHard = 0;
    let bestSoft = 0;
    for (let u = score.groupHead[g]; u >= 0; u = score.unitNext[u]) {
      if (model.unitPin[u] >= 0 || !mayEnterGroup(model, u, h)) continue;
      for (let v = score.groupHead[h]; v >= 0; v = score.unitNext[v]) {
        if (model.unitPin[v] >= 0 || !mayEnterGroup(model, v, g)) continue;
        if (this.evaluations + 2 > this.budget) break;
        score.evalSwap(u, v);
        this.evaluations++;
        // Beside twin swaps, only swaps that change nothing but the numbers: else the pair
        // move trades categories for balance where twins keep them (issue 12's targets).
        if (
          neutralOnly &&
          (model.unitSize[u] !== model.unitSize[v] || score.dSoft - numericSwapChange(score, u, v) > 1e-9)
        )
          continue;
        if (bestU < 0 || better(score.dHard, score.dSoft, bestHard, bestSoft)) {
          bestU = u;
          bestV = v;
          bestHard = score.dHard;
          bestSoft = score.dSoft;
        }
      }
    }
    if (bestU < 0) return false;
    score.evalSwap(bestU, bestV);
    this.evaluations++;
    return this.chosen(move, bestU, bestV, h, bestHard, bestSoft);
  }

  /** Hand the chosen move (left evaluated) and its deltas to the driver. */
  private chosen(move: Move, u: number, v: number, h: number, dHard: number, dSoft: number): true {
    move.r = 0;
    move.u = u;
    move.v = v;
    move.h = h;
    this.dHard = dHard;
    this.dSoft = dSoft;
    return true;
  }
}

/** Hard first, then soft. */
function better(dh: number, ds: number, bestHard: number, bestSoft: number): boolean {
  return dh < bestHard || (dh === bestHard && ds < bestSoft);
}
