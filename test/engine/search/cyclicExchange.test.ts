/**
 * Cyclic exchange against a full recompute of the within-group sum: the gain it reports is
 * what its swaps make, and no rearrangement of the people it took out (one per group, back
 * one per group) is better (brute force over every permutation, m ≤ 5).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CyclicExchange } from "../../../engine/search/moves/cyclicExchange.js";
import { Rng } from "../../../engine/search/rng.js";

interface Case {
  n: number;
  m: number;
  dist: Float64Array;
  groupOf: Int32Array;
}

const caseArb = fc
  .record({ m: fc.integer({ min: 3, max: 5 }), extra: fc.integer({ min: 0, max: 8 }), seed: fc.integer() })
  .chain(({ m, extra, seed }) => {
    const n = m + extra;
    return fc.record({
      m: fc.constant(m),
      n: fc.constant(n),
      seed: fc.constant(seed),
      // Every group gets one person; the rest go anywhere.
      rest: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: extra, maxLength: extra }),
      d: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: n * n, maxLength: n * n }),
    });
  })
  .map(({ m, n, rest, d }): Case => {
    const dist = new Float64Array(n * n);
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) dist[p * n + q] = dist[q * n + p] = d[p * n + q];
    const groupOf = Int32Array.from([...Array.from({ length: m }, (_, g) => g), ...rest]);
    return { n, m, dist, groupOf };
  });

function withinSum({ n, dist }: Case, groupOf: Int32Array): number {
  let total = 0;
  for (let p = 0; p < n; p++)
    for (let q = p + 1; q < n; q++) if (groupOf[p] === groupOf[q]) total += dist[p * n + q];
  return total;
}

function gainTable({ n, m, dist }: Case, groupOf: Int32Array): Float64Array {
  const gain = new Float64Array(m * n);
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) gain[groupOf[q] * n + p] += dist[p * n + q];
  return gain;
}

/** The best change of the within-sum over sending out[g] to group σ(g), σ a permutation. */
function bruteBest(c: Case, out: number[], derange: boolean): number {
  const before = withinSum(c, c.groupOf);
  let best = Number.NEGATIVE_INFINITY;
  const perm = out.map((_, i) => i);
  const visit = (i: number) => {
    if (i === perm.length) {
      if (derange && perm.some((g, k) => g === k)) return;
      const groupOf = Int32Array.from(c.groupOf);
      out.forEach((p, k) => {
        groupOf[p] = perm[k];
      });
      best = Math.max(best, withinSum(c, groupOf) - before);
      return;
    }
    for (let j = i; j < perm.length; j++) {
      [perm[i], perm[j]] = [perm[j], perm[i]];
      visit(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
  };
  visit(0);
  return best;
}

describe("cyclic exchange", () => {
  it("takes out the least adding person of each group and finds the best way back", () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, derange) => {
        const groupOf = Int32Array.from(c.groupOf);
        const gain = gainTable(c, groupOf);
        const cycles = new CyclicExchange(c.m, c.n, { gain, dist: c.dist });
        const persons = Int32Array.from({ length: c.n }, (_, p) => p);
        expect(cycles.choose(persons, groupOf, null)).toBe(true);
        // Who went out: per group, the member of least sum to the group (first on ties).
        const out: number[] = [];
        for (let g = 0; g < c.m; g++) {
          let pick = -1;
          let least = Number.POSITIVE_INFINITY;
          for (let p = 0; p < c.n; p++) {
            if (groupOf[p] !== g) continue;
            let sum = 0;
            for (let q = 0; q < c.n; q++) if (groupOf[q] === g) sum += c.dist[p * c.n + q];
            if (sum < least) {
              least = sum;
              pick = p;
            }
          }
          out.push(pick);
        }
        const reported = cycles.best(derange);
        expect(reported).toBeCloseTo(bruteBest(c, out, derange), 9);
        // Its swaps make exactly that change.
        const before = withinSum(c, groupOf);
        cycles.forEachSwap((p, q) => {
          const t = groupOf[p];
          groupOf[p] = groupOf[q];
          groupOf[q] = t;
        });
        expect(withinSum(c, groupOf) - before).toBeCloseTo(reported, 9);
        if (derange) for (const p of out) expect(groupOf[p]).not.toBe(c.groupOf[p]);
        // Sizes never change.
        for (let g = 0; g < c.m; g++) {
          expect(groupOf.filter((x) => x === g).length).toBe(c.groupOf.filter((x) => x === g).length);
        }
      }),
      { seed: 1410, numRuns: 300 },
    );
  });

  it("draws one movable member of each group with a generator, and needs three groups", () => {
    const c: Case = {
      n: 6,
      m: 3,
      dist: new Float64Array(36).fill(1),
      groupOf: Int32Array.from([0, 0, 1, 1, 2, 2]),
    };
    const cycles = new CyclicExchange(3, 6, { gain: gainTable(c, c.groupOf), dist: c.dist });
    const movable = Int32Array.from([1, 3, 4, 5]);
    const seen = new Set<number>();
    const rng = new Rng(7);
    for (let t = 0; t < 50; t++) {
      expect(cycles.choose(movable, c.groupOf, rng)).toBe(true);
      cycles.best(true);
      cycles.forEachSwap((p, q) => {
        seen.add(p);
        seen.add(q);
      });
    }
    // Only movable people are sent, and either of group 2's two movable members.
    expect([...seen].sort()).toEqual([1, 3, 4, 5]);
    expect(cycles.choose(Int32Array.from([0, 2]), c.groupOf, rng)).toBe(false);
  });
});
