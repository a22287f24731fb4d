/**
 * Normalisation of the soft terms, so weights mean the same across terms and cohorts.
 *
 * Each soft instance t is reported and optimised as  N_t = (raw_t − LB_t) / (E_t − LB_t):
 * 0 at its lower bound, 1 at the expected value of a uniformly random grouping with the
 * canonical sizes (as even as the bounds allow). The search minimises Σ w_t N_t, which is
 * linear in the raw values, so a raw delta times `coef_t = w_t / (E_t − LB_t)` is the
 * objective's delta. Each term's bound and expectation are derived in its own file.
 *
 * The fused kernel reads the coefficients per key (`keyCoef`, the categorical pair terms)
 * and per numeric column (`numCoef`); the other soft terms keep their own coefficient.
 */
import type { Model } from "../compile/model.js";
import { canonicalSizes } from "../problem/groups.js";
import type { SoftInstance, TermKind } from "../terms/contract.js";

export interface TermNorm {
  instance: SoftInstance;
  term: TermKind;
  label: string;
  weight: number;
  lowerBound: number;
  expectation: number;
  /** weight / (expectation − lowerBound): the objective per unit of raw value. */
  coef: number;
}

export interface Objective {
  /** One per soft instance, in the model's order. */
  terms: TermNorm[];
  /** keyCoef[k]: Σ over the pair terms of k's attribute of coef · sign. */
  keyCoef: Float64Array;
  /** numCoef[c]: coef of numeric column c's balance term (0 when it has none). */
  numCoef: Float64Array;
  /** Σ coef · LB over all terms: subtract from Σ coef · raw to get Σ w N. */
  offset: number;
  /** The sizes the expectations assume. */
  sizes: number[];
}

export function buildObjective(model: Model): Objective {
  const sizes = canonicalSizes(model);
  const keyCoef = new Float64Array(model.keyCount);
  const numCoef = new Float64Array(model.numeric.length);
  const terms: TermNorm[] = [];
  let offset = 0;
  for (const instance of model.instances) {
    if (instance.level !== "soft") continue;
    const lowerBound = instance.lowerBound();
    const expectation = instance.expectation(sizes);
    const span = expectation - lowerBound;
    const coef = span > 1e-12 ? instance.weight / span : instance.weight;
    terms.push({
      instance,
      term: instance.term,
      label: instance.label,
      weight: instance.weight,
      lowerBound,
      expectation,
      coef,
    });
    offset += coef * lowerBound;
    const inc = instance.incremental;
    if (inc.kernel === "categoricalPairs") {
      const info = model.categorical[inc.attribute];
      for (let k = info.keyStart; k < info.keyStart + info.categories.length; k++)
        keyCoef[k] += coef * inc.sign;
    } else if (inc.kernel === "numericBalance") numCoef[inc.column] += coef;
  }
  return { terms, keyCoef, numCoef, offset, sizes };
}

/**
 * The smallest positive weight of the soft terms (and of `others`, weights outside the
 * objectives such as the meetings term's), 1 when there is none: the stall rule counts gains
 * in hundredths of a per cent of the lightest term's way from a random grouping to its bound,
 * so light weights still count their own progress.
 */
export function lightestWeight(objectives: Objective[], others: number[] = []): number {
  let lightest = Number.POSITIVE_INFINITY;
  for (const objective of objectives)
    for (const t of objective.terms) if (t.weight > 0) lightest = Math.min(lightest, t.weight);
  for (const w of others) if (w > 0) lightest = Math.min(lightest, w);
  return Number.isFinite(lightest) ? lightest : 1;
}

/** Normalised value of a raw term value: 0 at the bound, 1 at a random grouping's expectation. */
export function normalise(term: Pick<TermNorm, "lowerBound" | "expectation">, raw: number): number {
  const span = term.expectation - term.lowerBound;
  return span > 1e-12 ? (raw - term.lowerBound) / span : raw - term.lowerBound;
}

/** Σ coef·raw over the soft terms and Σ violations over the hard rules, from scratch. */
export function fullScore(
  model: Model,
  objective: Objective,
  groupOf: Int32Array,
): { hard: number; soft: number } {
  let hard = 0;
  for (const instance of model.instances) if (instance.level === "hard") hard += instance.full(groupOf);
  let soft = 0;
  for (const t of objective.terms) soft += t.coef * t.instance.full(groupOf);
  return { hard, soft };
}
