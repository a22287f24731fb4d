/** The targeted share follows the gain per evaluation, within its floor and ceiling. */
import { describe, expect, it } from "vitest";
import { ShareTuner } from "../../../engine/search/strategies/shareTuner.js";

describe("share tuner", () => {
  it("grows toward targeted picks while they gain more per evaluation, and back when random ones do", () => {
    const tuner = new ShareTuner(0.05, 0.05, 0.25);
    for (let chunk = 0; chunk < 20; chunk++) {
      tuner.targeted(10, 100); // 0.1 per evaluation
      tuner.random(1, 2000); // 0.0005
      tuner.adjust();
    }
    expect(tuner.share).toBe(0.25);
    for (let chunk = 0; chunk < 40; chunk++) {
      tuner.targeted(0, 100);
      tuner.random(50, 2000);
      tuner.adjust();
    }
    expect(tuner.share).toBe(0.05);
  });

  it("waits for enough evaluations of both kinds, and stays put when the ceiling is the floor", () => {
    const waiting = new ShareTuner(0.1, 0.05, 0.25);
    waiting.targeted(100, 10);
    waiting.random(0, 2000);
    waiting.adjust();
    expect(waiting.share).toBe(0.1);
    const fixed = new ShareTuner(0.05, 0.05, 0.05);
    fixed.targeted(100, 100);
    fixed.random(0, 2000);
    fixed.adjust();
    expect(fixed.share).toBe(0.05);
  });
});
