/**
 * Settings: everything a coordinator or a client says about a composition besides the
 * roster itself, in one schema for every door. The CLI's flags and config file, the HTTP
 * query and multipart `settings` part, and the page's form all become these settings, and
 * `assemble` (assemble.ts) turns a roster table and settings into the compose request.
 *
 * Column rules name columns as the roster's header does (matched loosely: case, accents
 * and punctuation aside). A rule's `column` may also be written `COLUMN:CATEGORY` (the
 * CLI's form); the longest prefix that names a column wins.
 */
import { z } from "zod";
import { HistorySchema } from "../network/history.js";
import { id, label, MAX_ROUNDS, positiveCount, weight } from "../problem/fields.js";
import { overrideOf } from "../problem/overrides.js";
import { keyedRecord } from "../problem/records.js";
import { GroupsSchema, ProblemSchema, SolveOptionsSchema } from "../problem/schema.js";
import { RosterMappingSchema } from "../roster/mapping.js";
import { MeetingsSchema, ReachSchema, RoundSpecSchema } from "../rounds/schema.js";

const column = z.string().min(1).max(200).describe("A column of the roster, as its header names it");
const weighted = z.strictObject({ column, weight: weight.optional() });
const counted = z.strictObject({ column, category: label.optional(), count: positiveCount });

export const ComposeSettingsSchema = z.strictObject({
  mapping: RosterMappingSchema.optional().describe("How roster columns become people"),
  groups: GroupsSchema.optional().describe("Group count, size, size range or list"),
  mix: z
    .array(weighted)
    .max(100)
    .optional()
    .describe(
      "Columns to mix (spread over the groups); with mix, balance or similar, only the columns named are soft terms",
    ),
  balance: z.array(weighted).max(100).optional().describe("Numeric columns whose group means to balance"),
  balanceSpread: z
    .array(weighted)
    .max(100)
    .optional()
    .describe("Numeric columns whose group spread (variance) to balance too"),
  similar: z
    .array(weighted)
    .max(100)
    .optional()
    .describe("Columns to keep similar together (working language, site)"),
  caps: z
    .array(counted)
    .max(1000)
    .optional()
    .describe("At most `count` of a category (or of any one category) per group"),
  atLeast: z.array(counted).max(1000).optional().describe("At least `count` of a category in every group"),
  notAlone: z
    .array(counted.extend({ level: z.enum(["hard", "soft"]).optional() }))
    .max(1000)
    .optional()
    .describe("Every group has none of a category or at least `count`"),
  rules: z
    .strictObject({
      apart: z.array(z.array(id).min(2)).max(10_000).optional(),
      together: z.array(z.array(id).min(2)).max(10_000).optional(),
      pins: keyedRecord(id, id).optional(),
      allowedGroups: keyedRecord(z.array(id).min(1), id).optional(),
    })
    .optional()
    .describe("Keep apart, keep together, pins and allowed groups, by person id"),
  incumbent: z
    .strictObject({ assignment: keyedRecord(id, id), weight: weight.optional() })
    .optional()
    .describe("An earlier grouping to repair with few moves"),
  options: overrideOf(SolveOptionsSchema).optional(),
  /** Parts of the problem in the engine's own schema (the CLI's config file `problem`). */
  problem: overrideOf(ProblemSchema.omit({ people: true, options: true }))
    .extend({ options: overrideOf(SolveOptionsSchema).optional() })
    .optional(),
  rounds: z
    .union([z.number().int().positive().max(MAX_ROUNDS), z.array(RoundSpecSchema).min(1).max(MAX_ROUNDS)])
    .optional()
    .describe("How many gatherings to compose (or the rounds themselves)"),
  history: HistorySchema.optional(),
  meetings: overrideOf(MeetingsSchema).optional(),
  reach: ReachSchema.optional(),
  exact: z.boolean().optional().describe("Prove the optimum with the MIP solver (small problems)"),
  threads: z.number().int().min(1).max(64).optional(),
  roundsMode: z.enum(["joint", "sequential"]).optional(),
});

export type ComposeSettings = z.input<typeof ComposeSettingsSchema>;
export type ParsedSettings = z.output<typeof ComposeSettingsSchema>;
