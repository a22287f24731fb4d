/**
 * The problem schema: the single source of truth for what Tverr is asked to do.
 *
 * The same zod schema validates a JSON request, is what the CSV path produces, feeds the
 * OpenAPI document, and gives the TypeScript type the engine takes. Cross-field checks
 * (ids that must exist, sizes that must fit) live in `validate.ts`, so this file reads as
 * the contract alone.
 */
import { z } from "zod";

const id = z.string().min(1, "must be a non-empty string");
const count = z.number().int().nonnegative();
const positiveCount = z.number().int().positive();
const weight = z.number().finite().nonnegative();

export const AttributeValueSchema = z.union([z.string(), z.number().finite(), z.null()]);

export const PersonSchema = z.strictObject({
  id: id.describe("Unique id of the person"),
  name: z.string().optional().describe("Display name; never logged"),
  attributes: z.record(z.string(), AttributeValueSchema).default({}),
});

export const GroupSpecSchema = z.strictObject({
  id: id,
  name: z.string().optional(),
  minSize: count,
  maxSize: positiveCount,
});

/**
 * Groups are given in one of three ways:
 * - `count` (with optional `minSize`/`maxSize`): that many groups, sizes as even as possible;
 * - `size`: a target size; the count is the head count divided by it, rounded;
 * - `minSize` and `maxSize` alone: the fewest groups that fit;
 * - `list`: explicit groups, each with its own id, name and size range.
 */
export const GroupsSchema = z.strictObject({
  count: positiveCount.optional(),
  size: positiveCount.optional(),
  minSize: count.optional(),
  maxSize: positiveCount.optional(),
  list: z.array(GroupSpecSchema).min(1).optional(),
});

export const CategoricalAttributeSchema = z.strictObject({
  kind: z.literal("categorical"),
  weight: weight.default(1).describe("Weight of the spread term (same-category pairs inside groups)"),
  maxPerGroup: positiveCount.optional().describe("Hard: at most this many of any one category per group"),
  maxPerGroupByCategory: z
    .record(z.string(), positiveCount)
    .optional()
    .describe("Hard: per-category caps, overriding maxPerGroup"),
  minPerGroup: z
    .record(z.string(), positiveCount)
    .optional()
    .describe("Hard: at least this many of the category in every group"),
});

export const NumericAttributeSchema = z.strictObject({
  kind: z.literal("numeric"),
  weight: weight.default(1).describe("Weight of the balance term (between-group sum of squares)"),
});

export const AttributeSpecSchema = z.discriminatedUnion("kind", [
  CategoricalAttributeSchema,
  NumericAttributeSchema,
]);

export const PairWeightSchema = z.strictObject({
  a: id,
  b: id,
  weight: z.number().finite().describe("Positive: avoid placing a and b together; negative: prefer it"),
});

export const RulesSchema = z.strictObject({
  apart: z.array(z.array(id).min(2)).default([]).describe("Hard: no two people of a set in one group"),
  together: z.array(z.array(id).min(2)).default([]).describe("Hard: every person of a set in one group"),
  pins: z.record(id, id).default({}).describe("Hard: person id -> group id"),
  allowedGroups: z.record(id, z.array(id).min(1)).default({}).describe("Hard: person id -> group ids"),
});

export const PairwiseSchema = z.strictObject({
  weight: weight.default(1),
  pairs: z.array(PairWeightSchema).default([]),
});

/**
 * A dense dissimilarity between every two people (e.g. from survey answers), in the order of
 * `people`: the term maximises the sum of the distances inside groups (the maximally diverse
 * grouping objective). Symmetric, zero diagonal, non-negative (checked in validate.ts).
 */
export const DistanceSchema = z.strictObject({
  weight: weight.default(1).describe("Weight of the diversity term (sum of distances inside groups)"),
  matrix: z
    .array(z.array(z.number().finite().nonnegative()))
    .describe("n×n symmetric matrix, zero diagonal, row i = people[i]"),
});

export const IncumbentSchema = z.strictObject({
  assignment: z.record(id, id).describe("person id -> group id of the published grouping"),
  weight: weight.default(1).describe("Weight of the stability term (people moved)"),
});

export const SolveOptionsSchema = z.strictObject({
  seed: z.number().int().default(1),
  timeLimitMs: z.number().int().positive().max(3_600_000).default(10_000),
  iterationLimit: z.number().int().positive().optional().describe("Moves to try; makes runs reproducible"),
  onInfeasible: z
    .enum(["fail", "bestEffort"])
    .default("bestEffort")
    .describe(
      "When the rules cannot all hold: fail with the diagnosis, or return the least-violating grouping",
    ),
});

export const ProblemSchema = z.strictObject({
  people: z.array(PersonSchema).min(1, "needs at least one person"),
  groups: GroupsSchema,
  attributes: z.record(z.string(), AttributeSpecSchema).default({}),
  rules: RulesSchema.default({ apart: [], together: [], pins: {}, allowedGroups: {} }),
  pairwise: PairwiseSchema.optional(),
  distance: DistanceSchema.optional(),
  incumbent: IncumbentSchema.optional(),
  options: SolveOptionsSchema.default({ seed: 1, timeLimitMs: 10_000, onInfeasible: "bestEffort" }),
});

/** A problem as the caller writes it (defaults may be omitted). */
export type ProblemInput = z.input<typeof ProblemSchema>;
/** A problem after parsing: defaults filled in. */
export type Problem = z.output<typeof ProblemSchema>;
export type Person = z.output<typeof PersonSchema>;
export type AttributeSpec = z.output<typeof AttributeSpecSchema>;
export type CategoricalAttribute = z.output<typeof CategoricalAttributeSchema>;
export type NumericAttribute = z.output<typeof NumericAttributeSchema>;
export type GroupSpec = z.output<typeof GroupSpecSchema>;
export type SolveOptions = z.output<typeof SolveOptionsSchema>;

/** A grouping: person id -> group id. */
export const AssignmentSchema = z.record(id, id);
export type Assignment = z.output<typeof AssignmentSchema>;
