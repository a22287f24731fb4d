/**
 * The shared harness every term and rule is tested with: one call per term file.
 *
 * A term's file gives a recipe that adds the term to a random small problem (which has
 * every other term and rule in the background, so the fused kernel and the other terms'
 * states are in play), and a selector for its instances. The harness then checks, seeded:
 *
 *   deltas      every relocate and swap IncrementalScore evaluates has the change of the
 *               score recomputed from scratch (`fullScore`), hard exactly and soft to 1e-9;
 *               applying a move keeps the running score equal to a recompute
 *   assert      short solves with the search config's assert mode ("full": the running
 *               score is recomputed after every applied move and any drift throws), under
 *               each strategy, through SingleSpace and the one driver
 *   bound       (soft) lowerBound() is at most the brute-force optimum of the raw value over
 *               every grouping within the maximum sizes (tiny cases, enumerated)
 *   expectation (soft) expectation(sizes) is the exact mean of full() over every grouping
 *               with the canonical sizes
 *   violations  (hard) on every grouping, full() is what the reported violations add up to
 *               (people over a cap, short of a minimum, pairs kept apart, ...)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../engine/compile/compile.js";
import type { Model } from "../../../engine/compile/model.js";
import { canonicalSizes, resolveGroups } from "../../../engine/problem/groups.js";
import type { AttributeSpecInput, ProblemInput } from "../../../engine/problem/schema.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import type { Violation } from "../../../engine/report/violations.js";
import { IncrementalScore } from "../../../engine/score/incremental.js";
import { buildObjective, fullScore } from "../../../engine/score/objective.js";
import { solve } from "../../../engine/solve.js";
import type { Instance } from "../../../engine/terms/contract.js";
import { problemArb } from "../helpers/arbitraries.js";
import { forEachGrouping, sizesOf } from "../helpers/enumerate.js";

/** What a recipe knows of the problem it adds its term to. */
export interface Context {
  n: number;
  personIds: string[];
  groupIds: string[];
}

/** What a recipe adds: attributes (with everyone's values), keep-apart sets, top-level parts. */
export interface Addition {
  attributes?: Record<string, AttributeSpecInput>;
  /** Values of the added attributes, person by person. */
  values?: Record<string, (string | number | null)[]>;
  apart?: string[][];
  pairwise?: ProblemInput["pairwise"];
  distance?: ProblemInput["distance"];
  incumbent?: ProblemInput["incumbent"];
}

export interface TermUnderTest {
  /** The test's title. */
  name: string;
  /** Adds the term to a problem. */
  recipe(context: Context): fc.Arbitrary<Addition>;
  /** The instances under test. */
  select(instance: Instance): boolean;
  /** Seed of the properties (each gets its own, derived from it). */
  seed: number;
}

/** What one reported violation adds to its rule's full() value. */
export function violationAmount(v: Violation): number {
  switch (v.rule) {
    case "size":
      return Math.max(0, v.size - v.maxSize) + Math.max(0, v.minSize - v.size);
    case "cap":
      return v.count - v.cap;
    case "min":
      return v.min - v.count;
    case "notAlone":
      return Math.min(v.count, v.min - v.count);
    case "apart":
      return 1;
    default:
      throw new Error(`not a counted rule: ${v.rule}`);
  }
}

/** A problem with the term added, from the shared generator. */
export function withTerm(
  term: TermUnderTest,
  shape: { maxPeople: number; maxGroups: number },
): fc.Arbitrary<ProblemInput> {
  return problemArb({ ...shape, rules: true, extras: true }).chain((input) => {
    const personIds = input.people.map((p) => p.id);
    const parsed = parseProblem(input);
    const context = { n: personIds.length, personIds, groupIds: resolveGroups(parsed).map((g) => g.id) };
    return term.recipe(context).map((add) => merge(input, add));
  });
}

function merge(input: ProblemInput, add: Addition): ProblemInput {
  const attributes = { ...(input.attributes as Record<string, AttributeSpecInput>), ...add.attributes };
  const people = input.people.map((p, i) => {
    const attrs = { ...(p.attributes as Record<string, string | number | null>) };
    for (const [name, values] of Object.entries(add.values ?? {})) attrs[name] = values[i];
    return { ...p, attributes: attrs };
  });
  const rules = input.rules ?? {};
  return {
    ...input,
    people,
    attributes,
    rules: { ...rules, apart: [...(rules.apart ?? []), ...(add.apart ?? [])] },
    ...(add.pairwise ? { pairwise: add.pairwise } : {}),
    ...(add.distance ? { distance: add.distance } : {}),
    ...(add.incumbent ? { incumbent: add.incumbent } : {}),
  };
}

/** The model of a problem, with the term's instances (there must be one). */
function compiled(term: TermUnderTest, input: ProblemInput): { model: Model; selected: Instance[] } {
  const model = compile(parseProblem(input));
  const selected = model.instances.filter((i) => term.select(i));
  expect(selected.length, "the recipe must add the term").toBeGreaterThan(0);
  return { model, selected };
}

const moveArb = fc.array(
  fc.record({ swap: fc.boolean(), u: fc.nat(), v: fc.nat(), h: fc.nat(), apply: fc.boolean() }),
  { minLength: 1, maxLength: 30 },
);

type Move = { swap: boolean; u: number; v: number; h: number; apply: boolean };

