import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../../engine/diagnose/diagnose.js";
import type { Diagnosis, DiagnosisCode } from "../../../engine/diagnose/types.js";
import { en, wordDiagnosis } from "../../../engine/locale/index.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import {
  feasibleByConstruction,
  type InfeasibleKind,
  infeasibleByConstruction,
  smallProblem,
} from "./arbitraries.js";
import { findFeasible, violatedRule } from "./bruteForce.js";

/** The diagnoses in English, for a failure message. */
const said = (diagnoses: Diagnosis[]) => diagnoses.map((d) => wordDiagnosis(d, en).message).join("; ");

describe("diagnose: no false alarms", () => {
  it("finds nothing wrong whenever brute force finds a feasible grouping (n ≤ 9, m ≤ 3)", () => {
    fc.assert(
      fc.property(smallProblem, (input) => {
        const problem = parseProblem(input);
        const diagnoses = diagnose(problem);
        if (diagnoses.length === 0) return;
        const feasible = findFeasible(problem);
        expect(feasible, `diagnosed ${said(diagnoses)} but feasible: ${feasible}`).toBeUndefined();
      }),
      { numRuns: 3000, seed: 601 },
    );
  });

  it("each check is sound on its own: it is the only one firing on some infeasible sample", () => {
    // Several checks often fire together; a false alarm of one could hide behind a true
    // alarm of another. So count, per code, the samples where it fired alone, and require
    // each code to have been checked alone against brute force. (min_vs_cap never fires
    // alone: a minimum above the cap always breaks the cap or the supply as well.)
    const alone = new Map<DiagnosisCode, number>();
    let feasible = 0;
    for (const input of fc.sample(smallProblem, { seed: 20240611, numRuns: 8000 })) {
      const problem = parseProblem(input);
      const diagnoses = diagnose(problem);
      const found = findFeasible(problem);
      if (found) feasible++;
      if (diagnoses.length === 0) continue;
      expect(found, said(diagnoses)).toBeUndefined();
      const codes = new Set(diagnoses.map((d) => d.code));
      if (codes.size === 1) {
        const [code] = codes;
        alone.set(code, (alone.get(code) ?? 0) + 1);
      }
    }
    const expected: DiagnosisCode[] = [
      "size_vs_headcount",
      "cap_vs_count",
      "cap_vs_size",
      "min_vs_supply",
      "min_vs_size",
      "together_too_large",
      "together_apart_conflict",
      "together_pin_conflict",
      "together_allowed_conflict",
      "together_vs_cap",
      "pin_vs_allowed",
      "pins_vs_capacity",
      "pin_vs_cap",
      "pin_vs_min",
      "pin_vs_apart",
      "apart_vs_groups",
    ];
    expect(expected.filter((code) => !alone.has(code))).toEqual([]);
    expect(feasible).toBeGreaterThan(1000);
  });

  it("finds nothing wrong in larger problems built around a feasible grouping (n ≤ 80, m ≤ 10)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { input, groupOf } = feasibleByConstruction(seed);
        const problem = parseProblem(input);
        expect(violatedRule(problem, groupOf)).toBeUndefined();
        expect(diagnose(problem)).toEqual([]);
      }),
      { numRuns: 1000, seed: 602 },
    );
  });
});

describe("diagnose: infeasible by construction", () => {
  const kinds: InfeasibleKind[] = ["cap", "min", "apart", "together", "pins"];
  it.each(kinds)("diagnoses a broken %s rule", (kind) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { input, code, facts } = infeasibleByConstruction(kind, seed);
        const diagnoses = diagnose(parseProblem(input));
        expect(diagnoses).toContainEqual(
          expect.objectContaining({ code, facts: expect.objectContaining(facts) }),
        );
      }),
      { numRuns: 200, seed: 603 },
    );
  });
});

describe("diagnose: scale", () => {
  it("checks 100,000 people with every kind of rule in well under a few seconds", () => {
    const n = 100_000;
    const m = n / 8;
    const people = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      attributes: {
        Virksomhet: `Virksomhet ${i % 500}`,
        Sektor: `Sektor ${i % 9}`,
        Kjønn: i % 2 === 0 ? "Kvinne" : "Mann",
      },
    }));
    // Each kind of rule on its own range of people, so the rules are consistent.
    const pins: Record<string, string> = {};
    const allowedGroups: Record<string, string[]> = {};
    for (let i = 0; i < 2000; i++) pins[`p${i}`] = String((i % m) + 1);
    for (let i = 0; i < 5000; i++) {
      allowedGroups[`p${2000 + i}`] = [String((i % m) + 1), String(((i + 7) % m) + 1)];
    }
    const apart = Array.from({ length: 2000 }, (_, i) => [0, 1, 2].map((k) => `p${10_000 + 3 * i + k}`));
    const together = Array.from({ length: 5000 }, (_, i) => [`p${20_000 + 2 * i}`, `p${20_001 + 2 * i}`]);
    const problem = parseProblem({
      people,
      groups: { count: m, minSize: 6, maxSize: 10 },
      attributes: {
        Virksomhet: { kind: "categorical", maxPerGroup: 2 },
        Sektor: { kind: "categorical", maxPerGroup: 3 },
        Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 2, Mann: 2 } },
      },
      rules: { apart, together, pins, allowedGroups },
    });
    const start = performance.now();
    const diagnoses = diagnose(problem);
    const elapsed = performance.now() - start;
    expect(diagnoses).toEqual([]);
    expect(elapsed).toBeLessThan(5000);
  });
});
