/**
 * The service's own contract, in zod: what it adds around the engine's schemas (jobs, problem
 * details, the CSV query and multipart parts). Routes validate with these and the OpenAPI
 * document is generated from them, so the two cannot drift.
 *
 * The problem itself is the engine's `ProblemSchema`, used as is. Result schemas are loose:
 * they document the fields a client relies on and let the engine's report grow.
 */
import { z } from "zod";
import {
  AssignmentSchema,
  type EvaluateResult,
  HistoryRoundSchema,
  HistorySchema,
  MeetingsSchema,
  type NetworkComparison,
  type NetworkMeasures,
  PersonSchema,
  ProblemSchema,
  RoundSpecSchema,
  type RoundsResult,
  type SolveResult,
} from "../engine/index.js";
import { RosterMappingSchema } from "../engine/roster/index.js";
import type { ProblemDetails } from "./errors.js";

z.globalRegistry.add(ProblemSchema, {
  id: "Problem",
  description: "A composition problem: people, groups, rules",
});

const count = z.number().int().nonnegative();

/**
 * A loose schema documenting an engine type, typed as that type so handlers return the
 * engine's value as is (loose objects keep every field the engine adds).
 */
const documents = <T>(schema: z.ZodType) => schema as unknown as z.ZodType<T, T>;

export const DiagnosisSchema = z
  .object({
    code: z.string().describe("Stable, machine-readable kind, e.g. cap_vs_count"),
    rule: z.string().describe("JSON path of the rule in the problem"),
    people: z.array(z.string()),
    groups: z.array(z.string()),
    facts: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
    fixes: z.array(z.string()),
  })
  .meta({ id: "Diagnosis", description: "One reason the hard rules cannot all hold, and what would fix it" });

export const IssueSchema = z
  .object({
    path: z.string().optional().describe("JSON path as people read it, e.g. people[3].id"),
    pointer: z.string().optional().describe("RFC 6901 JSON pointer"),
    message: z.string(),
    file: z.string().optional(),
    line: z.number().int().optional().describe("CSV line, counting from 1"),
    column: z.number().int().optional().describe("CSV column, counting from 1"),
  })
  .meta({ id: "Issue" });

export const ProblemDetailsSchema = documents<ProblemDetails>(
  z
    .looseObject({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().optional(),
      instance: z.string().optional(),
      code: z.string().describe("Stable error code, e.g. invalid_input, infeasible, queue_full"),
      issues: z
        .array(IssueSchema)
        .optional()
        .describe("Every invalid field, with its path or CSV line and column"),
      diagnoses: z.array(DiagnosisSchema).optional().describe("Why the rules cannot hold (status 422)"),
    })
    .meta({ id: "ProblemDetails", description: "RFC 9457 problem details" }),
);

const ReportFields = {
  feasible: z.boolean().describe("Every hard rule holds"),
  violations: z.array(z.looseObject({})).describe("Hard rules that do not hold"),
  softScore: z.number(),
  gap: z.number().describe("Weighted normalised gap to the lower bound (0 = proven optimal)"),
  provenOptimal: z.boolean(),
  terms: z.array(
    z.looseObject({
      kind: z.string(),
      name: z.string(),
      weight: z.number(),
      qualityPercent: z.number(),
      atBound: z.boolean(),
    }),
  ),
  groups: z.array(z.looseObject({ id: z.string(), size: count, members: z.array(z.string()) })),
  assignment: z.record(z.string(), z.string()).describe("Person id → group id"),
  diagnoses: z.array(DiagnosisSchema),
};

export const EvaluationResultSchema = documents<EvaluateResult>(
  z.looseObject(ReportFields).meta({ id: "Evaluation", description: "The report of a grouping" }),
);

export const SolveResultSchema = documents<SolveResult>(
  z
    .looseObject({
      ...ReportFields,
      stats: z.looseObject({
        seed: z.number(),
        iterations: count,
        totalMs: z.number(),
        stopReason: z.string(),
      }),
    })
    .meta({ id: "Composition", description: "The groups composed, with the report and search statistics" }),
);

