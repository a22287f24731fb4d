/**
 * Problem assembly: a roster table (or a JSON problem) plus settings (settings.ts) to the
 * compose request. The CLI, the HTTP service and the page all call this, so a roster and a
 * setting mean the same everywhere.
 *
 * Precedence: settings over the config's problem parts over the roster's recognised columns
 * (or the JSON problem). Without mix, balance or similar every recognised column keeps its
 * default spec; with them, the columns they name are the soft terms, and other columns stay
 * only for their hard rules (at weight 0). Caps, minimums and "not alone" add hard rules on
 * top. Nothing is scored or validated here beyond finding the columns the settings name:
 * the use case parses the result and says what is wrong.
 */

import { type InputIssue, issue, type PathPart, ProblemInputError } from "../errors.js";
import { type ColumnsListed, shortlist } from "../locale/codes.js";
import { entries, nullRecord, own } from "../problem/records.js";
import type { AttributeSpec, AttributeSpecInput, CategoricalAttribute } from "../problem/schema.js";
import { zodIssues } from "../problem/validate.js";
import { ColumnFinder, defaultAttributeSpec } from "../roster/columns.js";
import { listColumns } from "../roster/headerData.js";
import {
  type ColumnUse,
  categoryKey,
  type RosterMapping,
  type RosterPeople,
  rosterToPeople,
} from "../roster/mapping.js";
import type { Table } from "../roster/table.js";
import { ComposeSettingsSchema, type ParsedSettings } from "./settings.js";

type Json = Record<string, unknown>;
type CategoricalIn = Extract<AttributeSpecInput, { kind: "categorical" }>;

export interface AssembleInput {
  /** A roster read into a table (CSV or Excel); or, instead, `base`. */
  roster?: { table: Table; file?: string };
  /** A problem written as JSON (people with their attributes), for settings to adjust. */
  base?: Json;
  settings?: unknown;
  /** Where the settings sit in the request, for issue paths (e.g. ["settings"]). */
  settingsPath?: PathPart[];
}

export interface Assembled {
  /** The compose request, not yet parsed (the use case checks it). */
  request: Json;
  /** The roster as read: people, cells, lines, columns and how each is used. */
  roster?: RosterPeople;
  columns: ColumnUse[];
  settings: ParsedSettings;
}

