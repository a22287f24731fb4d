/**
 * The report of a grouping: groups with members, hard violations, each soft term raw /
 * bound / random expectation / normalised / quality with its explanation, per-group
 * details, and for a repair who moved and who is new. Explanations are data here; a locale
 * words them (report/markdown.ts, the CLI, the service, the page).
 */
import type { Model } from "../compile/model.js";
import { normalise, type Objective } from "../score/objective.js";
import type { TermExplanation, TermKind } from "../terms/contract.js";
import { groupSizes } from "../terms/shared.js";
import { listViolations, type Violation } from "./violations.js";

export interface TermReport {
  term: TermKind;
  /** The attribute (or term) it is about. */
  label: string;
  attribute?: string;
  category?: string;
  weight: number;
  /**
   * The term's own value: same-category pairs (mix), minus them (keep similar), between-group
   * sum of squares (balance), pair weight, minus the within-group distance sum, people moved,
   * people short of "not alone".
   */
  raw: number;
  lowerBound: number;
  /** Expected raw value of a uniformly random grouping with the canonical sizes. */
  randomExpectation: number;
  /** (raw − bound) / (expectation − bound): 0 at the bound, 1 as good as random. */
  normalised: number;
  /**
   * 100 · (1 − normalised): 100% at the bound, 0% no better than random, below 0 worse than
   * random. Null when the bound does not apply (the grouping breaks a maximum size).
   */
  qualityPercent: number | null;
  /** The raw value equals the lower bound: this term is proven optimal. */
  atBound: boolean;
  /** The bound holds for this grouping (every group within its maximum size). */
  boundApplies: boolean;
  explanation: TermExplanation;
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

/** A repaired grouping: who moved from where to where, and who is new. */
export interface Changes {
  moved: { person: string; from: string; to: string }[];
  newcomers: string[];
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
  /** Present when repairing an earlier grouping. */
  changes?: Changes;
}

/** Items per term explanation in a report. */
const EXPLAIN_LIMIT = 20;

export function buildReport(model: Model, objective: Objective, groupOf: Int32Array): Report {
  const violations = listViolations(model, groupOf);
  const size = groupSizes(groupOf, model.m);
  let withinMax = true;
  for (let g = 0; g < model.m; g++) if (size[g] > model.maxSize[g]) withinMax = false;
  const terms: TermReport[] = objective.terms.map((t) => {
    const raw = t.instance.full(groupOf);
    const normalised = normalise(t, raw);
    return {
      term: t.term,
      label: t.label,
      ...(t.instance.attribute !== undefined ? { attribute: t.instance.attribute } : {}),
      ...(t.instance.category !== undefined ? { category: t.instance.category } : {}),
      weight: t.weight,
      raw,
      lowerBound: t.lowerBound,
      randomExpectation: t.expectation,
      normalised,
      qualityPercent: withinMax ? 100 * (1 - normalised) : null,
      atBound: withinMax && raw <= t.lowerBound + 1e-9 * Math.max(1, Math.abs(t.lowerBound)),
      boundApplies: withinMax,
      explanation: t.instance.explain(groupOf, EXPLAIN_LIMIT),
    };
  });
  const softScore = terms.reduce((s, t) => s + t.weight * t.normalised, 0);
  const weightSum = terms.reduce((s, t) => s + t.weight, 0);
  const assignment: Record<string, string> = Object.create(null);
  model.personIds.forEach((id, p) => {
    assignment[id] = model.groupIds[groupOf[p]];
  });
  return {
    feasible: violations.length === 0,
    violations,
    softScore,
    gap: weightSum > 0 ? softScore / weightSum : 0,
    provenOptimal: violations.length === 0 && terms.every((t) => t.atBound || t.weight === 0),
    terms,
    groups: groupReports(model, groupOf),
    assignment,
    ...(model.hasIncumbent ? { changes: changes(model, groupOf) } : {}),
  };
}

function changes(model: Model, groupOf: Int32Array): Changes {
  const moved: Changes["moved"] = [];
  const newcomers: string[] = [];
  for (let p = 0; p < model.n; p++) {
    const inc = model.incumbent[p];
    if (inc < 0) newcomers.push(model.personIds[p]);
    else if (inc !== groupOf[p])
      moved.push({ person: model.personIds[p], from: model.groupIds[inc], to: model.groupIds[groupOf[p]] });
  }
  return { moved, newcomers };
}

function groupReports(model: Model, groupOf: Int32Array): GroupReport[] {
  const { n, m, personIds } = model;
  const catCount = model.categorical.length;
  const numCount = model.numeric.length;
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let p = 0; p < n; p++) members[groupOf[p]].push(p);
  return members.map((list, g) => {
    const distinct: Record<string, number> = Object.create(null);
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
    const means: Record<string, number | null> = Object.create(null);
    model.numeric.forEach((info, c) => {
      if (info.derived !== "value") return;
      if (list.length === 0) {
        means[info.name] = null;
        return;
      }
      let sum = 0;
      for (const p of list) sum += model.personNum[p * numCount + c];
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
