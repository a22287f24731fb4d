import { describe, expect, it } from "vitest";
import { diagnose } from "../../../engine/diagnose/diagnose.js";
import type { Diagnosis, DiagnosisCode } from "../../../engine/diagnose/types.js";
import { en, nb, wordDiagnosis } from "../../../engine/locale/index.js";
import { type ProblemInput, ProblemSchema } from "../../../engine/problem/schema.js";
import { parseProblem } from "../../../engine/problem/validate.js";
import { isFeasible } from "./bruteForce.js";

type Attrs = Record<string, string | number | null>;
const person = (id: string, attributes: Attrs = {}) => ({ id, attributes });
/** People "a", "b", ... (as many as asked), each with the given attributes. */
const letters = (count: number, attributes: (i: number) => Attrs = () => ({})) =>
  Array.from({ length: count }, (_, i) => person(String.fromCharCode(97 + i), attributes(i)));

/** A diagnosis as data, with its English wording: the sentence and each fix's advice. */
function described(d: Diagnosis) {
  const words = wordDiagnosis(d, en);
  return { ...d, message: words.message, advice: words.fixes };
}

function run(input: ProblemInput) {
  return diagnose(parseProblem(input)).map(described);
}

/** The one diagnosis of the given code, without its facts (checked elsewhere). */
function one(input: ProblemInput, code: DiagnosisCode) {
  const found = run(input).filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  const { facts: _facts, ...rest } = found[0];
  return rest;
}

