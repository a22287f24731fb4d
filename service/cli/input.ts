/**
 * From the command line to the engine's compose request: read the roster (a CSV table, an
 * Excel workbook's sheet (`--sheet`), or a JSON problem), the config file (settings in the
 * engine's schema) and the side files (keep-apart, keep-together, pins, an earlier grouping,
 * a history; each CSV or .xlsx), turn the flags into
 * settings, and let the engine's `assemble` do the rest. Translation only: no rule of
 * Tverr's lives here.
 */
import {
  type Assembled,
  assemble,
  type ComposeSettings,
  decodeRosterBytes,
  type PersonRef,
  parseJson,
  personRefs,
  readGroupingFile,
  readHistoryFile,
  readPersonSetsFile,
  readRosterFile,
} from "../../engine/index.js";
import { UsageError } from "./errors.js";
import { MAX_SECONDS } from "./values.js";

/** A file's bytes and the name to show for it ("stdin" for `-`). */
export interface Source {
  name: string;
  bytes: Uint8Array;
}

export type Reader = (path: string) => Promise<Source>;

type Json = Record<string, unknown>;

export interface Loaded extends Assembled {
  kind: "csv" | "json";
  /** Display name of the roster. */
  file: string;
  /** The roster's delimiter (for the CSV written back). */
  delimiter: string;
  refs: PersonRef[];
  /** Where parts of the request came from, so issues name the right file or flag. */
  origins: Origins;
}

export interface Origins {
  roster: string;
  config?: string;
  pins?: string;
  repair?: string;
  history?: string;
}

/** Flags by name, as parseFlags leaves them. */
export type Values = ReadonlyMap<string, unknown>;

/**
 * Read the roster, the config and the side files and assemble the compose request. `origins`
 * is filled in as each file is read, so an issue raised on the way names the right file.
 */
export async function loadInput(
  rosterPath: string,
  values: Values,
  read: Reader,
  command: string,
  origins: Partial<Origins> = {},
): Promise<Loaded> {
  requireCompanions(values, command);
  const configPath = values.get("config") as string | undefined;
  if (configPath) origins.config = configPath;
  const config = configPath ? parseJson((await read(configPath)).bytes, configPath) : undefined;
  if (config !== undefined && !isObject(config))
    throw new UsageError("json_not_object", { file: configPath ?? "" }, command);
  const source = await read(rosterPath);
  const json = isJsonRoster(rosterPath, source.bytes);
  const flagSettings = settingsFromFlags(values);
  const base = (config ?? {}) as ComposeSettings;
  const settings = mergeSettings(base, flagSettings);
  origins.roster = source.name;

  if (json) {
    const problem = parseJson(source.bytes, source.name);
    if (!isObject(problem)) throw new UsageError("json_not_object", { file: source.name }, command);
    if (config !== undefined && isObject(config) && config.mapping !== undefined) {
      throw new UsageError("mapping_for_json", { config: configPath ?? "", file: source.name }, command);
    }
    const refs = jsonRefs(problem);
    const sides = await readSideFiles(values, refs, read, origins);
    const assembled = assemble({ base: problem, settings: mergeSettings(settings, sides) });
    return {
      ...assembled,
      kind: "json",
      file: source.name,
      delimiter: ",",
      refs,
      origins: { ...origins, roster: source.name },
    };
  }

  const skip = values.get("skip-invalid-rows") === true || settings.mapping?.skipInvalidRows === true;
  const sheet = values.get("sheet") as string | undefined;
  const { table, warnings } = await readRosterFile(source.bytes, {
    file: source.name,
    skipInvalidRows: skip,
    ...(sheet !== undefined ? { sheet } : {}),
  });
  const roster = { table, file: source.name };
  // Side files name people by id, e-mail or name: read the people first, then the files.
  const first = assemble({ roster, settings: withoutSides(settings) });
  const refs = personRefs(first.roster ?? { people: [] });
  const sides = await readSideFiles(values, refs, read, origins);
  const assembled = assemble({ roster, settings: mergeSettings(settings, sides) });
  // What reading a workbook changed (merged cells filled down, a title row left out) comes first.
  assembled.roster?.warnings.unshift(...warnings);
  return {
    ...assembled,
    kind: "csv",
    file: source.name,
    delimiter: table.delimiter,
    refs,
    origins: { ...origins, roster: source.name },
  };
}

/** Flags that mean nothing without another: refuse them rather than ignore them silently. */
const COMPANIONS: readonly { flag: string; needs: readonly string[]; shown: string }[] = [
  { flag: "stability", needs: ["repair"], shown: "--repair FILE" },
  { flag: "sequential", needs: ["rounds"], shown: "--rounds N" },
];

function requireCompanions(values: Values, command: string): void {
  for (const { flag, needs, shown } of COMPANIONS) {
    if (values.get(flag) !== undefined && !needs.some((n) => values.get(n) !== undefined))
      throw new UsageError("needs_flag", { flag: `--${flag}`, needs: shown }, command);
  }
}

