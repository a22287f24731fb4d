/**
 * Iterated descent: the search used when a dense distance term is present (maximally
 * diverse grouping), after the structure of iterated maxima search (Lai & Hao 2016):
 *
 *   descent      for each unit u in a random order, evaluate every relocation of u and every
 *                swap of u with a unit of another group; apply the best improving one (hard
 *                first, then soft). Repeat until a whole sweep improves nothing: a local
 *                optimum of the relocate + swap neighbourhood. With the distance gain table a
 *                move of single people costs O(1), so a sweep is O(U·(U + m)). Only groups
 *                changed since their last scan are rescanned (`focus`). At a local optimum of
 *                pure diversity, one cyclic exchange of the least adding person of every
 *                group (moves/cyclicExchange.ts); when it improves, descent again.
 *   weak kick    a few random moves (swaps of equal-size units; with size slack, also
 *                relocations; hard rules may break, descent mends them), then descent; the
 *                new optimum replaces the current one when it is better, or no worse than
 *                the current one was `lateLength` kicks ago (late acceptance over local
 *                optima, Burke & Bykov 2017); else the current one is restored.
 *   strong kick  after `maxFails` kicks in a row without improvement, a larger kick whose
 *                result is kept whatever it is, to leave the basin.
 *
 * One round only. Measured on MDGPLIB n = 120 at 3 s (benchmarks/mdgp.ts): late acceptance of
 * length 50 took the mean deviation from the best known from 0.27% (only better) to 0.09%;
 * stronger weak kicks or rarer strong kicks were worse.
 */
import type { IncrementalScore } from "../../score/incremental.js";
import type { DistanceState } from "../../terms/distance.js";
import type { SearchConfig } from "../config.js";
import type { SearchContext, Strategy } from "../driver.js";
import { CyclicExchange } from "../moves/cyclicExchange.js";
import { tryGroupExchange } from "../moves/groupExchange.js";
import { kick } from "../moves/kick.js";
import { UndoLog } from "../moves/undoLog.js";
import type { SingleSpace } from "../space.js";

const EPS = 1e-12;
/** Every this many returns to the current optimum, a full restore (it clears the float drift of undone moves). */
const FULL_RESTORE_EVERY = 64;

