/**
 * A small max-flow (Dinic) for the capacity check of pins and allowed groups. Capacities may
 * be `Infinity`. After `maxFlow`, `reachable` gives the source side of a minimum cut, which
 * names the over-subscribed groups.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.level = new Int32Array(nodeCount);
    this.cursor = new Int32Array(nodeCount);
  }

  addEdge(from: number, to: number, capacity: number): void {
    this.link(from, to, capacity);
    this.link(to, from, 0);
  }

  private link(from: number, to: number, capacity: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    while (this.buildLevels(source, sink)) {
      this.cursor.set(this.head);
      for (;;) {
        const pushed = this.push(source, sink, Number.POSITIVE_INFINITY);
        if (pushed <= 0) break;
        flow += pushed;
      }
    }
    return flow;
  }

  /** Nodes reachable from `source` through edges with capacity left (1) or not (0). */
  reachable(source: number): Uint8Array {
    const seen = new Uint8Array(this.nodeCount);
    const queue = [source];
    seen[source] = 1;
    for (let i = 0; i < queue.length; i++) {
      for (let e = this.head[queue[i]]; e >= 0; e = this.next[e]) {
        const v = this.to[e];
        if (this.cap[e] > 0 && !seen[v]) {
          seen[v] = 1;
          queue.push(v);
        }
      }
    }
    return seen;
  }

  private buildLevels(source: number, sink: number): boolean {
    this.level.fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      for (let e = this.head[u]; e >= 0; e = this.next[e]) {
        const v = this.to[e];
        if (this.cap[e] > 0 && this.level[v] < 0) {
          this.level[v] = this.level[u] + 1;
          queue.push(v);
        }
      }
    }
    return this.level[sink] >= 0;
  }

  /** One augmenting path in the level graph (depth-first; paths here are short). */
  private push(u: number, sink: number, limit: number): number {
    if (u === sink) return limit;
    for (; this.cursor[u] >= 0; this.cursor[u] = this.next[this.cursor[u]]) {
      const e = this.cursor[u];
      const v = this.to[e];
      if (this.cap[e] <= 0 || this.level[v] !== this.level[u] + 1) continue;
      const pushed = this.push(v, sink, Math.min(limit, this.cap[e]));
      if (pushed > 0) {
        this.cap[e] -= pushed;
        this.cap[e ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
