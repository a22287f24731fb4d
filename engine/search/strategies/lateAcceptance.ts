/**
 * The roster search (one round or several): random relocate and swap moves, hard before
 * soft, judged by an acceptor (late acceptance by default, or annealing).
 *
 *   step    draw a legal random move (moves/random.ts), evaluate its exact delta; a move that
 *           breaks more strict rules is refused, one that mends some is taken (and the
 *           acceptor restarts at the new level); otherwise the acceptor judges the energy,
 *           soft + λ·penalty
 *   stall   after a while without a new best, a kick of a few random moves (moves/kick.ts);
 *           the best is kept by the driver
 *   units   keep-together units cannot trade places with single people under tight sizes:
 *           once a chunk two groups' contents are exchanged (moves/groupExchange.ts)
 *
 * Picks that land on an illegal move are not counted as evaluations; a chunk of picks with
 * no legal move ends the search (the driver's "nothing to move").
 */
import type { Acceptor } from "../acceptors/acceptor.js";
import { Annealing } from "../acceptors/annealing.js";
import { LateAcceptance } from "../acceptors/lateAcceptance.js";
import type { SearchContext, Strategy } from "../driver.js";
import { tryGroupExchange } from "../moves/groupExchange.js";
import { kick } from "../moves/kick.js";
import { drawMove, Move, mayEnter } from "../moves/random.js";
import { TargetedMoves, type TargetedOptions } from "../moves/targeted.js";
import { type SearchSpace, SingleSpace } from "../space.js";
import { ShareTuner } from "./shareTuner.js";

/** A worsening smaller than this is float noise. */
const EPS = 1e-12;

export interface LateAcceptanceOptions {
  acceptor: "lateAcceptance" | "annealing";
  length: number;
  /** Kick after this many evaluations without a new best (0: never). */
  kickAfter: number;
  kickSize: number;
  /** Draws per pick while a penalised rule is broken (see moves/random.ts). */
  conflictDraws: number;
  /** Exchange two groups once a chunk (single round with keep-together units). */
  exchange: boolean;
  /** Picks per chunk; short chunks make the exchange frequent enough on small problems. */
  picksPerChunk: number;
  /** Share of picks that are targeted moves (moves/targeted.ts; one round only), and how they search. */
  targetedShare: number;
  /** The most the share may grow to where targeted picks gain more per evaluation (shareTuner.ts). */
  targetedMaxShare: number;
  targeted: TargetedOptions;
}

export function lateAcceptanceSearch(options: LateAcceptanceOptions): Strategy {
  const move = new Move();
  let acceptor: Acceptor;
  let energy = 0;
  let lastKick = 0;
  let targeted: TargetedMoves | null | undefined;
  const tuner = new ShareTuner(
    options.targetedShare,
    Math.min(options.targetedShare, options.targetedMaxShare),
    Math.max(options.targetedShare, options.targetedMaxShare),
  );
  const energyOf = (space: SearchSpace) => space.soft + space.lambda * space.penalty;
  return {
    start(ctx) {
      energy = energyOf(ctx.space);
      acceptor =
        options.acceptor === "lateAcceptance"
          ? new LateAcceptance(options.length, energy)
          : new Annealing(...annealingTemperatures(ctx, move), ctx.rng);
    },
    run(ctx, until) {
      const { space, rng } = ctx;
      if (
        options.kickAfter > 0 &&
        ctx.sinceBest() >= options.kickAfter &&
        ctx.iterations - lastKick >= options.kickAfter
      ) {
        kick(ctx, { size: options.kickSize, until });
        energy = energyOf(space);
        acceptor.reset(energy);
        lastKick = ctx.iterations;
      }
      if (options.exchange && ctx.stop === null && ctx.iterations < until) {
        const score = space.rounds[0].score;
        const m = score.model.m;
        const g = rng.nextInt(m);
        const h = (g + 1 + rng.nextInt(m - 1)) % m;
        const kept = tryGroupExchange(ctx, score, g, h, (dHard, dSoft) => {
          if (dHard > 0) return false;
          if (dHard < 0) {
            acceptor.reset(energy + dSoft);
            return true;
          }
          return acceptor.accept(energy + dSoft, energy, ctx.progress());
        });
        if (kept) energy = energyOf(space);
      }
      const progress = ctx.progress();
      if (space instanceof SingleSpace && options.conflictDraws <= 1) {
        if (targeted === undefined && options.targetedShare > 0) {
          const moves = new TargetedMoves(space.score, options.targeted);
          targeted = moves.useful ? moves : null;
        }
        energy = runOneRound(
          ctx,
          space,
          acceptor,
          energy,
          until,
          options,
          progress,
          targeted ?? null,
          move,
          tuner,
        );
        tuner.adjust();
        return;
      }
      const lambda = space.lambda;
      for (
        let picks = 0;
        picks < options.picksPerChunk && ctx.iterations < until && ctx.stop === null;
        picks++
      ) {
        if (!drawMove(space, rng, move, options.conflictDraws)) continue;
        space.evaluate(move.r, move.u, move.v, move.h);
        ctx.iterations++;
        const dStrict = space.dStrict;
        if (dStrict > 0) continue;
        const candidate = energy + space.dSoft + lambda * space.dPenalty;
        if (dStrict < 0) acceptor.reset(candidate);
        else if (!acceptor.accept(candidate, energy, progress)) continue;
        ctx.apply(move.r, move.u, move.v, move.h);
        energy = candidate;
      }
    },
  };
}

