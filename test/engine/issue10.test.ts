/**
 * Regression tests for the engine items of issue 10 (what a reviewer and a coordinator
 * found): wrong certificates, keys read as code, rules misreported or unchecked, numbers
 * that overflow. Each failed on the engine before the restructuring and passes now. (Exact
 * mode's time-out bound is in exact/mip.test.ts, the abort in solve.test.ts, determinism
 * across processes in determinism.test.ts.)
 */
import { describe, expect, it } from "vitest";
import {
  en,
  type InputIssue,
  markdownReport,
  type ProblemInput,
  ProblemInputError,
  parseProblem,
  score,
  solve,
  solveRounds,
  wordIssue,
} from "../../engine/index.js";

async function issuesOf(fn: () => unknown): Promise<InputIssue[]> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemInputError);
    return (error as ProblemInputError).issues;
  }
  throw new Error("expected the input to be refused");
}

describe("issue 10: certificates", () => {
  it("a grouping that breaks a maximum size gets no quality and is not at its bound", async () => {
    // Four people, all category x; S holds at most 1, yet a and b are pinned to it.
    const result = await solve({
      people: ["a", "b", "c", "d"].map((id) => ({ id, attributes: { A: "x" } })),
      groups: {
        list: [
          { id: "S", minSize: 0, maxSize: 1 },
          { id: "L", minSize: 0, maxSize: 5 },
        ],
      },
      attributes: { A: { kind: "categorical" } },
      rules: { pins: { a: "S", b: "S" } },
      options: { iterationLimit: 2000 },
    });
    expect(result.feasible).toBe(false);
    expect(result.terms).toHaveLength(1);
    expect(result.terms[0]).toMatchObject({
      raw: 2,
      lowerBound: 3,
      atBound: false,
      boundApplies: false,
      qualityPercent: null,
    });
    expect(result.provenOptimal).toBe(false);
    const md = markdownReport(result, en);
    expect(md).toContain(
      "| Mix of A | 1 | – | 2 | 3 | the bound assumes the group sizes, which this grouping breaks |",
    );
  });

  it("the random baseline assumes group sizes as even as the bounds allow", async () => {
    // Six people, three x and three y. G1 needs at least 4: the most even sizes are 2 and 4
    // (a random grouping then shares 6 · (2 + 12) / 30 = 2.8 pairs, not 4 as with 1 and 5);
    // with a minimum of 3 they are 3 and 3 (2.4).
    const problem = (min: number): ProblemInput => ({
      people: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, attributes: { A: i < 3 ? "x" : "y" } })),
      groups: {
        list: [
          { id: "G0", minSize: 0, maxSize: 10 },
          { id: "G1", minSize: min, maxSize: 10 },
        ],
      },
      attributes: { A: { kind: "categorical" } },
      options: { iterationLimit: 1000 },
    });
    expect((await solve(problem(4))).terms[0].randomExpectation).toBeCloseTo(2.8, 12);
    expect((await solve(problem(3))).terms[0].randomExpectation).toBeCloseTo(2.4, 12);
  });
});

describe("issue 10: keys a caller controls", () => {
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  it("a pin for a person called __proto__ is kept", async () => {
    const problem = json(
      '{"people":[{"id":"__proto__"},{"id":"b"},{"id":"c"},{"id":"d"}],"groups":{"count":2},"rules":{"pins":{"__proto__":"2","b":"2"}}}',
    );
    const result = await solve(problem);
    expect(Object.hasOwn(result.assignment, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result.assignment, "__proto__")?.value).toBe("2");
    expect(result.feasible).toBe(true);
    // And a grouping that breaks that pin is told so.
    const broken = score({ ...problem, assignment: json('{"__proto__":"1","b":"2","c":"1","d":"2"}') });
    expect(broken.violations).toEqual([{ rule: "pin", person: "__proto__", group: "1", pinnedTo: "2" }]);
  });

  it.each(["valueOf", "constructor", "toString"])("a category called %s gets no cap of 0", async (name) => {
    const result = await solve(
      json(
        `{"people":[{"id":"a","attributes":{"A":"${name}"}},{"id":"b","attributes":{"A":"x"}},{"id":"c","attributes":{"A":"y"}},{"id":"d","attributes":{"A":"z"}}],"groups":{"count":2},"attributes":{"A":{"kind":"categorical","maxPerGroup":2,"maxPerGroupByCategory":{"x":1}}}}`,
      ),
    );
    expect(result.diagnoses).toEqual([]);
    expect(result.feasible).toBe(true);
  });

  it("an attribute called toString leaves missing values missing", async () => {
    // Only a and c have a value; b and d must not share a category made of a function's source.
    const result = await solve({
      people: [
        { id: "a", attributes: { toString: "x" } },
        { id: "b" },
        { id: "c", attributes: { toString: "x" } },
        { id: "d" },
      ],
      groups: { count: 2 },
      attributes: { toString: { kind: "categorical" } },
      options: { iterationLimit: 1000 },
    });
    expect(result.terms[0]).toMatchObject({ raw: 0, atBound: true });
    for (const g of result.groups) {
      expect(g.distinct.toString).toBe(1);
      expect(g.shared).toEqual([]);
    }
  });
});

