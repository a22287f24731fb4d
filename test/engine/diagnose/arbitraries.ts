/**
 * Generators for the diagnosis properties: small random problems (brute-force size), and
 * larger problems built around a known feasible grouping.
 */
import fc from "fast-check";
import type { ProblemInput } from "../../../engine/problem/schema.js";

type AttributeValue = string | number | null;
type Categorical = {
  kind: "categorical";
  maxPerGroup?: number;
  maxPerGroupByCategory?: Record<string, number>;
  minPerGroup?: Record<string, number>;
};

/** Drop undefined fields, so optional rules are absent rather than undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `arb` with probability `present`, else undefined. */
function maybe<T>(arb: fc.Arbitrary<T>, present: number): fc.Arbitrary<T | undefined> {
  const weight = Math.round(present * 100);
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - weight }, { arbitrary: arb, weight });
}

/** How dense the rules of a generated problem are: harsh ones are mostly infeasible, mild ones mostly not. */
interface Density {
  attribute: number;
  cap: number;
  capByCategory: number;
  min: number;
  maxMin: number;
  sets: number;
  apartSize: (m: number) => number;
  restrictions: number;
  /** Group size ranges: near n/m, anywhere in 0..7, or small minimums with maximums 1..7. */
  sizes: "near" | "any" | "loose";
  /** Values of attribute A (undefined: no value). */
  valuesA: (AttributeValue | undefined)[];
}

const harsh: Density = {
  attribute: 0.7,
  cap: 0.5,
  capByCategory: 0.6,
  min: 0.5,
  maxMin: 2,
  sets: 2,
  apartSize: () => 4,
  restrictions: 3,
  sizes: "any",
  valuesA: ["x", "x", "y", "z", null, undefined],
};
const mild: Density = {
  attribute: 0.4,
  cap: 0.5,
  capByCategory: 0.3,
  min: 0.2,
  maxMin: 1,
  sets: 1,
  apartSize: (m) => Math.max(2, m),
  restrictions: 2,
  sizes: "near",
  valuesA: ["x", "x", "y", "z", null, undefined],
};
/** Categorical rules and pins only, on uneven groups: where the per-group checks bite alone. */
const categoriesAndPins: Density = {
  attribute: 0.8,
  cap: 0.4,
  capByCategory: 0.4,
  min: 0.6,
  maxMin: 2,
  sets: 0,
  apartSize: () => 2,
  restrictions: 3,
  sizes: "loose",
  valuesA: ["x", "y", "y", null],
};

function categoricalSpec(categories: string[], d: Density): fc.Arbitrary<Categorical> {
  const perCategory = (max: number) =>
    fc
      .subarray(categories, { minLength: 1, maxLength: 2 })
      .chain((cats) =>
        fc
          .tuple(...cats.map(() => fc.integer({ min: 1, max })))
          .map((values) => Object.fromEntries(cats.map((c, i) => [c, values[i]]))),
      );
  return fc
    .record({
      maxPerGroup: maybe(fc.integer({ min: 1, max: 4 }), d.cap),
      maxPerGroupByCategory: maybe(perCategory(3), d.capByCategory),
      minPerGroup: maybe(perCategory(d.maxMin), d.min),
    })
    .map((r) => compact({ kind: "categorical" as const, ...r }));
}

/** Up to `count` subsets of `items`, each of at least two (keep-apart and keep-together sets). */
function setsOf(items: string[], count: number, maxLength: number): fc.Arbitrary<string[][]> {
  if (items.length < 2) return fc.constant([]);
  return fc.array(fc.subarray(items, { minLength: 2, maxLength: Math.min(maxLength, items.length) }), {
    maxLength: count,
  });
}

type Groups = ProblemInput["groups"];

