/**
 * Numeric balance graded by one yardstick: this tree's lower bound and expectation.
 *
 * An engine reports each term's quality against its own bound, and the balance bound has
 * changed between revisions (0 before the outlier bound, terms/balance.ts). To compare a
 * baseline with this tree, every run's numeric terms are regraded from their raw value
 * against the bound and expectation this tree computes for the same problem.
 */
import { compile } from "../../engine/compile/compile.js";
import { parseProblem } from "../../engine/problem/validate.js";
import { buildObjective } from "../../engine/score/objective.js";
import type { ChildResult } from "../child/childResult.js";

export interface NumericYardstick {
  lowerBound: number;
  expectation: number;
}

/** Per numeric attribute (by label): this tree's bound and random expectation. */
export function numericYardsticks(problem: unknown): Map<string, NumericYardstick> {
  const model = compile(parseProblem(problem));
  const sticks = new Map<string, NumericYardstick>();
  for (const t of buildObjective(model).terms) {
    if (t.term === "balance") sticks.set(t.label, { lowerBound: t.lowerBound, expectation: t.expectation });
  }
  return sticks;
}

export function regrade(result: ChildResult, sticks: ReadonlyMap<string, NumericYardstick>): ChildResult {
  return {
    ...result,
    terms: result.terms.map((t) => {
      const stick = t.kind === "numeric" ? sticks.get(t.name) : undefined;
      if (stick === undefined || t.qualityPercent === null) return t;
      const span = stick.expectation - stick.lowerBound;
      const quality = span > 1e-12 ? 100 * (1 - (t.raw - stick.lowerBound) / span) : 100;
      return { ...t, lowerBound: stick.lowerBound, qualityPercent: quality };
    }),
  };
}