/** The rounds of a report: each round's own report, with its id and how often it meets. */
export const RoundsResultSchema = documents<RoundsResult>(
  z
    .looseObject({
      feasible: z
        .boolean()
        .describe("Every round's hard rules hold, and no pair meets again when repeats are forbidden"),
      softScore: z.number(),
      rounds: z
        .array(z.looseObject({ ...ReportFields, id: z.string(), repeat: count }))
        .describe("One report per round, in order"),
      meetings: z
        .looseObject({
          cost: z.number(),
          repeats: count.describe("New groupings that put together a pair who had already met"),
          repeatPairs: count,
          maxMeetings: count,
          newPairs: count,
          pairsMet: count,
        })
        .describe("Repeated meetings over the history and the new rounds"),
      composed: z.array(HistoryRoundSchema).describe("The new rounds in the history's shape"),
      network: z.looseObject({}).describe("The has-met network before and after the new rounds"),
      stats: z.looseObject({
        seed: z.number(),
        mode: z.string(),
        iterations: count,
        totalMs: z.number(),
        stopReason: z.string(),
      }),
    })
    .meta({
      id: "RoundsComposition",
      description: "Groups for several rounds: a report per round, the meetings and the network",
    }),
);

/** The result of `POST /v1/compositions`: one grouping, or several rounds when `rounds` was given. */
export const CompositionResultSchema = z.union([SolveResultSchema, RoundsResultSchema]);

/** Multi-round fields of a composition request; with `rounds`, the rounds are composed together. */
const roundsFields = {
  rounds: z
    .array(RoundSpecSchema)
    .min(1, "needs at least one round")
    .optional()
    .describe("Compose these rounds at once (results per round); leave out for one grouping"),
  history: HistorySchema.optional().describe("Earlier rounds the new ones follow (with rounds)"),
  meetings: MeetingsSchema.optional().describe("How repeated meetings are scored (with rounds)"),
};

/** `POST /v1/compositions` as JSON: a problem, and optionally rounds with their history. */
export const CompositionBodySchema = ProblemSchema.extend(roundsFields).meta({
  id: "CompositionRequest",
  description: "A composition problem (people, groups, rules), optionally over several rounds",
});

export const JOB_STATES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export const JobSchema = z
  .object({
    id: z.string(),
    state: z.enum(JOB_STATES),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    expiresAt: z.iso.datetime().optional().describe("When a finished job and its result are forgotten"),
    people: count,
    timeLimitMs: count.describe("The time limit applied (capped at the server's maximum)"),
    progress: z
      .object({
        elapsedMs: z.number(),
        iterations: count,
        bestHard: z.number().describe("Hard-rule violations of the best grouping so far"),
        bestSoft: z.number().describe("Soft score of the best grouping so far (0 = every term at its bound)"),
      })
      .nullable(),
    cancelReason: z.enum(["client", "deadline", "shutdown"]).optional(),
    skipped: z
      .array(z.object({ line: count, reason: z.string() }))
      .optional()
      .describe("Roster rows left out (mapping.skipInvalidRows)"),
    result: CompositionResultSchema.optional().describe(
      "When succeeded (or cancelled while running: the best so far)",
    ),
    error: ProblemDetailsSchema.optional().describe("When failed"),
    links: z.object({ self: z.string(), events: z.string() }),
  })
  .meta({ id: "Job" });

export const JobParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** A query parameter holding JSON. */
const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "must be JSON" });
    return z.NEVER;
  }
});

const queryInt = z.coerce.number().int();

/** Query parameters of `POST /v1/compositions` with a `text/csv` body. */
export const CsvQuerySchema = z.strictObject({
  size: queryInt.positive().optional().describe("Target group size"),
  count: queryInt.positive().optional().describe("Number of groups"),
  minSize: queryInt.nonnegative().optional(),
  maxSize: queryInt.positive().optional(),
  seed: queryInt.optional(),
  timeLimitMs: queryInt.positive().optional(),
  iterationLimit: queryInt.positive().optional(),
  onInfeasible: z.enum(["fail", "bestEffort"]).optional(),
  mapping: jsonText
    .pipe(RosterMappingSchema)
    .optional()
    .describe(
      'Roster mapping as JSON, e.g. {"attributes":{"Virksomhet":{"kind":"categorical","maxPerGroup":1}}}',
    ),
});

/** The JSON part of a multipart roster upload: the problem without its people, plus the mapping. */
export const RosterSettingsSchema = ProblemSchema.omit({ people: true, attributes: true })
  .extend({ mapping: RosterMappingSchema.optional(), ...roundsFields })
  .meta({
    id: "RosterSettings",
    description: "Groups, rules and options for a roster; attributes go in mapping",
  });

const CsvBytes = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), { message: "expected the roster as CSV" })
  .meta({ type: "string", contentMediaType: "text/csv" });