export function assemble(input: AssembleInput): Assembled {
  const at = input.settingsPath ?? [];
  const parsed = ComposeSettingsSchema.safeParse(input.settings ?? {});
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input.settings, at));
  const settings = parsed.data;
  const cfg = settings.problem ?? {};

  let people: unknown;
  let attributes: unknown;
  let roster: RosterPeople | undefined;
  let columns: ColumnUse[] = [];
  const base = input.base ?? {};
  if (input.roster) {
    const { table, file } = input.roster;
    const header = table.header;
    const mapping = settings.mapping ?? {};
    const finder = new ColumnFinder(header);
    const listed = listColumns(table);
    const issues: InputIssue[] = [];
    const columnAt = (name: string, path: PathPart[]) => {
      const found = finder.find(name);
      if (found === undefined) issues.push(missing(name, listed, [...at, ...path]));
      return found;
    };
    const ignored = new Set<string>();
    mapping.ignore?.forEach((name) => {
      const col = finder.find(name);
      if (col !== undefined) ignored.add(col);
    });
    const personColumns = new Set(
      (["id", "name", "email"] as const)
        .map((r) => mapping[r])
        .flatMap((n) => (n ? [finder.find(n) ?? n] : [])),
    );
    const recognised = header.filter(
      (h) => !ignored.has(h) && !personColumns.has(h) && defaultAttributeSpec(h),
    );
    const specs = new Map<string, AttributeSpecInput>();
    for (const h of recognised) specs.set(h, defaultAttributeSpec(h) as AttributeSpec);
    for (const [path, given] of [
      [["mapping", "attributes"], mapping.attributes],
      [["problem", "attributes"], cfg.attributes],
    ] as const) {
      for (const [name, spec] of entries(given as Record<string, AttributeSpecInput> | undefined)) {
        const col = columnAt(name, [...path, name]);
        if (col !== undefined) specs.set(col, spec);
      }
    }
    if (issues.length > 0) throw new ProblemInputError(issues);
    const index = new Map(header.map((h, i) => [h, i]));
    const values = (col: string) => table.rows.map((r) => r.cells[index.get(col) ?? -1] ?? "");
    const plan = planAttributes(settings, specs, finder, listed, values, at);
    const ignore = [...(mapping.ignore ?? []), ...plan.dropped.filter((c) => recognised.includes(c))];
    const fullMapping: RosterMapping = {
      ...mapping,
      attributes: nullRecord([...plan.specs]) as RosterMapping["attributes"],
      ...(ignore.length > 0 ? { ignore } : {}),
    };
    roster = rosterToPeople(table, fullMapping, file !== undefined ? { file } : {});
    people = roster.people;
    attributes = roster.attributes;
    // A recognised column the flags leave out is "not used" (say how to use it), not "ignored":
    // it goes to the mapping's ignore list only so that it does not become a term.
    const leftOut = new Set(plan.dropped.filter((c) => recognised.includes(c)));
    columns = roster.columnUses.map((u) =>
      u.use === "ignored" && leftOut.has(u.column) ? { ...u, use: "unused" } : u,
    );
  } else {
    people = base.people;
    const list = Array.isArray(base.people) ? base.people.filter(isObject) : [];
    const names = new Set<string>(isObject(base.attributes) ? Object.keys(base.attributes) : []);
    for (const p of list) if (isObject(p.attributes)) for (const k of Object.keys(p.attributes)) names.add(k);
    const finder = new ColumnFinder([...names]);
    const specs = new Map<string, AttributeSpecInput>();
    for (const [k, v] of entries(
      isObject(base.attributes) ? (base.attributes as Record<string, AttributeSpecInput>) : undefined,
    ))
      specs.set(k, v);
    for (const [k, v] of entries(cfg.attributes as Record<string, AttributeSpecInput> | undefined))
      specs.set(k, v);
    const values = (col: string) =>
      list
        .map((p) => (isObject(p.attributes) ? own(p.attributes as Record<string, unknown>, col) : undefined))
        .filter((v): v is string => typeof v === "string");
    const touched =
      (settings.mix?.length ?? 0) +
        (settings.balance?.length ?? 0) +
        (settings.balanceSpread?.length ?? 0) +
        (settings.similar?.length ?? 0) +
        (settings.caps?.length ?? 0) +
        (settings.atLeast?.length ?? 0) +
        (settings.notAlone?.length ?? 0) >
      0;
    attributes =
      touched || cfg.attributes !== undefined
        ? nullRecord([
            ...planAttributes(settings, specs, finder, { columns: shortlist([...names]) }, values, at).specs,
          ])
        : base.attributes;
  }

  const request: Json = { ...base, people, attributes };
  const groups = groupsFrom(settings.groups, cfg.groups ?? base.groups);
  if (groups !== undefined) request.groups = groups;
  const baseRules = isObject(base.rules) ? base.rules : base.rules === undefined ? {} : undefined;
  if (baseRules === undefined) request.rules = base.rules;
  else {
    const cfgRules = (cfg.rules ?? {}) as Json;
    const r = settings.rules ?? {};
    request.rules = {
      ...baseRules,
      ...cfgRules,
      apart: concat(baseRules.apart, cfgRules.apart, r.apart),
      together: concat(baseRules.together, cfgRules.together, r.together),
      pins: merge(baseRules.pins, cfgRules.pins, r.pins),
      allowedGroups: merge(baseRules.allowedGroups, cfgRules.allowedGroups, r.allowedGroups),
    };
  }
  if (cfg.pairwise !== undefined) request.pairwise = cfg.pairwise;
  if (cfg.distance !== undefined) request.distance = cfg.distance;
  if (settings.incumbent) {
    const prior = (cfg.incumbent ?? base.incumbent) as Json | undefined;
    const weight = settings.incumbent.weight ?? (isObject(prior) ? prior.weight : undefined);
    request.incumbent = {
      assignment: settings.incumbent.assignment,
      ...(weight !== undefined ? { weight } : {}),
    };
  } else if (cfg.incumbent !== undefined) request.incumbent = cfg.incumbent;
  const baseOptions = isObject(base.options) ? base.options : {};
  const options: Json = { ...baseOptions, ...(cfg.options ?? {}), ...(settings.options ?? {}) };
  if (base.options !== undefined && !isObject(base.options)) request.options = base.options;
  else if (Object.keys(options).length > 0) request.options = options;

  if (settings.rounds !== undefined) {
    request.rounds =
      typeof settings.rounds === "number"
        ? Array.from({ length: settings.rounds }, (_, i) => ({ id: String(i + 1) }))
        : settings.rounds;
  }
  if (settings.history !== undefined) request.history = settings.history;
  if (settings.meetings !== undefined)
    request.meetings = { ...(base.meetings as Json | undefined), ...settings.meetings };
  if (settings.reach !== undefined) request.reach = settings.reach;
  if (settings.exact !== undefined) request.exact = settings.exact;
  if (settings.threads !== undefined) request.threads = settings.threads;
  if (settings.roundsMode !== undefined) request.roundsMode = settings.roundsMode;
  return { request, ...(roster ? { roster } : {}), columns, settings };
}

