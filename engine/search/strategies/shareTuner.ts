/**
 * The share of one kind of pick, following what each kind gains per evaluation: targeted
 * picks against random ones in the roster search, twin swaps against pair swaps among the
 * balancing picks (moves/targeted.ts).
 *
 * Early on random moves gain the most for the least work and targeted scans would only slow
 * them; once the random moves stall at a trap, a targeted pick (a conflict's best move, a
 * chain, a twin swap) is what still gains. A fixed share is a compromise that suits one
 * size: 5% left issue 12's 100,000-person roster 4 pairs above its bound where 15% reached
 * 1, and 15% cost uniform-many 23 pairs at 10,000 (`npm run bench -- --family`). So after
 * each chunk the share moves a step toward the kind that gained more soft score per
 * evaluation in it, between a floor and a ceiling. Evaluations, not time, keep a seed's
 * search the same from run to run.
 */
export class ShareTuner {
  private gainTargeted = 0;
  private workTargeted = 0;
  private gainRandom = 0;
  private workRandom = 0;

  constructor(
    public share: number,
    private readonly min: number,
    private readonly max: number,
  ) {}

  /** A targeted pick: the soft score it saved (negative: it worsened) and its evaluations. */
  targeted(gain: number, evaluations: number): void {
    this.gainTargeted += gain;
    this.workTargeted += evaluations;
  }

  /** Random picks: what they saved together, and their evaluations. */
  random(gain: number, evaluations: number): void {
    this.gainRandom += gain;
    this.workRandom += evaluations;
  }

  /** After a chunk: a step toward the kind that gained more per evaluation. */
  adjust(): void {
    if (this.workTargeted < 64 || this.workRandom < 64 || this.max <= this.min) return;
    const targeted = this.gainTargeted / this.workTargeted;
    const random = this.gainRandom / this.workRandom;
    this.share =
      targeted > random ? Math.min(this.max, this.share * 1.2) : Math.max(this.min, this.share / 1.2);
    // Halve the history: the landscape changes as the search goes on.
    this.gainTargeted /= 2;
    this.workTargeted /= 2;
    this.gainRandom /= 2;
    this.workRandom /= 2;
  }
}
