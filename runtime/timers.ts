// Pending timers (sleep, after, tickers, timers, context deadlines) in an indexed
// binary min-heap ordered by (fire time, arming order), so timers due at the same
// instant fire in the order they were set and stop/reset remove in O(log n).

export class TimerEntry {
  /** Position in the heap, -1 when not pending. */
  heapIndex = -1;
  /** Fire time in ns. */
  at = 0;
  /** Arming order: breaks ties between timers due at the same instant. */
  order = 0;
  /** The channel a fire delivers to, for the trace (-1: none). */
  ch = -1;

  constructor(
    readonly id: number,
    readonly purpose: number,
    readonly onFire: () => void,
  ) {}

  get pending(): boolean {
    return this.heapIndex >= 0;
  }
}

export class TimerHeap {
  private readonly heap: TimerEntry[] = [];
  private nextOrder = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The earliest pending timer. */
  peek(): TimerEntry | undefined {
    return this.heap[0];
  }

  push(t: TimerEntry, at: number): void {
    if (t.heapIndex >= 0) this.remove(t);
    t.at = at;
    t.order = this.nextOrder++;
    t.heapIndex = this.heap.length;
    this.heap.push(t);
    this.up(t.heapIndex);
  }

  pop(): TimerEntry | undefined {
    const top = this.heap[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  remove(t: TimerEntry): boolean {
    const i = t.heapIndex;
    if (i < 0) return false;
    const last = this.heap.pop()!;
    t.heapIndex = -1;
    if (last !== t) {
      this.heap[i] = last;
      last.heapIndex = i;
      this.down(i);
      this.up(last.heapIndex);
    }
    return true;
  }

  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private up(i: number): void {
    const h = this.heap;
    const t = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!this.less(t, parent)) break;
      h[i] = parent;
      parent.heapIndex = i;
      i = p;
    }
    h[i] = t;
    t.heapIndex = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const t = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(h[r]!, h[l]!) ? r : l;
      const child = h[c]!;
      if (!this.less(child, t)) break;
      h[i] = child;
      child.heapIndex = i;
      i = c;
    }
    h[i] = t;
    t.heapIndex = i;
  }
}