// --- attributes ----------------------------------------------------------------------------

function missing(name: string, listed: ColumnsListed, path: PathPart[]): InputIssue {
  return issue("mapping_column_missing", { name: name.slice(0, 80), ...listed }, path);
}

interface Plan {
  specs: Map<string, AttributeSpecInput>;
  /** Columns with a spec in the roster or config that the settings leave out. */
  dropped: string[];
}

function planAttributes(
  settings: ParsedSettings,
  base: ReadonlyMap<string, AttributeSpecInput>,
  finder: ColumnFinder,
  listed: ColumnsListed,
  values: (column: string) => string[],
  at: PathPart[],
): Plan {
  const issues: InputIssue[] = [];
  const specs = new Map(base);
  const restrict =
    (settings.mix?.length ?? 0) + (settings.balance?.length ?? 0) + (settings.similar?.length ?? 0) > 0;
  const selected = new Set<string>();
  const use = new Map<string, string>();
  const defaultWeight = (col: string, kind: AttributeSpec["kind"]) => {
    const spec = defaultAttributeSpec(col);
    return spec?.kind === kind ? spec.weight : 1;
  };
  const claim = (col: string, what: string, path: PathPart[]) => {
    const before = use.get(col);
    if (before !== undefined && before !== what) {
      issues.push(issue("column_conflict", { column: col, first: before, second: what }, path));
      return false;
    }
    use.set(col, what);
    return true;
  };
  const named = (list: { column: string; weight?: number }[] | undefined, key: string) =>
    (list ?? []).flatMap((w, i) => {
      const col = finder.find(w.column);
      if (col === undefined) {
        issues.push(missing(w.column, listed, [...at, key, i, "column"]));
        return [];
      }
      return [{ ...w, col, path: [...at, key, i] }];
    });

  for (const { col, weight, path } of named(settings.mix, "mix")) {
    if (!claim(col, "mix", path)) continue;
    const prev = specs.get(col);
    const kept = prev?.kind === "categorical" ? prev : undefined;
    specs.set(col, {
      ...kept,
      kind: "categorical",
      goal: "mix",
      weight: weight ?? kept?.weight ?? defaultWeight(col, "categorical"),
    });
    selected.add(col);
  }
  for (const { col, weight, path } of named(settings.similar, "similar")) {
    if (!claim(col, "similar", path)) continue;
    const prev = specs.get(col);
    const kept = prev?.kind === "categorical" ? prev : undefined;
    specs.set(col, { ...kept, kind: "categorical", goal: "similar", weight: weight ?? kept?.weight ?? 1 });
    selected.add(col);
  }
  const numericCheck = (col: string, path: PathPart[]) => {
    const texts = values(col).filter((v) => v !== "");
    if (texts.length > 0 && texts.every((v) => !/\d/.test(v))) {
      issues.push(issue("column_kind", { column: col, expected: "numeric" }, path));
      return false;
    }
    return true;
  };
  for (const { col, weight, path } of named(settings.balance, "balance")) {
    if (!claim(col, "balance", path) || !numericCheck(col, path)) continue;
    const prev = specs.get(col);
    const kept = prev?.kind === "numeric" ? prev : undefined;
    specs.set(col, {
      ...kept,
      kind: "numeric",
      weight: weight ?? kept?.weight ?? defaultWeight(col, "numeric"),
    });
    selected.add(col);
  }
  for (const { col, weight, path } of named(settings.balanceSpread, "balanceSpread")) {
    if (!claim(col, "balance", path) || !numericCheck(col, path)) continue;
    const prev = specs.get(col);
    const kept = prev?.kind === "numeric" ? prev : undefined;
    specs.set(col, {
      kind: "numeric",
      weight: kept?.weight ?? (restrict && !selected.has(col) ? 0 : defaultWeight(col, "numeric")),
      varianceWeight: weight ?? 1,
    });
    selected.add(col);
  }

  /** The categorical spec of a column a rule names (a copy to change), or undefined on a clash. */
  const categorical = (col: string, path: PathPart[]): CategoricalIn | undefined => {
    const prev = specs.get(col);
    if (prev?.kind === "numeric") {
      issues.push(issue("column_kind", { column: col, expected: "categorical" }, path));
      return undefined;
    }
    const spec: CategoricalIn =
      prev?.kind === "categorical"
        ? { ...prev }
        : { kind: "categorical", weight: restrict ? 0 : defaultWeight(col, "categorical") };
    specs.set(col, spec);
    return spec;
  };
  const category = (col: string, wanted: string, path: PathPart[]): string | undefined => {
    const key = categoryKey(wanted);
    const found = values(col).find((v) => categoryKey(v) === key);
    // The value is not echoed: it may be personal data, and the user has it before them.
    if (found === undefined) issues.push(issue("category_not_found", { column: col }, path));
    return found;
  };
  const target = (rule: { column: string; category?: string }, path: PathPart[], needCategory: boolean) => {
    const split =
      rule.category !== undefined
        ? { column: finder.find(rule.column), category: rule.category }
        : finder.split(rule.column);
    if (!split || split.column === undefined) {
      issues.push(missing(rule.column.split(":")[0], listed, [...path, "column"]));
      return undefined;
    }
    if (needCategory && split.category === undefined) {
      issues.push(issue("category_not_found", { column: split.column }, [...path, "category"]));
      return undefined;
    }
    return split as { column: string; category?: string };
  };

  (settings.caps ?? []).forEach((rule, i) => {
    const path = [...at, "caps", i];
    const t = target(rule, path, false);
    const spec = t && categorical(t.column, path);
    if (!t || !spec) return;
    if (t.category === undefined) spec.maxPerGroup = rule.count;
    else {
      const c = category(t.column, t.category, path);
      if (c !== undefined)
        spec.maxPerGroupByCategory = nullRecord([
          ...entries(spec.maxPerGroupByCategory as Record<string, number> | undefined),
          [c, rule.count],
        ]);
    }
  });
  (settings.atLeast ?? []).forEach((rule, i) => {
    const path = [...at, "atLeast", i];
    const t = target(rule, path, true);
    const spec = t && categorical(t.column, path);
    if (!t || !spec || t.category === undefined) return;
    const c = category(t.column, t.category, path);
    if (c !== undefined)
      spec.minPerGroup = nullRecord([
        ...entries(spec.minPerGroup as Record<string, number> | undefined),
        [c, rule.count],
      ]);
  });
  (settings.notAlone ?? []).forEach((rule, i) => {
    const path = [...at, "notAlone", i];
    const t = target(rule, path, true);
    const spec = t && categorical(t.column, path);
    if (!t || !spec || t.category === undefined) return;
    const c = category(t.column, t.category, path);
    if (c === undefined) return;
    const prior = spec.notAlone;
    spec.notAlone = {
      ...prior,
      level: rule.level ?? prior?.level ?? "hard",
      categories: nullRecord([
        ...entries(prior?.categories as Record<string, number> | undefined),
        [c, Math.max(2, rule.count)],
      ]),
    };
  });
  if (issues.length > 0) throw new ProblemInputError(issues);

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

function hasHardRule(spec: AttributeSpecInput): boolean {
  if (spec.kind !== "categorical") return false;
  const c = spec as Partial<CategoricalAttribute>;
  return (
    c.maxPerGroup !== undefined ||
    entries(c.maxPerGroupByCategory).length > 0 ||
    entries(c.minPerGroup).length > 0 ||
    ((c.notAlone?.level ?? "hard") === "hard" && entries(c.notAlone?.categories).length > 0)
  );
}

// --- groups and merging ---------------------------------------------------------------------

function groupsFrom(given: ParsedSettings["groups"], prior: unknown): unknown {
  if (given === undefined) return prior;
  const { minSize, maxSize, ...shape } = given;
  const bounds = {
    ...(minSize !== undefined ? { minSize } : {}),
    ...(maxSize !== undefined ? { maxSize } : {}),
  };
  if (shape.size !== undefined || shape.count !== undefined || shape.list !== undefined)
    return { ...shape, ...bounds };
  if (Object.keys(bounds).length === 0) return prior;
  if (isObject(prior) && prior.list === undefined) return { ...prior, ...bounds };
  return bounds;
}

function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Lists joined; a base that is not a list is left for the use case to report. */
function concat(base: unknown, ...more: unknown[]): unknown {
  const extra = more.filter((m): m is unknown[] => Array.isArray(m) && m.length > 0);
  if (extra.length === 0) return base;
  if (base !== undefined && !Array.isArray(base)) return base;
  return [...((base as unknown[] | undefined) ?? []), ...extra.flat()];
}

/** Records merged into a null-prototype record, later ones winning; a base that is not a record is left to report. */
function merge(base: unknown, ...more: unknown[]): unknown {
  const extra = more.filter(isObject);
  if (extra.length === 0) return base;
  if (base !== undefined && !isObject(base)) return base;
  return nullRecord([base, ...extra].flatMap((r) => entries(r as Record<string, unknown> | undefined)));
}
