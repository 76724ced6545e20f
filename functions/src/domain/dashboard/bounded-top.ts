/**
 * The N greatest items of a stream under an order, kept in a min-heap of at
 * most N: each item costs O(log N) and memory stays N whatever the stream's
 * length, where sorting everything would keep every item.
 */
export class BoundedTop<T> {
  private readonly heap: T[] = [];

  /** `before(a, b)`: a ranks above b (the result lists items in that order); must be a strict total order. */
  constructor(
    readonly size: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  add(item: T): void {
    if (this.size <= 0) return;
    if (this.heap.length < this.size) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
    } else if (this.before(item, this.heap[0])) {
      this.heap[0] = item;
      this.down(0);
    }
  }

  /** The items kept, best first. */
  result(): T[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  // The root is the lowest-ranked item kept: the one a better newcomer replaces.
  private lower = (i: number, j: number) => this.before(this.heap[j], this.heap[i]);

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j], this.heap[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.lower(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      let least = i;
      for (const child of [2 * i + 1, 2 * i + 2])
        if (child < this.heap.length && this.lower(child, least)) least = child;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}
