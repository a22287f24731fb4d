/**
 * The linear assignment problem on a dense k × k matrix: a permutation σ maximising
 * Σ_i w[i·k + σ(i)], by shortest augmenting paths with row and column potentials (the
 * Hungarian method in its O(k³) form). The search uses it on small matrices (one row per
 * group), so it keeps its work arrays between calls and allocates nothing per call.
 */
export class AssignmentSolver {
  private readonly rowPotential: Float64Array;
  private readonly colPotential: Float64Array;
  private readonly minSlack: Float64Array;
  private readonly colRow: Int32Array;
  private readonly way: Int32Array;
  private readonly used: Uint8Array;

  constructor(private readonly capacity: number) {
    // Index 0 is the algorithm's virtual column; real columns are 1..k.
    this.rowPotential = new Float64Array(capacity + 1);
    this.colPotential = new Float64Array(capacity + 1);
    this.minSlack = new Float64Array(capacity + 1);
    this.colRow = new Int32Array(capacity + 1);
    this.way = new Int32Array(capacity + 1);
    this.used = new Uint8Array(capacity + 1);
  }

  /**
   * Writes the maximising permutation into `columnOf` (row i takes column columnOf[i]) and
   * returns its total weight. Weights must be finite; forbid a cell with a large negative.
   */
  maximise(w: Float64Array, k: number, columnOf: Int32Array): number {
    if (k > this.capacity) throw new Error(`assignment of ${k} rows exceeds capacity ${this.capacity}`);
    const u = this.rowPotential;
    const v = this.colPotential;
    const minv = this.minSlack;
    const p = this.colRow;
    const way = this.way;
    const used = this.used;
    u.fill(0, 0, k + 1);
    v.fill(0, 0, k + 1);
    p.fill(0, 0, k + 1);
    // Minimise the cost −w; rows and columns are 1-based inside.
    for (let i = 1; i <= k; i++) {
      p[0] = i;
      let j0 = 0;
      minv.fill(Number.POSITIVE_INFINITY, 0, k + 1);
      used.fill(0, 0, k + 1);
      do {
        used[j0] = 1;
        const i0 = p[j0];
        let delta = Number.POSITIVE_INFINITY;
        let j1 = 0;
        const row = (i0 - 1) * k;
        for (let j = 1; j <= k; j++) {
          if (used[j] === 1) continue;
          const cur = -w[row + j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (let j = 0; j <= k; j++) {
          if (used[j] === 1) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else minv[j] -= delta;
        }
        j0 = j1;
      } while (p[j0] !== 0);
      // Flip the augmenting path back to the virtual column.
      do {
        const j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 !== 0);
    }
    let total = 0;
    for (let j = 1; j <= k; j++) {
      columnOf[p[j] - 1] = j - 1;
      total += w[(p[j] - 1) * k + j - 1];
    }
    return total;
  }
}
