/**
 * Keys a caller controls are data, not code (issue 10): person ids, attribute names,
 * categories and group ids drawn from Object.prototype's own names and `__proto__` must give
 * the same grouping as ordinary keys, renamed. The renamed problem travels as JSON text (as
 * through the HTTP door), so `__proto__` arrives as an own key of pins, allowed groups,
 * per-category caps, minimums, "not alone" rules, the incumbent grouping and attributes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compose,
  type ProblemInput,
  parseProblem,
  resolveGroups,
  type SingleComposition,
  score,
} from "../../engine/index.js";
import { problemArb } from "./helpers/arbitraries.js";

const PROTOTYPE_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])];

/** A one-to-one renaming of each kind of key (names not renamed stay). */
interface Renaming {
  person: Map<string, string>;
  attribute: Map<string, string>;
  category: Map<string, string>;
  group: Map<string, string>;
}

type Json = Record<string, unknown>;
const via = (map: Map<string, string>) => (key: string) => map.get(key) ?? key;
/** Object.fromEntries makes own properties, `__proto__` included (assignment would set the prototype). */
const rekey = (
  record: unknown,
  key: (k: string) => string,
  value: (v: unknown, k: string) => unknown = (v) => v,
) => Object.fromEntries(Object.entries((record ?? {}) as Json).map(([k, v]) => [key(k), value(v, k)]));

function rename(input: ProblemInput, r: Renaming): unknown {
  const P = via(r.person);
  const A = via(r.attribute);
  const C = via(r.category);
  const G = via(r.group);
  const categoryKeys = (record: unknown) => (record === undefined ? undefined : rekey(record, C));
  const attributes = rekey(input.attributes, A, (spec) => {
    const s = spec as Json;
    if (s.kind !== "categorical") return s;
    const notAlone = s.notAlone as Json | undefined;
    return {
      ...s,
      ...(s.maxPerGroupByCategory ? { maxPerGroupByCategory: categoryKeys(s.maxPerGroupByCategory) } : {}),
      ...(s.minPerGroup ? { minPerGroup: categoryKeys(s.minPerGroup) } : {}),
      ...(notAlone ? { notAlone: { ...notAlone, categories: categoryKeys(notAlone.categories) } } : {}),
    };
  });
  const categorical = (name: string) =>
    (input.attributes as Json)[name] && ((input.attributes as Json)[name] as Json).kind === "categorical";
  const groups = input.groups.list
    ? { list: input.groups.list.map((g) => ({ ...g, id: G(g.id) })) }
    : input.groups;
  const rules = input.rules ?? {};
  const renamed = {
    ...input,
    people: input.people.map((p) => ({
      ...p,
      id: P(p.id),
      attributes: rekey(p.attributes, A, (v, k) => (typeof v === "string" && categorical(k) ? C(v) : v)),
    })),
    groups,
    attributes,
    rules: {
      apart: (rules.apart ?? []).map((set) => set.map(P)),
      together: (rules.together ?? []).map((set) => set.map(P)),
      pins: rekey(rules.pins, P, (g) => G(g as string)),
      allowedGroups: rekey(rules.allowedGroups, P, (gs) => (gs as string[]).map(G)),
    },
    ...(input.pairwise
      ? {
          pairwise: {
            ...input.pairwise,
            pairs: (input.pairwise.pairs ?? []).map((x) => ({ ...x, a: P(x.a), b: P(x.b) })),
          },
        }
      : {}),
    ...(input.incumbent
      ? {
          incumbent: {
            ...input.incumbent,
            assignment: rekey(input.incumbent.assignment, P, (g) => G(g as string)),
          },
        }
      : {}),
  };
  // Through JSON text, as a request body arrives: `__proto__` is an own key after JSON.parse.
  return JSON.parse(JSON.stringify(renamed));
}

/** Ordinary keys of the generated problems (see helpers/arbitraries.ts). */
function renamingArb(input: ProblemInput): fc.Arbitrary<Renaming> {
  const people = input.people.map((p) => p.id);
  const attributes = Object.keys(input.attributes ?? {});
  const categories = ["c0", "c1", "c2", "c3"];
  const groups = input.groups.list?.map((g) => g.id) ?? [];
  const names = (keys: string[]) =>
    fc
      .shuffledSubarray(PROTOTYPE_NAMES, { minLength: keys.length, maxLength: keys.length })
      .map((picked) => new Map(keys.map((k, i) => [k, picked[i]])));
  return fc.record({
    person: names(people),
    attribute: names(attributes),
    category: names(categories),
    group: names(groups),
  });
}

/** What a composition decides, with keys renamed back to the ordinary ones. */
function outcome(result: SingleComposition, r?: Renaming) {
  const back = (map?: Map<string, string>) => {
    const reverse = new Map([...(map ?? new Map<string, string>())].map(([a, b]) => [b, a]));
    return (key: string) => reverse.get(key) ?? key;
  };
  const P = back(r?.person);
  const G = back(r?.group);
  return {
    assignment: Object.entries(result.assignment)
      .map(([p, g]) => [P(p), G(g)])
      .sort(),
    feasible: result.feasible,
    violations: result.violations.map((v) => v.rule).sort(),
    raw: result.terms.map((t) => `${t.term}:${t.raw}`).sort(),
  };
}

describe("keys drawn from Object.prototype", () => {
  it("give the same grouping as ordinary keys (person ids, attributes, categories, groups, every rule and the incumbent)", async () => {
    const arb = problemArb({ maxPeople: 10, maxGroups: 4, rules: true, extras: true }).chain((input) =>
      fc.tuple(fc.constant(input), renamingArb(input)),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([input, renaming]) => {
        const plain = (await compose(input)) as SingleComposition;
        const odd = (await compose(rename(input, renaming))) as SingleComposition;
        expect(outcome(odd, renaming)).toEqual(outcome(plain));
      }),
      { numRuns: 80, seed: 901 },
    );
  });

  it("score a grouping keyed by them as it scores the same grouping with ordinary keys", () => {
    const arb = problemArb({ maxPeople: 10, maxGroups: 4, rules: true, extras: true }).chain((input) =>
      fc.tuple(fc.constant(input), renamingArb(input), fc.array(fc.nat(), { minLength: 10, maxLength: 10 })),
    );
    fc.assert(
      fc.property(arb, ([input, renaming, picks]) => {
        const groupIds = resolveGroups(parseProblem(input)).map((g) => g.id);
        const assignment = Object.fromEntries(
          input.people.map((p, i) => [p.id, groupIds[picks[i] % groupIds.length]]),
        );
        const plain = score({ ...input, assignment });
        const renamedAssignment = Object.fromEntries(
          Object.entries(assignment).map(([p, g]) => [
            renaming.person.get(p) ?? p,
            renaming.group.get(g) ?? g,
          ]),
        );
        const odd = score({
          ...(rename(input, renaming) as Json),
          assignment: JSON.parse(JSON.stringify(renamedAssignment)),
        });
        const figures = (x: typeof plain) => ({
          feasible: x.feasible,
          violations: x.violations.map((v) => v.rule).sort(),
          raw: x.terms.map((t) => `${t.term}:${t.raw}`).sort(),
        });
        expect(figures(odd)).toEqual(figures(plain));
      }),
      { numRuns: 80, seed: 902 },
    );
  });
});
