/**
 * The multi-round problem: the single-round problem plus the rounds to compose, the meeting
 * history they follow, and how repeated meetings (and, optionally, reach across agencies) are
 * scored.
 *
 * It extends `ProblemSchema` rather than changing it, so a single-round request stays exactly
 * what it was. Every round obeys the problem's attributes (mixing terms) and hard rules; a
 * pin applies in the rounds that have the pinned group id. Cross-field checks live in
 * `validate.ts`.
 */
import { z } from "zod";
import { HistorySchema } from "../network/history.js";
import { id, MAX_REPEAT, MAX_ROUNDS, weight } from "../problem/fields.js";
import { GroupsSchema, ProblemSchema } from "../problem/schema.js";

export const RoundSpecSchema = z.strictObject({
  id: id.describe("Label of the round, e.g. the gathering's name"),
  groups: GroupsSchema.optional().describe("The round's groups; the problem's `groups` when left out"),
  people: z.array(id).optional().describe("Ids of the people present in this round; everyone when left out"),
  repeat: z
    .number()
    .int()
    .positive()
    .max(MAX_REPEAT)
    .default(1)
    .describe("Gatherings this grouping meets: a fixed group meeting 6 times is one round with repeat 6"),
});

/**
 * Repeated meetings. A pair's meeting count c = meetings in the history + Σ over the rounds
 * that put them together of the round's `repeat`; the term is Σ_pairs f(c) with
 *   square:  f(c) = max(0, c − 1)²     linear:  f(c) = max(0, c − 1)
 * so a first meeting is free and each further one costs more (square) or the same (linear).
 */
export const MeetingsSchema = z.strictObject({
  weight: weight.default(1).describe("Weight of the repeated-meetings term"),
  penalty: z.enum(["square", "linear"]).default("square"),
  forbidRepeats: z
    .boolean()
    .default(false)
    .describe(
      "Hard: no pair shares a group in two groupings (history rounds and new rounds; a round's own repeat does not count)",
    ),
});

/**
 * Reach: the distinct categories of each attribute (agencies, sectors) every person has met by
 * the end, over the history and the new rounds, own category excluded; the term maximises
 * their sum (see reach.ts). Left out: no reach term.
 */
/**
 * Most attributes reach counts: its tables are people × attributes, and each move updates
 * every attribute; 100,000 of them kept twelve people's solve past its deadline.
 */
export const MAX_REACH_ATTRIBUTES = 50;

export const ReachSchema = z.strictObject({
  weight: weight.default(1).describe("Weight of the reach term"),
  attributes: z
    .array(id)
    .max(MAX_REACH_ATTRIBUTES)
    .optional()
    .describe(
      "Person attribute keys whose categories count; left out: the recognised agency and sector keys (Virksomhet, Sektor, ...)",
    ),
});

export const RoundsProblemSchema = ProblemSchema.extend({
  rounds: z.array(RoundSpecSchema).min(1, "needs at least one round").max(MAX_ROUNDS),
  history: HistorySchema.default({ rounds: [] }),
  meetings: MeetingsSchema.default({ weight: 1, penalty: "square", forbidRepeats: false }),
  reach: ReachSchema.optional(),
});

export type RoundsProblemInput = z.input<typeof RoundsProblemSchema>;
export type RoundsProblem = z.output<typeof RoundsProblemSchema>;
export type RoundSpec = z.output<typeof RoundSpecSchema>;
export type MeetingsSpec = z.output<typeof MeetingsSchema>;
export type ReachSpec = z.output<typeof ReachSchema>;