describe("issue 10: rules misreported or unchecked", () => {
  it("keep-together units whose allowed lists clash are reported as the unit's, no member blamed", async () => {
    // p0 may be in G1 or G0, p2 only in G2, p1 anywhere: the unit has no common group.
    const result = await solve({
      people: ["p0", "p1", "p2", "p3", "p4", "p5"].map((id) => ({ id })),
      groups: {
        list: ["G0", "G1", "G2"].map((id) => ({ id, minSize: 0, maxSize: 6 })),
      },
      rules: { together: [["p0", "p1", "p2"]], allowedGroups: { p0: ["G1", "G0"], p2: ["G2"] } },
      options: { iterationLimit: 1000 },
    });
    expect(result.violations).toEqual([
      { rule: "togetherAllowed", people: ["p0", "p1", "p2"], restricted: ["p0", "p2"] },
    ]);
    expect(result.diagnoses.map((d) => d.code)).toEqual(["together_allowed_conflict"]);
    expect(en.violation.togetherAllowed(result.violations[0] as never, (id) => id)).toBe(
      "p0, p1 and p2 are to be kept together, but the groups allowed for p0 and p2 have none in common.",
    );
  });

  it("more groups than people, and a target size above the maximum size, are refused naming the field", async () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
    const tooMany = await issuesOf(() => parseProblem({ people: people(3), groups: { count: 10 } }));
    expect(tooMany).toEqual([
      { code: "groups_above_people", facts: { groups: 10, people: 3 }, path: ["groups", "count"] },
    ]);
    expect(wordIssue(tooMany[0], en)).toBe(
      "groups.count: 10 groups for 3 people: there cannot be more groups than people",
    );
    expect(
      await issuesOf(() => parseProblem({ people: people(6), groups: { size: 3, maxSize: 2 } })),
    ).toEqual([{ code: "min_above_max", facts: { min: 3, max: 2 }, path: ["groups", "size"] }]);
    // A count far above the head count is refused at once, not searched.
    const started = performance.now();
    const huge = await issuesOf(() => solve({ people: people(3), groups: { count: 1_000_000 } }));
    expect(huge.map((i) => i.path.join("."))).toContain("groups.count");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("rounds: repeat is bounded in the schema, so the packed pair counts cannot overflow", async () => {
    const rounds = (repeat: number) => ({
      people: ["a", "b", "c", "d"].map((id) => ({ id })),
      groups: { count: 2 },
      rounds: [{ id: "r", repeat }],
      options: { iterationLimit: 100 },
    });
    const issues = await issuesOf(() => solveRounds(rounds(40_000)));
    expect(issues).toEqual([
      {
        code: "schema",
        facts: { zod: "too_big", maximum: 100, inclusive: true, origin: "number" },
        path: ["rounds", 0, "repeat"],
      },
    ]);
    expect(wordIssue(issues[0], en)).toBe("rounds[0].repeat: must be at most 100");
    expect((await solveRounds(rounds(100))).rounds[0].repeat).toBe(100);
  });

  it("numbers near 1e308 are refused naming the field; the largest allowed keep their balance term", async () => {
    const person = (id: string, x: number) => ({ id, attributes: { x } });
    const base = { groups: { count: 2 }, attributes: { x: { kind: "numeric" as const } } };
    const huge = await issuesOf(() =>
      parseProblem({
        ...base,
        people: [person("a", 1e308), person("b", -1e308), person("c", 1), person("d", 2)],
      }),
    );
    expect(huge.map((i) => [i.path, i.code, i.facts])).toEqual([
      [
        ["people", 0, "attributes", "x"],
        "schema",
        { zod: "too_big", maximum: 1e15, inclusive: true, origin: "number" },
      ],
      [
        ["people", 1, "attributes", "x"],
        "schema",
        { zod: "too_small", minimum: -1e15, inclusive: true, origin: "number" },
      ],
    ]);
    expect(wordIssue(huge[0], en)).toBe("people[0].attributes.x: must be at most 1,000,000,000,000,000");
    // At the limit the standard deviation does not overflow: the term stays, and a grouping
    // that puts both highs together is neither at its bound nor proven optimal.
    const people = [person("a", 1e15), person("b", 9.9e14), person("c", -1e15), person("d", -9.9e14)];
    const bad = score({ ...base, people, assignment: { a: "1", b: "1", c: "2", d: "2" } });
    expect(bad.terms).toHaveLength(1);
    expect(bad.terms[0].randomExpectation).toBeGreaterThan(0);
    expect(bad.terms[0].raw).toBeGreaterThan(1);
    expect(bad.terms[0].atBound).toBe(false);
    expect(bad.provenOptimal).toBe(false);
    const solved = await solve({ ...base, people, options: { iterationLimit: 1000 } });
    expect(solved.terms[0].raw).toBeLessThan(1e-6);
  });
});
