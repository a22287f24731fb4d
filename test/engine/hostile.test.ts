/**
 * Hostile input at the engine (issue 11): keys too long to be names are refused by position
 * without being echoed, and caller-chosen group ids survive into the composed rounds.
 */
import { describe, expect, it } from "vitest";
import {
  compose,
  formatPath,
  parseComposeRequest,
  parseProblem,
  type RoundsComposition,
} from "../../engine/index.js";
import { issuesOf } from "./roster/helpers.js";

describe("keys the caller chose", () => {
  it("an attribute name longer than an id is refused at its entry, and not echoed", () => {
    const long = "k".repeat(1_000_000);
    const issues = issuesOf(() =>
      parseProblem({
        people: [{ id: "a", attributes: { x: 1, [long]: 2 } }],
        groups: { count: 1 },
        attributes: { [long]: { kind: "numeric" } },
      }),
    );
    expect(issues.map((i) => formatPath(i.path))).toEqual(["people[0].attributes[#2]", "attributes[#1]"]);
    expect(JSON.stringify(issues).length).toBeLessThan(1_000);
    expect(issues[0].facts).toMatchObject({ zod: "too_big", maximum: 200 });
  });

  it("a group called __proto__ is in a round's composed groups", async () => {
    const result = (await compose({
      people: [{ id: "a" }, { id: "b" }],
      groups: { list: [{ id: "__proto__", minSize: 0, maxSize: 2 }] },
      rounds: [{ id: "r1" }],
      options: { iterationLimit: 20 },
    })) as RoundsComposition;
    const groups = result.composed[0].groups;
    expect(Object.hasOwn(groups, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(groups, "__proto__")?.value).toEqual(["a", "b"]);
  });
});

describe("exact mode", () => {
  it("on a problem too large for the MIP is refused at the door, saying how large", () => {
    const people = Array.from({ length: 1_000 }, (_, i) => ({ id: `p${i}` }));
    const [issue] = issuesOf(() => parseComposeRequest({ people, groups: { count: 200 }, exact: true }));
    expect(issue).toMatchObject({ code: "exact_too_large", facts: { cells: 200_000 }, path: ["exact"] });
    // A small problem is still solved exactly.
    expect(() =>
      parseComposeRequest({ people: people.slice(0, 20), groups: { count: 4 }, exact: true }),
    ).not.toThrow();
  });
});

describe("a problem's size beyond its people", () => {
  it("more attributes than MAX_ATTRIBUTES is refused at attributes, before any term is built", () => {
    const attributes = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [`a${i}`, { kind: "numeric" as const }]),
    );
    const [issue] = issuesOf(() => parseProblem({ people: [{ id: "a" }], groups: { count: 1 }, attributes }));
    expect(issue).toMatchObject({
      code: "above_limit",
      facts: { limit: 200, what: "attributes" },
      path: ["attributes"],
    });
  });
});