/** Groups as a count (even sizes), a count with a size range, or a list; ranges as `sizes` says. */
function groupsFor(
  n: number,
  m: number,
  sizes: Density["sizes"],
): fc.Arbitrary<{ groups: Groups; ids: string[] }> {
  // A count may not exceed the head count (the problem is then refused); a list may name
  // groups that stay empty.
  const mc = Math.min(m, n);
  const counted = (groups: Groups) => ({ groups, ids: Array.from({ length: mc }, (_, i) => String(i + 1)) });
  const listIds = ["a", "b", "c", "d"].slice(0, m);
  const range =
    sizes === "near"
      ? fc
          .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1, max: 2 }))
          .map(([down, up]) => [Math.max(0, Math.floor(n / m) - down), Math.ceil(n / m) + up] as const)
      : sizes === "any"
        ? fc
            .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
            .map(([min, extra]) => [min, min + extra] as const)
        : fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 7 }));
  const sized = range.map(([min, max]) => ({
    minSize: Math.min(min, Math.max(1, max)),
    maxSize: Math.max(1, max),
  }));
  return fc.oneof(
    fc.constant(counted({ count: mc })),
    sized.map((size) => counted({ count: mc, ...size })),
    fc.tuple(...listIds.map(() => sized)).map((sizes) => ({
      groups: { list: sizes.map((size, i) => ({ id: listIds[i], ...size })) },
      ids: listIds,
    })),
  );
}

function small(d: Density): fc.Arbitrary<ProblemInput> {
  return fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 })).chain(([n, m]) => {
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const valueA = fc.constantFrom(...d.valuesA);
    const categoriesA = [...new Set(d.valuesA.filter((v): v is string => typeof v === "string"))];
    const valueB = fc.constantFrom<AttributeValue | undefined>("u", "u", "v", 1, "1", "");
    return groupsFor(n, m, d.sizes).chain(({ groups, ids: groupIds }) =>
      fc
        .record({
          values: fc.array(fc.tuple(valueA, valueB), { minLength: n, maxLength: n }),
          a: maybe(categoricalSpec(categoriesA, d), d.attribute),
          b: maybe(categoricalSpec(["u", "v", "1"], d), d.attribute),
          apart: setsOf(ids, d.sets, d.apartSize(m)),
          together: setsOf(ids, d.sets, 3),
          pins: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...groupIds)), {
            maxLength: d.restrictions,
          }),
          allowed: fc.array(fc.tuple(fc.constantFrom(...ids), fc.subarray(groupIds, { minLength: 1 })), {
            maxLength: d.sets === 0 ? 0 : d.restrictions,
          }),
        })
        .map(
          (r): ProblemInput => ({
            people: ids.map((id, i) => {
              const [a, b] = r.values[i];
              return { id, attributes: compact({ A: a, B: b }) as Record<string, AttributeValue> };
            }),
            groups,
            attributes: compact({ A: r.a, B: r.b }) as Record<string, Categorical>,
            rules: {
              apart: r.apart,
              together: r.together,
              pins: Object.fromEntries(r.pins),
              allowedGroups: Object.fromEntries(r.allowed),
            },
          }),
        ),
    );
  });
}

/**
 * One attribute with plenty of both values, per-group minimums and caps, uneven list groups
 * and pins: where the per-group checks (minimums against sizes and pins, caps against
 * minimum sizes) fire on their own.
 */
const perGroupRules: fc.Arbitrary<ProblemInput> = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 3 }))
  .chain(([n, m]) => {
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const groupIds = ["a", "b", "c"].slice(0, m);
    return fc
      .record({
        values: fc.array(fc.constantFrom<AttributeValue>("x", "y", "y", null), {
          minLength: n,
          maxLength: n,
        }),
        sizes: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 6 })), {
          minLength: m,
          maxLength: m,
        }),
        maxPerGroup: maybe(fc.integer({ min: 1, max: 3 }), 0.4),
        maxPerGroupByCategory: maybe(fc.record({ x: fc.integer({ min: 1, max: 2 }) }), 0.3),
        minPerGroup: fc.constantFrom<Record<string, number> | undefined>(
          undefined,
          { x: 1 },
          { x: 1, y: 1 },
          { y: 2 },
        ),
        pins: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...groupIds)), { maxLength: 3 }),
      })
      .map(
        (r): ProblemInput => ({
          people: ids.map((id, i) => ({ id, attributes: { A: r.values[i] } })),
          groups: {
            list: groupIds.map((id, g) => ({
              id,
              minSize: Math.min(r.sizes[g][0], r.sizes[g][1]),
              maxSize: r.sizes[g][1],
            })),
          },
          attributes: {
            A: compact({
              kind: "categorical" as const,
              maxPerGroup: r.maxPerGroup,
              maxPerGroupByCategory: r.maxPerGroupByCategory,
              minPerGroup: r.minPerGroup,
            }),
          },
          rules: { pins: Object.fromEntries(r.pins) },
        }),
      );
  });

