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
  ComposeRequestSchema,
  type ComposeResult,
  ComposeSettingsSchema,
  type NetworkComparison,
  type NetworkMeasures,
  NetworkRequestSchema,
  RosterMappingSchema,
  ScoreRequestSchema,
  type ScoreResult,
  XLSX_MEDIA_TYPE,
} from "../engine/index.js";
import type { ProblemDetails } from "./errors.js";

const count = z.number().int().nonnegative();

/**
 * A loose schema documenting an engine type, typed as that type so handlers return the
 * engine's value as is (loose objects keep every field the engine adds).
 */
const documents = <T>(schema: z.ZodType) => schema as unknown as z.ZodType<T, T>;

export const DiagnosisSchema = z
  .looseObject({
    code: z.string().describe("Stable, machine-readable kind, e.g. cap_vs_count"),
    rule: z.string().describe("JSON path of the rule in the problem"),
    people: z.array(z.string()).describe("The people concerned, by position (people[3]) in an error reply"),
    groups: z.array(z.string()),
    facts: z.record(z.string(), z.unknown()),
    fixes: z
      .array(z.looseObject({ kind: z.string() }))
      .describe("What would fix it, as data (apply one to retry)"),
    message: z.string().describe("The diagnosis in the language asked for (Accept-Language)"),
    fixTexts: z.array(z.string()).describe("The fixes in words, in the same order"),
  })
  .meta({ id: "Diagnosis", description: "One reason the hard rules cannot all hold, and what would fix it" });

export const IssueSchema = z
  .object({
    code: z.string().describe("Stable, machine-readable kind, e.g. cell_empty"),
    path: z.string().optional().describe("JSON path as people read it, e.g. people[3].id"),
    pointer: z.string().optional().describe("RFC 6901 JSON pointer"),
    message: z.string().describe("The issue in the language asked for (Accept-Language)"),
    file: z.string().optional(),
    line: z.number().int().optional().describe("File line, counting from 1"),
    column: z.number().int().optional().describe("File column, counting from 1"),
    columnName: z.string().optional(),
    hint: z.string().optional().describe("What the file seems to look like, and what to do"),
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
  violations: z.array(z.looseObject({ rule: z.string() })).describe("Hard rules that do not hold, as data"),
  softScore: z.number(),
  gap: z.number().describe("Weighted normalised gap to the lower bound (0 = proven optimal)"),
  provenOptimal: z.boolean(),
  terms: z.array(
    z.looseObject({
      term: z.string(),
      label: z.string(),
      weight: z.number(),
      qualityPercent: z.number().nullable(),
      atBound: z.boolean(),
    }),
  ),
  groups: z.array(z.looseObject({ id: z.string(), size: count, members: z.array(z.string()) })),
  assignment: z.record(z.string(), z.string()).describe("Person id → group id"),
  diagnoses: z.array(z.looseObject({ code: z.string() })),
};

export const EvaluationResultSchema = documents<ScoreResult>(
  z.looseObject(ReportFields).meta({ id: "Evaluation", description: "The report of a grouping" }),
);

const RunStats = z.looseObject({
  seed: z.number(),
  iterations: count,
  totalMs: z.number(),
  stopReason: z.string(),
});

/** The result of `POST /v1/compositions`: one grouping (`kind: single`), or several rounds (`kind: rounds`). */
export const CompositionResultSchema = documents<ComposeResult>(
  z
    .discriminatedUnion("kind", [
      z.looseObject({ kind: z.literal("single"), ...ReportFields, stats: RunStats }).meta({
        id: "SingleComposition",
        description: "The groups with the report (terms, violations, diagnoses, stats, exact when asked)",
      }),
      z
        .looseObject({
          kind: z.literal("rounds"),
          feasible: z.boolean(),
          softScore: z.number(),
          rounds: z.array(z.looseObject({ id: z.string() })).describe("A report per round, in order"),
          meetings: z.looseObject({}).describe("Pairs that met before and again"),
          reach: z.looseObject({}).nullable(),
          composed: z
            .array(z.looseObject({ round: z.string(), groups: z.record(z.string(), z.array(z.string())) }))
            .describe("The composed rounds as history: group id → person ids"),
          network: z.looseObject({}).describe("The has-met network before and after the new rounds"),
          stats: z.looseObject({}),
        })
        .meta({
          id: "RoundsComposition",
          description: "A report per round, the meetings, reach and the network before and after",
        }),
    ])
    .meta({ id: "Composition" }),
);

/** `POST /v1/compositions` as JSON: the engine's compose request. */
export const CompositionBodySchema = ComposeRequestSchema;

/**
 * Body schemas that document a route but are not checked at the door: the handler parses
 * the body with the same schema anyway (`submission`, with the same issues and paths), and
 * each parse of a 10,000-person request is about a second of the event loop.
 */
export const PARSED_BY_HANDLER: ReadonlySet<unknown> = new Set([CompositionBodySchema]);

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
      .array(z.object({ line: count, reasons: z.array(z.string()) }))
      .optional()
      .describe("Roster rows left out (mapping.skipInvalidRows), with why, in the language asked for"),
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

/** Excel allows 31 characters in a sheet's name. */
const sheetName = z.string().min(1).max(31);

/** Query parameters of `POST /v1/compositions` with a roster body (CSV or Excel). */
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
  settings: jsonText
    .pipe(ComposeSettingsSchema)
    .optional()
    .describe("Any settings as JSON (ComposeSettings)"),
  sheet: sheetName
    .optional()
    .describe("The sheet of an Excel roster to read (default: the first visible one)"),
});

