/**
 * A diagnosis: one reason the hard rules cannot all hold, as data: a stable code, the facts
 * its wording uses, who and where, and what would fix it (each fix data too, so a page can
 * apply it with one click). Every sentence comes from a locale (`engine/locale/`).
 */
export type DiagnosisCode =
  | "no_groups"
  | "size_vs_headcount"
  | "cap_vs_count"
  | "not_alone_vs_count"
  | "cap_vs_size"
  | "min_vs_supply"
  | "min_vs_cap"
  | "min_vs_size"
  | "together_too_large"
  | "together_apart_conflict"
  | "together_pin_conflict"
  | "together_allowed_conflict"
  | "together_vs_cap"
  | "pin_vs_allowed"
  | "pins_vs_capacity"
  | "pin_vs_cap"
  | "pin_vs_min"
  | "pin_vs_apart"
  | "apart_vs_groups";

export interface Diagnosis {
  code: DiagnosisCode;
  /** JSON path of the rule in the problem, e.g. `attributes.Virksomhet.maxPerGroup`. */
  rule: string;
  /** Ids of the people involved (may be long; reports shorten). Empty when it concerns everyone alike. */
  people: string[];
  /** Ids of the groups involved. Empty when it concerns every group alike. */
  groups: string[];
  /** The numbers and names the wording uses, e.g. `{ category: "Bydel Alna", count: 9, groups: 8, cap: 1 }`. */
  facts: Record<string, string | number>;
  /** What would make it feasible, most useful first. */
  fixes: Fix[];
}

/**
 * A change that would resolve a diagnosis. The first kinds change one setting and can be
 * applied as they are (a page offers them as buttons); the rest are advice.
 */
export type Fix =
  /** Allow `cap` per group for the attribute, or for one category only (least disruptive). */
  | { kind: "set_cap"; attribute: string; category?: string; cap: number }
  /** Make `count` groups; with the same rules that means groups of minSize–maxSize. */
  | { kind: "set_group_count"; count: number; minSize: number; maxSize: number }
  /** Require `min` of the category in every group (0: drop the minimum). */
  | { kind: "set_minimum"; attribute: string; category: string; min: number }
  /** Change the size bound of the given groups (all groups when the list is empty). */
  | { kind: "set_size"; bound: "min" | "max"; groups: string[]; size: number }
  /** Lower the minimum sizes (or raise the maximum sizes) by `by` people in total. */
  | { kind: "change_sizes"; bound: "min" | "max"; groups: string[]; by: number }
  | { kind: "raise_caps"; attribute: string }
  | { kind: "lower_minimums"; attribute: string; by: number }
  | { kind: "split_together" }
  /** Take people out of a keep-apart set: these, or any `count` of it, or all but one (`keepOne`). */
  | { kind: "remove_from_apart"; people: string[]; keepOne: boolean; count?: number }
  /** Ask for at least `min` of the category in a group that has any (below 2: drop the rule). */
  | { kind: "set_not_alone"; attribute: string; category: string; min: number }
  | { kind: "pin_together" }
  | { kind: "allow_common_group" }
  | { kind: "pin_person"; person: string; groups: string[] }
  | { kind: "allow_person"; person: string; group: string }
  /** Let `count` of the people concerned be placed in other groups. */
  | { kind: "release"; count: number }
  | { kind: "pin_fewer"; group: string }
  | { kind: "pin_elsewhere"; people: string[]; allButOne: boolean };

export type FixKind = Fix["kind"];

/**
 * The facts each code carries. `people` and `groups` of the diagnosis say who and where;
 * the facts hold the numbers and names. Numbers that a fix proposes (a cap, a group count)
 * are facts too, so every language words the same proposal.
 */
