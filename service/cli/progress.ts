/**
 * The progress line on standard error while the search runs: elapsed time, best score, hard
 * violations, redrawn in place. Only on a terminal; nothing at all otherwise.
 */
import type { Locale, SearchProgress } from "../../engine/index.js";
import type { CliStream } from "./io.js";

const CLEAR = "\r\x1b[2K";

export class Progress {
  private drawn = false;
  private readonly on: boolean;

  constructor(
    private readonly stream: CliStream,
    private readonly locale: Locale,
  ) {
    this.on = stream.isTTY === true;
  }

  readonly update = (p: SearchProgress): void => {
    if (!this.on) return;
    this.drawn = true;
    const line = this.locale.cli.progress(
      this.locale.num(p.elapsedMs / 1000, 1),
      this.locale.num(p.bestSoft, 4),
      p.bestHard,
    );
    void this.stream.write(`${CLEAR}tverr: ${line}`);
  };

  /** Clear the line, so what follows starts clean. */
  async done(): Promise<void> {
    if (this.drawn) await this.stream.write(CLEAR);
    this.drawn = false;
  }
}
