/**
 * Diversity (soft): a dense dissimilarity between every two people (survey answers), the
 * distances inside groups as large as possible: the maximally diverse grouping problem.
 *
 *   raw        D = −Σ_g Σ_{p<q in g} d_pq          (minus, so that lower is better)
 *   gain table G[g·n + p] = Σ_{q in g} d_pq makes the within-group sum's change
 *     relocate  Σ_{p∈u} (G[h,p] − G[g,p]) + D_u                  (D_u = Σ_{p,q∈u} d_pq: the
 *     swap      that for u g→h, plus for v h→g, − 2 Σ_{p∈u,q∈v} d_pq      unit's own pairs stay)
 *   so a move of single people costs O(1); applying one updates two rows of G, O(n).
 *   bound      −½ Σ_p (the S−1 largest d_pq of row p), S the largest max size, at most
 *              −Σ_{all pairs} d: each person has at most S−1 group mates, distances are
 *              non-negative, and each pair inside a group is counted from both of its ends
 *   random     −Σ_{p<q} d_pq · pairShare(sizes)
 * The only term the pure-diversity fast path of the iterated descent reads (it uses the
 * gain table of `DistanceState` directly).
 */
import { z } from "zod";
import type { Model } from "../compile/model.js";
import { magnitude, weight } from "../problem/fields.js";
import type { IncrementalTerm, SoftInstance, TermDefinition } from "./contract.js";
import { membersByGroup, pairShare } from "./shared.js";

/** The distance term's incremental state: the gain table the iterated descent reads directly. */
export class DistanceState implements IncrementalTerm {
  readonly gain: Float64Array;

  constructor(
    readonly model: Model,
    readonly dist: Float64Array,
    private readonly unitDist2: Float64Array,
    groupOf: Int32Array,
  ) {
    this.gain = new Float64Array(model.m * model.n);
    this.reset(groupOf);
  }

  reset(groupOf: Int32Array): void {
    const { n } = this.model;
    this.gain.fill(0);
    for (let p = 0; p < n; p++) this.addRow(p, groupOf[p], 1);
  }

  private addRow(p: number, g: number, sign: 1 | -1): void {
    const n = this.model.n;
    const base = g * n;
    const row = p * n;
    const gain = this.gain;
    const dist = this.dist;
    if (sign > 0) for (let r = 0; r < n; r++) gain[base + r] += dist[row + r];
    else for (let r = 0; r < n; r++) gain[base + r] -= dist[row + r];
  }

  private withinGain(u: number, g: number, h: number, v: number): number {
    const model = this.model;
    const n = model.n;
    const gain = this.gain;
    const members = model.unitMembers;
    const gn = g * n;
    const hn = h * n;
    let d = this.unitDist2[u];
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = members[i];
      d += gain[hn + p] - gain[gn + p];
    }
    if (v < 0) return d;
    d += this.unitDist2[v];
    const dist = this.dist;
    for (let j = model.unitStart[v]; j < model.unitStart[v + 1]; j++) {
      const q = members[j];
      d += gain[gn + q] - gain[hn + q];
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) d -= 2 * dist[members[i] * n + q];
    }
    return d;
  }

  relocate(u: number, g: number, h: number): number {
    return -this.withinGain(u, g, h, -1);
  }

  swap(u: number, v: number, g: number, h: number): number {
    return -this.withinGain(u, g, h, v);
  }

  private moveUnit(u: number, g: number, h: number): void {
    const model = this.model;
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = model.unitMembers[i];
      this.addRow(p, g, -1);
      this.addRow(p, h, 1);
    }
  }

  applyRelocate(u: number, g: number, h: number): void {
    this.moveUnit(u, g, h);
  }

  applySwap(u: number, v: number, g: number, h: number): void {
    this.moveUnit(u, g, h);
    this.moveUnit(v, h, g);
  }
}