/** The settings the flags say (absent flags say nothing). */
function settingsFromFlags(values: Values): ComposeSettings {
  const get = <T>(name: string) => values.get(name) as T | undefined;
  const list = <T>(name: string) => (values.get(name) as T[] | undefined) ?? undefined;
  const groups = {
    ...(get<number>("size") !== undefined ? { size: get<number>("size") } : {}),
    ...(get<number>("groups") !== undefined ? { count: get<number>("groups") } : {}),
    ...(get<number>("min-size") !== undefined ? { minSize: get<number>("min-size") } : {}),
    ...(get<number>("max-size") !== undefined ? { maxSize: get<number>("max-size") } : {}),
  };
  const options: Json = {};
  if (get("seed") !== undefined) options.seed = get("seed");
  if (get("time") !== undefined) options.timeLimitMs = get("time");
  if (get("iterations") !== undefined) {
    options.iterationLimit = get("iterations");
    // A move budget alone should decide when to stop, so runs repeat exactly.
    if (get("time") === undefined) options.timeLimitMs = MAX_SECONDS * 1000;
  }
  if (get("fail-if-infeasible") === true) options.onInfeasible = "fail";
  const meetings: Json = {};
  if (get("meetings-weight") !== undefined) meetings.weight = get("meetings-weight");
  if (get("no-repeats") === true) meetings.forbidRepeats = true;
  const settings: ComposeSettings = {};
  if (Object.keys(groups).length > 0) settings.groups = groups;
  for (const [flag, key] of [
    ["spread", "mix"],
    ["balance", "balance"],
    ["balance-spread", "balanceSpread"],
    ["similar", "similar"],
    ["cap", "caps"],
    ["at-least", "atLeast"],
    ["not-alone", "notAlone"],
  ] as const) {
    const given = list<Json>(flag);
    if (given) (settings as Json)[key] = given;
  }
  if (Object.keys(options).length > 0) settings.options = options;
  if (get("rounds") !== undefined) settings.rounds = get<number>("rounds");
  if (Object.keys(meetings).length > 0) settings.meetings = meetings;
  if (get("reach") === true) settings.reach = {};
  if (get("exact") === true) settings.exact = true;
  if (get("threads") !== undefined) settings.threads = get<number>("threads");
  if (get("sequential") === true) settings.roundsMode = "sequential";
  if (get("skip-invalid-rows") === true) settings.mapping = { skipInvalidRows: true };
  return settings;
}

/** Settings over settings: later ones win; groups, options, meetings, rules and the mapping merge. */
function mergeSettings(a: ComposeSettings, b: ComposeSettings): ComposeSettings {
  const out: Json = { ...a, ...b };
  for (const key of ["groups", "options", "meetings", "mapping"] as const) {
    if (a[key] !== undefined || b[key] !== undefined) out[key] = { ...(a[key] as Json), ...(b[key] as Json) };
  }
  if (a.rules !== undefined || b.rules !== undefined) {
    const ra = (a.rules ?? {}) as Json;
    const rb = (b.rules ?? {}) as Json;
    out.rules = {
      ...ra,
      ...rb,
      apart: [...((ra.apart as unknown[]) ?? []), ...((rb.apart as unknown[]) ?? [])],
      together: [...((ra.together as unknown[]) ?? []), ...((rb.together as unknown[]) ?? [])],
    };
  }
  return out as ComposeSettings;
}

function withoutSides(settings: ComposeSettings): ComposeSettings {
  const { rules: _r, incumbent: _i, history: _h, ...rest } = settings;
  return rest;
}

/** The side files, read against the roster's people, as settings. */
async function readSideFiles(
  values: Values,
  refs: PersonRef[],
  read: Reader,
  origins: Partial<Origins>,
): Promise<ComposeSettings> {
  const sets = async (paths: string[] | undefined) => {
    const out: string[][] = [];
    for (const path of paths ?? []) {
      const s = await read(path);
      out.push(...(await readPersonSetsFile(s.bytes, refs, { file: s.name })));
    }
    return out;
  };
  const apart = await sets(values.get("apart") as string[] | undefined);
  const together = await sets(values.get("together") as string[] | undefined);
  const settings: ComposeSettings = {};
  const rules: NonNullable<ComposeSettings["rules"]> = {};
  if (apart.length > 0) rules.apart = apart;
  if (together.length > 0) rules.together = together;
  const pins = values.get("pins") as string | undefined;
  if (pins) {
    const s = await read(pins);
    origins.pins = s.name;
    rules.pins = await readGroupingFile(s.bytes, refs, { file: s.name });
  }
  if (Object.keys(rules).length > 0) settings.rules = rules;
  const repair = values.get("repair") as string | undefined;
  if (repair) {
    const s = await read(repair);
    origins.repair = s.name;
    const weight = values.get("stability") as number | undefined;
    settings.incumbent = {
      assignment: await readGroupingFile(s.bytes, refs, { file: s.name, ignoreUnknown: true }),
      ...(weight !== undefined ? { weight } : {}),
    };
  }
  const history = values.get("history") as string | undefined;
  if (history) {
    const s = await read(history);
    origins.history = s.name;
    const earlier = await readHistoryFile(s.bytes, refs, { file: s.name });
    settings.history = earlier;
    settings.rounds = numberedRounds(
      earlier.rounds.map((r) => r.round),
      (values.get("rounds") as number | undefined) ?? 1,
    );
  }
  return settings;
}

/** New rounds continue the history's numbering when its rounds are numbered; else start at 1. */
function numberedRounds(labels: string[], count: number): { id: string }[] {
  const first =
    labels.length > 0 && labels.every((l) => /^\d{1,6}$/.test(l)) ? Math.max(...labels.map(Number)) + 1 : 1;
  return Array.from({ length: count }, (_, i) => ({ id: String(first + i) }));
}

function jsonRefs(problem: Json): PersonRef[] {
  const people = Array.isArray(problem.people) ? problem.people.filter(isObject) : [];
  return people
    .filter((p) => typeof p.id === "string")
    .map((p) => ({ id: p.id as string, ...(typeof p.name === "string" ? { name: p.name } : {}) }));
}

function isJsonRoster(path: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(path)) return true;
  if (path !== "-") return false;
  const { text } = decodeRosterBytes(bytes.subarray(0, 64));
  return /^\uFEFF?\s*[{[]/.test(text);
}

function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
