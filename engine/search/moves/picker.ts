/**
 * The part the targeted pickers share (targeted.ts, and twinSwaps.ts it delegates balancing
 * to): what a pick or chain leaves for the search loop (the drawn move's change, the
 * evaluations the call made, the chain kept), and the ejection chain both run: a worsening
 * move applied and continued by the picker's next move from the groups it changed, kept when
 * as a whole it does not worsen the score, else undone move by move.
 */
import type { IncrementalScore } from "../../score/incremental.js";
import type { Move } from "./random.js";
import { UndoLog } from "./undoLog.js";

const EPS = 1e-12;

export class Picker {
  /** The drawn move's change (the move is left evaluated on the score). */
  dHard = 0;
  dSoft = 0;
  /** Evaluations the last call made. */
  evaluations = 0;
  /** The last chain kept: its length and total change. */
  chainMoves = 0;
  chainHard = 0;
  chainSoft = 0;
  /**
   * The most evaluations the current call may make (the caller's iteration budget): the
   * scans stop short of it, so an iteration limit is met exactly.
   */
  protected budget = 0;
  /** The chain's moves, to undo it. */
  private readonly undo: UndoLog;

  /** `depth`: the most moves a chain adds to its first. */
  constructor(
    protected readonly score: IncrementalScore,
    private readonly depth: number,
  ) {
    this.undo = new UndoLog(depth + 1);
  }

  /** A pick or chain delegated to another picker: its result is this one's. */
  protected take(from: Picker): void {
    this.dHard = from.dHard;
    this.dSoft = from.dSoft;
    this.evaluations = from.evaluations;
    this.chainMoves = from.chainMoves;
    this.chainHard = from.chainHard;
    this.chainSoft = from.chainSoft;
  }

  /**
   * From a worsening move just drawn (and evaluated) as `move`: apply it and continue with
   * `next(g, h)` (the picker's next move into `move`, left evaluated, from the groups g and h
   * the last move changed; false: none) up to the picker's depth more, while the total stays worse and
   * `room` evaluations are left for the next move's scan besides undoing every move. Kept
   * (true) when the total mends a hard rule or does not worsen; else undone, one evaluation
   * per move, and the score is as before (false). At most `budget` evaluations in all.
   */
  protected runChain(
    move: Move,
    budget: number,
    room: number,
    next: (g: number, h: number) => boolean,
  ): boolean {
    const { score, undo, depth } = this;
    this.evaluations = 0;
    // Undoing the first move alone takes an evaluation: without room for it, no chain.
    if (budget < 1) return false;
    let soft = this.dSoft;
    let hard = this.dHard;
    undo.clear();
    for (;;) {
      const u = move.u;
      const v = move.v;
      const h = move.h;
      const g = score.unitGroup[u];
      undo.record(u, v, g);
      if (v >= 0) score.applySwap(u, v);
      else score.applyRelocate(u, h);
      if (hard < 0 || soft <= EPS || undo.moves > depth) break;
      this.budget = budget - (undo.moves + 1);
      if (this.evaluations + room > this.budget) break;
      if (!next(g, h) || this.dHard > 0) break;
      soft += this.dSoft;
      hard += this.dHard;
    }
    if (hard < 0 || (hard === 0 && soft <= EPS)) {
      this.chainMoves = undo.moves;
      this.chainHard = hard;
      this.chainSoft = soft;
      return true;
    }
    this.evaluations += undo.undoOnScore(score);
    return false;
  }
}