/** The distance instance carries its matrix, for exact mode and the fast path. */
export interface DistanceInstance extends SoftInstance {
  readonly dist: Float64Array;
}

export const distance = {
  name: "distance",
  schema: {
    scope: "problem",
    shape: {
      distance: z
        .strictObject({
          weight: weight.default(1).describe("Weight of the diversity term (sum of distances inside groups)"),
          matrix: z
            .array(z.array(magnitude.nonnegative()))
            .describe("n×n symmetric matrix, zero diagonal, row i = people[i]"),
        })
        .optional()
        .describe("Dense dissimilarities: the distances inside groups as large as possible"),
    },
  },
  compile(model: Model): DistanceInstance[] {
    const spec = model.problem.distance;
    if (!spec || spec.weight <= 0) return [];
    const { n, unitCount } = model;
    const dist = new Float64Array(n * n);
    for (let p = 0; p < n; p++) dist.set(spec.matrix[p], p * n);
    const unitDist2 = new Float64Array(unitCount);
    for (let u = 0; u < unitCount; u++) {
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
        for (let j = model.unitStart[u]; j < model.unitStart[u + 1]; j++) {
          unitDist2[u] += dist[model.unitMembers[i] * n + model.unitMembers[j]];
        }
      }
    }
    let total = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) total += dist[p * n + q];
    return [
      {
        level: "soft",
        term: "distance",
        label: "distance",
        weight: spec.weight,
        dist,
        blocksFastPath: false,
        incremental: {
          kernel: "own",
          create: (groupOf) => new DistanceState(model, dist, unitDist2, groupOf),
        },
        full: (groupOf) => -withinSum(model, dist, groupOf).total,
        lowerBound: () => -distanceUpperBound(model, dist),
        expectation: (sizes) => -total * pairShare(sizes, n),
        explain: (groupOf, limit) => {
          const { perGroup } = withinSum(model, dist, groupOf);
          const order = Array.from({ length: model.m }, (_, g) => g).sort(
            (x, y) => perGroup[x] - perGroup[y],
          );
          return {
            items: order
              .slice(0, limit)
              .map((g) => ({ group: model.groupIds[g], people: [], more: 0, amount: perGroup[g] })),
            more: Math.max(0, order.length - limit),
          };
        },
        linear: {
          pairs: (add) => {
            for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) add(p, q, -dist[p * n + q]);
          },
        },
      },
    ];
  },
} satisfies TermDefinition;

function withinSum(model: Model, dist: Float64Array, groupOf: Int32Array) {
  const n = model.n;
  const members = membersByGroup(groupOf, model.m);
  const perGroup = new Float64Array(model.m);
  let total = 0;
  for (let g = 0; g < model.m; g++) {
    for (let i = members.start[g]; i < members.start[g + 1]; i++) {
      const row = members.list[i] * n;
      for (let j = i + 1; j < members.start[g + 1]; j++) perGroup[g] += dist[row + members.list[j]];
    }
    total += perGroup[g];
  }
  return { perGroup, total };
}

/** See the header: ½ Σ_p (the S−1 largest distances of p), capped by the sum of all distances. */
export function distanceUpperBound(model: Pick<Model, "n" | "maxSize">, dist: Float64Array): number {
  const n = model.n;
  let maxSize = 0;
  for (const s of model.maxSize) maxSize = Math.max(maxSize, s);
  const mates = Math.min(n - 1, Math.max(0, maxSize - 1));
  let bound = 0;
  let total = 0;
  for (let p = 0; p < n; p++) {
    const row = dist.slice(p * n, (p + 1) * n).sort();
    // Sorted ascending; the diagonal 0 is among the smallest, so the top `mates` exclude it
    // unless every distance is 0 (then it does not matter).
    for (let i = n - mates; i < n; i++) bound += row[i];
    for (let i = 0; i < n; i++) total += row[i];
  }
  return Math.min(bound / 2, total / 2);
}
