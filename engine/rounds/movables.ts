/**
 * The units the rounds searches may move, flattened round by round so that a uniform pick
 * weights rounds by their size; and, per round, whether relocates can keep the sizes (some
 * slack between min and max sizes) and whether the sizes hold now.
 */
import type { IncrementalScore } from "../score/incremental.js";

export interface RoundMovables {
  flatRound: number[];
  flatUnit: number[];
  roundStart: Int32Array;
  roundCount: Int32Array;
  /** 1 when some group of the round may grow or shrink. */
  hasSlack: Uint8Array;
  /** 1 when every group of the round is within its size bounds now. */
  sizesHold: Uint8Array;
}

export function roundMovables(scores: IncrementalScore[], searched: number[]): RoundMovables {
  const flatRound: number[] = [];
  const flatUnit: number[] = [];
  const roundStart = new Int32Array(scores.length);
  const roundCount = new Int32Array(scores.length);
  const hasSlack = new Uint8Array(scores.length);
  const sizesHold = new Uint8Array(scores.length);
  for (const r of searched) {
    const model = scores[r].model;
    roundStart[r] = flatUnit.length;
    if (model.m >= 2) {
      for (let u = 0; u < model.unitCount; u++) {
        if (model.unitPin[u] >= 0) continue;
        flatRound.push(r);
        flatUnit.push(u);
      }
    }
    roundCount[r] = flatUnit.length - roundStart[r];
    let slack = 0;
    let hold = 1;
    for (let g = 0; g < model.m; g++) {
      slack += model.maxSize[g] - model.minSize[g];
      const s = scores[r].size[g];
      if (s < model.minSize[g] || s > model.maxSize[g]) hold = 0;
    }
    hasSlack[r] = slack > 0 ? 1 : 0;
    sizesHold[r] = hold;
  }
  return { flatRound, flatUnit, roundStart, roundCount, hasSlack, sizesHold };
}