describe("diagnose: one example per code", () => {
  it("no_groups", () => {
    const problem = ProblemSchema.parse({ people: letters(3), groups: {} });
    expect(diagnose(problem).map(described)).toEqual([
      {
        code: "no_groups",
        rule: "groups",
        people: [],
        groups: [],
        facts: { people: 3 },
        message: "No groups are set up (3 people to place): say how many groups, or how large",
        fixes: [],
        advice: [],
      },
    ]);
  });

  it("size_vs_headcount: minimums above the head count", () => {
    const input = { people: letters(10), groups: { count: 3, minSize: 4, maxSize: 5 } };
    expect(run(input)).toEqual([
      {
        code: "size_vs_headcount",
        rule: "groups.minSize",
        people: [],
        groups: ["1", "2", "3"],
        facts: { bound: "min", people: 10, groups: 3, total: 12, difference: 2, suggestedGroups: 2 },
        message: "There are 10 people, but the 3 groups need at least 12 together: 2 people too few",
        fixes: [
          { kind: "change_sizes", bound: "min", groups: [], by: 2 },
          { kind: "set_group_count", count: 2, minSize: 4, maxSize: 5 },
        ],
        advice: ["Lower the minimum group sizes by 2 in total.", "Make 2 groups (groups of 4–5)."],
      },
    ]);
  });

  it("size_vs_headcount: maximums below the head count", () => {
    const people = Array.from({ length: 30 }, (_, i) => person(`p${i}`));
    expect(run({ people, groups: { count: 3, minSize: 2, maxSize: 8 } })).toEqual([
      {
        code: "size_vs_headcount",
        rule: "groups.maxSize",
        people: [],
        groups: ["1", "2", "3"],
        facts: { bound: "max", people: 30, groups: 3, total: 24, difference: 6, suggestedGroups: 4 },
        message: "There are 30 people, but the 3 groups hold at most 24 together: 6 people too many",
        fixes: [
          { kind: "change_sizes", bound: "max", groups: [], by: 6 },
          { kind: "set_group_count", count: 4, minSize: 2, maxSize: 8 },
        ],
        advice: ["Raise the maximum group sizes by 6 in total.", "Make 4 groups (groups of 2–8)."],
      },
    ]);
  });

  it("cap_vs_count (the Bydel Alna example)", () => {
    const alna = Array.from({ length: 9 }, (_, i) => person(`alna${i}`, { Virksomhet: "Bydel Alna" }));
    const others = Array.from({ length: 31 }, (_, i) => person(`p${i}`, { Virksomhet: `Etat ${i}` }));
    const result = run({
      people: [...alna, ...others],
      groups: { count: 8 },
      attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 1 } },
    });
    expect(result).toEqual([
      {
        code: "cap_vs_count",
        rule: "attributes.Virksomhet.maxPerGroup",
        people: alna.map((p) => p.id),
        groups: [],
        facts: {
          attribute: "Virksomhet",
          category: "Bydel Alna",
          count: 9,
          groups: 8,
          cap: 1,
          categories: 1,
          capNeeded: 2,
          groupsNeeded: 9,
        },
        message: "Bydel Alna has 9 people, there are 8 groups and at most 1 per group is allowed",
        fixes: [
          { kind: "set_cap", attribute: "Virksomhet", category: "Bydel Alna", cap: 2 },
          { kind: "set_cap", attribute: "Virksomhet", cap: 2 },
          { kind: "set_group_count", count: 9, minSize: 4, maxSize: 5 },
        ],
        advice: [
          "Allow 2 of Bydel Alna per group (for this Virksomhet only; the others keep their cap).",
          "Allow 2 per group.",
          "Make 9 groups (groups of 4–5).",
        ],
      },
    ]);
  });

  it("cap_vs_count: a per-category cap", () => {
    const input: ProblemInput = {
      people: letters(6, (i) => ({ Virksomhet: i < 5 ? "Bymiljøetaten" : "Bydel Grorud" })),
      groups: { count: 2 },
      attributes: { Virksomhet: { kind: "categorical", maxPerGroupByCategory: { Bymiljøetaten: 2 } } },
    };
    expect(one(input, "cap_vs_count")).toEqual({
      code: "cap_vs_count",
      rule: 'attributes.Virksomhet.maxPerGroupByCategory["Bymiljøetaten"]',
      people: ["a", "b", "c", "d", "e"],
      groups: [],
      message: "Bymiljøetaten has 5 people, there are 2 groups and at most 2 per group is allowed",
      fixes: [
        { kind: "set_cap", attribute: "Virksomhet", category: "Bymiljøetaten", cap: 3 },
        { kind: "set_cap", attribute: "Virksomhet", cap: 3 },
        { kind: "set_group_count", count: 3, minSize: 2, maxSize: 2 },
      ],
      advice: [
        "Allow 3 of Bymiljøetaten per group (for this Virksomhet only; the others keep their cap).",
        "Allow 3 per group.",
        "Make 3 groups (groups of 2).",
      ],
    });
  });

  it("cap_vs_size", () => {
    const input: ProblemInput = {
      people: letters(6, (i) => ({ Sektor: i < 3 ? "Oppvekst" : "Helse" })),
      groups: {
        list: [
          { id: "g1", minSize: 5, maxSize: 5 },
          { id: "g2", minSize: 0, maxSize: 5 },
        ],
      },
      attributes: { Sektor: { kind: "categorical", maxPerGroup: 2 } },
    };
    expect(run(input)).toEqual([
      {
        code: "cap_vs_size",
        rule: "attributes.Sektor.maxPerGroup",
        people: [],
        groups: ["g1"],
        facts: { attribute: "Sektor", minSize: 5, capacity: 4 },
        message:
          "Group g1 must have at least 5 people, but with the caps on Sektor a group can hold at most 4",
        fixes: [
          { kind: "raise_caps", attribute: "Sektor" },
          { kind: "set_size", bound: "min", groups: ["g1"], size: 4 },
        ],
        advice: ["Raise the caps on Sektor.", "Lower the minimum size of group g1 to 4."],
      },
    ]);
  });

  it("min_vs_supply", () => {
    const input: ProblemInput = {
      people: letters(9, (i) => ({ Kjønn: i < 2 ? "Kvinne" : "Mann" })),
      groups: { count: 3 },
      attributes: { Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 1 } } },
    };
    expect(run(input)).toEqual([
      {
        code: "min_vs_supply",
        rule: 'attributes["Kjønn"].minPerGroup.Kvinne',
        people: ["a", "b"],
        groups: [],
        facts: {
          attribute: "Kjønn",
          category: "Kvinne",
          count: 2,
          groups: 3,
          min: 1,
          minPossible: 0,
          groupsPossible: 2,
        },
        message: "Kvinne has 2 people, but each of the 3 groups needs at least 1",
        fixes: [
          { kind: "set_minimum", attribute: "Kjønn", category: "Kvinne", min: 0 },
          { kind: "set_group_count", count: 2, minSize: 4, maxSize: 5 },
        ],
        advice: ["Drop the minimum for Kvinne.", "Make 2 groups (groups of 4–5)."],
      },
    ]);
  });

  it("min_vs_cap (with the cap check it implies)", () => {
    const input: ProblemInput = {
      people: letters(12, (i) => ({ Kjønn: i % 2 === 0 ? "Kvinne" : "Mann" })),
      groups: { count: 2 },
      attributes: {
        Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 3 }, maxPerGroupByCategory: { Kvinne: 2 } },
      },
    };
    expect(run(input).map((d) => d.code)).toEqual(["cap_vs_count", "min_vs_cap"]);
    expect(one(input, "min_vs_cap")).toEqual({
      code: "min_vs_cap",
      rule: 'attributes["Kjønn"].minPerGroup.Kvinne',
      people: [],
      groups: [],
      message: "Every group needs at least 3 of Kvinne, but at most 2 per group is allowed",
      fixes: [
        { kind: "set_cap", attribute: "Kjønn", category: "Kvinne", cap: 3 },
        { kind: "set_minimum", attribute: "Kjønn", category: "Kvinne", min: 2 },
      ],
      advice: [
        "Allow 3 of Kvinne per group (for this Kjønn only; the others keep their cap).",
        "Lower the minimum for Kvinne to 2 per group.",
      ],
    });
  });

  it("min_vs_size", () => {
    const input: ProblemInput = {
      people: letters(9, (i) => ({ Kjønn: i < 5 ? "Kvinne" : "Mann" })),
      groups: {
        list: [
          { id: "g1", minSize: 0, maxSize: 3 },
          { id: "g2", minSize: 0, maxSize: 6 },
        ],
      },
      attributes: { Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 2, Mann: 2 } } },
    };
    expect(run(input)).toEqual([
      {
        code: "min_vs_size",
        rule: 'attributes["Kjønn"].minPerGroup',
        people: [],
        groups: ["g1"],
        facts: { attribute: "Kjønn", needed: 4, maxSize: 3 },
        message: "The minimums for Kjønn need at least 4 people in every group, but group g1 holds at most 3",
        fixes: [
          { kind: "set_size", bound: "max", groups: ["g1"], size: 4 },
          { kind: "lower_minimums", attribute: "Kjønn", by: 1 },
        ],
        advice: ["Raise the maximum size of group g1 to 4.", "Lower the minimums for Kjønn by 1 in total."],
      },
    ]);
  });

  it("together_too_large: larger than every group", () => {
    const input: ProblemInput = {
      people: letters(9),
      groups: { count: 3 },
      rules: { together: [["a", "b", "c", "d"]] },
    };
    expect(run(input)).toEqual([
      {
        code: "together_too_large",
        rule: "rules.together[0]",
        people: ["a", "b", "c", "d"],
        groups: [],
        facts: { size: 4, maxSize: 3, restricted: 0 },
        message: "a, b, c and d must be in one group (4 people), but no group holds more than 3",
        fixes: [{ kind: "set_size", bound: "max", groups: [], size: 4 }, { kind: "split_together" }],
        advice: ["Raise the maximum size of every group to 4.", "Split the keep-together set."],
      },
    ]);
  });

  it("together_too_large: larger than the groups it is allowed in", () => {
    const input: ProblemInput = {
      people: letters(8),
      groups: {
        list: [
          { id: "g1", minSize: 0, maxSize: 5 },
          { id: "g2", minSize: 0, maxSize: 3 },
        ],
      },
      rules: { together: [["a", "b", "c", "d"]], allowedGroups: { a: ["g2"] } },
    };
    expect(run(input)).toEqual([
      {
        code: "together_too_large",
        rule: "rules.together[0]",
        people: ["a", "b", "c", "d"],
        groups: ["g2"],
        facts: { size: 4, maxSize: 3, restricted: 1 },
        message:
          "a, b, c and d must be in one group (4 people), but may only be placed in group g2, which holds at most 3",
        fixes: [{ kind: "set_size", bound: "max", groups: ["g2"], size: 4 }, { kind: "split_together" }],
        advice: ["Raise the maximum size of group g2 to 4.", "Split the keep-together set."],
      },
    ]);
  });

  it("together_apart_conflict (through a chain of keep-together sets)", () => {
    const input: ProblemInput = {
      people: letters(6),
      groups: { count: 2 },
      rules: {
        together: [
          ["a", "b"],
          ["b", "c"],
        ],
        apart: [["a", "c"]],
      },
    };
    expect(run(input)).toEqual([
      {
        code: "together_apart_conflict",
        rule: "rules.apart[0]",
        people: ["a", "c"],
        groups: [],
        facts: { apartSet: 0 },
        message: "a and c must be in one group (keep together) and in different groups (keep apart)",
        fixes: [
          { kind: "remove_from_apart", people: ["a", "c"], keepOne: false },
          { kind: "split_together" },
        ],
        advice: ["Remove a or c from the keep-apart set.", "Split the keep-together set."],
      },
    ]);
  });

  it("together_pin_conflict", () => {
    const input: ProblemInput = {
      people: letters(6),
      groups: { count: 2 },
      rules: { together: [["a", "b", "c"]], pins: { a: "1", c: "2" } },
    };
    expect(run(input)).toEqual([
      {
        code: "together_pin_conflict",
        rule: "rules.together[0]",
        people: ["a", "b", "c"],
        groups: ["1", "2"],
        facts: { size: 3 },
        message: "a, b and c must be in one group, but they are pinned to groups 1 and 2",
        fixes: [{ kind: "pin_together" }, { kind: "split_together" }],
        advice: ["Pin them to the same group.", "Split the keep-together set."],
      },
    ]);
  });

  it("together_allowed_conflict", () => {
    const input: ProblemInput = {
      people: letters(6),
      groups: { count: 3 },
      rules: { together: [["a", "b"]], allowedGroups: { a: ["1"], b: ["2", "3"] } },
    };
    expect(run(input)).toEqual([
      {
        code: "together_allowed_conflict",
        rule: "rules.together[0]",
        people: ["a", "b"],
        groups: [],
        facts: { size: 2 },
        message: "a and b must be in one group, but no group is allowed for all of them",
        fixes: [{ kind: "allow_common_group" }, { kind: "split_together" }],
        advice: ["Allow them a common group.", "Split the keep-together set."],
      },
    ]);
  });

  it("together_vs_cap", () => {
    const input: ProblemInput = {
      people: letters(9, (i) => ({ Virksomhet: i < 3 ? "Bydel Alna" : `Etat ${i}` })),
      groups: { count: 3 },
      attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 2 } },
      rules: { together: [["a", "b", "c"]] },
    };
    expect(run(input)).toEqual([
      {
        code: "together_vs_cap",
        rule: "attributes.Virksomhet.maxPerGroup",
        people: ["a", "b", "c"],
        groups: [],
        facts: { attribute: "Virksomhet", category: "Bydel Alna", count: 3, cap: 2, size: 3 },
        message:
          "a, b and c must be in one group, but 3 of them have Virksomhet Bydel Alna and at most 2 per group is allowed",
        fixes: [
          { kind: "set_cap", attribute: "Virksomhet", category: "Bydel Alna", cap: 3 },
          { kind: "split_together" },
        ],
        advice: [
          "Allow 3 of Bydel Alna per group (for this Virksomhet only; the others keep their cap).",
          "Split the keep-together set.",
        ],
      },
    ]);
  });

  it("pin_vs_allowed", () => {
    const input: ProblemInput = {
      people: letters(6),
      groups: { count: 3 },
      rules: { pins: { a: "1" }, allowedGroups: { a: ["2", "3"] } },
    };
    expect(run(input)).toEqual([
      {
        code: "pin_vs_allowed",
        rule: "rules.pins[#1]",
        people: ["a"],
        groups: ["1", "2", "3"],
        facts: { person: "a", group: "1" },
        message: "a is pinned to group 1, but may only be in groups 2 and 3",
        fixes: [
          { kind: "pin_person", person: "a", groups: ["2", "3"] },
          { kind: "allow_person", person: "a", group: "1" },
        ],
        advice: ["Pin a to one of groups 2 and 3.", "Allow a in group 1."],
      },
    ]);
  });

  it("pins_vs_capacity: pinned to one group", () => {
    const input: ProblemInput = {
      people: letters(9),
      groups: { count: 3 },
      rules: { pins: { a: "1", b: "1", c: "1", d: "1" } },
    };
    expect(run(input)).toEqual([
      {
        code: "pins_vs_capacity",
        rule: "rules.pins",
        people: ["a", "b", "c", "d"],
        groups: ["1"],
        facts: { people: 4, capacity: 3, excess: 1 },
        message: "4 people (a, b, c and d) can only be placed in group 1, which holds at most 3: 1 too many",
        fixes: [
          { kind: "set_size", bound: "max", groups: ["1"], size: 4 },
          { kind: "release", count: 1 },
        ],
        advice: ["Raise the maximum size of group 1 to 4.", "Let 1 of them be placed in other groups."],
      },
    ]);
  });

  it("pins_vs_capacity: pins and allowed groups, naming only the over-subscribed groups", () => {
    const input: ProblemInput = {
      people: letters(8),
      groups: { count: 4 },
      rules: {
        pins: { a: "1" },
        allowedGroups: { b: ["1", "2"], c: ["1", "2"], d: ["2", "1"], e: ["2"], f: ["3", "4"] },
      },
    };
    expect(run(input)).toEqual([
      {
        code: "pins_vs_capacity",
        rule: "rules.allowedGroups",
        people: ["a", "b", "c", "d", "e"],
        groups: ["1", "2"],
        facts: { people: 5, capacity: 4, excess: 1 },
        message:
          "5 people (a, b, c, d and e) can only be placed in groups 1 and 2, which hold at most 4: 1 too many",
        fixes: [
          { kind: "change_sizes", bound: "max", groups: ["1", "2"], by: 1 },
          { kind: "release", count: 1 },
        ],
        advice: [
          "Raise the maximum group sizes of groups 1 and 2 by 1 in total.",
          "Let 1 of them be placed in other groups.",
        ],
      },
    ]);
  });

  it("pin_vs_cap", () => {
    const input: ProblemInput = {
      people: letters(9, (i) => ({ Virksomhet: i < 3 ? "Bydel Alna" : `Etat ${i}` })),
      groups: { count: 3 },
      attributes: { Virksomhet: { kind: "categorical", maxPerGroup: 2 } },
      rules: { pins: { a: "1", b: "1", c: "1" } },
    };
    expect(run(input)).toEqual([
      {
        code: "pin_vs_cap",
        rule: "attributes.Virksomhet.maxPerGroup",
        people: ["a", "b", "c"],
        groups: ["1"],
        facts: { attribute: "Virksomhet", category: "Bydel Alna", count: 3, group: "1", cap: 2 },
        message:
          "3 people with Virksomhet Bydel Alna (a, b and c) can only be placed in group 1, but at most 2 per group is allowed",
        fixes: [
          { kind: "set_cap", attribute: "Virksomhet", category: "Bydel Alna", cap: 3 },
          { kind: "release", count: 1 },
        ],
        advice: [
          "Allow 3 of Bydel Alna per group (for this Virksomhet only; the others keep their cap).",
          "Let 1 of them be placed in other groups.",
        ],
      },
    ]);
  });

  it("pin_vs_min", () => {
    const input: ProblemInput = {
      people: letters(9, (i) => ({ Kjønn: i < 6 ? "Mann" : "Kvinne" })),
      groups: { count: 3 },
      attributes: { Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 1 } } },
      rules: { pins: { a: "1", b: "1", c: "1" } },
    };
    expect(run(input)).toEqual([
      {
        code: "pin_vs_min",
        rule: 'attributes["Kjønn"].minPerGroup',
        people: ["a", "b", "c"],
        groups: ["1"],
        facts: { attribute: "Kjønn", group: "1", maxSize: 3, forced: 3, needed: 1, excess: 1 },
        message:
          "3 people can only be placed in group 1, which holds at most 3, and the minimums for Kjønn need 1 more there: 1 too many",
        fixes: [
          { kind: "set_size", bound: "max", groups: ["1"], size: 4 },
          { kind: "pin_fewer", group: "1" },
          { kind: "lower_minimums", attribute: "Kjønn", by: 1 },
        ],
        advice: [
          "Raise the maximum size of group 1 to 4.",
          "Pin fewer people to group 1.",
          "Lower the minimums for Kjønn by 1 in total.",
        ],
      },
    ]);
  });

  it("pin_vs_apart", () => {
    const input: ProblemInput = {
      people: letters(6),
      groups: { count: 3 },
      rules: { apart: [["a", "b", "c"]], pins: { a: "1", b: "1" } },
    };
    expect(run(input)).toEqual([
      {
        code: "pin_vs_apart",
        rule: "rules.apart[0]",
        people: ["a", "b"],
        groups: ["1"],
        facts: { apartSet: 0, group: "1", count: 2 },
        message: "a and b must be kept apart, but both can only be placed in group 1",
        fixes: [
          { kind: "pin_elsewhere", people: ["a", "b"], allButOne: false },
          { kind: "remove_from_apart", people: ["a", "b"], keepOne: false },
        ],
        advice: ["Pin a or b to another group.", "Remove a or b from the keep-apart set."],
      },
    ]);
  });

  it("apart_vs_groups", () => {
    const input: ProblemInput = {
      people: letters(9),
      groups: { count: 3 },
      rules: { apart: [["a", "b", "c", "d"]] },
    };
    expect(run(input)).toEqual([
      {
        code: "apart_vs_groups",
        rule: "rules.apart[0]",
        people: ["a", "b", "c", "d"],
        groups: [],
        facts: { apartSet: 0, size: 4, groups: 3 },
        message: "The keep-apart set a, b, c and d has 4 people, but there are only 3 groups",
        fixes: [
          { kind: "set_group_count", count: 4, minSize: 2, maxSize: 3 },
          { kind: "remove_from_apart", people: [], keepOne: false, count: 1 },
        ],
        advice: ["Make 4 groups (groups of 2–3).", "Remove 1 person from the keep-apart set."],
      },
    ]);
  });
});