function checkDeltas(model: Model, start: number[], moves: readonly Move[]): void {
  const objective = buildObjective(model);
  const score = new IncrementalScore(
    model,
    objective,
    Int32Array.from({ length: model.unitCount }, (_, u) => start[u % start.length] % model.m),
  );
  const scoreOf = (unitGroup: Int32Array) => {
    const groupOf = new Int32Array(model.n);
    for (let p = 0; p < model.n; p++) groupOf[p] = unitGroup[model.unitOf[p]];
    return fullScore(model, objective, groupOf);
  };
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const first = scoreOf(score.unitGroup);
  expect(score.hard).toBe(first.hard);
  expect(close(score.soft, first.soft)).toBe(true);
  for (const move of moves) {
    const u = move.u % model.unitCount;
    const g = score.unitGroup[u];
    const before = scoreOf(score.unitGroup);
    const after = Int32Array.from(score.unitGroup);
    let v = -1;
    let h = -1;
    if (move.swap) {
      v = move.v % model.unitCount;
      if (score.unitGroup[v] === g) continue;
      after[u] = score.unitGroup[v];
      after[v] = g;
      score.evalSwap(u, v);
    } else {
      if (model.m < 2) continue;
      h = move.h % model.m;
      if (h === g) continue;
      after[u] = h;
      score.evalRelocate(u, h);
    }
    const expected = scoreOf(after);
    expect(score.dHard).toBe(expected.hard - before.hard);
    expect(close(score.dSoft, expected.soft - before.soft), `soft delta ${score.dSoft}`).toBe(true);
    if (!move.apply) continue;
    if (v >= 0) score.applySwap(u, v);
    else score.applyRelocate(u, h);
    expect(Array.from(score.unitGroup)).toEqual(Array.from(after));
    expect(score.hard).toBe(expected.hard);
    expect(close(score.soft, expected.soft), `running soft ${score.soft}`).toBe(true);
  }
}

/** Brute force over every grouping of a tiny problem: the bounds, expectations and violation sums. */
function checkByEnumeration(model: Model, selected: Instance[]): void {
  const canonical = canonicalSizes(model).join(",");
  const soft = selected.filter((i) => i.level === "soft");
  const hard = selected.filter((i) => i.level === "hard");
  const best = soft.map(() => Number.POSITIVE_INFINITY);
  const sum = soft.map(() => 0);
  let canonicalCount = 0;
  forEachGrouping(model, (groupOf) => {
    const sizes = sizesOf(groupOf, model.m);
    const withinMax = sizes.every((s, g) => s <= model.maxSize[g]);
    const isCanonical = sizes.join(",") === canonical;
    if (isCanonical) canonicalCount++;
    soft.forEach((instance, t) => {
      if (!withinMax && !isCanonical) return;
      const raw = instance.full(groupOf);
      if (withinMax) best[t] = Math.min(best[t], raw);
      if (isCanonical) sum[t] += raw;
    });
    for (const instance of hard) {
      const total = instance.violations(groupOf).reduce((s, v) => s + violationAmount(v), 0);
      expect(instance.full(groupOf)).toBe(total);
    }
  });
  expect(canonicalCount).toBeGreaterThan(0);
  const sizes = canonicalSizes(model);
  soft.forEach((instance, t) => {
    const bound = instance.lowerBound();
    expect(bound, `${instance.label}: bound ${bound} above the optimum ${best[t]}`).toBeLessThanOrEqual(
      best[t] + 1e-9 * Math.max(1, Math.abs(best[t])),
    );
    const mean = sum[t] / canonicalCount;
    const expectation = instance.expectation(sizes);
    expect(
      Math.abs(mean - expectation),
      `${instance.label}: expectation ${expectation}, mean ${mean}`,
    ).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(mean)));
  });
}

/** The harness: one describe block of properties for the term. */
export function termHarness(term: TermUnderTest): void {
  describe(`term harness: ${term.name}`, () => {
    it("every relocate and swap delta equals the change of the score from scratch; applied moves keep it exact", () => {
      fc.assert(
        fc.property(
          withTerm(term, { maxPeople: 10, maxGroups: 4 }),
          fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
          moveArb,
          (input, start, moves) => {
            const { model } = compiled(term, input);
            checkDeltas(model, start, moves);
          },
        ),
        { numRuns: 100, seed: term.seed },
      );
    });

    it("short solves in assert mode (the score recomputed after every move) never drift, under every strategy", async () => {
      let searched = 0;
      await fc.assert(
        fc.asyncProperty(
          withTerm(term, { maxPeople: 10, maxGroups: 4 }),
          fc.constantFrom("auto", "lateAcceptance", "iteratedDescent", "tabu" as const),
          async (input, strategy) => {
            compiled(term, input);
            const result = await solve(
              { ...input, options: { ...input.options, iterationLimit: 1500 } },
              { search: { assert: "full", strategy } },
            );
            if (result.stats.iterations > 0) searched++;
          },
        ),
        { numRuns: 24, seed: term.seed + 1 },
      );
      expect(searched).toBeGreaterThan(6);
    });

    it("bound ≤ the brute-force optimum within the maximum sizes; expectation = the mean over the canonical sizes; hard: full() = the violations reported", () => {
      fc.assert(
        fc.property(withTerm(term, { maxPeople: 7, maxGroups: 3 }), (input) => {
          const { model, selected } = compiled(term, input);
          checkByEnumeration(model, selected);
        }),
        { numRuns: 60, seed: term.seed + 2 },
      );
    });
  });
}

/** Everyone's value of a categorical attribute: one of `categories`, or none (one in six). */
export function categoryValues(n: number, categories: string[]): fc.Arbitrary<(string | null)[]> {
  return fc.array(fc.option(fc.constantFrom(...categories), { nil: null, freq: 6 }), {
    minLength: n,
    maxLength: n,
  });
}

/** Everyone's value of a numeric attribute: a small integer, or none (one in six). */
export function numberValues(n: number): fc.Arbitrary<(number | null)[]> {
  return fc.array(fc.option(fc.integer({ min: -5, max: 20 }), { nil: null, freq: 6 }), {
    minLength: n,
    maxLength: n,
  });
}
