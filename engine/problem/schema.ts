/**
 * The problem schema: the single source of truth for what Tverr is asked to do.
 *
 * The same zod schema validates a JSON request, is what the roster path produces, feeds the
 * OpenAPI document, and gives the TypeScript type the engine takes. Each term's own fields
 * (caps, minimums, not alone, pair weights, distances, ...) are defined in its file under
 * engine/terms/ and composed here through the registry. Cross-field checks (ids that must
 * exist, sizes that must fit) live in `validate.ts`, so this file reads as the contract alone.
 *
 * Records keyed by caller data (people's attributes, pins, categories) are `keyedRecord`s:
 * null-prototype objects that keep every key, `__proto__` included (see records.ts).
 */
import { z } from "zod";
import { categoricalShape, numericShape, problemShape } from "../terms/registry.js";
import { count, groupsCount, id, label, MAX_GROUPS, magnitude, positiveCount, weight } from "./fields.js";
import { keyedRecord } from "./records.js";

export const AttributeValueSchema = z.union([label, magnitude, z.null()]);

export const PersonSchema = z.strictObject({
  id: id.describe("Unique id of the person"),
  name: label.optional().describe("Display name; never logged"),
  attributes: keyedRecord(AttributeValueSchema).default(() => Object.create(null)),
});

export const GroupSpecSchema = z.strictObject({
  id: id,
  name: label.optional(),
  minSize: count,
  maxSize: positiveCount,
});

/**
 * Groups are given in one of these ways:
 * - `count` (with optional `minSize`/`maxSize`): that many groups, sizes as even as possible;
 * - `size`: a target size; the count is the head count divided by it, rounded;
 * - `minSize` and `maxSize` alone: the fewest groups that fit;
 * - `list`: explicit groups, each with its own id, name and size range.
 */
export const GroupsSchema = z.strictObject({
  count: groupsCount.optional(),
  size: positiveCount.optional(),
  minSize: count.optional(),
  maxSize: positiveCount.optional(),
  list: z.array(GroupSpecSchema).min(1).max(MAX_GROUPS).optional(),
});

export const CategoricalAttributeSchema = z.strictObject({
  kind: z.literal("categorical"),
  weight: weight.default(1).describe("Weight of the attribute's soft term (its mix, or keeping it similar)"),
  ...categoricalShape,
});

export const NumericAttributeSchema = z.strictObject({
  kind: z.literal("numeric"),
  weight: weight
    .default(1)
    .describe("Weight of the balance term (between-group sum of squares of the means)"),
  ...numericShape,
});

export const AttributeSpecSchema = z.discriminatedUnion("kind", [
  CategoricalAttributeSchema,
  NumericAttributeSchema,
]);

export const RulesSchema = z.strictObject({
  apart: z.array(z.array(id).min(2)).default([]).describe("Hard: no two people of a set in one group"),
  together: z.array(z.array(id).min(2)).default([]).describe("Hard: every person of a set in one group"),
  pins: keyedRecord(id, id)
    .default(() => Object.create(null))
    .describe("Hard: person id -> group id"),
  allowedGroups: keyedRecord(z.array(id).min(1), id)
    .default(() => Object.create(null))
    .describe("Hard: person id -> group ids"),
});

export const SolveOptionsSchema = z.strictObject({
  seed: z.number().int().min(-2147483648).max(4294967295).default(1),
  timeLimitMs: z.number().int().positive().max(3_600_000).default(10_000),
  iterationLimit: z
    .number()
    .int()
    .positive()
    .max(1e12)
    .optional()
    .describe("Moves to try; makes runs reproducible"),
  stopWhenStalled: z
    .boolean()
    .default(true)
    .describe(
      "Stop before the time limit when nothing has improved for a while (scaled to the problem); the time limit stays the upper bound",
    ),
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
  attributes: keyedRecord(AttributeSpecSchema).default(() => Object.create(null)),
  rules: RulesSchema.default(() => ({
    apart: [],
    together: [],
    pins: Object.create(null),
    allowedGroups: Object.create(null),
  })),
  ...problemShape,
  options: SolveOptionsSchema.default(() => ({
    seed: 1,
    timeLimitMs: 10_000,
    stopWhenStalled: true,
    onInfeasible: "bestEffort" as const,
  })),
});

/** A problem as the caller writes it (defaults may be omitted). */
export type ProblemInput = z.input<typeof ProblemSchema>;
/** A problem after parsing: defaults filled in, records null-prototype. */
export type Problem = z.output<typeof ProblemSchema>;
export type Person = z.output<typeof PersonSchema>;
export type AttributeSpec = z.output<typeof AttributeSpecSchema>;
export type AttributeSpecInput = z.input<typeof AttributeSpecSchema>;
export type CategoricalAttribute = z.output<typeof CategoricalAttributeSchema>;
export type NumericAttribute = z.output<typeof NumericAttributeSchema>;
export type GroupSpec = z.output<typeof GroupSpecSchema>;
export type SolveOptions = z.output<typeof SolveOptionsSchema>;

/** A grouping: person id -> group id. */
export const AssignmentSchema = keyedRecord(id, id);
export type Assignment = z.output<typeof AssignmentSchema>;
