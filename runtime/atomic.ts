// Go's sync/atomic typed values: Int32, Int64, Uint32, Uint64, Bool, Value and
// Pointer. Every operation is a `sync.op` event with the values before and
// after, so hand-rolled flags and counters show on the timeline. They never
// block. A load, and a compareAndSwap that fails, are polls (HACKING.md,
// "Polling"): a loop spinning on a flag lets virtual time move on.
//
// Int64 and Uint64 hold numbers: exact up to 2^53 in magnitude, as a JS number
// is; arithmetic past that wraps as Go's does but rounds to the nearest
// number. Int32 and Uint32 wrap exactly.

import { SYNC_ATOMIC, SYNC_OP_CODE } from "../traces/codes";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { preview } from "./preview";
import { SyncObject } from "./sync";

registerRuntimeModule(import.meta.url);

const OP_LOAD = SYNC_OP_CODE.load;
const OP_STORE = SYNC_OP_CODE.store;
const OP_ADD = SYNC_OP_CODE.add;
const OP_SWAP = SYNC_OP_CODE.swap;
const OP_CAS = SYNC_OP_CODE.cas;

/** A value of any of them, as its event shows it. */
const shown = (v: unknown): string => (typeof v === "number" || typeof v === "boolean" ? String(v) : preview(v));

abstract class AtomicCell<T> extends SyncObject {
  protected value: T;

  constructor(what: string, initial: T, name: string | undefined) {
    super(what, SYNC_ATOMIC, name);
    this.value = initial;
  }

  /** The caller's id, or undefined once the run has ended (the operation then does nothing visible). */
  protected caller(): number | undefined {
    return this.s.syncEnter()?.id;
  }

  protected fit(v: T): T {
    return v;
  }

  load(): T {
    const g = this.caller();
    if (g === undefined) return this.value;
    this.op(g, OP_LOAD, Number.NaN, shown(this.value));
    this.s.polled();
    return this.value;
  }

  store(v: T): void {
    const g = this.caller();
    const next = this.fit(v);
    this.value = next;
    if (g !== undefined) this.op(g, OP_STORE, Number.NaN, shown(next));
  }

  /** Stores v and returns the old value. */
  swap(v: T): T {
    const g = this.caller();
    const old = this.value;
    const next = this.fit(v);
    this.value = next;
    if (g !== undefined) this.op(g, OP_SWAP, Number.NaN, shown(next), shown(old));
    return old;
  }

  /** Stores next if the value is old (compared with ===); returns whether it did. */
  compareAndSwap(old: T, next: T): boolean {
    const g = this.caller();
    const had = this.value;
    const ok = had === this.fit(old);
    if (ok) this.value = this.fit(next);
    if (g !== undefined) {
      this.op(g, OP_CAS, Number.NaN, shown(this.value), shown(had), ok ? 1 : 0);
      if (!ok) this.s.polled();
    }
    return ok;
  }
}

abstract class AtomicInteger extends AtomicCell<number> {
  constructor(what: string, name: string | undefined) {
    super(what, 0, name);
  }

  /** Adds delta (wrapping as Go's fixed-size integers do) and returns the new value. */
  add(delta: number): number {
    const g = this.caller();
    const old = this.value;
    const next = this.fit(old + delta);
    this.value = next;
    if (g !== undefined) {
      this.op(g, OP_ADD, Number.isInteger(delta) && Math.abs(delta) <= 0x7fffffff ? delta : Number.NaN, shown(next), shown(old));
    }
    return next;
  }

  protected override fit(v: number): number {
    if (!Number.isInteger(v)) throw new GoPanic(`sync/atomic: ${preview(v)} is not an integer`);
    return this.wrap(v);
  }

  protected abstract wrap(v: number): number;
}

/** Go's atomic.Int32. */
export class Int32 extends AtomicInteger {
  constructor(name?: string) {
    super("atomic.Int32", name);
  }
  protected wrap(v: number): number {
    return v | 0;
  }
}

/** Go's atomic.Uint32. */
export class Uint32 extends AtomicInteger {
  constructor(name?: string) {
    super("atomic.Uint32", name);
  }
  protected wrap(v: number): number {
    return v >>> 0;
  }
}

/** Go's atomic.Int64 (exact within ±2^53). */
export class Int64 extends AtomicInteger {
  constructor(name?: string) {
    super("atomic.Int64", name);
  }
  protected wrap(v: number): number {
    return Number.isSafeInteger(v) ? v : Number(BigInt.asIntN(64, BigInt(v)));
  }
}

/** Go's atomic.Uint64 (exact below 2^53). */
export class Uint64 extends AtomicInteger {
  constructor(name?: string) {
    super("atomic.Uint64", name);
  }
  protected wrap(v: number): number {
    return v >= 0 && Number.isSafeInteger(v) ? v : Number(BigInt.asUintN(64, BigInt(v)));
  }
}

/** Go's atomic.Bool. */
export class Bool extends AtomicCell<boolean> {
  constructor(name?: string) {
    super("atomic.Bool", false, name);
  }
}

/** Go's atomic.Pointer[T]: a reference, compared by identity; null (or undefined) is nil. */
export class Pointer<T> extends AtomicCell<T | null | undefined> {
  constructor(name?: string) {
    super("atomic.Pointer", undefined, name);
  }
}

/** The kind of value a Value holds: Go panics when a store changes it. */
function kindOf(v: unknown): unknown {
  return typeof v === "object" ? Object.getPrototypeOf(v) : typeof v;
}

/**
 * Go's atomic.Value: holds one value at a time, of one type for its life;
 * load() is undefined (Go's nil) until the first store. Storing nil
 * (null/undefined) or a value of another type panics as Go's does.
 */
export class Value<T = unknown> extends AtomicCell<T | undefined> {
  constructor(name?: string) {
    super("atomic.Value", undefined, name);
  }

  protected override fit(v: T | undefined): T | undefined {
    if (v === undefined || v === null) throw new GoPanic("sync/atomic: store of nil value into Value");
    if (this.value !== undefined && kindOf(v) !== kindOf(this.value)) {
      throw new GoPanic("sync/atomic: store of inconsistently typed value into Value");
    }
    return v;
  }

  override compareAndSwap(old: T | undefined, next: T | undefined): boolean {
    if (next === undefined || next === null) throw new GoPanic("sync/atomic: compare and swap of nil value into Value");
    // Comparing with nil (never stored) is allowed: old is not a stored value.
    const g = this.caller();
    const had = this.value;
    const ok = had === old;
    if (ok) this.value = this.fit(next);
    if (g !== undefined) {
      this.op(g, OP_CAS, Number.NaN, shown(this.value), shown(had), ok ? 1 : 0);
      if (!ok) this.s.polled();
    }
    return ok;
  }
}