export type FactsByCode = {
  /** No group count, size or list was given. */
  no_groups: { people: number };
  /**
   * The size bounds do not fit the head count. `bound` "min": the minimum sizes add up to
   * more than the head count; "max": the maximum sizes add up to less. `total` is that sum,
   * `difference` how far it is off, `suggestedGroups` a group count that would fit with the
   * same bounds (0 when the groups are a list or no count fits).
   */
  size_vs_headcount: {
    bound: "min" | "max";
    people: number;
    groups: number;
    total: number;
    difference: number;
    suggestedGroups: number;
  };
  /**
   * `categories` categories of `attribute` have more people than `groups` groups with at most
   * `cap` each can hold; `category` (with `count` people) is the largest. One diagnosis for
   * them all: one fix resolves every one.
   */
  cap_vs_count: {
    attribute: string;
    category: string;
    count: number;
    categories: number;
    groups: number;
    cap: number;
    /** ceil(largest count / groups): the cap that would fit them all. */
    capNeeded: number;
    /** ceil(largest count / cap): the group count that would fit them all. */
    groupsNeeded: number;
  };
  /** `count` people of `category` (fewer than `min`, more than none): some group must have them alone. */
  not_alone_vs_count: { attribute: string; category: string; count: number; min: number };
  /**
   * The groups (ids in `groups`) need at least `minSize` people, but the caps of `attribute`
   * let a group hold at most `capacity` (at most the cap of each category, plus everyone
   * without a value).
   */
  cap_vs_size: { attribute: string; minSize: number; capacity: number };
  /** Every one of `groups` groups needs `min` people of `category`, which has `count`. */
  min_vs_supply: {
    attribute: string;
    category: string;
    count: number;
    groups: number;
    min: number;
    /** floor(count / groups): the largest minimum that fits (may be 0). */
    minPossible: number;
    /** floor(count / min): the most groups that fit (may be 0). */
    groupsPossible: number;
  };
  /** The minimum for `category` is above its cap. */
  min_vs_cap: { attribute: string; category: string; min: number; cap: number };
  /**
   * The minimums of `attribute` add up to `needed` people per group, more than the
   * maximum size of the groups in `groups` (the largest of which is `maxSize`).
   */
  min_vs_size: { attribute: string; needed: number; maxSize: number };
  /**
   * A keep-together unit of `size` people is larger than any group it may go in (largest
   * `maxSize`). `restricted` is 1 when pins or allowed groups limit where it may go (those
   * groups are in `groups`), 0 when it fits no group at all.
   */
  together_too_large: { size: number; maxSize: number; restricted: 0 | 1 };
  /** People of keep-apart set number `apartSet` (counting from 0) are in one keep-together unit. */
  together_apart_conflict: { apartSet: number };
  /** A keep-together unit of `size` people has members pinned to different groups (`groups`). */
  together_pin_conflict: { size: number };
  /** A keep-together unit of `size` people has no group that every member is allowed in. */
  together_allowed_conflict: { size: number };
  /** A keep-together unit of `size` people has `count` of `category`, above the cap. */
  together_vs_cap: { attribute: string; category: string; count: number; cap: number; size: number };
  /** `person` is pinned to `group`, not among the allowed groups (`groups` after the first). */
  pin_vs_allowed: { person: string; group: string };
  /**
   * `people` people can only be placed in the groups in `groups` (by pins or allowed groups),
   * whose maximum sizes add up to `capacity`: `excess` too many.
   */
  pins_vs_capacity: { people: number; capacity: number; excess: number };
  /** `count` people of `category` can only be placed in `group`, above the cap. */
  pin_vs_cap: { attribute: string; category: string; count: number; group: string; cap: number };
  /**
   * `forced` people can only be placed in `group` (maximum `maxSize`), and the minimums of
   * `attribute` still need `needed` more people there: `excess` too many.
   */
  pin_vs_min: {
    attribute: string;
    group: string;
    maxSize: number;
    forced: number;
    needed: number;
    excess: number;
  };
  /** `count` people of keep-apart set number `apartSet` can only be placed in `group`. */
  pin_vs_apart: { apartSet: number; group: string; count: number };
  /** Keep-apart set number `apartSet` has `size` people but there are only `groups` groups. */
  apart_vs_groups: { apartSet: number; size: number; groups: number };
};

/** A diagnosis with its facts typed by code: what `diagnose` finds, and what a locale reads. */
export type DiagnosisData<C extends DiagnosisCode = DiagnosisCode> = {
  [K in C]: {
    code: K;
    rule: string;
    people: string[];
    groups: string[];
    facts: FactsByCode[K];
    fixes: Fix[];
  };
}[C];
