/**
 * The event loop's delay, measured by node (`perf_hooks.monitorEventLoopDelay`) over a
 * rolling window: the figure that shows whether work on the main thread is starving every
 * other request. Exported in /metrics and in /readyz. The histogram is reset every window,
 * so a past stall does not hide in an average since start.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

/** Node samples the loop this often (ms); finer costs more timers. */
const RESOLUTION_MS = 10;
/** The window the figures cover. */
export const LOOP_WINDOW_MS = 10_000;

export interface LoopDelay {
  /** Milliseconds, over the current and last window. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class LoopDelayMonitor {
  readonly #histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  readonly #timer: NodeJS.Timeout;
  #last: LoopDelay = { p50Ms: 0, p99Ms: 0, maxMs: 0 };

  constructor() {
    this.#histogram.enable();
    this.#timer = setInterval(() => {
      this.#last = this.#read();
      this.#histogram.reset();
    }, LOOP_WINDOW_MS);
    this.#timer.unref();
  }

  #read(): LoopDelay {
    const h = this.#histogram;
    // No sample yet reads as NaN or huge min; nanoseconds to ms, less the sampling interval.
    const ms = (ns: number) =>
      Number.isFinite(ns) && h.count > 0 ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0;
    return { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
  }

  /** The worse of the last full window and the current one. */
  get delay(): LoopDelay {
    const now = this.#read();
    const last = this.#last;
    return {
      p50Ms: Math.max(now.p50Ms, last.p50Ms),
      p99Ms: Math.max(now.p99Ms, last.p99Ms),
      maxMs: Math.max(now.maxMs, last.maxMs),
    };
  }

  close(): void {
    clearInterval(this.#timer);
    this.#histogram.disable();
  }
}
