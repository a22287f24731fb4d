/**
 * From the command line to the engine's problem: read the roster (CSV through the engine's
 * roster reader, or a JSON problem as is), lay the config over it, then the flags, then the
 * side files (keep-apart, keep-together, pins, an earlier grouping). No scoring or checking of
 * rules here: the engine parses the result and says what is wrong.
 *
 * Precedence: flags over the config over the roster's recognised columns (or the JSON file).
 * Without --spread or --balance every recognised column keeps its default spec; with them,
 * the columns they name are the soft terms, and other columns stay only for their hard rules
 * (at weight 0). --cap and --at-least add hard rules on top.
 */
import {
  formatIssue,
  type InputIssue,
  type Problem,
  ProblemInputError,
  parseProblem,
  resolveGroups,
} from "../../engine/index.js";
import {
  decodeRosterBytes,
  defaultAttributeSpec,
  headerKey,
  type PersonRef,
  parseTable,
  personRefs,
  type RosterMapping,
  type RosterRead,
  readGroupingCsv,
  readPersonSetsCsv,
  readRoster,
  type SkippedRow,
} from "../../engine/roster/index.js";
import type { Command, CountRule, InputFlags, WeightedColumn } from "./args.js";
import { type Config, parseConfig } from "./config.js";
import { InputFailure, UsageError } from "./errors.js";
import { parseJson } from "./json.js";

/** A file's bytes and the name to show for it ("stdin" for `-`). */
export interface Source {
  name: string;
  bytes: Uint8Array;
}

export type Reader = (path: string) => Promise<Source>;

type SpecIn = NonNullable<RosterMapping["attributes"]>[string];
type CategoricalIn = Extract<SpecIn, { kind: "categorical" }>;
type Json = Record<string, unknown>;

export interface BuiltProblem {
  /** The problem as the engine takes it (not yet parsed). */
  input: Json;
  kind: "csv" | "json";
  /** Display name of the roster. */
  file: string;
  /** The roster, for a CSV: its columns and cells go back into the output CSV. */
  roster?: RosterRead;
  refs: PersonRef[];
  skipped: SkippedRow[];
  /** For `score`: the grouping read from GROUPS (person id → group id). */
  assignment?: Record<string, string>;
  /** Where parts of the problem came from, so the engine's issues name the right file. */
  origins: { pins?: string; repair?: string };
}

export interface BuildOptions {
  command: Command;
  /** `score`: the file with the grouping to score. */
  grouping?: string;
}

const MAX_TIME_MS = 3_600_000;

export async function buildProblem(
  rosterPath: string,
  flags: InputFlags,
  read: Reader,
  options: BuildOptions,
): Promise<BuiltProblem> {
  const config: Config = flags.config ? parseConfig((await read(flags.config)).bytes, flags.config) : {};
  const source = await read(rosterPath);
  const json = isJsonRoster(rosterPath, source.bytes);
  const loaded = json ? loadJson(source, config, flags) : loadCsv(source, config, flags);
  const { refs } = loaded;
  const base = loaded.base;
  const cfg = config.problem ?? {};
  const files = await readSideFiles(flags, refs, read);

  const problem: Json = { ...base, people: loaded.people, attributes: loaded.attributes };
  const groups = groupsFrom(flags, cfg.groups ?? base.groups);
  if (groups !== undefined) problem.groups = groups;

  const rules = isObject(base.rules) ? base.rules : base.rules === undefined ? {} : undefined;
  const cfgRules = (cfg.rules ?? {}) as Json;
  if (rules === undefined) problem.rules = base.rules;
  else {
    problem.rules = {
      ...rules,
      ...cfgRules,
      apart: concat(rules.apart, cfgRules.apart, files.apart),
      together: concat(rules.together, cfgRules.together, files.together),
      pins: merge(rules.pins, cfgRules.pins, files.pins),
      allowedGroups: merge(rules.allowedGroups, cfgRules.allowedGroups, undefined),
    };
  }
  if (cfg.pairwise !== undefined) problem.pairwise = cfg.pairwise;
  if (files.repair) {
    const prior = (cfg.incumbent ?? base.incumbent) as Json | undefined;
    const weight = flags.stability ?? (isObject(prior) ? prior.weight : undefined);
    problem.incumbent = { assignment: files.repair, ...(weight !== undefined ? { weight } : {}) };
  } else if (cfg.incumbent !== undefined) problem.incumbent = cfg.incumbent;

  const baseOptions = isObject(base.options) ? base.options : {};
  const opts: Json = { ...baseOptions, ...(cfg.options ?? {}) };
  if (flags.seed !== undefined) opts.seed = flags.seed;
  if (flags.timeLimitMs !== undefined) opts.timeLimitMs = flags.timeLimitMs;
  if (flags.iterations !== undefined) {
    opts.iterationLimit = flags.iterations;
    // A move budget alone should decide when to stop, so runs repeat exactly.
    if (opts.timeLimitMs === undefined) opts.timeLimitMs = MAX_TIME_MS;
  }
  if (flags.failIfInfeasible) opts.onInfeasible = "fail";
  if (base.options !== undefined && !isObject(base.options)) problem.options = base.options;
  else if (Object.keys(opts).length > 0) problem.options = opts;

  const built: BuiltProblem = {
    input: problem,
    kind: json ? "json" : "csv",
    file: source.name,
    ...(loaded.roster ? { roster: loaded.roster } : {}),
    refs,
    skipped: loaded.roster?.skipped ?? [],
    origins: {
      ...(flags.pins ? { pins: flags.pins } : {}),
      ...(flags.repair ? { repair: flags.repair } : {}),
    },
  };

  if (options.grouping !== undefined) {
    const groupingSource = await read(options.grouping);
    const assignment = readGroupingCsv(groupingSource.bytes, refs, { file: groupingSource.name });
    const missing = refs.filter((r) => assignment[r.id] === undefined).length;
    if (missing > 0) {
      throw new InputFailure([
        `${groupingSource.name}: ${missing} of the ${refs.length} people in ${source.name} ${missing === 1 ? "is" : "are"} in no group; every person needs a group`,
      ]);
    }
    built.assignment = assignment;
    problem.groups = scoredGroups(problem, assignment, flags);
  } else if (problem.groups === undefined) {
    throw new UsageError(
      "give the groups: --size N (people per group), --groups N (how many), or --min-size and --max-size",
      options.command,
    );
  }
  return built;
}