export function iteratedDescent(space: SingleSpace, config: SearchConfig["descent"]): Strategy {
  const score = space.score;
  const model = score.model;
  const m = model.m;
  const movable = space.flatUnit;
  const order = Array.from(movable);
  const unitGroup = score.unitGroup;
  const hasAllowed = model.allowedMask.length > 0;
  const mayEnter = (u: number, h: number) =>
    !hasAllowed || model.unitAllowedRow[u] < 0 || model.allowedMask[model.unitAllowedRow[u] * m + h] === 1;
  const fast = pureDiversity(score);
  const personOf = Int32Array.from(movable, (u) => model.unitMembers[model.unitStart[u]]);
  const towards = new Float64Array(m);
  const cycles = fast && config.cycleTries > 0 ? new CyclicExchange(m, model.n, fast) : null;
  const unitOfPerson = new Int32Array(model.n).fill(-1);
  for (let j = 0; j < personOf.length; j++) unitOfPerson[personOf[j]] = movable[j];
  // Groups changed since they were last scanned (all at first), and the pass's snapshot.
  const dirty = new Uint8Array(m).fill(1);
  const scan = new Uint8Array(m);
  let slack = false;
  for (let g = 0; g < m; g++) if (model.maxSize[g] > model.minSize[g]) slack = true;
  // Pure diversity chooses its sizes at the start: there relocating kicks doubled the
  // deviation on MDGPLIB ds instances (0.09% -> 0.18% at n = 120).
  const relocateShare = slack ? (fast ? config.pureRelocateShare : config.relocateShare) : 0;
  const weak = Math.max(2, Math.round(config.weakShare * movable.length));
  const strong = Math.max(4, Math.round(config.strongShare * movable.length));
  const current = [Int32Array.from(unitGroup)];
  // The way back to `current` after a kick that is not kept (undoLog.ts).
  const log = new UndoLog(Math.max(16, movable.length >> 1));
  let restores = 0;
  const late = new Float64Array(Math.max(1, config.lateLength));
  let curHard = 0;
  let curSoft = 0;
  let fails = 0;
  let step = 0;
  let stuck = 0;

  // The pass in progress: the next unit's place in `order`, and whether the pass improved.
  let pos = 0;
  let passImproved = false;

  /**
   * Go on with the pass over every unit: "cut" when the chunk ends mid-pass (the next chunk
   * resumes it where it stopped, with the same groups to scan), else whether the pass
   * improved something.
   */
  const sweep = (ctx: SearchContext, until: number): boolean | "cut" => {
    if (ctx.stop !== null || ctx.iterations >= until) return "cut";
    if (pos === 0) {
      if (config.focus) scan.set(dirty);
      else scan.fill(1);
      dirty.fill(0);
      passImproved = false;
    }
    // A unit's scan may run past the chunk's end (so no unit is judged on part of its moves),
    // never past the iteration limit.
    const scanEnd = ctx.budget.iterationLimit;
    for (; pos < order.length; pos++) {
      if (ctx.stop !== null || ctx.iterations >= until) return "cut";
      const u = order[pos];
      const g = unitGroup[u];
      // A move's delta reads only the two groups' tallies: moves between clean groups were
      // non-improving and still are. Units of a dirty group try everything; others only
      // relocations into a dirty group (swaps with its units are tried from that side).
      const full = scan[g] === 1;
      let bh = 0;
      let bs = -EPS;
      let bv = -2;
      let bg = -1;
      for (let h = 0; h < m && ctx.iterations < scanEnd; h++) {
        if (h === g || (!full && scan[h] === 0) || !mayEnter(u, h)) continue;
        score.evalRelocate(u, h);
        ctx.iterations++;
        const dh = score.dHard;
        if (dh < bh || (dh === bh && score.dSoft < bs)) {
          bh = dh;
          bs = score.dSoft;
          bv = -1;
          bg = h;
        }
      }
      if (full && fast && bh === 0) {
        // Within-sum gain of swapping p (in g) with q (in h), straight from the gain table
        // (the same values as the general evaluation: see the distance term's test).
        const { gain, dist } = fast;
        const n = model.n;
        const p = model.unitMembers[model.unitStart[u]];
        const gn = g * n;
        const pn = p * n;
        const own = gain[gn + p];
        const coef = fast.coef;
        for (let h = 0; h < m; h++) towards[h] = gain[h * n + p] - own;
        let bestGain = -bs / coef;
        const groupOf = score.groupOf;
        for (let j = 0; j < personOf.length && ctx.iterations < scanEnd; j++) {
          const q = personOf[j];
          const h = groupOf[q];
          if (h === g) continue;
          ctx.iterations++;
          const d = towards[h] + gain[gn + q] - gain[h * n + q] - 2 * dist[pn + q];
          if (d > bestGain) {
            bestGain = d;
            bv = movable[j];
          }
        }
        bs = -bestGain * coef;
      } else if (full) {
        for (let j = 0; j < movable.length && ctx.iterations < scanEnd; j++) {
          const v = movable[j];
          const h = unitGroup[v];
          if (h === g || (hasAllowed && (!mayEnter(u, h) || !mayEnter(v, g)))) continue;
          score.evalSwap(u, v);
          ctx.iterations++;
          const dh = score.dHard;
          if (dh < bh || (dh === bh && score.dSoft < bs)) {
            bh = dh;
            bs = score.dSoft;
            bv = v;
          }
        }
      }
      if (bv === -2) continue;
      // Re-evaluate the chosen move: apply adds the last evaluated delta.
      log.record(u, bv, g);
      if (bv === -1) {
        space.evaluate(0, u, -1, bg);
        ctx.apply(0, u, -1, bg);
        dirty[bg] = 1;
      } else {
        const h = unitGroup[bv];
        dirty[h] = 1;
        space.evaluate(0, u, bv, h);
        ctx.apply(0, u, bv, h);
      }
      dirty[g] = 1;
      passImproved = true;
    }
    pos = 0;
    return passImproved;
  };

  /** Passes until one improves nothing (a local optimum: true), or the chunk ends (false). */
  const descend = (ctx: SearchContext, until: number): boolean => {
    for (;;) {
      const pass = sweep(ctx, until);
      if (pass === "cut") return false;
      if (!pass) return true;
    }
  };

  /**
   * At a local optimum of relocations and swaps: the first improving cyclic exchange of
   * `cycleTries` (the least adding people first, then drawn ones), made; false when none.
   * An exchange is charged at once (m² reads), so it must fit below the limit itself.
   */
  const improveByCycle = (ctx: SearchContext): boolean => {
    if (!cycles || !fast) return false;
    for (let t = 0; t < config.cycleTries; t++) {
      if (ctx.stop !== null || ctx.iterations + cycles.cost > ctx.budget.iterationLimit) return false;
      if (!cycles.choose(personOf, score.groupOf, t === 0 ? null : ctx.rng)) return false;
      ctx.iterations += cycles.cost;
      if (cycles.best(false) * fast.coef <= EPS) continue;
      ctx.jump(() =>
        cycles.forEachSwap((p, q) => {
          const u = unitOfPerson[p];
          const v = unitOfPerson[q];
          const g = unitGroup[u];
          const h = unitGroup[v];
          log.record(u, v, g);
          dirty[g] = 1;
          dirty[h] = 1;
          space.evaluate(0, u, v, h);
          space.apply(0, u, v, h);
          ctx.accepted++;
        }),
      );
      return true;
    }
    return false;
  };

  let descending = true;
  let first = true;
  return {
    start(ctx) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = ctx.rng.nextInt(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    },
    run(ctx, until) {
      while (ctx.stop === null && ctx.iterations < until) {
        if (descending) {
          if (!descend(ctx, until)) return;
          // An improving cyclic exchange leaves the local optimum downhill: descend again.
          if (improveByCycle(ctx)) continue;
          descending = false;
          if (first) {
            // The first local optimum is the current one.
            first = false;
            curHard = score.hard;
            curSoft = score.soft;
            current[0].set(unitGroup);
            log.clear();
            late.fill(curSoft);
            continue;
          }
          // A kick's local optimum: keep it, or go back.
          const strongKick = fails >= config.maxFails;
          const better = score.hard < curHard || (score.hard === curHard && score.soft < curSoft - EPS);
          const slot = step++ % late.length;
          const lateOk = config.lateLength > 0 && score.hard === curHard && score.soft <= late[slot];
          if ((strongKick && score.hard <= curHard) || better || lateOk) {
            fails = strongKick || better ? 0 : fails + 1;
            curHard = score.hard;
            curSoft = score.soft;
            current[0].set(unitGroup);
            log.clear();
          } else {
            fails++;
            const full = ++restores % FULL_RESTORE_EVERY === 0;
            ctx.jump(() => {
              if (full || !log.undo(space)) space.restore(current);
            });
            log.clear();
            // Back at a local optimum: nothing to rescan.
            dirty.fill(0);
          }
          late[slot] = curSoft;
          continue;
        }
        // Kick, then descend again.
        const strongKick = fails >= config.maxFails;
        const before = ctx.iterations;
        let done = 0;
        if (!model.allSingletons && ctx.iterations < until) {
          const g = ctx.rng.nextInt(m);
          const h = (g + 1 + ctx.rng.nextInt(m - 1)) % m;
          if (tryGroupExchange(ctx, score, g, h, (dHard) => dHard <= 0)) {
            log.invalidate();
            dirty[g] = 1;
            dirty[h] = 1;
            done++;
          }
        }
        done += kick(ctx, {
          size: strongKick ? strong : weak,
          // Not cut short at the chunk's end, only at the iteration limit.
          until: ctx.budget.iterationLimit,
          relocateShare,
          sameSize: true,
          touched: (g, h, u, v) => {
            log.record(u, v, g);
            dirty[g] = 1;
            dirty[h] = 1;
          },
        });
        if (done > 0) stuck = 0;
        else if (++stuck >= 3 || ctx.iterations === before) {
          ctx.stop = "nothingToMove";
          return;
        }
        descending = true;
      }
    },
  };
}

/**
 * Single people, distances the only soft term that matters, sizes (and pins) the only hard
 * rules: the maximally diverse grouping problem, where swap gains are read straight from the
 * distance term's gain table. Null otherwise.
 */
export function pureDiversity(
  score: IncrementalScore,
): { gain: Float64Array; dist: Float64Array; coef: number } | null {
  const model = score.model;
  if (!model.allSingletons || model.allowedMask.length > 0 || model.hasKeyRules) return null;
  let distanceIndex = -1;
  for (let i = 0; i < model.instances.length; i++) {
    const instance = model.instances[i];
    if (instance.level === "hard") {
      if (instance.rule !== "size") return null;
      continue;
    }
    if (instance.term === "distance") distanceIndex = i;
    else if (instance.blocksFastPath && instance.weight > 0) return null;
  }
  if (distanceIndex < 0) return null;
  const state = score.ownState<DistanceState>(distanceIndex);
  const norm = score.objective.terms.find((t) => t.instance === model.instances[distanceIndex]);
  if (!state || !norm) return null;
  return { gain: state.gain, dist: state.dist, coef: norm.coef };
}