describe("diagnose: wording and quiet cases", () => {
  it("says nothing about a feasible problem with every kind of rule", () => {
    const input: ProblemInput = {
      people: letters(12, (i) => ({ Virksomhet: `Etat ${i % 4}`, Kjønn: i % 3 === 0 ? "Kvinne" : "Mann" })),
      groups: { count: 3, minSize: 3, maxSize: 5 },
      attributes: {
        Virksomhet: { kind: "categorical", maxPerGroup: 2 },
        Kjønn: { kind: "categorical", minPerGroup: { Kvinne: 1 } },
      },
      rules: {
        apart: [["a", "b", "c"]],
        together: [["d", "h"]],
        pins: { a: "1" },
        allowedGroups: { b: ["2", "3"] },
      },
    };
    const problem = parseProblem(input);
    expect(diagnose(problem)).toEqual([]);
    expect(isFeasible(problem)).toBe(true);
  });

  it("shortens long lists of people", () => {
    const people = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
    const d: Diagnosis = {
      code: "apart_vs_groups",
      rule: "rules.apart[0]",
      people,
      groups: [],
      facts: { apartSet: 0, size: 12, groups: 8 },
      fixes: [],
    };
    expect(wordDiagnosis(d, en).message).toBe(
      "The keep-apart set p1, p2, p3, p4, p5 and 7 others has 12 people, but there are only 8 groups",
    );
  });

  it("words the same diagnosis in Norwegian, with display names for ids", () => {
    const [d] = diagnose(
      parseProblem({ people: letters(9), groups: { count: 3 }, rules: { apart: [["a", "b", "c", "d"]] } }),
    );
    const names: Record<string, string> = { a: "Kari", b: "Ola", c: "Per", d: "Åse" };
    const words = wordDiagnosis(d, nb, (id) => names[id] ?? id);
    expect(words.message).toBe(
      "Kari, Ola, Per og Åse skal holdes adskilt (4 personer), men det er bare 3 grupper",
    );
    expect(words.fixes).toEqual([
      "Lag 4 grupper (grupper på 2–3).",
      "Ta 1 person ut av dem som skal holdes adskilt.",
    ]);
  });
});
