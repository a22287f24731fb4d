/**
 * Every term and rule, in the order they compile (a term may read what an earlier one put in
 * the model; the variance term's derived columns come after the plain ones). A new term is
 * its file plus one line here; its schema part is composed into the problem schema below.
 */
import type { z } from "zod";
import { apart } from "./apart.js";
import { balance } from "./balance.js";
import { caps } from "./caps.js";
import { distance } from "./distance.js";
import { minimum } from "./minimum.js";
import { notAlone } from "./notAlone.js";
import { pairwise } from "./pairwise.js";
import { similar } from "./similar.js";
import { sizes } from "./sizes.js";
import { spread } from "./spread.js";
import { stability } from "./stability.js";
import { variance } from "./variance.js";

export const TERMS = [
  sizes,
  caps,
  minimum,
  notAlone,
  apart,
  spread,
  similar,
  balance,
  variance,
  pairwise,
  distance,
  stability,
] as const;

type Scope = "categorical" | "numeric" | "problem";
type Terms = typeof TERMS;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** The shapes of every term's schema part in a scope, merged. */
type PartOf<T, S extends Scope> = T extends { schema: { scope: S; shape: infer X } } ? X : never;
type ShapeOf<S extends Scope> = UnionToIntersection<PartOf<Terms[number], S>>;

function shapeOf<S extends Scope>(scope: S): ShapeOf<S> {
  const shape: z.ZodRawShape = {};
  for (const term of TERMS) {
    const part = (term as { schema?: { scope: Scope; shape: z.ZodRawShape } }).schema;
    if (part?.scope === scope) Object.assign(shape, part.shape);
  }
  return shape as ShapeOf<S>;
}

/** Fields of a categorical attribute's spec contributed by terms (caps, minimums, not alone, goal). */
export const categoricalShape = shapeOf("categorical");
/** Fields of a numeric attribute's spec contributed by terms (variance). */
export const numericShape = shapeOf("numeric");
/** Top-level fields of the problem contributed by terms (pairwise, distance, incumbent). */
export const problemShape = shapeOf("problem");
