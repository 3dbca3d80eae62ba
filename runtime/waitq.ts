// Goroutines parked on a channel (Go's sudog and waitq). A doubly linked list so
// a select that fires on one channel can take its other waiters out of their
// queues at once: lazy removal would let a long-lived channel (a ctx's done)
// accumulate one dead waiter per loop iteration.

import type { Goroutine } from "./goroutine";

/** How a parked receive wants its result delivered when it is woken. */
export const FORM_VALUE = 0; // recv(): the value
export const FORM_OK = 1; // recvOk(): [value, ok]
export const FORM_ITER = 2; // for await: { value, done }
export const FORM_SELECT = 3; // select: whatever SelectWait.fired returns

/**
 * A blocked select, as the channels see it (implemented in select.ts). It is
 * also the case list the recorder takes (`codes`, `n`) for the select event
 * recorded when a case fires.
 */
export interface SelectWait {
  readonly g: Goroutine;
  readonly codes: Int32Array;
  readonly n: number;
  /** Takes every waiter of this select out of its queue. */
  withdraw(): void;
  /** Case `w.sel` fired (with the value received, for a receive): what the select's park resolves to. */
  fired(w: Waiter, v: unknown, ok: boolean): unknown;
  /** A close woke it: what its park resolves to (a new poll, in the select's goroutine). */
  repoll(): unknown;
}

export class Waiter {
  /** The value a parked sender holds. */
  value: unknown = undefined;
  /** Case index when part of a select, else -1. */
  sel = -1;
  form = FORM_VALUE;
  sw: SelectWait | undefined = undefined;
  prev: Waiter | undefined = undefined;
  next: Waiter | undefined = undefined;
  queue: WaitQueue | undefined = undefined;

  constructor(readonly g: Goroutine) {}
}

export class WaitQueue {
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
