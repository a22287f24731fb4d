/**
 * fast-check generators of small, random problems covering every term and rule, for the
 * property tests. Kept small (n ≤ 12) so brute force can be the oracle.
 *
 * Groups come every way a caller can give them: a count with a size range, a list of groups
 * of mixed sizes, a target size (the count derived from it), or a maximum size (the fewest
 * groups that fit). Categorical attributes may be mixed or kept similar and carry caps (for
 * every category and per category), minimums and "not alone" rules; numeric ones may balance
 * their spread too. Without `rules`, a "not alone" rule is soft only.
 */
import fc from "fast-check";
import type { AttributeSpecInput, ProblemInput } from "../../../engine/problem/schema.js";

export interface ProblemShape {
  maxPeople: number;
  maxGroups: number;
  /** Include hard rules (caps, minimums, not alone, apart, together, pins, allowed groups). */
  rules: boolean;
  /** Include soft pairwise weights, a dense distance matrix and an incumbent grouping. */
  extras: boolean;
}

/** How the groups are given; `ids` are the ids they resolve to, `count` how many. */
export interface GroupsChoice {
  groups: NonNullable<ProblemInput["groups"]>;
  ids: string[];
}

/**
 * Groups for n people and about m of them (never more than m, never more than n), in one of
 * the four forms. Every form leaves room for everyone (Σ max ≥ n ≥ Σ min), so most
 * generated problems have groupings within the sizes; list sizes differ group by group.
 */
export function groupsArb(n: number, m: number): fc.Arbitrary<GroupsChoice> {
  const count = Math.max(1, Math.min(m, n));
  const numbered = (k: number) => Array.from({ length: k }, (_, i) => String(i + 1));
  const base = Math.floor(n / count);
  const top = Math.ceil(n / count);
  const counted = fc.record({ down: fc.integer({ min: 0, max: 2 }), up: fc.integer({ min: 0, max: 2 }) }).map(
    ({ down, up }): GroupsChoice => ({
      groups: { count, minSize: Math.max(0, base - down), maxSize: Math.max(1, top + up) },
      ids: numbered(count),
    }),
  );
  const listed = fc
    .array(fc.record({ down: fc.integer({ min: 0, max: 3 }), up: fc.integer({ min: 0, max: 3 }) }), {
      minLength: count,
      maxLength: count,
    })
    .map((ranges): GroupsChoice => {
      const ids = Array.from({ length: count }, (_, i) => `G${i + 1}`);
      return {
        groups: {
          list: ranges.map(({ down, up }, i) => ({
            id: ids[i],
            minSize: Math.max(0, base - down),
            maxSize: Math.max(1, top + up),
          })),
        },
        ids,
      };
    });
  // A target size of ceil(n/count) gives round(n/size) ≤ count groups; so does a maximum size.
  const size = top;
  const bySize: GroupsChoice = { groups: { size }, ids: numbered(Math.max(1, Math.round(n / size))) };
  const byMax = fc.integer({ min: 0, max: 2 }).map((up): GroupsChoice => {
    const k = Math.max(1, Math.ceil(n / (size + up)));
    return { groups: { maxSize: size + up }, ids: numbered(k) };
  });
  return fc.oneof(counted, listed, fc.constant(bySize), byMax);
}

export function problemArb(shape: ProblemShape): fc.Arbitrary<ProblemInput> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: shape.maxPeople }),
      m: fc.integer({ min: 1, max: shape.maxGroups }),
      catAttrs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }),
      numAttrs: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .chain(({ n, m, catAttrs, numAttrs, seed }) =>
      groupsArb(n, m).chain((choice) => withRules(shape, n, catAttrs, numAttrs, seed, choice)),
    );
}

