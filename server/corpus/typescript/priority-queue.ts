/** A binary min-heap ordered by a comparison function. */
export class PriorityQueue<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  isEmpty(): boolean {
    return this.items.length === 0;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1);
  }

  pop(): T | undefined {
    if (this.items.length === 0) {
      return undefined;
    }
    const top = this.items[0];
    const last = this.items.pop() as T;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(this.items[index], this.items[parent]) >= 0) {
        break;
      }
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const length = this.items.length;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < length && this.compare(this.items[left], this.items[smallest]) < 0) {
        smallest = left;
      }
      if (right < length && this.compare(this.items[right], this.items[smallest]) < 0) {
        smallest = right;
      }
      if (smallest === index) {
        return;
      }
      this.swap(index, smallest);
      index = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
  }
}

export interface Edge {
  to: string;
  weight: number;
}

export type Graph = Map<string, Edge[]>;

/** Shortest distances from `start` to every reachable node (Dijkstra). */
export function shortestPaths(graph: Graph, start: string): Map<string, number> {
  const distances = new Map<string, number>([[start, 0]]);
  const queue = new PriorityQueue<[string, number]>((a, b) => a[1] - b[1]);
  queue.push([start, 0]);
  while (!queue.isEmpty()) {
    const [node, distance] = queue.pop() as [string, number];
    if (distance > (distances.get(node) ?? Infinity)) {
      continue;
    }
    for (const edge of graph.get(node) ?? []) {
      const candidate = distance + edge.weight;
      if (candidate < (distances.get(edge.to) ?? Infinity)) {
        distances.set(edge.to, candidate);
        queue.push([edge.to, candidate]);
      }
    }
  }
  return distances;
}

export function topologicalSort(dependencies: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]) => {
    const current = state.get(node);
    if (current === 'done') {
      return;
    }
    if (current === 'visiting') {
      throw new Error(`dependency cycle: ${[...path, node].join(' -> ')}`);
    }
    state.set(node, 'visiting');
    for (const dependency of dependencies.get(node) ?? []) {
      visit(dependency, [...path, node]);
    }
    state.set(node, 'done');
    order.push(node);
  };
  for (const node of dependencies.keys()) {
    visit(node, []);
  }
  return order;
}
