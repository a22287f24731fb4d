/**
 * A diagnosis: one reason the hard rules cannot all hold, as data. `code` and `facts` are
 * stable and machine-readable (a Norwegian report words them itself); `message` and
 * `fixes` are the English wording made from them.
 */
export type DiagnosisCode =
  | "no_groups"
  | "size_vs_headcount"
  | "cap_vs_count"
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
  /** One sentence a coordinator understands. */
  message: string;
  /** What would make it feasible, each a short imperative sentence. */
  fixes: string[];
}

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
  /** `count` people of `category` cannot spread over `groups` groups with at most `cap` in each. */
  cap_vs_count: {
    attribute: string;
    category: string;
    count: number;
    groups: number;
    cap: number;
    /** ceil(count / groups): the cap that would fit. */
    capNeeded: number;
    /** ceil(count / cap): the group count that would fit. */
    groupsNeeded: number;
  };
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

/** A diagnosis before wording: what `diagnose` finds, and what a wording module reads. */
export type DiagnosisData<C extends DiagnosisCode = DiagnosisCode> = {
  [K in C]: { code: K; rule: string; people: string[]; groups: string[]; facts: FactsByCode[K] };
}[C];
