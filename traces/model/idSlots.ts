// Dense slots for ids. The model's per-goroutine, per-channel and per-object
// tables are indexed by slot (the order ids first appear), so their size follows
// the number of distinct ids, never an id's value: a trace naming goroutine
// 2147483647 costs one slot. The runtime's own ids (1, 2, 3, …) are found
// through a direct table, any others through a Map.

import { NONE } from "./columns";

/** Direct-table room kept beyond twice the number of slots. */
const DIRECT_SLACK = 64;

export class IdSlots {
  /** Slot → id, in order of first appearance. Only grows, so a prefix is the table of an earlier moment. */
  readonly ids: number[] = [];
  private direct = new Int32Array(DIRECT_SLACK).fill(NONE);
  private readonly sparse = new Map<number, number>();

  get count(): number {
    return this.ids.length;
  }

  /** The slot of `id`, or NONE when it has none. */
  slotOf(id: number): number {
    if (id >= 0 && id < this.direct.length) return this.direct[id] as number;
    return this.sparse.get(id) ?? NONE;
  }

  /** The slot of `id`, given the next one if it has none yet. */
  slot(id: number): number {
    const s = this.slotOf(id);
    if (s !== NONE) return s;
    const next = this.ids.length;
    this.ids.push(id);
    const limit = 2 * this.ids.length + DIRECT_SLACK;
    if (id >= this.direct.length && id >= 0 && id < limit) this.growDirect(limit);
    if (id >= 0 && id < this.direct.length) this.direct[id] = next;
    else this.sparse.set(id, next);
    return next;
  }

  /** The ids of slots [0, count), ascending. */
  sortedIds(count = this.ids.length): number[] {
    const out = this.ids.slice(0, count);
    for (let k = 1; k < out.length; k++) {
      if ((out[k] as number) < (out[k - 1] as number)) return out.sort((a, b) => a - b);
    }
    return out;
  }

  private growDirect(limit: number): void {
    const next = new Int32Array(limit).fill(NONE);
    next.set(this.direct);
    // Ids that were too large for the old table move into the new one.
    for (const [id, s] of this.sparse) {
      if (id < limit) {
        next[id] = s;
        this.sparse.delete(id);
      }
    }
    this.direct = next;
  }
}

/** Records by id, stored densely; listed in ascending id order. */
export class IdTable<T> {
  private readonly slots = new IdSlots();
  private readonly items: T[] = [];

  get(id: number): T | undefined {
    const s = this.slots.slotOf(id);
    return s === NONE ? undefined : this.items[s];
  }

  set(id: number, item: T): void {
    this.items[this.slots.slot(id)] = item;
  }

  /** Every record, in ascending id order. */
  inIdOrder(): T[] {
    return this.slots.sortedIds().map((id) => this.items[this.slots.slotOf(id)] as T);
  }
}
