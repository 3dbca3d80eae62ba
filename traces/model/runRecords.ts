// The fold's live records of a channel and a sync object: buffer and wait
// queues, holders, counters. RunState changes them event by event; a checkpoint
// stores them compactly (checkpoint.ts) and decodes them again on demand.

import { NONE } from "./columns";

/**
 * Event indices in FIFO order: a channel's buffered sends, or the block events
 * of goroutines waiting in a queue. Each index sits in a queue at most once.
 * Leaving from the front — what a wake-up in order does — costs O(1), so a
 * queue of a hundred thousand waiters empties in linear time; leaving from the
 * middle (a select woken by another of its channels) splices.
 */
export class EventQueue {
  private items: number[];
  private head = 0;

  constructor(items: number[] = []) {
    this.items = items;
  }

  get length(): number {
    return this.items.length - this.head;
  }

  push(index: number): void {
    this.items.push(index);
  }

  /** The oldest index, or undefined when empty. */
  first(): number | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  remove(index: number): void {
    const items = this.items;
    if (this.head < items.length && items[this.head] === index) {
      this.head++;
      // Compact now and then so a long-lived queue does not keep every index it ever held.
      if (this.head >= 64 && this.head * 2 >= items.length) {
        this.items = items.slice(this.head);
        this.head = 0;
      }
      return;
    }
    const at = items.indexOf(index, this.head);
    if (at >= 0) items.splice(at, 1);
  }

  /** The indices, oldest first, as a fresh array. */
  toArray(): number[] {
    return this.items.slice(this.head);
  }

  forEach(visit: (index: number) => void): void {
    for (let k = this.head; k < this.items.length; k++) visit(this.items[k] as number);
  }
}

export class ChanRun {
  len = 0;
  closedAt = NONE;
  /** Indices of the send events whose values are buffered. */
  buf = new EventQueue();
  /** Block events of parked senders / receivers (select waits appear on every channel they wait on). */
  sendq = new EventQueue();
  recvq = new EventQueue();

  constructor(readonly cap: number) {}

  push(send: number): void {
    this.buf.push(send);
  }

  /** Takes a buffered value out: normally the head (FIFO); tolerates any position. */
  take(send: number): void {
    this.buf.remove(send);
  }

  popHead(): void {
    const head = this.buf.first();
    if (head !== undefined) this.buf.remove(head);
  }
}

export const enum OnceState {
  idle = 0,
  running = 1,
  done = 2,
}

export class ObjRun {
  holder = NONE;
  holderSince = NONE;
  /** Goroutines holding a read lock, in the order they took it. */
  readers: number[] = [];
  /** Block events of waiting goroutines. */
  waiters = new EventQueue();
  count = 0;
  once: OnceState = OnceState.idle;
  onceBy = NONE;

  constructor(readonly type: number) {}
}
