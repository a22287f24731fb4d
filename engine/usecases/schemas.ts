/**
 * The use cases' request schemas, defined once: the HTTP bodies and the OpenAPI document
 * come from these, the CLI builds the same requests, the page sends them.
 *
 *   compose   the problem, plus optionally rounds (with history, meetings, reach), exact
 *             mode and threads: one request for every way of composing
 *   check     the same request, diagnosed before any search
 *   score     a problem and a grouping made elsewhere (by hand, in Excel)
 *   network   people and earlier groupings: the has-met network, and with new rounds the
 *             network before and after
 */
import { z } from "zod";
import { HistoryRoundSchema, HistorySchema } from "../network/history.js";
import { id, MAX_ROUNDS } from "../problem/fields.js";
import { AssignmentSchema, PersonSchema, ProblemSchema } from "../problem/schema.js";
import { MeetingsSchema, ReachSchema, RoundSpecSchema } from "../rounds/schema.js";

export const ComposeRequestSchema = ProblemSchema.extend({
  rounds: z
    .array(RoundSpecSchema)
    .min(1, "needs at least one round")
    .max(MAX_ROUNDS)
    .optional()
    .describe("Compose several gatherings at once so people meet new people (left out: one grouping)"),
  history: HistorySchema.optional().describe("Earlier groupings the rounds follow (rounds only)"),
  meetings: MeetingsSchema.optional().describe("How repeated meetings are scored (rounds only)"),
  reach: ReachSchema.optional().describe(
    "Reward the distinct agencies and sectors each person meets (rounds only)",
  ),
  exact: z
    .boolean()
    .default(false)
    .describe(
      "Prove the optimum with the MIP solver (small problems only); on a time-out, the best grouping found and a proven lower bound",
    ),
  threads: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe("Independent seeded searches on this many threads, the best wins (one grouping only)"),
  roundsMode: z
    .enum(["joint", "sequential"])
    .default("joint")
    .describe("joint: every round searched at once; sequential: one after another"),
}).meta({ id: "ComposeRequest", description: "A composition: people, groups, rules, and how to search" });

export type ComposeRequestInput = z.input<typeof ComposeRequestSchema>;
export type ComposeRequest = z.output<typeof ComposeRequestSchema>;

export const ScoreRequestSchema = ProblemSchema.extend({
  assignment: AssignmentSchema.describe(
    "person id -> group id of the grouping to score; every person placed",
  ),
}).meta({ id: "ScoreRequest", description: "A problem and a grouping made elsewhere, to score" });

export type ScoreRequestInput = z.input<typeof ScoreRequestSchema>;

export const NetworkRequestSchema = z
  .strictObject({
    people: z
      .array(PersonSchema)
      .min(1)
      .describe("Everyone in the network, with the attributes that name agency and sector"),
    history: HistorySchema.describe("Earlier groupings, oldest first"),
    newRounds: z
      .array(HistoryRoundSchema)
      .max(MAX_ROUNDS)
      .optional()
      .describe("Rounds to add: the answer compares the network before and after them"),
    agencyKey: id
      .nullable()
      .optional()
      .describe("Attribute naming each person's agency (default: guessed from the keys)"),
    sectorKey: id.nullable().optional().describe("Attribute naming each person's sector (default: guessed)"),
  })
  .meta({ id: "NetworkRequest", description: "People and earlier groupings: who has met whom" });

export type NetworkRequestInput = z.input<typeof NetworkRequestSchema>;
