/**
 * fast-check generators of small, random problems covering every term and rule, for the
 * property tests. Kept small (n ≤ 12) so brute force can be the oracle.
 */
import fc from "fast-check";
import type { ProblemInput } from "../../../engine/problem/schema.js";

export interface ProblemShape {
  maxPeople: number;
  maxGroups: number;
  /** Include hard rules (caps, minimums, apart, together, pins, allowed groups). */
  rules: boolean;
  /** Include soft pairwise weights, a dense distance matrix and an incumbent grouping. */
  extras: boolean;
}

export function problemArb(shape: ProblemShape): fc.Arbitrary<ProblemInput> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: shape.maxPeople }),
      m: fc.integer({ min: 1, max: shape.maxGroups }),
      catAttrs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }),
      numAttrs: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      slack: fc.integer({ min: 0, max: 2 }),
    })
    .chain(({ n, m, catAttrs, numAttrs, seed, slack }) => {
      const personIds = Array.from({ length: n }, (_, i) => `p${i}`);
      const groupCount = Math.min(m, n);
      const base = Math.floor(n / groupCount);
      const cat = (k: number) =>
        fc.oneof(
          fc.constant(null),
          fc.integer({ min: 0, max: k - 1 }).map((c) => `c${c}`),
        );
      const people = fc.tuple(
        ...personIds.map(() =>
          fc.tuple(
            fc.tuple(...catAttrs.map(cat)),
            fc.array(fc.integer({ min: -5, max: 20 }), {
              minLength: numAttrs,
              maxLength: numAttrs,
            }),
          ),
        ),
      );
      const personArb = fc.constantFrom(...personIds);
      const setArb = fc.uniqueArray(personArb, { minLength: 2, maxLength: 3 });
      const groupIdArb = fc.integer({ min: 1, max: groupCount }).map(String);
      const rules = shape.rules
        ? fc.record({
            apart: fc.array(setArb, { maxLength: 2 }),
            together: fc.array(fc.uniqueArray(personArb, { minLength: 2, maxLength: 2 }), { maxLength: 2 }),
            pins: fc.dictionary(personArb, groupIdArb, { maxKeys: 2 }),
            allowedGroups: fc.dictionary(
              personArb,
              fc.uniqueArray(groupIdArb, { minLength: 1, maxLength: 2 }),
              {
                maxKeys: 2,
              },
            ),
          })
        : fc.constant({ apart: [] as string[][], together: [] as string[][], pins: {}, allowedGroups: {} });
      const caps = fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), {
        minLength: catAttrs.length,
        maxLength: catAttrs.length,
      });
      const mins = fc.array(fc.option(fc.integer({ min: 1, max: 1 }), { nil: undefined }), {
        minLength: catAttrs.length,
        maxLength: catAttrs.length,
      });
      const weights = fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: catAttrs.length + numAttrs,
        maxLength: catAttrs.length + numAttrs,
      });
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
        .record({ people, rules, caps, mins, weights, pairs, distance, incumbent })
        .map(
          ({
            people: values,
            rules: r,
            caps: c,
            mins: mn,
            weights: w,
            pairs: pw,
            distance: d,
            incumbent: inc,
          }) => {
            const attributes: NonNullable<ProblemInput["attributes"]> = {};
            catAttrs.forEach((_, a) => {
              attributes[`cat${a}`] = {
                kind: "categorical",
                weight: w[a],
                ...(shape.rules && c[a] !== undefined ? { maxPerGroup: c[a] } : {}),
                ...(shape.rules && mn[a] !== undefined ? { minPerGroup: { c0: mn[a] as number } } : {}),
              };
            });
            for (let a = 0; a < numAttrs; a++)
              attributes[`num${a}`] = { kind: "numeric", weight: w[catAttrs.length + a] };
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
              groups: {
                count: groupCount,
                minSize: Math.max(0, base - slack),
                maxSize: base + slack + (n % groupCount > 0 ? 1 : 0),
              },
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
    });
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
