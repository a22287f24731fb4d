/**
 * The keeper's progress marks (the stall rule's clock): a best counts as progress only when
 * it gained at least minGain since the last mark, or broke fewer hard rules.
 */
import { describe, expect, it } from "vitest";
import { lightestWeight, type Objective } from "../../../engine/score/objective.js";
import { BestKeeper } from "../../../engine/search/best.js";
import type { SearchSpace } from "../../../engine/search/space.js";

function fakeSpace(hard: number, soft: number) {
  return {
    hard,
    soft,
    floor: 0,
    snapshot: () => [new Int32Array(1)],
    save: () => {},
    restore: () => {},
  };
}

describe("BestKeeper progress", () => {
  it("marks progress only for gains of at least minGain since the last mark, or fewer violations", () => {
    const space = fakeSpace(1, 1);
    const keeper = new BestKeeper(space as unknown as SearchSpace, 0.1);
    const step = (iterations: number, hard: number, soft: number) => {
      space.hard = hard;
      space.soft = soft;
      return keeper.after(iterations);
    };
    expect(step(10, 1, 0.95)).toBe(true);
    expect([keeper.iterationsAtBest, keeper.iterationsAtProgress]).toEqual([10, 0]);
    // 0.89 is 0.11 below the mark at 1.0: progress, though only 0.06 below the best.
    expect(step(20, 1, 0.89)).toBe(true);
    expect(keeper.iterationsAtProgress).toBe(20);
    expect(step(30, 1, 0.85)).toBe(true);
    expect([keeper.iterationsAtBest, keeper.iterationsAtProgress]).toEqual([30, 20]);
    // One violation fewer is progress whatever the soft score does.
    expect(step(40, 0, 0.99)).toBe(true);
    expect(keeper.iterationsAtProgress).toBe(40);
    // Not better at all: nothing changes.
    expect(step(50, 0, 1.5)).toBe(false);
    expect([keeper.iterationsAtBest, keeper.iterationsAtProgress]).toEqual([40, 40]);
    keeper.stamp(() => 123);
    expect([keeper.msAtBest, keeper.msAtProgress]).toEqual([123, 123]);
  });

  it("with minGain 0 every best is progress", () => {
    const space = fakeSpace(0, 1);
    const keeper = new BestKeeper(space as unknown as SearchSpace);
    space.soft = 1 - 1e-9;
    keeper.after(7);
    expect(keeper.iterationsAtProgress).toBe(7);
  });
});

describe("lightestWeight (the stall rule's unit of gain)", () => {
  const objective = (...weights: number[]) =>
    ({ terms: weights.map((weight) => ({ weight })) }) as unknown as Objective;
  it("is the smallest positive weight of the terms and the others, or 1", () => {
    expect(lightestWeight([objective(3, 0.5, 0)], [1])).toBe(0.5);
    expect(lightestWeight([objective(3), objective(2)], [0.25])).toBe(0.25);
    expect(lightestWeight([objective(0)], [0])).toBe(1);
    expect(lightestWeight([])).toBe(1);
  });
});