/** The JSON part of a multipart roster upload: the settings (groups, column rules, rules, rounds, …). */
export const RosterSettingsSchema = ComposeSettingsSchema;

const CsvBytes = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), { message: "expected the roster as CSV" })
  .meta({ type: "string", contentMediaType: "text/csv" });

export const CsvBodySchema = CsvBytes.describe(
  "A roster as exported from Excel: ; or , or tab, UTF-8 or Windows-1252",
);

const XlsxBytes = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), { message: "expected the roster as an Excel workbook" })
  .meta({ type: "string", contentMediaType: XLSX_MEDIA_TYPE });

/** A roster as an Excel workbook: the first visible sheet, or `sheet` in the query. */
export const XlsxBodySchema = XlsxBytes.describe("A roster as an Excel workbook (.xlsx)");

/** A workbook reply: the groups, a sheet per round, a summary sheet. */
export const XlsxFileSchema = z.unknown().meta({ type: "string", contentMediaType: XLSX_MEDIA_TYPE });

/** A CSV reply: one row per person, the group first (formulas neutralised for Excel). */
export const CsvTextSchema = z.string().meta({ contentMediaType: "text/csv" });

/** An event stream reply (the body is a stream; this documents it). */
export const EventStreamSchema = z.unknown().meta({ type: "string", contentMediaType: "text/event-stream" });

const SideFile = (what: string) =>
  CsvBytes.optional().describe(`${what} (CSV or .xlsx), read against the roster`);

export const MultipartBodySchema = z.object({
  roster: CsvBytes.describe("The roster file (CSV or Excel)"),
  settings: RosterSettingsSchema.optional(),
  sheet: sheetName.optional().describe("The sheet of an Excel roster (default: the first visible one)"),
  sides: z
    .object({
      apart: SideFile("Sets of people to keep apart, one per row"),
      together: SideFile("Sets of people to keep together, one per row"),
      pins: SideFile("Person and group: pins"),
      incumbent: SideFile("An earlier grouping (person, group) to repair"),
      history: SideFile("Earlier gatherings (round, group, person)"),
      grouping: SideFile("A grouping made elsewhere (person, group), to score or compare"),
    })
    .optional()
    .describe("Parts apart, together, pins, incumbent, history, grouping: files beside the roster"),
});

export const EvaluationBodySchema = ScoreRequestSchema;

/** `POST /v1/networks`: the engine's network request. */
export const NetworkBodySchema = NetworkRequestSchema;

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
    z.strictObject({ kind: z.literal("measures"), measures: NetworkMeasuresSchema }),
    z.strictObject({ kind: z.literal("comparison"), comparison: NetworkComparisonSchema }),
  ])
  .meta({ id: "NetworkResult", description: "measures; or comparison when newRounds are given" });

export const HealthSchema = z.object({ status: z.literal("ok") });

export const ReadinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  workers: z.object({ size: count, up: count }),
  jobs: z.object({ queued: count, running: count, queueMax: count }),
  eventLoop: z
    .object({ p50Ms: z.number(), p99Ms: z.number(), maxMs: z.number() })
    .describe("Event-loop delay over the last window, in milliseconds"),
});

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input: every issue with its JSON path or CSV line and column",
  401: "Missing or wrong API key",
  404: "No such job (or it has expired)",
  409: "The job has no result in that form yet",
  413: "Body too large, or too many people",
  414: "The address is too long",
  415: "Unsupported content type",
  422: "The hard rules cannot all hold: the diagnosis says why and what would fix it",
  429: "Too many requests, or too many event streams on this job (see Retry-After)",
  503: "Queue full, too many event streams, or shutting down (see Retry-After)",
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

/**
 * The bodies a compose request may come as (compositions and checks take the same): the
 * engine's JSON request, a roster as CSV or as a workbook, or a multipart upload.
 */
export const composeBodyContent = {
  "application/json": { schema: CompositionBodySchema },
  "text/csv": { schema: CsvBodySchema },
  [XLSX_MEDIA_TYPE]: { schema: XlsxBodySchema },
  "multipart/form-data": { schema: MultipartBodySchema },
};
