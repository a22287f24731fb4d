/**
 * An HTTP request, whatever its content type, to the engine's compose request: a JSON body is
 * the request itself; a roster body (`text/csv` or an Excel workbook, with settings and the
 * sheet in the query) or a multipart upload (a `roster` file, CSV or .xlsx, a JSON `settings`
 * part and a `sheet`) goes through the engine's `assemble`, as the command line does. The
 * one place the routes translate; no rule lives here.
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  type Assembled,
  type ComposeRequest,
  type ComposeSettings,
  issue,
  ProblemInputError,
  parseComposeRequest,
  XLSX_MEDIA_TYPE,
} from "../../../engine/index.js";
import { checkRequest } from "../../bounds.js";
import type { Config } from "../../config.js";
import { checkPeople } from "../../errors.js";
import type { CsvSource } from "../../jobs/types.js";
import { offLoop } from "../../offLoop.js";
import type { AssembledRoster, RosterReadInput } from "../../rosterRead.js";
import type { CsvQuerySchema, MultipartBodySchema } from "../../schemas.js";
import { csvSourceFromPeople, csvSourceFromRoster } from "../../views.js";

export interface Submission {
  /** The checked compose request. */
  request: ComposeRequest;
  /** The roster as read, for a roster upload. */
  assembled?: Assembled;
  csv: CsvSource;
}

const GROUP_KEYS = ["size", "count", "minSize", "maxSize"] as const;
const OPTION_KEYS = ["seed", "timeLimitMs", "iterationLimit", "onInfeasible"] as const;

type Query = z.output<typeof CsvQuerySchema>;

/** Query parameters as settings (the CSV door's shorthand), under any `settings` given in full. */
export function querySettings(query: Query): ComposeSettings {
  const groups = Object.fromEntries(
    GROUP_KEYS.flatMap((k) => (query[k] !== undefined ? [[k, query[k]]] : [])),
  );
  const options = Object.fromEntries(
    OPTION_KEYS.flatMap((k) => (query[k] !== undefined ? [[k, query[k]]] : [])),
  );
  const given = (query.settings ?? {}) as ComposeSettings;
  return {
    ...given,
    ...(Object.keys(groups).length > 0 ? { groups: { ...given.groups, ...groups } } : {}),
    ...(Object.keys(options).length > 0 ? { options: { ...given.options, ...options } } : {}),
    ...(query.mapping ? { mapping: { ...given.mapping, ...query.mapping } } : {}),
  };
}

/**
 * Read a roster off the event loop (rosterRead.ts through offLoop.ts): parsing a CSV of
 * thousands of columns or a workbook is seconds of work for a large file.
 */
export function readRoster(
  request: FastifyRequest,
  config: Config,
  input: Omit<RosterReadInput, "maxPeople">,
): Promise<AssembledRoster> {
  return offLoop(
    request.server,
    "roster",
    { ...input, maxPeople: config.maxPeople },
    config.usecaseTimeLimitMs,
  );
}

export async function submission(request: FastifyRequest, config: Config): Promise<Submission> {
  const query = request.query as Query;
  let read: AssembledRoster | undefined;
  let input: unknown;
  switch (request.mediaType) {
    case "text/csv":
    case "application/csv":
    case XLSX_MEDIA_TYPE:
      read = await readRoster(request, config, {
        bytes: request.body as Buffer,
        settings: querySettings(query),
        settingsPath: ["querystring"],
        sheet: query.sheet,
      });
      input = read.assembled.request;
      break;
    case "multipart/form-data": {
      const body = request.body as z.output<typeof MultipartBodySchema>;
      read = await readRoster(request, config, {
        bytes: body.roster,
        settings: body.settings ?? {},
        settingsPath: ["settings"],
        sheet: body.sheet,
      });
      input = read.assembled.request;
      break;
    }
    default: {
      const misplaced = Object.keys(query);
      if (misplaced.length > 0) {
        throw new ProblemInputError(
          // A parameter's name is the caller's text: cut short, as every echoed name is.
          misplaced
            .slice(0, 20)
            .map((k) => k.slice(0, 60))
            .map((k) => issue("not_applicable", { part: k, reason: "csv_only" }, ["querystring", k])),
        );
      }
      input = request.body;
    }
  }
  const parsed = parseComposeRequest(input);
  checkPeople(parsed.people.length, config.maxPeople);
  checkRequest(parsed, config);
  parsed.options.timeLimitMs = Math.min(parsed.options.timeLimitMs, config.maxTimeLimitMs);
  const roster = read?.assembled.roster;
  const csv =
    roster && read ? csvSourceFromRoster(roster, read.delimiter) : csvSourceFromPeople(parsed.people);
  return { request: parsed, ...(read ? { assembled: read.assembled } : {}), csv };
}
