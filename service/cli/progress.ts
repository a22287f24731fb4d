/**
 * The progress line on standard error while the search runs: elapsed time, best score, hard
 * violations, redrawn in place. Only on a terminal; nothing at all otherwise.
 */
import type { SearchProgress } from "../../engine/index.js";
import type { CliStream } from "./io.js";

const CLEAR = "\r\x1b[2K";

export class Progress {
  private drawn = false;
  private readonly on: boolean;

  constructor(private readonly stream: CliStream) {
    this.on = stream.isTTY === true;
  }

  readonly update = (p: SearchProgress): void => {
    if (!this.on) return;
    this.drawn = true;
    const seconds = (p.elapsedMs / 1000).toFixed(1);
    const hard = p.bestHard === 0 ? "all hard rules hold" : `hard violations ${p.bestHard}`;
    void this.stream.write(
      `${CLEAR}tverr: searching ${seconds} s · best score ${p.bestSoft.toFixed(4)} · ${hard}`,
    );
  };

  /** Clear the line, so what follows starts clean. */
  async done(): Promise<void> {
    if (this.drawn) await this.stream.write(CLEAR);
    this.drawn = false;
  }
}
