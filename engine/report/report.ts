/**
 * The report of a grouping: groups with members, hard violations, each soft term raw /
 * bound / random expectation / normalised / quality, and per-group details. Explanations are
 * data here; the CLI and service word them.
 */
import type { Model } from "../compile/model.js";
import { fullRawScore } from "../score/full.js";
import { normalise, type Objective, type TermKind, type TermNorm } from "../score/objective.js";
import { listViolations, type Violation } from "./violations.js";

export interface TermReport {
  kind: TermKind;
  name: string;
  weight: number;
  /**
   * The term's own value: same-category pairs, between-group sum of squares, pair weight,
   * minus the within-group distance sum, people moved.
   */
  raw: number;
  lowerBound: number;
  /** Expected raw value of a uniformly random grouping with the same sizes. */
  randomExpectation: number;
  /** (raw − bound) / (expectation − bound): 0 at the bound, 1 as good as random. */
  normalised: number;
  /** 100 · (1 − normalised): 100% at the bound, 0% no better than random. */
  qualityPercent: number;
  /** The raw value equals the lower bound: this term is proven optimal. */
  atBound: boolean;
}

export interface SharedCategory {
  attribute: string;
  category: string;
  people: string[];
}

export interface GroupReport {
  id: string;
  name?: string;
  size: number;
  members: string[];
  /** Distinct categories per categorical attribute. */
  distinct: Record<string, number>;
  /** Categories held by two or more members: who shares an agency or sector with whom. */
  shared: SharedCategory[];
  /** Mean of each numeric attribute, in the attribute's own units. */
  means: Record<string, number | null>;
}

export interface Report {
  /** Every hard rule holds. */
  feasible: boolean;
  violations: Violation[];
  /** Σ weight × normalised over the soft terms (0 = every term at its bound). */
  softScore: number;
  /** The weighted normalised gap to the bound: softScore / Σ weights (0 = proven optimal). */
  gap: number;
  /** Every soft term is at its lower bound and every hard rule holds. */
  provenOptimal: boolean;
  terms: TermReport[];
  groups: GroupReport[];
  assignment: Record<string, string>;
}

export function buildReport(model: Model, objective: Objective, groupOf: Int32Array): Report {
  const raw = fullRawScore(model, groupOf);
  const violations = listViolations(model, groupOf);
  const terms: TermReport[] = [];
  const addTerm = (t: TermNorm, value: number) => {
    const normalised = normalise(t, value);
    terms.push({
      kind: t.kind,
      name: t.name,
      weight: t.weight,
      raw: value,
      lowerBound: t.lowerBound,
      randomExpectation: t.expectation,
      normalised,
      qualityPercent: 100 * (1 - normalised),
      atBound: value <= t.lowerBound + 1e-9,
    });
  };
  objective.categorical.forEach((t, a) => {
    addTerm(t, raw.categorical[a]);
  });
  objective.numeric.forEach((t, a) => {
    addTerm(t, raw.numeric[a]);
  });
  if (objective.pairwise) addTerm(objective.pairwise, raw.pairwise);
  if (objective.distance) addTerm(objective.distance, raw.distance);
  if (objective.stability) addTerm(objective.stability, raw.moved);
  const softScore = terms.reduce((s, t) => s + t.weight * t.normalised, 0);
  const weightSum = terms.reduce((s, t) => s + t.weight, 0);
  return {
    feasible: violations.length === 0,
    violations,
    softScore,
    gap: weightSum > 0 ? softScore / weightSum : 0,
    provenOptimal: violations.length === 0 && terms.every((t) => t.atBound || t.weight === 0),
    terms,
    groups: groupReports(model, groupOf),
    assignment: Object.fromEntries(model.personIds.map((id, p) => [id, model.groupIds[groupOf[p]]])),
  };
}

function groupReports(model: Model, groupOf: Int32Array): GroupReport[] {
  const { n, m, personIds } = model;
  const catCount = model.categorical.length;
  const numCount = model.numeric.length;
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let p = 0; p < n; p++) members[groupOf[p]].push(p);
  return members.map((list, g) => {
    const distinct: Record<string, number> = {};
    const shared: SharedCategory[] = [];
    model.categorical.forEach((info, a) => {
      const byKey = new Map<number, number[]>();
      for (const p of list) {
        const key = model.personKey[p * catCount + a];
        if (key < 0) continue;
        const people = byKey.get(key);
        if (people) people.push(p);
        else byKey.set(key, [p]);
      }
      distinct[info.name] = byKey.size;
      for (const [key, people] of byKey) {
        if (people.length < 2) continue;
        shared.push({
          attribute: info.name,
          category: info.categories[key - info.keyStart],
          people: people.map((p) => personIds[p]),
        });
      }
    });
    const means: Record<string, number | null> = {};
    model.numeric.forEach((info, a) => {
      if (list.length === 0) {
        means[info.name] = null;
        return;
      }
      let sum = 0;
      for (const p of list) sum += model.personNum[p * numCount + a];
      means[info.name] = info.mean + (sum / list.length) * info.sd;
    });
    return {
      id: model.groupIds[g],
      ...(model.groupNames[g] !== undefined ? { name: model.groupNames[g] } : {}),
      size: list.length,
      members: list.map((p) => personIds[p]),
      distinct,
      shared,
      means,
    };
  });
}