/**
 * Problems with n ≤ 9 people and m ≤ 3 groups (so m^n ≤ 19,683 assignments): dense rules
 * (mostly infeasible), sparse ones (mostly feasible, and near the edge), and categorical
 * rules with pins alone.
 */
export const smallProblem: fc.Arbitrary<ProblemInput> = fc.oneof(
  small(harsh),
  small(mild),
  small(categoriesAndPins),
  perGroupRules,
);

/** A small deterministic random source (mulberry32), for generators built from a seed. */
export function random(seed: number): {
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
  };
}

/**
 * A problem with up to 80 people whose rules all hold for a hidden grouping: every rule is
 * read off that grouping (sizes within bounds, caps at least the counts, minimums at most
 * the counts, apart sets across groups, together sets inside one, pins and allowed groups
 * that include the person's group). The diagnosis must find nothing.
 */
export function feasibleByConstruction(seed: number): { input: ProblemInput; groupOf: number[] } {
  const rnd = random(seed);
  const n = rnd.int(1, 80);
  const m = rnd.int(1, 10);
  const groupOf = Array.from({ length: n }, () => rnd.int(0, m - 1));
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const inGroup = Array.from({ length: m }, (_, g) => ids.filter((_, p) => groupOf[p] === g));
  const groupIds = Array.from({ length: m }, (_, g) => `g${g}`);
  const attributeNames = ["Virksomhet", "Sektor", "Kjønn"];
  const categoryCount = [rnd.int(1, 12), rnd.int(1, 4), 2];
  const values = ids.map(() =>
    attributeNames.map((_, a) => (rnd.chance(0.1) ? null : `c${rnd.int(0, categoryCount[a] - 1)}`)),
  );
  const countIn = (a: number, c: string, g: number) =>
    ids.filter((_, p) => groupOf[p] === g && values[p][a] === c).length;

  const attributes: Record<string, Categorical> = {};
  attributeNames.forEach((name, a) => {
    const cats = Array.from({ length: categoryCount[a] }, (_, c) => `c${c}`);
    const most = (c: string) => Math.max(1, ...groupIds.map((_, g) => countIn(a, c, g)));
    const least = (c: string) => Math.min(...groupIds.map((_, g) => countIn(a, c, g)));
    const spec: Categorical = { kind: "categorical" };
    if (rnd.chance(0.6)) spec.maxPerGroup = Math.max(...cats.map(most)) + rnd.int(0, 1);
    if (rnd.chance(0.5)) {
      spec.maxPerGroupByCategory = Object.fromEntries(
        cats.filter(() => rnd.chance(0.5)).map((c) => [c, most(c) + rnd.int(0, 1)]),
      );
    }
    const mins = cats.filter((c) => least(c) > 0 && rnd.chance(0.7));
    if (mins.length > 0) spec.minPerGroup = Object.fromEntries(mins.map((c) => [c, rnd.int(1, least(c))]));
    attributes[name] = spec;
  });

  const sizes = inGroup.map((members) => members.length);
  // A count above the head count is refused; a list may have empty groups.
  const groups: Groups =
    rnd.chance(0.3) && m <= n
      ? {
          count: m,
          minSize: Math.min(...sizes) - rnd.int(0, Math.min(...sizes)),
          maxSize: Math.max(1, Math.max(...sizes) + rnd.int(0, 2)),
        }
      : {
          list: groupIds.map((id, g) => ({
            id,
            minSize: sizes[g] - rnd.int(0, sizes[g]),
            maxSize: Math.max(1, sizes[g] + rnd.int(0, 2)),
          })),
        };
  const realIds = "list" in groups ? groupIds : groupIds.map((_, g) => String(g + 1));

  const apart: string[][] = [];
  for (let k = rnd.int(0, 4); k > 0; k--) {
    const set = inGroup
      .filter((members) => members.length > 0 && rnd.chance(0.7))
      .map((members) => members[rnd.int(0, members.length - 1)]);
    if (set.length >= 2) apart.push(set);
  }
  const together: string[][] = [];
  for (let k = rnd.int(0, 4); k > 0; k--) {
    const members = inGroup[rnd.int(0, m - 1)];
    const set = members.filter(() => rnd.chance(0.5));
    if (set.length >= 2) together.push(set);
  }
  const pins: Record<string, string> = {};
  const allowedGroups: Record<string, string[]> = {};
  ids.forEach((id, p) => {
    if (rnd.chance(0.15)) pins[id] = realIds[groupOf[p]];
    if (rnd.chance(0.15)) allowedGroups[id] = realIds.filter((_, g) => g === groupOf[p] || rnd.chance(0.3));
  });

  const input: ProblemInput = {
    people: ids.map((id, p) => ({
      id,
      attributes: Object.fromEntries(attributeNames.map((name, a) => [name, values[p][a]])),
    })),
    groups,
    attributes,
    rules: { apart, together, pins, allowedGroups },
  };
  return { input, groupOf };
}

