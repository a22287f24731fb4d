/**
 * What would resolve each diagnosis, as data (types.ts, `Fix`): the changes a coordinator
 * would make, most useful first. A group count always comes with the sizes it implies
 * ("130 groups means groups of 3–4"), and for a cap that one category alone breaks, the
 * least disruptive fix (a cap for that category only) is offered first once a diagnosis of
 * the changed problem confirms it resolves everything.
 */
import type { Problem } from "../problem/schema.js";
import type { DiagnosisData, Fix } from "./types.js";

/** The sizes `count` groups would have for this head count and the problem's size bounds. */
export function sizesFor(problem: Problem, count: number): { minSize: number; maxSize: number } {
  const n = problem.people.length;
  const g = problem.groups;
  return {
    minSize: Math.min(g.minSize ?? Number.POSITIVE_INFINITY, Math.floor(n / count)),
    maxSize: Math.max(g.maxSize ?? 0, Math.ceil(n / count)),
  };
}

export function fixesFor(d: DiagnosisData, problem: Problem): Fix[] {
  const groupCount = (count: number): Fix[] =>
    count > 0 ? [{ kind: "set_group_count", count, ...sizesFor(problem, count) }] : [];
  switch (d.code) {
    case "no_groups":
      return [];
    case "size_vs_headcount":
      return [
        { kind: "change_sizes", bound: d.facts.bound, groups: [], by: d.facts.difference },
        ...groupCount(d.facts.suggestedGroups),
      ];
    case "cap_vs_count":
      return [
        { kind: "set_cap", attribute: d.facts.attribute, cap: d.facts.capNeeded },
        ...groupCount(d.facts.groupsNeeded),
      ];
    case "not_alone_vs_count":
      return [
        {
          kind: "set_not_alone",
          attribute: d.facts.attribute,
          category: d.facts.category,
          min: d.facts.count,
        },
      ];
    case "cap_vs_size":
      return [
        { kind: "raise_caps", attribute: d.facts.attribute },
        { kind: "set_size", bound: "min", groups: d.groups, size: d.facts.capacity },
      ];
    case "min_vs_supply":
      return [
        {
          kind: "set_minimum",
          attribute: d.facts.attribute,
          category: d.facts.category,
          min: d.facts.minPossible,
        },
        ...groupCount(d.facts.groupsPossible),
      ];
    case "min_vs_cap":
      return [
        { kind: "set_cap", attribute: d.facts.attribute, category: d.facts.category, cap: d.facts.min },
        { kind: "set_minimum", attribute: d.facts.attribute, category: d.facts.category, min: d.facts.cap },
      ];
    case "min_vs_size":
      return [
        { kind: "set_size", bound: "max", groups: d.groups, size: d.facts.needed },
        { kind: "lower_minimums", attribute: d.facts.attribute, by: d.facts.needed - d.facts.maxSize },
      ];
    case "together_too_large":
      return [
        { kind: "set_size", bound: "max", groups: d.groups, size: d.facts.size },
        { kind: "split_together" },
      ];
    case "together_apart_conflict":
      return [
        { kind: "remove_from_apart", people: d.people, keepOne: d.people.length > 2 },
        { kind: "split_together" },
      ];
    case "together_pin_conflict":
      return [{ kind: "pin_together" }, { kind: "split_together" }];
    case "together_allowed_conflict":
      return [{ kind: "allow_common_group" }, { kind: "split_together" }];
    case "together_vs_cap":
      return [
        { kind: "set_cap", attribute: d.facts.attribute, category: d.facts.category, cap: d.facts.count },
        { kind: "split_together" },
      ];
    case "pin_vs_allowed":
      return [
        { kind: "pin_person", person: d.facts.person, groups: d.groups.filter((g) => g !== d.facts.group) },
        { kind: "allow_person", person: d.facts.person, group: d.facts.group },
      ];
    case "pins_vs_capacity":
      return [
        d.groups.length === 1
          ? { kind: "set_size", bound: "max", groups: d.groups, size: d.facts.capacity + d.facts.excess }
          : { kind: "change_sizes", bound: "max", groups: d.groups, by: d.facts.excess },
        { kind: "release", count: d.facts.excess },
      ];
    case "pin_vs_cap":
      return [
        { kind: "set_cap", attribute: d.facts.attribute, category: d.facts.category, cap: d.facts.count },
        { kind: "release", count: d.facts.count - d.facts.cap },
      ];
    case "pin_vs_min":
      return [
        { kind: "set_size", bound: "max", groups: [d.facts.group], size: d.facts.maxSize + d.facts.excess },
        { kind: "pin_fewer", group: d.facts.group },
        { kind: "lower_minimums", attribute: d.facts.attribute, by: d.facts.excess },
      ];
    case "pin_vs_apart":
      return [
        { kind: "pin_elsewhere", people: d.people, allButOne: d.facts.count > 2 },
        { kind: "remove_from_apart", people: d.people, keepOne: d.facts.count > 2 },
      ];
    case "apart_vs_groups":
      return [
        ...groupCount(d.facts.size),
        { kind: "remove_from_apart", people: [], keepOne: false, count: d.facts.size - d.facts.groups },
      ];
  }
}
