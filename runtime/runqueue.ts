// The run queue: runnable goroutines in the order they became runnable.
// `fifo` takes the head (Go's global run queue); `random` takes a seeded-random
// entry, which explores other interleavings while staying reproducible.

import type { Goroutine } from "./goroutine";
import type { Prng } from "../traces/prng";

export class RunQueue {
  private items: (Goroutine | undefined)[] = new Array<Goroutine | undefined>(16).fill(undefined);
  private head = 0;
  private mask = 15;
  size = 0;

  push(g: Goroutine): void {
    if (this.size > this.mask) this.grow();
    this.items[(this.head + this.size) & this.mask] = g;
    this.size++;
  }

  /** Puts g back at the front (it was already chosen to run next). */
  unshift(g: Goroutine): void {
    if (this.size > this.mask) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = g;
    this.size++;
  }

  shift(): Goroutine | undefined {
    if (this.size === 0) return undefined;
    const g = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return g;
  }

  /** Removes a uniformly chosen entry; the others keep their relative order. */
  takeRandom(prng: Prng): Goroutine | undefined {
    if (this.size <= 1) return this.shift();
    const k = prng.below(this.size);
    const at = (this.head + k) & this.mask;
    const g = this.items[at];
    // Close the gap by moving the entries before it one step forward.
    for (let j = k; j > 0; j--) {
      this.items[(this.head + j) & this.mask] = this.items[(this.head + j - 1) & this.mask];
    }
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return g;
  }

  private grow(): void {
    const n = this.mask + 1;
    const next = new Array<Goroutine | undefined>(n * 2).fill(undefined);
    for (let k = 0; k < this.size; k++) next[k] = this.items[(this.head + k) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = n * 2 - 1;
  }
}
