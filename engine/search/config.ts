/**
 * Search settings: plain data with one schema, checked once; the strategies are built from
 * them (strategies/index.ts). Each default names the measurement that chose it; rerun it
 * before changing one. Analysts and benchmarks pass a partial config (`runtime.search`).
 */
import { z } from "zod";

const share = z.number().min(0).max(1);
const whole = (min: number) => z.number().int().min(min);

export const SearchConfigSchema = z.strictObject({
  /**
   * `auto`: the iterated descent when a dense distance term is present (MDGPLIB,
   * `npm run bench:mdgp`), tabu search for rounds with repeats forbidden and late acceptance
   * otherwise (`npm run bench:rounds`), late acceptance for rosters (`npm run bench`).
   */
  strategy: z.enum(["auto", "lateAcceptance", "iteratedDescent", "tabu"]).default("auto"),
  /** Late acceptance beat annealing on the 10k roster case (README, search variants table). */
  acceptor: z.enum(["lateAcceptance", "annealing"]).default("lateAcceptance"),
  /** 20: best of 1, 20, 100 and 2000 on the 427, 10k and 100k roster cases (README). */
  lateAcceptanceLength: whole(1).default(20),
  /** Under 50 units a short history stalls in a local optimum and a long one costs nothing. */
  tinyLateAcceptanceLength: whole(1).default(2000),
  /** Share of swaps when groups may grow or shrink (the roster benchmark's choice). */
  swapShare: share.default(0.7),
  /**
   * Targeted moves and chains (moves/targeted.ts) in the roster search: the share of picks,
   * groups drawn to find a conflict, target groups tried, groups scanned for them, chain depth;
   * and for numeric balance the share of those picks, the move (twin swaps beat the best swap
   * between two groups: 99.3% against 96.3% on uniform-many at 10k; both, chosen by their gain
   * per evaluation, with pair swaps kept to those that change only the numbers, beat twins
   * alone: pareto-crossed 99.90% against 99.88% and uniform-many 0 pairs above against 53 at
   * 10k, uniform-many 1 pair above against 2.5 at 100k; unrestricted pair swaps traded 383.5
   * pairs for numbers there; on the 30-person example both stall as early since the stall
   * rule ignores gains below `stall.minGain`), twins scanned (32, 64, 128, 256, 512
   * measured) and the twin chain's depth (0, 3, 8, 16 measured).
   */
  targeted: z
    .strictObject({
      share: share.default(0.05),
      /** The share follows the gain per evaluation up to this (strategies/shareTuner.ts; `share`: fixed). */
      maxShare: share.default(0.25),
      conflictGroups: whole(1).default(8),
      targetGroups: whole(1).default(3),
      targetScan: whole(1).default(2048),
      depth: whole(0).default(2),
      balanceShare: share.default(0.5),
      balanceMove: z.enum(["twins", "pairs", "both"]).default("both"),
      twinScan: whole(1).default(128),
      balanceDepth: whole(0).default(3),
    })
    .default({
      share: 0.05,
      maxShare: 0.25,
      conflictGroups: 8,
      targetGroups: 3,
      targetScan: 2048,
      depth: 2,
      balanceShare: 0.5,
      balanceMove: "both",
      twinScan: 128,
      balanceDepth: 3,
    }),
  /** After max(minIterations, unitIterations · units) evaluations without a new best, kick. */
  kick: z
    .strictObject({
      unitIterations: whole(0).default(20),
      minIterations: whole(0).default(1000),
      /** Moves per kick: clamp(units / 64, 2, maxSize). */
      maxSize: whole(1).default(10),
    })
    .default({ unitIterations: 20, minIterations: 1000, maxSize: 10 }),
  /** Iterated descent (diversity): measured on MDGPLIB n = 120 at 3 s (strategies/iteratedDescent.ts). */
  descent: z
    .strictObject({
      weakShare: share.default(0.03),
      strongShare: share.default(0.15),
      maxFails: whole(1).default(40),
      lateLength: whole(0).default(50),
      relocateShare: share.default(0.5),
      pureRelocateShare: share.default(0),
      focus: z.boolean().default(true),
      /**
       * Cyclic exchanges tried at each local optimum of pure diversity (moves/cyclicExchange.ts):
       * 1 (the least adding person of each group) beat 0 and 4 (then drawn people) on MDGPLIB
       * n = 120; as a kick (every chosen person sent elsewhere) it was no better than random swaps.
       */
      cycleTries: whole(0).default(1),
    })
    .default({
      weakShare: 0.03,
      strongShare: 0.15,
      maxFails: 40,
      lateLength: 50,
      relocateShare: 0.5,
      pureRelocateShare: 0,
      focus: true,
      cycleTries: 1,
    }),
  /** Several rounds at once (`npm run bench:rounds`). */
  rounds: z
    .strictObject({
      /**
       * Share of the budget for a sequential pass that warm-starts the joint search; left
       * out: 0 when repeats are forbidden (the pass stalls on later rounds), 0.5 otherwise.
       */
      warmStartShare: share.optional(),
      lateAcceptanceLength: whole(1).default(2000),
      /** The no-repeat rule enters the acceptor's energy at this many times one repeat's cost. */
      repeatPenalty: z.number().positive().default(2),
      conflictDraws: whole(1).default(8),
      fullScanUnits: whole(0).default(1000),
      tabuTenure: whole(0).default(5),
      /** What is tabu after a swap: the two units (`unit`), or only that pair's swap (`pair`). */
      tabuOn: z.enum(["unit", "pair"]).default("unit"),
      kickAfter: whole(0).default(500),
      kickMoves: whole(1).default(10),
    })
    .default({
      lateAcceptanceLength: 2000,
      repeatPenalty: 2,
      conflictDraws: 8,
      fullScanUnits: 1000,
      tabuTenure: 5,
      tabuOn: "unit",
      kickAfter: 500,
      kickMoves: 10,
    }),
  /**
   * Stop early when the best has not improved for max(unitIterations · units, factor ·
   * evaluations to the last improvement) evaluations and, without an iteration limit, minMs;
   * an improvement counts when the score gained at least minGain times the lightest term's
   * weight since the last that counted (10⁻⁴: a hundredth of a per cent of that term's way
   * from a random grouping to its bound, below what the report shows).
   */
  stall: z
    .strictObject({
      unitIterations: whole(0).default(2000),
      factor: z.number().min(0).default(3),
      minMs: whole(0).default(1000),
      minGain: z.number().min(0).default(1e-4),
    })
    .default({ unitIterations: 2000, factor: 3, minMs: 1000, minGain: 1e-4 }),
  /** Recompute the score after every applied move and fail on a mismatch (tests). */
  assert: z.enum(["off", "full"]).default("off"),
});

export type SearchConfig = z.output<typeof SearchConfigSchema>;
export type SearchConfigInput = z.input<typeof SearchConfigSchema>;

export const defaultSearchConfig: SearchConfig = SearchConfigSchema.parse({});

/** A partial config (nested parts partial too) over the defaults. */
export function searchConfig(partial: SearchConfigInput | undefined): SearchConfig {
  return SearchConfigSchema.parse(partial ?? {});
}

/** The late acceptance history for a problem of `units` movable units. */
export function lateAcceptanceLength(config: SearchConfig, units: number): number {
  return units < 50
    ? Math.max(config.lateAcceptanceLength, config.tinyLateAcceptanceLength)
    : config.lateAcceptanceLength;
}
