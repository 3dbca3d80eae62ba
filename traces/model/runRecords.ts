// The fold's live records of a channel and a sync object: buffer and wait
// queues, holders, counters. RunState changes them event by event; a checkpoint
// stores them compactly (checkpoint.ts) and decodes them again on demand.

import { NONE } from "./columns";

export class ChanRun {
  len = 0;
  closedAt = NONE;
  /** Indices of the send events whose values are buffered, head at `head`. */
  buf: number[] = [];
  head = 0;
  /** Block events of parked senders / receivers, FIFO (select waits appear on every channel they wait on). */
  sendq: number[] = [];
  recvq: number[] = [];

  constructor(readonly cap: number) {}

  bufferLength(): number {
    return this.buf.length - this.head;
  }

  push(send: number): void {
    this.buf.push(send);
  }

  /** Takes a buffered value out: normally the head (FIFO); tolerates any position. */
  take(send: number): void {
    if (this.head < this.buf.length && this.buf[this.head] === send) {
      this.head++;
      // Compact now and then so a long-lived channel does not keep every value it ever held.
      if (this.head >= 64 && this.head * 2 >= this.buf.length) {
        this.buf = this.buf.slice(this.head);
        this.head = 0;
      }
      return;
    }
    const at = this.buf.indexOf(send, this.head);
    if (at >= 0) this.buf.splice(at, 1);
  }

  popHead(): void {
    if (this.head < this.buf.length) this.take(this.buf[this.head] as number);
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
  /** Block events of waiting goroutines, FIFO. */
  waiters: number[] = [];
  count = 0;
  once: OnceState = OnceState.idle;
  onceBy = NONE;

  constructor(readonly type: number) {}
}
