/**
 * What a coordinator says about the groups, as the page keeps it, and its translation to the
 * engine's settings (ComposeSettings, the same schema the CLI's flags and config file fill).
 * The page decides nothing here: the service assembles the request from these settings and
 * the engine checks, composes and scores it.
 *
 * Only these settings are remembered in the browser (localStorage): sizes, how each column
 * is used, rules on categories, search time, rounds. Never anyone's name, id or group: the
 * people-specific rules (keep apart, together, pins, an earlier grouping, a history) live in
 * memory for the page's lifetime only.
 */
import type { ColumnUse, ComposeSettings, Fix, History } from "./types.js";

export type ColumnGoal = "mix" | "similar" | "balance" | "off";

export interface ColumnSetting {
  goal: ColumnGoal;
  weight: number;
  /** At most this many of any one value per group (a hard rule); undefined: no cap. */
  cap?: number;
  /** Numeric columns: balance the spread (variance) too. */
  spreadToo?: boolean;
  /** The column holds numbers (so it can be balanced). */
  numeric: boolean;
}

export type CategoryRuleKind = "cap" | "atLeast" | "notAlone";

export interface CategoryRule {
  kind: CategoryRuleKind;
  column: string;
  category: string;
  count: number;
}

export interface PageSettings {
  groupsBy: "size" | "count";
  size: number;
  count: number;
  /** Per column, by the roster's header name. */
  columns: Record<string, ColumnSetting>;
  rules: CategoryRule[];
  timeSeconds: number;
  rounds: number;
  skipInvalidRows: boolean;
}

/** Rules about particular people: kept in memory only, never stored. */
export interface PeopleRules {
  apart: string[][];
  together: string[][];
  pins: Record<string, string>;
  /** An earlier grouping to repair (person id → group). */
  incumbent?: Record<string, string>;
  /** Earlier gatherings the new rounds follow. */
  history?: History;
}

export const DEFAULT_SETTINGS: PageSettings = {
  groupsBy: "size",
  size: 6,
  count: 10,
  columns: {},
  rules: [],
  timeSeconds: 10,
  rounds: 3,
  skipInvalidRows: false,
};

export const EMPTY_PEOPLE_RULES: PeopleRules = { apart: [], together: [], pins: {} };

const STORAGE_KEY = "tverr.settings.v1";

export function loadSettings(storage: Storage | undefined): PageSettings {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return DEFAULT_SETTINGS;
    const stored = JSON.parse(text) as Partial<PageSettings>;
    return {
      ...DEFAULT_SETTINGS,
      ...stored,
      columns: { ...(stored.columns ?? {}) },
      rules: stored.rules ?? [],
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(storage: Storage | undefined, settings: PageSettings): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or forbidden: the settings simply are not remembered.
  }
}

/**
 * Column settings from the roster's columns as the engine recognised them, keeping what the
 * coordinator already chose for a column of the same name.
 */
export function columnsFrom(
  uses: readonly ColumnUse[],
  kept: Record<string, ColumnSetting>,
): Record<string, ColumnSetting> {
  const out: Record<string, ColumnSetting> = {};
  for (const use of uses) {
    if (use.use !== "attribute" && use.use !== "unused") continue;
    const spec = use.spec;
    const numeric = spec?.kind === "numeric";
    const previous = kept[use.column];
    if (previous) {
      out[use.column] = { ...previous, numeric: previous.numeric || numeric };
      continue;
    }
    if (!spec) {
      out[use.column] = { goal: "off", weight: 1, numeric: false };
      continue;
    }
    if (spec.kind === "numeric") {
      out[use.column] = {
        goal: "balance",
        weight: spec.weight,
        numeric: true,
        spreadToo: spec.varianceWeight !== undefined,
      };
      continue;
    }
    out[use.column] = {
      goal: spec.goal === "similar" ? "similar" : "mix",
      weight: spec.weight,
      numeric: false,
      ...(spec.maxPerGroup !== undefined ? { cap: spec.maxPerGroup } : {}),
    };
  }
  return out;
}

