// The goroutines parked on a channel or a sync object (Go's waitq): their
// waiters in a doubly linked list, so a select that fires on one channel can
// take its other waiters out of their queues at once: lazy removal would let a
// long-lived channel (a ctx's done) accumulate one dead waiter per loop
// iteration.

import type { Waiter, WaiterQueue } from "./goroutine";

export class WaitQueue implements WaiterQueue {
  head: Waiter | undefined = undefined;
  tail: Waiter | undefined = undefined;
  size = 0;

  push(w: Waiter): void {
    w.queue = this;
    w.next = undefined;
    w.prev = this.tail;
    if (this.tail === undefined) this.head = w;
    else this.tail.next = w;
    this.tail = w;
    this.size++;
  }

  /** Queues w at the front (Go's LIFO requeue of a woken Mutex waiter that lost the race). */
  unshift(w: Waiter): void {
    w.queue = this;
    w.prev = undefined;
    w.next = this.head;
    if (this.head === undefined) this.tail = w;
    else this.head.prev = w;
    this.head = w;
    this.size++;
  }

  shift(): Waiter | undefined {
    const w = this.head;
    if (w === undefined) return undefined;
    this.head = w.next;
    if (this.head === undefined) this.tail = undefined;
    else this.head.prev = undefined;
    w.next = undefined;
    w.queue = undefined;
    this.size--;
    return w;
  }

  remove(w: Waiter): void {
    if (w.queue !== this) return;
    if (w.prev === undefined) this.head = w.next;
    else w.prev.next = w.next;
    if (w.next === undefined) this.tail = w.prev;
    else w.next.prev = w.prev;
    w.prev = undefined;
    w.next = undefined;
    w.queue = undefined;
    this.size--;
  }
}