function withRules(
  shape: ProblemShape,
  n: number,
  catAttrs: number[],
  numAttrs: number,
  seed: number,
  choice: GroupsChoice,
): fc.Arbitrary<ProblemInput> {
  const personIds = Array.from({ length: n }, (_, i) => `p${i}`);
  const cat = (k: number) =>
    fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: k - 1 }).map((c) => `c${c}`),
    );
  const people = fc.tuple(
    ...personIds.map(() =>
      fc.tuple(
        fc.tuple(...catAttrs.map(cat)),
        fc.array(fc.option(fc.integer({ min: -5, max: 20 }), { nil: null, freq: 8 }), {
          minLength: numAttrs,
          maxLength: numAttrs,
        }),
      ),
    ),
  );
  const personArb = fc.constantFrom(...personIds);
  const setArb = fc.uniqueArray(personArb, { minLength: 2, maxLength: 3 });
  const groupIdArb = fc.constantFrom(...choice.ids);
  const rules = shape.rules
    ? fc.record({
        apart: fc.array(setArb, { maxLength: 2 }),
        together: fc.array(fc.uniqueArray(personArb, { minLength: 2, maxLength: 2 }), { maxLength: 2 }),
        pins: fc.dictionary(personArb, groupIdArb, { maxKeys: 2 }),
        allowedGroups: fc.dictionary(personArb, fc.uniqueArray(groupIdArb, { minLength: 1, maxLength: 2 }), {
          maxKeys: 2,
        }),
      })
    : fc.constant({ apart: [] as string[][], together: [] as string[][], pins: {}, allowedGroups: {} });
  /** Per categorical attribute: its goal and its hard rules. */
  const catSpec = (k: number) =>
    fc.record({
      weight: fc.integer({ min: 0, max: 3 }),
      similar: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
      cap: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      capFor: fc.option(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 1, max: 3 })), {
        nil: undefined,
        freq: 2,
      }),
      min: fc.option(fc.constant(1), { nil: undefined }),
      notAlone: fc.option(
        fc.record({
          k: fc.integer({ min: 2, max: 3 }),
          hard: fc.boolean(),
          weight: fc.integer({ min: 1, max: 2 }),
        }),
        { nil: undefined, freq: 3 },
      ),
    });
  const catSpecs = fc.tuple(...catAttrs.map(catSpec));
  const numSpecs = fc.array(
    fc.record({
      weight: fc.integer({ min: 0, max: 3 }),
      variance: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined, freq: 3 }),
    }),
    { minLength: numAttrs, maxLength: numAttrs },
  );
  const pairs = shape.extras
    ? fc.array(
        fc
          .record({ a: personArb, b: personArb, weight: fc.integer({ min: -3, max: 5 }) })
          .filter((p) => p.a !== p.b),
        { maxLength: 6 },
      )
    : fc.constant([] as { a: string; b: string; weight: number }[]);
  const distance = shape.extras
    ? fc.option(
        fc.record({
          weight: fc.integer({ min: 1, max: 3 }),
          upper: fc.array(fc.integer({ min: 0, max: 9 }), {
            minLength: (n * (n - 1)) / 2,
            maxLength: (n * (n - 1)) / 2,
          }),
        }),
        { nil: undefined },
      )
    : fc.constant(undefined);
  const incumbent = shape.extras
    ? fc.option(fc.dictionary(personArb, groupIdArb, { maxKeys: n }), { nil: undefined })
    : fc.constant(undefined);
  return fc
    .record({ people, rules, catSpecs, numSpecs, pairs, distance, incumbent })
    .map(
      ({ people: values, rules: r, catSpecs: cs, numSpecs: ns, pairs: pw, distance: d, incumbent: inc }) => {
        const attributes: Record<string, AttributeSpecInput> = {};
        cs.forEach((c, a) => {
          attributes[`cat${a}`] = {
            kind: "categorical",
            weight: c.weight,
            ...(c.similar ? { goal: "similar" as const } : {}),
            ...(shape.rules && c.cap !== undefined ? { maxPerGroup: c.cap } : {}),
            ...(shape.rules && c.capFor !== undefined
              ? { maxPerGroupByCategory: { [`c${c.capFor[0]}`]: c.capFor[1] } }
              : {}),
            ...(shape.rules && c.min !== undefined ? { minPerGroup: { c0: c.min } } : {}),
            ...(c.notAlone !== undefined && (shape.rules || !c.notAlone.hard)
              ? {
                  notAlone: {
                    categories: { c0: c.notAlone.k },
                    level: c.notAlone.hard ? ("hard" as const) : ("soft" as const),
                    weight: c.notAlone.weight,
                  },
                }
              : {}),
          };
        });
        ns.forEach((spec, a) => {
          attributes[`num${a}`] = {
            kind: "numeric",
            weight: spec.weight,
            ...(spec.variance !== undefined ? { varianceWeight: spec.variance } : {}),
          };
        });
        const problem: ProblemInput = {
          people: personIds.map((id, i) => {
            const attrs: Record<string, string | number | null> = {};
            values[i][0].forEach((v, a) => {
              attrs[`cat${a}`] = v;
            });
            values[i][1].forEach((v, a) => {
              attrs[`num${a}`] = v;
            });
            return { id, attributes: attrs };
          }),
          groups: choice.groups,
          attributes,
          rules: r,
          ...(pw.length > 0 ? { pairwise: { weight: 1, pairs: pw } } : {}),
          ...(d ? { distance: { weight: d.weight, matrix: symmetricMatrix(n, d.upper) } } : {}),
          ...(inc ? { incumbent: { assignment: inc, weight: 1 } } : {}),
          options: { seed, timeLimitMs: 5000, iterationLimit: 3000 },
        };
        return problem;
      },
    );
}

/** An n×n symmetric matrix with zero diagonal from its strict upper triangle, row by row. */
export function symmetricMatrix(n: number, upper: number[]): number[][] {
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      matrix[i][j] = upper[k];
      matrix[j][i] = upper[k++];
    }
  }
  return matrix;
}