/** The engine's settings for these page settings and people rules. */
export function composeSettings(
  settings: PageSettings,
  people: PeopleRules,
  options: { columnsKnown: boolean; rounds: boolean },
): ComposeSettings {
  const out: ComposeSettings = {
    groups: settings.groupsBy === "size" ? { size: settings.size } : { count: settings.count },
    options: { timeLimitMs: Math.round(settings.timeSeconds * 1000) },
    mapping: { skipInvalidRows: settings.skipInvalidRows },
  };
  // Until the roster's columns are known, the engine's recognition decides (the first read).
  if (options.columnsKnown) {
    const entries = Object.entries(settings.columns);
    const weighted = (goal: ColumnGoal) =>
      entries.filter(([, c]) => c.goal === goal).map(([column, c]) => ({ column, weight: c.weight }));
    out.mix = weighted("mix");
    out.similar = weighted("similar");
    out.balance = weighted("balance");
    out.balanceSpread = entries
      .filter(([, c]) => c.goal === "balance" && c.spreadToo)
      .map(([column, c]) => ({ column, weight: c.weight }));
    const caps = entries
      .filter(([, c]) => c.cap !== undefined && c.goal !== "balance")
      .map(([column, c]) => ({ column, count: c.cap as number }));
    const byKind = (kind: CategoryRuleKind) =>
      settings.rules
        .filter((r) => r.kind === kind)
        .map((r) => ({ column: r.column, category: r.category, count: r.count }));
    out.caps = [...caps, ...byKind("cap")];
    out.atLeast = byKind("atLeast");
    out.notAlone = byKind("notAlone");
  }
  const rules: NonNullable<ComposeSettings["rules"]> = {};
  if (people.apart.length > 0) rules.apart = people.apart;
  if (people.together.length > 0) rules.together = people.together;
  if (Object.keys(people.pins).length > 0) rules.pins = people.pins;
  if (Object.keys(rules).length > 0) out.rules = rules;
  if (people.incumbent && !options.rounds) out.incumbent = { assignment: people.incumbent };
  if (options.rounds) {
    out.rounds = settings.rounds;
    if (people.history && people.history.rounds.length > 0) out.history = people.history;
  }
  return out;
}

/**
 * A diagnosis's fix applied to the settings, when it is one setting's change (a cap, a group
 * count, a minimum, a size for all groups, "no one alone", people out of a keep-apart set);
 * undefined for a fix that is advice (the coordinator decides how).
 */
export function applyFix(
  fix: Fix,
  settings: PageSettings,
  people: PeopleRules,
): { settings: PageSettings; people: PeopleRules } | undefined {
  const same = { settings, people };
  switch (fix.kind) {
    case "set_cap": {
      if (fix.category === undefined) {
        const column = settings.columns[fix.attribute];
        if (!column) return undefined;
        return {
          ...same,
          settings: {
            ...settings,
            columns: { ...settings.columns, [fix.attribute]: { ...column, cap: fix.cap } },
          },
        };
      }
      const rules = settings.rules.filter(
        (r) => !(r.kind === "cap" && r.column === fix.attribute && r.category === fix.category),
      );
      rules.push({ kind: "cap", column: fix.attribute, category: fix.category, count: fix.cap });
      return { ...same, settings: { ...settings, rules } };
    }
    case "set_group_count":
      return { ...same, settings: { ...settings, groupsBy: "count", count: fix.count } };
    case "set_minimum":
    case "set_not_alone": {
      const kind: CategoryRuleKind = fix.kind === "set_minimum" ? "atLeast" : "notAlone";
      const count = fix.min;
      const rules = settings.rules.filter(
        (r) => !(r.kind === kind && r.column === fix.attribute && r.category === fix.category),
      );
      // A minimum of 0 (or "not alone" below 2) is no rule at all.
      if (count >= (kind === "atLeast" ? 1 : 2))
        rules.push({ kind, column: fix.attribute, category: fix.category, count });
      return { ...same, settings: { ...settings, rules } };
    }
    case "remove_from_apart": {
      if (fix.people.length === 0 || fix.count !== undefined) return undefined;
      // keepOne: all of them but one leave the set.
      const out = new Set(fix.keepOne ? fix.people.slice(1) : fix.people);
      const apart = people.apart
        .map((set) => set.filter((p) => !out.has(p)))
        .filter((set) => set.length >= 2);
      return { ...same, people: { ...people, apart } };
    }
    default:
      return undefined;
  }
}