export const CsvBodySchema = CsvBytes.describe(
  "A roster as exported from Excel: ; or , or tab, UTF-8 or Windows-1252",
);

/** A CSV reply: one row per person, the group first (formulas neutralised for Excel). */
export const CsvTextSchema = z.string().meta({ contentMediaType: "text/csv" });

/** An event stream reply (the body is a stream; this documents it). */
export const EventStreamSchema = z.unknown().meta({ type: "string", contentMediaType: "text/event-stream" });

export const MultipartBodySchema = z.object({
  roster: CsvBytes.describe("The roster file"),
  settings: RosterSettingsSchema,
});

export const EvaluationBodySchema = z.strictObject({
  problem: ProblemSchema,
  assignment: AssignmentSchema.describe("Person id → group id, every person placed"),
});

/** `POST /v1/networks`: people and their meeting history, optionally new rounds to compare. */
export const NetworkBodySchema = z
  .strictObject({
    people: z.array(PersonSchema).min(1, "needs at least one person"),
    history: HistorySchema.describe("Earlier rounds: round label, and group id -> person ids"),
    newRounds: z
      .array(HistoryRoundSchema)
      .optional()
      .describe("New rounds: with them the reply compares the network before and after"),
    agencyKey: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe("Attribute holding the agency (default: the first recognised, e.g. Virksomhet; null: none)"),
    sectorKey: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe("Attribute holding the sector (default: the first recognised, e.g. Sektor; null: none)"),
  })
  .meta({ id: "NetworkRequest", description: "People, their meeting history and optionally new rounds" });

const share = z.number().nullable();

const NetworkMeasuresSchema = documents<NetworkMeasures>(
  z
    .looseObject({
      overall: z.looseObject({
        people: count,
        agencies: count,
        sectors: count,
        rounds: count,
        ties: count.describe("Pairs who have met"),
        meetings: count,
        averagePeopleMet: share,
        agencyPairs: count,
        connectedAgencyPairs: count,
        agencyPairCoverage: share.describe("Share of agency pairs with at least one tie"),
        crossSectorShare: share.describe("Share of ties that cross sectors"),
        crossAgencyShare: share,
        agencyModularity: share.describe("Modularity of the agency partition (falling = more mixing)"),
        repeatedPairs: count,
        repeatedMeetings: count,
        maxMeetingsPerPair: count,
      }),
      people: z
        .array(
          z.looseObject({
            id: z.string(),
            peopleMet: count,
            agenciesMet: count,
            sectorsMet: count,
          }),
        )
        .describe("Per person: people, agencies and sectors met"),
      agencies: z
        .array(z.looseObject({ agency: z.string(), people: count, connectedAgencies: count, share }))
        .describe("Per agency: how many other agencies it is connected to"),
    })
    .meta({ id: "NetworkMeasures", description: "Measures of the has-met network" }),
);

const NetworkComparisonSchema = documents<NetworkComparison>(
  z
    .looseObject({
      before: NetworkMeasuresSchema,
      after: NetworkMeasuresSchema,
      agencies: z.array(z.looseObject({ agency: z.string(), people: count, before: count, after: count })),
    })
    .meta({ id: "NetworkComparison", description: "The network before and after the new rounds" }),
);

export const NetworkResultSchema = z
  .union([
    z.strictObject({ measures: NetworkMeasuresSchema }),
    z.strictObject({ comparison: NetworkComparisonSchema }),
  ])
  .meta({ id: "NetworkResult", description: "measures; or comparison when newRounds are given" });

export const HealthSchema = z.object({ status: z.literal("ok") });

export const ReadinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  workers: z.object({ size: count, up: count }),
  jobs: z.object({ queued: count, running: count, queueMax: count }),
});

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input: every issue with its JSON path or CSV line and column",
  401: "Missing or wrong API key",
  404: "No such job (or it has expired)",
  409: "The job has no result in that form yet",
  413: "Body too large, or too many people",
  415: "Unsupported content type",
  422: "The hard rules cannot all hold: the diagnosis says why and what would fix it",
  503: "Queue full or shutting down (see Retry-After)",
};

/** Documented error replies: problem details under `application/problem+json`. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: STATUS_TEXT[s] ?? "Error",
        content: { "application/problem+json": { schema: ProblemDetailsSchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { "application/problem+json": { schema: typeof ProblemDetailsSchema } } }
  >;
}
