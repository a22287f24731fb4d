/**
 * The contract every soft term and hard rule keeps. One file per term implements it
 * (`engine/terms/<term>.ts`) and one line registers it (`registry.ts`).
 *
 * A term definition says what part of the request it reads (its schema part lives in its
 * file and is composed into the problem schema) and compiles that part into instances: one
 * per attribute, category or term present in the problem. An instance is the term in this
 * problem, with its own typed arrays, and answers everything the engine asks of it:
 *
 *   full(groupOf)          raw value from the definition (the reference every delta is tested against)
 *   lowerBound()           a value no grouping within the max sizes can beat (soft terms)
 *   expectation(sizes)     mean raw value of a uniformly random grouping with those sizes
 *   incremental            how the search evaluates moves: a column of the fused kernel
 *                          (categorical pairs, numeric sums; see score/incremental.ts), or its
 *                          own `IncrementalTerm` with a read-only delta and an apply
 *   violations(groupOf)    hard rules: each broken rule as data (people, groups, how much)
 *   explain(groupOf)       soft terms: where the value comes from, as data
 *   linear                 exact mode: the term as per-pair and per-placement coefficients,
 *                          or absent when it cannot be linearised (exact mode then refuses)
 *   blocksFastPath         true unless the term is zero-weight or is the distance term: a
 *                          specialised search that reads only distances must not silently
 *                          ignore a term (the default is to block)
 *
 * Raw values are "lower is better" for every soft term, so the search minimises
 * Σ coef·raw with coef = weight / (expectation − lowerBound) (see score/objective.ts).
 * Hard rules count violations (people over a cap, pairs kept apart who are together, ...);
 * the hard level is their sum, compared before the soft one.
 */
import type { z } from "zod";
import type { Model } from "../compile/model.js";
import type { Violation } from "../report/violations.js";

/** The soft terms, by the name a report and a locale know them by. */
export type TermKind =
  | "spread"
  | "similar"
  | "balance"
  | "variance"
  | "notAlone"
  | "pairwise"
  | "distance"
  | "stability";

/** The hard rules with a level of their own (keep-together, pins and allowed groups restrict moves instead). */
export type RuleKind = "size" | "cap" | "min" | "notAlone" | "apart";

/**
 * A term's own incremental state, for terms outside the fused kernel. The score calls it for
 * every evaluated and applied move, always before its own tallies (and `groupOf`) change.
 */
export interface IncrementalTerm {
  /** Raw change if unit u moves from group g to h. Reads only. */
  relocate(u: number, g: number, h: number): number;
  /** Raw change if unit u (in g) and unit v (in h) trade groups. Reads only. */
  swap(u: number, v: number, g: number, h: number): number;
  /** The relocate happens: update own state (stateless terms leave these out). */
  applyRelocate?(u: number, g: number, h: number): void;
  applySwap?(u: number, v: number, g: number, h: number): void;
  /** Forget everything and rebuild from a full grouping (person → group). */
  reset(groupOf: Int32Array): void;
}

/** What the search touches per move: a fused-kernel column, or the term's own state. */
export type Incremental =
  /** Same-category pairs of categorical attribute `attribute`, times `sign` (−1: fewer is worse). */
  | { kernel: "categoricalPairs"; attribute: number; sign: 1 | -1 }
  /** Between-group sum of squares of numeric column `column`. */
  | { kernel: "numericBalance"; column: number }
  /** Caps and minimums of the categorical keys (one instance covers them all). */
  | { kernel: "keyRules" }
  /** Group sizes. */
  | { kernel: "sizes" }
  /** The term's own state, built against the score's live `groupOf`. */
  | { kernel: "own"; create(groupOf: Int32Array): IncrementalTerm };

/** Exact mode: the term as linear coefficients over the unit placement variables. */
export interface Linearisation {
  /** Calls add(p, q, c) for every pair of people whose being together changes raw by c. */
  pairs?(add: (p: number, q: number, c: number) => void): void;
  /** Calls add(p, g, c) for every person whose being in group g changes raw by c. */
  placements?(add: (p: number, g: number, c: number) => void): void;
}