/** Parse the built problem with the engine; its issues are worded for this command line. */
export function validateProblem(built: BuiltProblem): Problem {
  try {
    return parseProblem(built.input);
  } catch (error) {
    if (error instanceof ProblemInputError)
      throw new InputFailure(error.issues.map((i) => issueLine(i, built)));
    throw error;
  }
}

/** One engine issue as a line: located in the file the offending part came from. */
export function issueLine(issue: InputIssue, built: Pick<BuiltProblem, "kind" | "file" | "origins">): string {
  if (issue.line !== undefined) return formatIssue(issue);
  const [head, sub] = issue.path;
  // Pins and an earlier grouping come from CSV files: name the file, not a JSON path with a person's id.
  if (head === "rules" && sub === "pins" && built.origins.pins)
    return `${built.origins.pins}: ${issue.message}`;
  if (head === "incumbent" && built.origins.repair) return `${built.origins.repair}: ${issue.message}`;
  return built.kind === "json" ? `${built.file}: ${formatIssue(issue)}` : formatIssue(issue);
}

function isJsonRoster(path: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(path)) return true;
  if (path !== "-") return false;
  const { text } = decodeRosterBytes(bytes.subarray(0, 64));
  return /^\uFEFF?\s*[{[]/.test(text);
}

// --- loading --------------------------------------------------------------------------------

interface Loaded {
  /** The JSON problem as read, or an empty object for a CSV. */
  base: Json;
  people: unknown;
  attributes: unknown;
  refs: PersonRef[];
  roster?: RosterRead;
}

function loadCsv(source: Source, config: Config, flags: InputFlags): Loaded {
  const file = source.name;
  const { text } = decodeRosterBytes(source.bytes);
  // A first, loose read for the header and the cells the flags name.
  const table = parseTable(text, { file, ragged: true });
  const header = table.header;
  const columns = new Columns(header, `${file} has no column`, "its columns are");
  const mapping = config.mapping ?? {};
  const configIssues: string[] = [];
  const configColumn = (name: string, path: string) => {
    const found = columns.find(name);
    if (found === undefined) {
      configIssues.push(
        `${flags.config}: ${path}: ${file} has no column ${JSON.stringify(name)}; its columns are: ${header.join(", ")}`,
      );
    }
    return found;
  };

  const personColumns = new Set<string>();
  for (const role of ["id", "name", "email"] as const) {
    const name = mapping[role];
    if (name !== undefined) {
      const col = configColumn(name, `mapping.${role}`);
      if (col !== undefined) personColumns.add(col);
    }
  }
  const ignored = new Set<string>();
  mapping.ignore?.forEach((name, i) => {
    const col = configColumn(name, `mapping.ignore[${i}]`);
    if (col !== undefined) ignored.add(col);
  });
  const recognised = header.filter(
    (h) => !ignored.has(h) && !personColumns.has(h) && defaultAttributeSpec(h) !== undefined,
  );
  const base = new Map<string, SpecIn>();
  for (const h of recognised) base.set(h, defaultAttributeSpec(h) as SpecIn);
  const configSpecs: [string, Record<string, SpecIn> | undefined][] = [
    ["mapping.attributes", mapping.attributes],
    ["problem.attributes", config.problem?.attributes as Record<string, SpecIn> | undefined],
  ];
  for (const [path, specs] of configSpecs) {
    for (const [name, spec] of Object.entries(specs ?? {})) {
      const col = configColumn(name, `${path}[${JSON.stringify(name)}]`);
      if (col !== undefined) base.set(col, spec);
    }
  }
  if (configIssues.length > 0) throw new InputFailure(configIssues);

  const index = new Map(header.map((h, i) => [h, i]));
  const values = (col: string) => table.rows.map((r) => r.cells[index.get(col) ?? -1] ?? "");
  const plan = planAttributes(flags, base, columns, values, `in ${file}`);
  const ignore = [...(mapping.ignore ?? []), ...plan.dropped.filter((c) => recognised.includes(c))];
  const fullMapping: RosterMapping = {
    ...mapping,
    attributes: Object.fromEntries(plan.specs),
    ...(ignore.length > 0 ? { ignore } : {}),
  };
  let roster: RosterRead;
  try {
    roster = readRoster(source.bytes, { file, mapping: fullMapping });
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    throw new InputFailure(
      error.issues.map((i) =>
        i.path[0] === "mapping" && i.line === undefined
          ? `${flags.config ?? file}: ${formatIssue({ ...i, file: undefined })}`
          : formatIssue(i),
      ),
    );
  }
  return { base: {}, people: roster.people, attributes: roster.attributes, refs: personRefs(roster), roster };
}

function loadJson(source: Source, config: Config, flags: InputFlags): Loaded {
  const file = source.name;
  const raw = parseJson(source.bytes, file);
  if (!isObject(raw)) {
    throw new InputFailure([`${file}: expected a JSON object: a problem with people, groups and attributes`]);
  }
  if (config.mapping !== undefined) {
    throw new InputFailure([
      `${flags.config}: mapping: a mapping says how to read a CSV roster; ${file} is a JSON problem (give attributes under problem.attributes)`,
    ]);
  }
  const people = Array.isArray(raw.people) ? raw.people.filter(isObject) : [];
  const names = new Set<string>(isObject(raw.attributes) ? Object.keys(raw.attributes) : []);
  for (const p of people) if (isObject(p.attributes)) for (const k of Object.keys(p.attributes)) names.add(k);
  const columns = new Columns([...names], `no person in ${file} has an attribute`, "the attributes are");
  const base = new Map<string, SpecIn>();
  if (isObject(raw.attributes)) for (const [k, v] of Object.entries(raw.attributes)) base.set(k, v as SpecIn);
  for (const [k, v] of Object.entries(config.problem?.attributes ?? {})) base.set(k, v as SpecIn);
  const values = (col: string) =>
    people
      .map((p) => (isObject(p.attributes) ? p.attributes[col] : undefined))
      .filter((v): v is string => typeof v === "string");
  const touched = flags.spread.length + flags.balance.length + flags.cap.length + flags.atLeast.length > 0;
  const attributes =
    touched || config.problem?.attributes !== undefined
      ? Object.fromEntries(planAttributes(flags, base, columns, values, `in ${file}`).specs)
      : raw.attributes;
  const refs: PersonRef[] = people
    .filter((p) => typeof p.id === "string")
    .map((p) => ({ id: p.id as string, ...(typeof p.name === "string" ? { name: p.name } : {}) }));
  return { base: raw, people: raw.people, attributes, refs };
}

// --- attributes ----------------------------------------------------------------------------

/** Column names matched as the roster reader does: exactly, else ignoring case, accents and punctuation. */
class Columns {
  constructor(
    readonly names: readonly string[],
    private readonly missing: string,
    private readonly listing: string,
  ) {}

  find(name: string): string | undefined {
    if (this.names.includes(name)) return name;
    const key = headerKey(name);
    const loose = this.names.filter((h) => key !== "" && headerKey(h) === key);
    return loose.length === 1 ? loose[0] : undefined;
  }

  require(name: string, flag: string): string {
    const found = this.find(name);
    if (found !== undefined) return found;
    throw new UsageError(
      `${flag}: ${this.missing} ${JSON.stringify(name)}; ${this.listing}: ${this.names.join(", ")}`,
    );
  }
}

interface Plan {
  specs: Map<string, SpecIn>;
  /** Columns with a spec in the roster or config that the flags leave out. */
  dropped: string[];
}

function planAttributes(
  flags: InputFlags,
  base: ReadonlyMap<string, SpecIn>,
  columns: Columns,
  values: (column: string) => string[],
  where: string,
): Plan {
  const specs = new Map(base);
  const restrict = flags.spread.length + flags.balance.length > 0;
  const selected = new Set<string>();
  const balanced = new Set<string>();
  const defaultWeight = (col: string, kind: SpecIn["kind"]) => {
    const spec = defaultAttributeSpec(col);
    return spec?.kind === kind ? spec.weight : 1;
  };

  const named = (list: WeightedColumn[], flag: string) =>
    list.map((w) => ({ ...w, col: columns.require(w.column, flag) }));
  const spread = named(flags.spread, "--spread");
  const balance = named(flags.balance, "--balance");
  for (const b of balance) {
    if (spread.some((s) => s.col === b.col)) {
      throw new UsageError(`--spread and --balance both name column ${JSON.stringify(b.col)}; give one`);
    }
    balanced.add(b.col);
  }
  for (const { col, weight } of spread) {
    const prev = specs.get(col);
    const kept = prev?.kind === "categorical" ? prev : undefined;
    specs.set(col, {
      ...kept,
      kind: "categorical",
      weight: weight ?? kept?.weight ?? defaultWeight(col, "categorical"),
    });
    selected.add(col);
  }
  for (const { col, weight } of balance) {
    const prev = specs.get(col);
    const kept = prev?.kind === "numeric" ? prev.weight : undefined;
    specs.set(col, { kind: "numeric", weight: weight ?? kept ?? defaultWeight(col, "numeric") });
    selected.add(col);
  }

  const categorical = (col: string, flag: string): CategoricalIn => {
    if (balanced.has(col)) {
      throw new UsageError(
        `${flag}: column ${JSON.stringify(col)} is balanced as numbers (--balance); a cap needs categories`,
      );
    }
    const prev = specs.get(col);
    if (prev?.kind === "categorical") {
      const copy = { ...prev };
      specs.set(col, copy);
      return copy;
    }
    const spec: CategoricalIn = {
      kind: "categorical",
      weight: restrict ? 0 : defaultWeight(col, "categorical"),
    };
    specs.set(col, spec);
    return spec;
  };
  const category = (col: string, wanted: string, flag: string): string => {
    const key = categoryKey(wanted);
    const found = values(col).find((v) => categoryKey(v) === key);
    if (found === undefined) {
      // The value is not echoed: it may be personal data, and the user has it before them.
      throw new UsageError(`${flag}: no one ${where} has that value in column ${JSON.stringify(col)}`);
    }
    return found;
  };

  for (const rule of flags.cap) {
    const { col, cat } = splitTarget(rule, columns, "--cap", false);
    const spec = categorical(col, "--cap");
    if (cat === undefined) spec.maxPerGroup = rule.count;
    else
      spec.maxPerGroupByCategory = {
        ...spec.maxPerGroupByCategory,
        [category(col, cat, "--cap")]: rule.count,
      };
  }
  for (const rule of flags.atLeast) {
    const { col, cat } = splitTarget(rule, columns, "--at-least", true);
    const spec = categorical(col, "--at-least");
    spec.minPerGroup = { ...spec.minPerGroup, [category(col, cat as string, "--at-least")]: rule.count };
  }

  const dropped: string[] = [];
  if (restrict) {
    for (const [col, spec] of specs) {
      if (selected.has(col)) continue;
      if (hasHardRule(spec)) specs.set(col, { ...spec, weight: 0 });
      else {
        specs.delete(col);
        dropped.push(col);
      }
    }
  }
  return { specs, dropped };
}

/** `COL`, or `COL:CATEGORY` where COL is the longest prefix before a `:` that names a column. */
function splitTarget(
  rule: CountRule,
  columns: Columns,
  flag: string,
  needCategory: boolean,
): { col: string; cat?: string } {
  const whole = columns.find(rule.target);
  if (whole !== undefined && !needCategory) return { col: whole };
  for (let i = rule.target.indexOf(":"); i >= 0; i = rule.target.indexOf(":", i + 1)) {
    const col = columns.find(rule.target.slice(0, i).trim());
    const cat = rule.target.slice(i + 1).trim();
    if (col !== undefined && cat !== "") return { col, cat };
  }
  if (needCategory) {
    if (whole !== undefined) throw new UsageError(`${flag}: expected COLUMN:CATEGORY=K (which category?)`);
    const col = rule.target.split(":")[0].trim();
    columns.require(col, flag);
    throw new UsageError(`${flag}: expected COLUMN:CATEGORY=K`);
  }
  columns.require(rule.target.includes(":") ? rule.target.split(":")[0].trim() : rule.target, flag);
  throw new UsageError(`${flag}: expected COLUMN=K or COLUMN:CATEGORY=K`);
}

function hasHardRule(spec: SpecIn): boolean {
  if (spec.kind !== "categorical") return false;
  return (
    spec.maxPerGroup !== undefined ||
    Object.keys(spec.maxPerGroupByCategory ?? {}).length > 0 ||
    Object.keys(spec.minPerGroup ?? {}).length > 0
  );
}

/** Categories compare as the roster reader compares them: case and spacing aside. */
function categoryKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

// --- groups and side files -------------------------------------------------------------------

function groupsFrom(flags: InputFlags, prior: unknown): unknown {
  const bounds = {
    ...(flags.minSize !== undefined ? { minSize: flags.minSize } : {}),
    ...(flags.maxSize !== undefined ? { maxSize: flags.maxSize } : {}),
  };
  if (flags.size !== undefined) return { size: flags.size, ...bounds };
  if (flags.groups !== undefined) return { count: flags.groups, ...bounds };
  if (Object.keys(bounds).length === 0) return prior;
  if (isObject(prior) && prior.list === undefined) return { ...prior, ...bounds };
  return bounds;
}

/** The groups of a grouping being scored: as given when its labels are their ids, else one per label. */
function scoredGroups(problem: Json, assignment: Record<string, string>, flags: InputFlags): unknown {
  const labels = [...new Set(Object.values(assignment))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  if (problem.groups !== undefined) {
    try {
      const ids = new Set(resolveGroups(parseProblem({ ...problem, options: undefined })).map((g) => g.id));
      if (labels.every((l) => ids.has(l))) return problem.groups;
    } catch {
      // Not usable as given: fall back to one group per label.
    }
  }
  const n = Object.keys(assignment).length;
  const m = labels.length;
  const minSize = flags.minSize ?? Math.floor(n / m);
  const maxSize = flags.maxSize ?? Math.max(1, Math.ceil(n / m));
  return { list: labels.map((id) => ({ id, minSize, maxSize })) };
}

interface SideFiles {
  apart: string[][];
  together: string[][];
  pins?: Record<string, string>;
  repair?: Record<string, string>;
}

async function readSideFiles(flags: InputFlags, refs: PersonRef[], read: Reader): Promise<SideFiles> {
  const sets = async (paths: string[]) => {
    const out: string[][] = [];
    for (const path of paths) {
      const s = await read(path);
      out.push(...readPersonSetsCsv(s.bytes, refs, { file: s.name }));
    }
    return out;
  };
  const files: SideFiles = { apart: await sets(flags.apart), together: await sets(flags.together) };
  if (flags.pins) {
    const s = await read(flags.pins);
    files.pins = readGroupingCsv(s.bytes, refs, { file: s.name });
  }
  if (flags.repair) {
    const s = await read(flags.repair);
    files.repair = readGroupingCsv(s.bytes, refs, { file: s.name, ignoreUnknown: true });
  }
  return files;
}

function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Lists joined; a base that is not a list is left for the engine to report. */
function concat(base: unknown, ...more: unknown[]): unknown {
  const extra = more.filter((m): m is unknown[] => Array.isArray(m) && m.length > 0);
  if (extra.length === 0) return base;
  if (base !== undefined && !Array.isArray(base)) return base;
  return [...(base ?? []), ...extra.flat()];
}

/** Records merged, later ones winning; a base that is not a record is left for the engine to report. */
function merge(base: unknown, ...more: unknown[]): unknown {
  const extra = more.filter(isObject);
  if (extra.length === 0) return base;
  if (base !== undefined && !isObject(base)) return base;
  return Object.assign({}, base ?? {}, ...extra);
}
