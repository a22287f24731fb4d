/**
 * Undirected weighted edges as symmetric CSR (compressed sparse rows): the neighbours of p are
 * nbr[start[p] .. start[p+1]), each edge stored at both ends, duplicates summed.
 */
export interface Csr {
  start: Int32Array;
  nbr: Int32Array;
  w: Float64Array;
}

export function symmetricCsr(n: number, edges: readonly (readonly [number, number, number])[]): Csr {
  const merged = new Map<number, number>();
  for (const [a, b, w] of edges) {
    const code = Math.min(a, b) * n + Math.max(a, b);
    merged.set(code, (merged.get(code) ?? 0) + w);
  }
  const degree = new Int32Array(n + 1);
  for (const code of merged.keys()) {
    degree[Math.floor(code / n)]++;
    degree[code % n]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n]);
  const w = new Float64Array(start[n]);
  for (const [code, weight] of merged) {
    const a = Math.floor(code / n);
    const b = code % n;
    nbr[fill[a]] = b;
    w[fill[a]++] = weight;
    nbr[fill[b]] = a;
    w[fill[b]++] = weight;
  }
  return { start, nbr, w };
}
