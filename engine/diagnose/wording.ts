/**
 * English wording of diagnoses: one function per code, from the facts and the ids of the
 * people and groups involved to a sentence and a list of fixes. A Norwegian wording is a
 * second `Wordings` object of the same shape; nothing else changes.
 */
import type { Diagnosis, DiagnosisCode, DiagnosisData, FactsByCode } from "./types.js";

/** The ids a wording may name (long lists are shortened by the wording). */
export interface Involved {
  people: readonly string[];
  groups: readonly string[];
}

export interface Wording {
  message: string;
  fixes: string[];
}

export type Wordings = { [C in DiagnosisCode]: (facts: FactsByCode[C], involved: Involved) => Wording };

/** How many names a list shows before "and N others". */
const SHOWN = 5;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const people = (n: number) => count(n, "person", "people");
const groups = (n: number) => count(n, "group", "groups");

function joinList(items: readonly string[], word: "and" | "or"): string {
  const shown = items.length > SHOWN + 1 ? items.slice(0, SHOWN) : [...items];
  const hidden = items.length - shown.length;
  if (hidden > 0) return `${shown.join(", ")} ${word} ${count(hidden, "other", "others")}`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${word} ${shown[shown.length - 1]}`;
}

const and = (items: readonly string[]) => joinList(items, "and");
const or = (items: readonly string[]) => joinList(items, "or");

/** "group 3" or "groups 1, 2 and 3". */
function groupRef(ids: readonly string[]): string {
  return ids.length === 1 ? `group ${ids[0]}` : `groups ${and(ids)}`;
}

/** "holds" for one group, "hold" for several. */
function holds(ids: readonly string[]): string {
  return ids.length === 1 ? "holds" : "hold";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thereAre(n: number, noun: (n: number) => string): string {
  return `there ${n === 1 ? "is" : "are"} ${noun(n)}`;
}

const splitTogether = "Split the keep-together set.";

export const english: Wordings = {
  no_groups: (f) => ({
    message: `No groups are set up (${people(f.people)} to place)`,
    fixes: ["Set the number of groups.", "Set a group size.", "List the groups with their sizes."],
  }),

  size_vs_headcount: (f) => {
    const theGroups = f.groups === 1 ? "the one group" : `the ${f.groups} groups`;
    if (f.bound === "min") {
      const fixes = [`Lower the minimum group sizes by ${f.difference} in total.`];
      if (f.suggestedGroups > 0) fixes.push(`Make ${groups(f.suggestedGroups)}.`);
      return {
        message: `There ${f.people === 1 ? "is" : "are"} ${people(f.people)}, but ${theGroups} ${f.groups === 1 ? "needs" : "need"} at least ${f.total}${f.groups === 1 ? "" : " together"}: ${people(f.difference)} too few`,
        fixes,
      };
    }
    const fixes = [`Raise the maximum group sizes by ${f.difference} in total.`];
    if (f.suggestedGroups > 0) fixes.push(`Make ${groups(f.suggestedGroups)}.`);
    return {
      message: `There ${f.people === 1 ? "is" : "are"} ${people(f.people)}, but ${theGroups} ${f.groups === 1 ? "holds" : "hold"} at most ${f.total}${f.groups === 1 ? "" : " together"}: ${people(f.difference)} too many`,
      fixes,
    };
  },

  cap_vs_count: (f) => ({
    message: `${f.category} has ${people(f.count)}, ${thereAre(f.groups, groups)} and at most ${f.cap} per group is allowed`,
    fixes: [`Allow ${f.capNeeded} per group.`, `Make ${groups(f.groupsNeeded)}.`],
  }),

  cap_vs_size: (f, w) => ({
    message: `${capitalise(groupRef(w.groups))} must have at least ${f.minSize} people, but with the caps on ${f.attribute} a group can hold at most ${f.capacity}`,
    fixes: [
      `Raise the caps on ${f.attribute}.`,
      `Lower the minimum size of ${groupRef(w.groups)} to ${f.capacity}.`,
    ],
  }),

  min_vs_supply: (f) => {
    const has = f.count === 0 ? "has nobody" : `has ${people(f.count)}`;
    const each = f.groups === 1 ? "the one group needs" : `each of the ${f.groups} groups needs`;
    const fixes = [
      f.minPossible > 0
        ? `Lower the minimum for ${f.category} to ${f.minPossible} per group.`
        : `Drop the minimum for ${f.category}.`,
    ];
    if (f.groupsPossible > 0) fixes.push(`Make ${groups(f.groupsPossible)}.`);
    return { message: `${f.category} ${has}, but ${each} at least ${f.min}`, fixes };
  },

  min_vs_cap: (f) => ({
    message: `Every group needs at least ${f.min} of ${f.category}, but at most ${f.cap} per group is allowed`,
    fixes: [`Allow ${f.min} per group.`, `Lower the minimum for ${f.category} to ${f.cap} per group.`],
  }),

  min_vs_size: (f, w) => ({
    message: `The minimums for ${f.attribute} need at least ${f.needed} people in every group, but ${groupRef(w.groups)} ${holds(w.groups)} at most ${f.maxSize}`,
    fixes: [
      `Raise the maximum size of ${groupRef(w.groups)} to ${f.needed}.`,
      `Lower the minimums for ${f.attribute} by ${f.needed - f.maxSize} in total.`,
    ],
  }),

  together_too_large: (f, w) => {
    const who = `${and(w.people)} must be in one group (${people(f.size)})`;
    if (f.restricted === 1) {
      return {
        message: `${who}, but may only be placed in ${groupRef(w.groups)}, which ${holds(w.groups)} at most ${f.maxSize}`,
        fixes: [`Raise the maximum size of ${groupRef(w.groups)} to ${f.size}.`, splitTogether],
      };
    }
    return {
      message: `${who}, but no group holds more than ${f.maxSize}`,
      fixes: [`Raise the maximum group size to ${f.size}.`, splitTogether],
    };
  },

  together_apart_conflict: (_f, w) => ({
    message: `${and(w.people)} must be in one group (keep together) and in different groups (keep apart)`,
    fixes: [
      w.people.length === 2
        ? `Remove ${or(w.people)} from the keep-apart set.`
        : `Keep only one of ${and(w.people)} in the keep-apart set.`,
      splitTogether,
    ],
  }),

  together_pin_conflict: (_f, w) => ({
    message: `${and(w.people)} must be in one group, but they are pinned to ${groupRef(w.groups)}`,
    fixes: ["Pin them to the same group.", splitTogether],
  }),

  together_allowed_conflict: (_f, w) => ({
    message: `${and(w.people)} must be in one group, but no group is allowed for all of them`,
    fixes: ["Allow them a common group.", splitTogether],
  }),

  together_vs_cap: (f, w) => ({
    message: `${and(w.people)} must be in one group, but ${f.count} of them have ${f.attribute} ${f.category} and at most ${f.cap} per group is allowed`,
    fixes: [`Allow ${f.count} per group.`, splitTogether],
  }),

  pin_vs_allowed: (f, w) => {
    const allowed = w.groups.filter((g) => g !== f.group);
    const target = allowed.length === 1 ? groupRef(allowed) : `one of ${groupRef(allowed)}`;
    return {
      message: `${f.person} is pinned to group ${f.group}, but may only be in ${groupRef(allowed)}`,
      fixes: [`Pin ${f.person} to ${target}.`, `Allow ${f.person} in group ${f.group}.`],
    };
  },

  pins_vs_capacity: (f, w) => ({
    message: `${capitalise(people(f.people))} (${and(w.people)}) can only be placed in ${groupRef(w.groups)}, which ${holds(w.groups)} at most ${f.capacity}: ${f.excess} too many`,
    fixes: [
      w.groups.length === 1
        ? `Raise the maximum size of ${groupRef(w.groups)} to ${f.capacity + f.excess}.`
        : `Raise the maximum sizes of ${groupRef(w.groups)} by ${f.excess} in total.`,
      `Let ${f.excess} of them be placed in other groups.`,
    ],
  }),

  pin_vs_cap: (f, w) => ({
    message: `${capitalise(people(f.count))} with ${f.attribute} ${f.category} (${and(w.people)}) can only be placed in group ${f.group}, but at most ${f.cap} per group is allowed`,
    fixes: [`Allow ${f.count} per group.`, `Let ${f.count - f.cap} of them be placed in other groups.`],
  }),

  pin_vs_min: (f) => ({
    message: `${capitalise(people(f.forced))} can only be placed in group ${f.group}, which holds at most ${f.maxSize}, and the minimums for ${f.attribute} need ${f.needed} more there: ${f.excess} too many`,
    fixes: [
      `Raise the maximum size of group ${f.group} to ${f.maxSize + f.excess}.`,
      `Pin fewer people to group ${f.group}.`,
      `Lower the minimums for ${f.attribute}.`,
    ],
  }),

  pin_vs_apart: (f, w) => ({
    message: `${and(w.people)} must be kept apart, but ${f.count === 2 ? "both" : "all"} can only be placed in group ${f.group}`,
    fixes:
      f.count === 2
        ? [`Pin ${or(w.people)} to another group.`, `Remove ${or(w.people)} from the keep-apart set.`]
        : [`Pin all but one of them to other groups.`, `Keep only one of them in the keep-apart set.`],
  }),

  apart_vs_groups: (f, w) => ({
    message: `The keep-apart set ${and(w.people)} has ${people(f.size)}, but there ${f.groups === 1 ? "is" : "are"} only ${groups(f.groups)}`,
    fixes: [`Make ${groups(f.size)}.`, `Remove ${people(f.size - f.groups)} from the keep-apart set.`],
  }),
};

/** Word one diagnosis with the given wordings (English by default). */
export function word<C extends DiagnosisCode>(
  data: DiagnosisData<C>,
  wordings: Wordings = english,
): Diagnosis {
  const fn = wordings[data.code] as (facts: FactsByCode[C], involved: Involved) => Wording;
  const { message, fixes } = fn(data.facts, data);
  return {
    code: data.code,
    rule: data.rule,
    people: data.people,
    groups: data.groups,
    facts: { ...data.facts },
    message,
    fixes,
  };
}
