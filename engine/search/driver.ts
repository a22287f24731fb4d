/**
 * The one search driver. Every search (late acceptance over rosters, the iterated descent
 * for diversity, tabu search over rounds) is a `Strategy` run by `runSearch`, which owns what
 * they share: the budget (time, iterations, abort, progress, yields, between chunks), the
 * best grouping (kept lazily, restored at the end), the stop reasons (optimal, stalled,
 * nothing to move) and assert mode.
 *
 * A strategy works in chunks: `run(ctx, until)` evaluates moves until `ctx.iterations`
 * reaches `until` (or it stops), changing the grouping only through `ctx.apply` (the move
 * it last evaluated) and `ctx.jump` (anything else: kicks, group exchanges, restores), so the
 * keeper always knows when the best is about to be left. Under an iteration limit the result
 * depends only on the seed and the input.
 *
 * Timefold's split, in small: moves (moves/), acceptors (acceptors/), the best-solution
 * keeper (best.ts), termination (budget.ts and the stall rule below).
 */
import { BestKeeper } from "./best.js";
import { Budget, type BudgetLimits, type BudgetProgress, type StopReason } from "./budget.js";
import type { SearchConfig } from "./config.js";
import type { Rng } from "./rng.js";
import type { SearchSpace } from "./space.js";

export type { StopReason } from "./budget.js";
export type SearchProgress = BudgetProgress;
export type SearchLimits = BudgetLimits;

export interface StallRule {
  /** Stop early when nothing has improved for a while (the time limit stays the upper bound). */
  enabled: boolean;
  /** At least this many evaluations per movable unit since the last improvement … */
  unitIterations: number;
  /** … and at least this many times the evaluations it took to find the best … */
  factor: number;
  /** … and, without an iteration limit, at least this long since the last improvement. */
  minMs: number;
  /** An improvement counts when the best gained this much since the last that counted (best.ts). */
  minGain: number;
}

/** The configured stall rule, on or off, its least gain counted in the lightest term's weight. */
export function stallRule(
  config: SearchConfig["stall"],
  enabled: boolean,
  lightestWeight: number,
): StallRule {
  return { ...config, enabled, minGain: config.minGain * lightestWeight };
}

export interface DriverOptions {
  /** Recompute the score from scratch after every applied move and throw on a mismatch. */
  assert?: boolean;
  stall?: StallRule;
}

export interface SearchOutcome {
  iterations: number;
  acceptedMoves: number;
  elapsedMs: number;
  timeToBestMs: number;
  /** When every hard rule first held (0 from the start; −1 never). */
  timeToFeasibleMs: number;
  stopReason: StopReason;
}

export interface Strategy {
  /** Called once before the first chunk. */
  start?(ctx: SearchContext): void | Promise<void>;
  /** Evaluate moves until ctx.iterations ≥ until or ctx.stop is set. */
  run(ctx: SearchContext, until: number): void | Promise<void>;
}

const CHUNK = 2048;

export class SearchContext {
  iterations = 0;
  accepted = 0;
  stop: StopReason | null = null;
  readonly keeper: BestKeeper;
  readonly budget: Budget;
  private readonly assert: boolean;

  constructor(
    readonly space: SearchSpace,
    readonly rng: Rng,
    limits: BudgetLimits,
    options: DriverOptions,
  ) {
    this.budget = new Budget(limits);
    this.keeper = new BestKeeper(space, options.stall?.enabled ? options.stall.minGain : 0);
    this.assert = options.assert === true;
  }

  /** Share of the budget spent, in [0, 1] (for schedules). */
  progress(): number {
    return this.budget.spent(this.iterations);
  }

  /** Evaluations since the best was found. */
  sinceBest(): number {
    return this.iterations - this.keeper.iterationsAtBest;
  }

  /** Apply the move the space evaluated last. */
  apply(r: number, u: number, v: number, h: number): void {
    const space = this.space;
    const dHard = space.dStrict + space.dPenalty;
    if (dHard > 0 || (dHard === 0 && space.dSoft > 0)) this.keeper.beforeLeave();
    space.apply(r, u, v, h);
    this.accepted++;
    this.settle();
  }

  /**
   * Moves made on the score directly (a targeted chain) that together do not worsen the
   * grouping: nothing to save before them, the keeper only looks at the result.
   */
  moved(moves: number): void {
    this.accepted += moves;
    this.settle();
  }

  /** Change the grouping in a way the keeper cannot foresee (a kick, an exchange, a restore). */
  jump(change: () => void): void {
    this.keeper.beforeLeave();
    change();
    this.settle();
  }

  private settle(): void {
    if (this.assert) this.space.check();
    if (this.keeper.after(this.iterations) && this.keeper.optimal) this.stop = "optimal";
  }
}

export async function runSearch(
  space: SearchSpace,
  strategy: Strategy,
  rng: Rng,
  limits: BudgetLimits,
  options: DriverOptions = {},
): Promise<SearchOutcome> {
  const ctx = new SearchContext(space, rng, limits, options);
  const { keeper, budget } = ctx;
  if (space.flatUnit.length === 0) ctx.stop = "nothingToMove";
  else if (keeper.optimal) ctx.stop = "optimal";
  else await strategy.start?.(ctx);
  const stall = options.stall;
  const units = space.flatUnit.length;
  const timed = limits.iterationLimit === undefined;
  const elapsed = () => budget.elapsedMs();
  while (ctx.stop === null) {
    const before = ctx.iterations;
    await strategy.run(ctx, Math.min(before + CHUNK, budget.iterationLimit));
    keeper.stamp(elapsed);
    if (ctx.stop === null && ctx.iterations === before) ctx.stop = "nothingToMove";
    if (ctx.stop === null && stall?.enabled) {
      const since = ctx.iterations - keeper.iterationsAtProgress;
      const long =
        since >= Math.max(stall.unitIterations * units, stall.factor * keeper.iterationsAtProgress);
      if (long && (!timed || budget.elapsedMs() - keeper.msAtProgress >= stall.minMs)) ctx.stop = "stalled";
    }
    ctx.stop = await budget.checkpoint(ctx.iterations, ctx.stop, () => ({
      bestHard: keeper.hard,
      bestSoft: keeper.soft - space.floor,
    }));
  }
  keeper.finish();
  return {
    iterations: ctx.iterations,
    acceptedMoves: ctx.accepted,
    elapsedMs: budget.elapsedMs(),
    timeToBestMs: keeper.msAtBest,
    timeToFeasibleMs: keeper.msToFeasible,
    stopReason: ctx.stop,
  };
}
