/**
 * The budget of an anytime search, checked between chunks of moves: the iteration and time
 * limits, the abort signal, progress reports at an interval, and a yield to the event loop
 * (so a caller's abort, a health check or a progress event can run). Every search loop uses
 * it the same way:
 *
 *   const budget = new Budget(limits);
 *   while (stop === null) {
 *     ...a chunk of moves...
 *     stop = await budget.checkpoint(iterations, stop ?? (noMoveFound ? "nothingToMove" : null), progress);
 *   }
 */
export type StopReason = "timeLimit" | "iterationLimit" | "aborted" | "optimal" | "stalled" | "nothingToMove";

export interface BudgetProgress {
  elapsedMs: number;
  iterations: number;
  bestHard: number;
  /** Best soft objective: Σ weight × normalised term (0 = every term at its bound). */
  bestSoft: number;
}

export interface BudgetLimits {
  timeLimitMs: number;
  iterationLimit?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BudgetProgress) => void;
  /** Milliseconds between progress reports (default 250). */
  progressIntervalMs?: number;
  /**
   * The clock the time limit is measured on, in milliseconds (default: wall time,
   * `performance.now`). Benchmarks pass a CPU-time clock so a busy machine does not shorten
   * a search; progress and yields stay on wall time.
   */
  clock?: () => number;
}

const YIELD_EVERY_MS = 20;

export class Budget {
  readonly start: number;
  readonly iterationLimit: number;
  private readonly clock: () => number;
  private lastYield = performance.now();
  private lastProgress = this.lastYield;

  constructor(private readonly limits: BudgetLimits) {
    this.iterationLimit = limits.iterationLimit ?? Number.POSITIVE_INFINITY;
    this.clock = limits.clock ?? (() => performance.now());
    this.start = this.clock();
  }

  /** Time spent since the search started, on the budget's clock. */
  elapsedMs(): number {
    return this.clock() - this.start;
  }

  /** Share of the budget spent, in [0, 1] (the larger of time and iterations). */
  spent(iterations: number): number {
    return Math.min(
      1,
      Math.max(this.elapsedMs() / this.limits.timeLimitMs, iterations / this.iterationLimit),
    );
  }

  /**
   * Between chunks: the reason to stop (`stop` if the loop already has one, else a spent
   * limit or an abort), progress when due or final, and a yield when due.
   * `best` gives the figures to report; it is called only when a report is due.
   */
  async checkpoint(
    iterations: number,
    stop: StopReason | null,
    best: () => Omit<BudgetProgress, "elapsedMs" | "iterations">,
  ): Promise<StopReason | null> {
    const now = performance.now();
    const elapsed = this.elapsedMs();
    if (stop === null) {
      if (iterations >= this.iterationLimit) stop = "iterationLimit";
      else if (elapsed >= this.limits.timeLimitMs) stop = "timeLimit";
      else if (this.limits.signal?.aborted) stop = "aborted";
    }
    const progressEvery = this.limits.progressIntervalMs ?? 250;
    if (this.limits.onProgress && (now - this.lastProgress >= progressEvery || stop !== null)) {
      this.lastProgress = now;
      this.limits.onProgress({ elapsedMs: elapsed, iterations, ...best() });
    }
    if (stop === null && now - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
      if (this.limits.signal?.aborted) stop = "aborted";
    }
    return stop;
  }
}
