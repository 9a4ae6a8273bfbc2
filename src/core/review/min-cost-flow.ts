/**
 * Minimum-cost flow on a small integer network (the assignment of reviews, assignment.ts). Primal-dual:
 * Dijkstra on reduced costs finds the cheapest augmenting distance, then a Dinic blocking flow pushes as
 * much as possible along every path of that cost at once. With the small integer costs the assignment
 * uses there are few distinct distances, so a few hundred phases place thousands of reviews.
 * Costs must be non-negative integers; capacities non-negative integers.
 */

export class FlowNetwork {
  private nodes = 0;
  private edges = 0;
  // Typed arrays grown by doubling: networks here have hundreds of thousands of edges.
  private head = new Int32Array(1024);
  private to = new Int32Array(1024);
  private next = new Int32Array(1024);
  private cap = new Float64Array(1024);
  private cost = new Float64Array(1024);
  private initial = new Float64Array(1024);

  addNode(): number {
    if (this.nodes === this.head.length) this.head = grow(this.head);
    this.head[this.nodes] = -1;
    return this.nodes++;
  }

  /** Returns the edge's index, to read its flow afterwards. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.edges;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  private push(from: number, to: number, capacity: number, cost: number) {
    if (this.edges === this.to.length) {
      this.to = grow(this.to);
      this.next = grow(this.next);
      this.cap = grow(this.cap);
      this.cost = grow(this.cost);
      this.initial = grow(this.initial);
    }
    const e = this.edges++;
    this.to[e] = to;
    this.cap[e] = capacity;
    this.initial[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[from]!;
    this.head[from] = e;
  }

  flowOn(edge: number): number {
    return this.initial[edge]! - this.cap[edge]!;
  }

  /** Sends up to `limit` units from source to sink at minimum cost; returns the flow and its cost. */
  minCostFlow(source: number, sink: number, limit: number): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    let flow = 0;
    let cost = 0;
    while (flow < limit) {
      this.dijkstra(source, potential, dist);
      if (!Number.isFinite(dist[sink]!)) break;
      const reach = dist[sink]!;
      for (let v = 0; v < n; v++) potential[v] = potential[v]! + Math.min(dist[v]!, reach);
      // Blocking flows on the admissible edges (reduced cost 0) until none is left at this distance.
      while (flow < limit && this.levels(source, sink, potential, level)) {
        for (let v = 0; v < n; v++) current[v] = this.head[v]!;
        let pushed = this.augment(source, sink, limit - flow, potential, level, current);
        while (pushed > 0) {
          flow += pushed;
          cost += pushed * (potential[sink]! - potential[source]!);
          if (flow >= limit) break;
          pushed = this.augment(source, sink, limit - flow, potential, level, current);
        }
      }
    }
    return { flow, cost };
  }

  private reduced(edge: number, from: number, potential: Float64Array): number {
    return this.cost[edge]! + potential[from]! - potential[this.to[edge]!]!;
  }

  private dijkstra(source: number, potential: Float64Array, dist: Float64Array): void {
    dist.fill(Number.POSITIVE_INFINITY);
    dist[source] = 0;
    const heap = new BinaryHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]!) continue;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        if (this.cap[e]! <= 0) continue;
        const v = this.to[e]!;
        const nd = d + this.cost[e]! + potential[u]! - potential[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
  }

  private levels(source: number, sink: number, potential: Float64Array, level: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && level[v] === -1 && this.reduced(e, u, potential) === 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return level[sink] !== -1;
  }

  /** One augmenting path of admissible edges (iterative DFS with current-arc pointers). */
  private augment(
    source: number,
    sink: number,
    limit: number,
    potential: Float64Array,
    level: Int32Array,
    current: Int32Array,
  ): number {
    const pathEdges: number[] = [];
    let u = source;
    while (true) {
      if (u === sink) {
        let pushed = limit;
        for (const e of pathEdges) pushed = Math.min(pushed, this.cap[e]!);
        for (const e of pathEdges) {
          this.cap[e] = this.cap[e]! - pushed;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + pushed;
        }
        return pushed;
      }
      let advanced = false;
      for (let e = current[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && level[v] === level[u]! + 1 && this.reduced(e, u, potential) === 0) {
          current[u] = e;
          pathEdges.push(e);
          u = v;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      // Dead end: never come back to u in this phase, and step back.
      current[u] = -1;
      level[u] = -1;
      if (pathEdges.length === 0) return 0;
      const back = pathEdges.pop()!;
      u = this.to[back ^ 1]!;
      current[u] = this.next[current[u]!]!;
    }
  }
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** A binary min-heap of (key, value) pairs. */
class BinaryHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number) {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0]!, values[0]!];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      while (true) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        values[i] = values[child]!;
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}