export type InfeasibleKind = "cap" | "min" | "apart" | "together" | "pins";

/**
 * A problem made infeasible one way, with the diagnosis it must get (code and some facts).
 * Everything else is generous (group sizes 0..n unless the kind is about sizes), with
 * bystanders of other categories so the broken rule is not alone.
 */
export function infeasibleByConstruction(
  kind: InfeasibleKind,
  seed: number,
): { input: ProblemInput; code: string; facts: Record<string, string | number> } {
  const rnd = random(seed);
  const m = rnd.int(1, 10);
  // At least m bystanders, so the group count never exceeds the head count (that is refused).
  const bystanders = Array.from({ length: Math.max(m, rnd.int(0, 30)) }, (_, i) => ({
    id: `other${i}`,
    attributes: { Virksomhet: `Etat ${rnd.int(0, 40)}` },
  }));
  const named = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `p${i}`, attributes: { Virksomhet: "Bydel Alna" } }));
  switch (kind) {
    case "cap": {
      const cap = rnd.int(1, 3);
      const count = m * cap + rnd.int(1, 3);
      // Bystanders of an agency each: the categories over a cap are one diagnosis naming the
      // largest, so only Bydel Alna may break it.
      const alone = bystanders.map((p, i) => ({ ...p, attributes: { Virksomhet: `Etat ${i}` } }));
      const people = [...named(count), ...alone];
      return {
        input: {
          people,
          groups: { count: m, minSize: 0, maxSize: people.length },
          attributes: { Virksomhet: { kind: "categorical", maxPerGroup: cap } },
        },
        code: "cap_vs_count",
        facts: { category: "Bydel Alna", count, groups: m, cap, categories: 1 },
      };
    }
    case "min": {
      const min = rnd.int(1, 3);
      const count = rnd.int(0, m * min - 1);
      const people = [...named(count), ...bystanders, { id: "last", attributes: {} }];
      return {
        input: {
          people,
          groups: { count: m, minSize: 0, maxSize: people.length },
          attributes: { Virksomhet: { kind: "categorical", minPerGroup: { "Bydel Alna": min } } },
        },
        code: "min_vs_supply",
        facts: { category: "Bydel Alna", count, groups: m, min },
      };
    }
    case "apart": {
      const size = m + rnd.int(1, 3);
      const people = [...named(size), ...bystanders];
      return {
        input: {
          people,
          groups: { count: m, minSize: 0, maxSize: people.length },
          rules: { apart: [people.slice(0, size).map((p) => p.id)] },
        },
        code: "apart_vs_groups",
        facts: { size, groups: m },
      };
    }
    case "together": {
      const maxSize = rnd.int(1, 5);
      const size = maxSize + rnd.int(1, 3);
      const people = [...named(size), ...bystanders];
      return {
        input: {
          people,
          groups: { count: m, minSize: 0, maxSize },
          rules: { together: [people.slice(0, size).map((p) => p.id)] },
        },
        code: "together_too_large",
        facts: { size, maxSize },
      };
    }
    case "pins": {
      const maxSize = rnd.int(1, 5);
      const size = maxSize + rnd.int(1, 3);
      const people = [...named(size), ...bystanders];
      return {
        input: {
          people,
          groups: { count: m, minSize: 0, maxSize },
          rules: { pins: Object.fromEntries(people.slice(0, size).map((p) => [p.id, "1"])) },
        },
        code: "pins_vs_capacity",
        facts: { people: size, capacity: maxSize },
      };
    }
  }
}