/** A part of a term's explanation: a group, the people concerned, and how much they add. */
export interface ExplanationItem {
  group?: string;
  /** Person ids concerned (a few; `more` says how many were left out). */
  people: string[];
  more: number;
  /** The category or pair the item is about, when there is one. */
  category?: string;
  /** For a person moved from an earlier grouping: the group they were in. */
  from?: string;
  /** This item's share of the raw value above the term's best possible value (or its own figure). */
  amount: number;
}

export interface TermExplanation {
  /** The largest contributions first, at most the limit asked for. */
  items: ExplanationItem[];
  /** Items left out by the limit. */
  more: number;
}

interface InstanceBase {
  /** Attribute name (or category, for per-category terms), or the term's own name. */
  readonly label: string;
  /** The attribute the instance belongs to, when it belongs to one. */
  readonly attribute?: string;
  /** The category, for per-category terms (not alone). */
  readonly category?: string;
  readonly incremental: Incremental;
  /** Raw value of a grouping from the definition (person index → group index). */
  full(groupOf: Int32Array): number;
  readonly linear?: Linearisation;
}

export interface SoftInstance extends InstanceBase {
  readonly level: "soft";
  readonly term: TermKind;
  readonly weight: number;
  lowerBound(): number;
  expectation(sizes: readonly number[]): number;
  explain(groupOf: Int32Array, limit: number): TermExplanation;
  /** See the header; true unless the term cannot matter to a distance-only search. */
  readonly blocksFastPath: boolean;
}

export interface HardInstance extends InstanceBase {
  readonly level: "hard";
  readonly rule: RuleKind;
  /** Every broken rule of a grouping, as data. */
  violations(groupOf: Int32Array): Violation[];
}

export type Instance = SoftInstance | HardInstance;

/**
 * An attribute's spec as a term sees it before the problem's types exist: the problem schema
 * is composed from the terms' parts, so a term may not name the composed type here.
 */
export type SpecFields = Readonly<Record<string, unknown>>;

/** The keys of a record field of a spec (categories named by a rule). */
export function recordKeys(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

/** A term or rule: compiles its part of the problem into zero or more instances. */
export interface TermDefinition {
  readonly name: string;
  /**
   * The term's part of the request schema: fields of a categorical or numeric attribute's
   * spec, or of the problem itself. Composed into the problem schema by the registry.
   */
  readonly schema?: { readonly scope: "categorical" | "numeric" | "problem"; readonly shape: z.ZodRawShape };
  /**
   * Categories of a categorical attribute that this term's part of the spec names, so they
   * exist as keys even when nobody has them (a minimum of one must then fail).
   */
  categoriesNamed?(spec: SpecFields): string[];
  /** The term in this problem; may fill the fused kernel's tables (caps, minimums, derived columns). */
  compile(model: Model): Instance[];
}

/**
 * A term across rounds (repeated meetings, reach): its raw value depends on several rounds'
 * groupings at once. Rounds join with `addRound` (all at once for a joint search, one at a
 * time for a sequential one); a move in a joined round is evaluated with `evalRelocate` /
 * `evalSwap` (reads only; the change is left in `dCost`, and in `dHard` for a term with a hard
 * part) and made with `applyRelocate` / `applySwap` right after evaluating the same move.
 */
export interface RoundsTerm {
  /** The raw value over the history and the joined rounds. */
  readonly cost: number;
  /** The hard count (the no-repeat rule), 0 for a soft-only term. */
  readonly hard: number;
  readonly dCost: number;
  readonly dHard: number;
  addRound(r: number, unitGroup: Int32Array): void;
  evalRelocate(r: number, u: number, h: number): void;
  evalSwap(r: number, u: number, v: number): void;
  applyRelocate(r: number, u: number, h: number): void;
  applySwap(r: number, u: number, v: number): void;
}