/**
 * The same loop for one round with nothing penalised (every single-round roster), with the
 * draw written out: the fields it reads are locals and the score is called directly, which
 * keeps the moves per second of a hand-written loop (benchmarks/roster.ts, --baseline). It
 * draws exactly as drawMove does, so a seed gives the same grouping either way.
 */
function runOneRound(
  ctx: SearchContext,
  space: SingleSpace,
  acceptor: Acceptor,
  energy: number,
  until: number,
  options: LateAcceptanceOptions,
  progress: number,
  targeted: TargetedMoves | null,
  move: Move,
  tuner: ShareTuner,
): number {
  const rng = ctx.rng;
  const score = space.score;
  const view = space.rounds[0];
  const units = space.flatUnit;
  const n = units.length;
  const unitGroup = view.unitGroup;
  const swapShare = view.swapShare;
  const m = view.m;
  const hasAllowed = view.hasAllowed;
  const picksPerChunk = options.picksPerChunk;
  const targetedShare = targeted === null ? 0 : tuner.share;
  // What the random picks saved, for the tuner (a local: the loop is the search's hottest);
  // their evaluations are the chunk's less the targeted picks'.
  let randomGain = 0;
  let targetedWork = 0;
  const startIterations = ctx.iterations;
  const depth = options.targeted.depth;
  for (let picks = 0; picks < picksPerChunk && ctx.iterations < until && ctx.stop === null; picks++) {
    let u: number;
    let v = -1;
    let h: number;
    let pickWork = 0;
    if (targetedShare > 0 && rng.nextFloat() < targetedShare) {
      const t = targeted as TargetedMoves;
      // A targeted pick evaluates many moves: within what is left of the chunk, so an
      // iteration limit is met exactly.
      const found = t.pick(rng, move, until - ctx.iterations);
      ctx.iterations += t.evaluations;
      pickWork = t.evaluations;
      targetedWork += pickWork;
      if (!found) {
        tuner.targeted(0, pickWork);
        continue;
      }
      if (t.dHard === 0 && t.dSoft > EPS && depth > 0) {
        // Worsening: try to continue it into a chain that does not worsen (moves/targeted.ts).
        const kept = t.chain(rng, move, until - ctx.iterations);
        ctx.iterations += t.evaluations;
        targetedWork += t.evaluations;
        tuner.targeted(kept ? -t.chainSoft : 0, pickWork + t.evaluations);
        if (!kept) continue;
        energy += t.chainSoft;
        if (t.chainHard < 0) acceptor.reset(energy);
        else acceptor.accept(energy, energy - t.chainSoft, progress);
        ctx.moved(t.chainMoves);
        continue;
      }
      u = move.u;
      v = move.v;
      h = move.h;
    } else {
      u = units[rng.nextInt(n)];
      const g = unitGroup[u];
      if (rng.nextFloat() < swapShare) {
        v = units[rng.nextInt(n)];
        h = unitGroup[v];
        if (h === g) continue;
        if (hasAllowed && (!mayEnter(view, u, h) || !mayEnter(view, v, g))) continue;
        score.evalSwap(u, v);
      } else {
        h = rng.nextInt(m - 1);
        if (h >= g) h++;
        if (hasAllowed && !mayEnter(view, u, h)) continue;
        score.evalRelocate(u, h);
      }
      ctx.iterations++;
    }
    const dHard = score.dHard;
    const dSoft = score.dSoft;
    const accepted = dHard < 0 || (dHard === 0 && acceptor.accept(energy + dSoft, energy, progress));
    if (pickWork > 0) tuner.targeted(accepted ? -dSoft : 0, pickWork);
    else if (accepted) randomGain -= dSoft;
    if (!accepted) continue;
    const candidate = energy + dSoft;
    if (dHard < 0) acceptor.reset(candidate);
    // The context reads the evaluated move's change from the space, as space.evaluate leaves it.
    space.dStrict = dHard;
    space.dSoft = dSoft;
    ctx.apply(0, u, v, h);
    energy = candidate;
  }
  tuner.random(randomGain, ctx.iterations - startIterations - targetedWork);
  return energy;
}

/**
 * Start temperature: the mean soft worsening of a sample of random moves, so about a third of
 * typical worsening moves are taken at first; end a thousand times cooler.
 */
function annealingTemperatures(ctx: SearchContext, move: Move): [number, number] {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < 2000; i++) {
    if (!drawMove(ctx.space, ctx.rng, move)) continue;
    ctx.space.evaluate(move.r, move.u, move.v, move.h);
    if (ctx.space.dStrict === 0 && ctx.space.dSoft > 0) {
      sum += ctx.space.dSoft;
      count++;
    }
  }
  const t0 = count > 0 ? sum / count : 1e-3;
  return [t0, t0 / 1000];
}
