// Go's sync package for compiled programs, over the runtime's primitives, so
// a Go program's trace shows the same events and wait reasons as a TypeScript
// program's. Each runtime object is made at its first use (a zero value made
// outside a run, or never used, records nothing); the optional name is the Go
// variable's, for the trace. Blocking methods return promises.

import * as rt from "../../../runtime/index";
import { basicType, pointerTo, type GoType } from "../types";
import { Iface } from "../values";
import { callMethod, field, ifaceEqual, methods, refuseBlocking, structType } from "./goShared";

/** Makes the runtime object on first use. */
abstract class Lazy<T> {
  private made: T | undefined = undefined;

  constructor(readonly name?: string) {}

  protected abstract make(): T;

  protected get rt(): T {
    return (this.made ??= this.make());
  }
}

export class WaitGroup extends Lazy<rt.WaitGroup> {
  protected make(): rt.WaitGroup {
    return new rt.WaitGroup(this.name);
  }
  $clone(): WaitGroup {
    return new WaitGroup(this.name);
  }
  /** Panics "sync: negative WaitGroup counter" below zero, as Go's. */
  Add(delta: number): void {
    this.rt.add(delta);
  }
  Done(): void {
    this.rt.done();
  }
  Wait(): Promise<void> {
    return this.rt.wait();
  }
  /** Go 1.25's WaitGroup.Go: Add(1), f in a new goroutine, Done when it returns. */
  Go(f: () => unknown): void {
    this.rt.go(f);
  }
}

export class Mutex extends Lazy<rt.Mutex> {
  protected make(): rt.Mutex {
    return new rt.Mutex(this.name);
  }
  $clone(): Mutex {
    return new Mutex(this.name);
  }
  Lock(): Promise<void> {
    return this.rt.lock();
  }
  /** An unlocked mutex: Go's fatal error "sync: unlock of unlocked mutex" (the run ends). */
  Unlock(): void {
    this.rt.unlock();
  }
  TryLock(): boolean {
    return this.rt.tryLock();
  }
}

export class RWMutex extends Lazy<rt.RWMutex> {
  protected make(): rt.RWMutex {
    return new rt.RWMutex(this.name);
  }
  $clone(): RWMutex {
    return new RWMutex(this.name);
  }
  Lock(): Promise<void> {
    return this.rt.lock();
  }
  Unlock(): void {
    this.rt.unlock();
  }
  RLock(): Promise<void> {
    return this.rt.rLock();
  }
  RUnlock(): void {
    this.rt.rUnlock();
  }
  TryLock(): boolean {
    return this.rt.tryLock();
  }
  TryRLock(): boolean {
    return this.rt.tryRLock();
  }
  /** A Locker whose Lock and Unlock are RLock and RUnlock (Go's *sync.rlocker). */
  RLocker(): Iface {
    return new Iface(RLOCKER_PTR, new RLocker(this));
  }
}

class RLocker {
  constructor(readonly rw: RWMutex) {}
}

export class Once extends Lazy<rt.Once> {
  protected make(): rt.Once {
    return new rt.Once(this.name);
  }
  $clone(): Once {
    return new Once(this.name);
  }
  /** Runs f the first time (awaiting it when it blocks); later callers wait for it to finish. */
  Do(f: () => unknown): Promise<void> {
    return this.rt.do(f);
  }
}

/** A Locker interface value as the runtime's Cond uses it: Lock through its method table (it may block or not). */
function runtimeLocker(cond: Cond): rt.Locker {
  const locker = (): Iface => {
    if (cond.L === null) throw new TypeError("sync.Cond: L is nil");
    return cond.L;
  };
  return {
    lock: async () => {
      await callMethod(locker(), "Lock");
    },
    unlock: () => void callMethod(locker(), "Unlock"),
  };
}

export class Cond extends Lazy<rt.Cond> {
  constructor(
    /** The Locker held while observing or changing the condition (Go's c.L). */
    public L: Iface | null = null,
    name?: string,
  ) {
    super(name);
  }
  protected make(): rt.Cond {
    return new rt.Cond(runtimeLocker(this), this.name);
  }
  $clone(): Cond {
    return new Cond(this.L, this.name);
  }
  Wait(): Promise<void> {
    return this.rt.wait();
  }
  Signal(): void {
    this.rt.signal();
  }
  Broadcast(): void {
    this.rt.broadcast();
  }
}

/** Go's sync.Map: keys compared with Go's ==; Range visits entries in the order they were first stored. */
export class Map {
  private readonly entries: { key: Iface | null; value: Iface | null }[] = [];

  $clone(): Map {
    return this;
  }

  private find(key: Iface | null): number {
    return this.entries.findIndex((e) => ifaceEqual(e.key, key));
  }

  Load(key: Iface | null): [Iface | null, boolean] {
    const i = this.find(key);
    return i < 0 ? [null, false] : [this.entries[i]!.value, true];
  }
  Store(key: Iface | null, value: Iface | null): void {
    const i = this.find(key);
    if (i < 0) this.entries.push({ key, value });
    else this.entries[i]!.value = value;
  }
  LoadOrStore(key: Iface | null, value: Iface | null): [Iface | null, boolean] {
    const i = this.find(key);
    if (i >= 0) return [this.entries[i]!.value, true];
    this.entries.push({ key, value });
    return [value, false];
  }
  LoadAndDelete(key: Iface | null): [Iface | null, boolean] {
    const i = this.find(key);
    if (i < 0) return [null, false];
    const [e] = this.entries.splice(i, 1);
    return [e!.value, true];
  }
  Delete(key: Iface | null): void {
    const i = this.find(key);
    if (i >= 0) this.entries.splice(i, 1);
  }
  /** f must not block: Range is synchronous. */
  Range(f: (key: Iface | null, value: Iface | null) => unknown): void {
    for (const e of [...this.entries]) {
      const more = f(e.key, e.value);
      refuseBlocking("sync.Map.Range", more);
      if (more !== true) return;
    }
  }
}

/**
 * Go's sync.OnceFunc: f runs on the first call only; a panic in it panics
 * every call again. When f blocks (returns a promise), calls return promises
 * and later callers wait for the first, as with Once.
 */
export function OnceFunc(f: () => unknown): () => unknown {
  let state: { readonly result: unknown } | { readonly failed: unknown } | undefined = undefined;
  return () => {
    if (state !== undefined) {
      if ("failed" in state) throw state.failed;
      return state.result instanceof Promise ? state.result.then(() => undefined) : undefined;
    }
    try {
      const r = f();
      const settled =
        r instanceof Promise
          ? r.then(
              () => undefined,
              (e: unknown) => {
                state = { failed: e };
                throw e;
              },
            )
          : undefined;
      state = { result: settled };
      return settled;
    } catch (e) {
      state = { failed: e };
      throw e;
    }
  };
}

export const Mutex$type: GoType = methods(structType("sync.Mutex", [field("state", basicType("int32"))]), "pointer", {
  Lock: (m) => (m as Mutex).Lock(),
  Unlock: (m) => (m as Mutex).Unlock(),
  TryLock: (m) => (m as Mutex).TryLock(),
});
export const RWMutex$type: GoType = methods(structType("sync.RWMutex"), "pointer", {
  Lock: (m) => (m as RWMutex).Lock(),
  Unlock: (m) => (m as RWMutex).Unlock(),
  RLock: (m) => (m as RWMutex).RLock(),
  RUnlock: (m) => (m as RWMutex).RUnlock(),
  TryLock: (m) => (m as RWMutex).TryLock(),
  TryRLock: (m) => (m as RWMutex).TryRLock(),
  RLocker: (m) => (m as RWMutex).RLocker(),
});
const RLOCKER_PTR = pointerTo(
  methods(structType("sync.rlocker"), "pointer", {
    Lock: (l) => (l as RLocker).rw.RLock(),
    Unlock: (l) => (l as RLocker).rw.RUnlock(),
  }),
);
export const WaitGroup$type: GoType = methods(structType("sync.WaitGroup"), "pointer", {
  Add: (wg, delta) => (wg as WaitGroup).Add(delta as number),
  Done: (wg) => (wg as WaitGroup).Done(),
  Wait: (wg) => (wg as WaitGroup).Wait(),
  Go: (wg, f) => (wg as WaitGroup).Go(f as () => unknown),
});
export const Once$type: GoType = methods(structType("sync.Once"), "pointer", {
  Do: (o, f) => (o as Once).Do(f as () => unknown),
});
export const Cond$type: GoType = methods(structType("sync.Cond"), "pointer", {
  Wait: (c) => (c as Cond).Wait(),
  Signal: (c) => (c as Cond).Signal(),
  Broadcast: (c) => (c as Cond).Broadcast(),
});
export const Map$type: GoType = methods(structType("sync.Map"), "pointer", {
  Load: (m, k) => (m as Map).Load(k as Iface | null),
  Store: (m, k, v) => (m as Map).Store(k as Iface | null, v as Iface | null),
  LoadOrStore: (m, k, v) => (m as Map).LoadOrStore(k as Iface | null, v as Iface | null),
  LoadAndDelete: (m, k) => (m as Map).LoadAndDelete(k as Iface | null),
  Delete: (m, k) => (m as Map).Delete(k as Iface | null),
  Range: (m, f) => (m as Map).Range(f as (k: Iface | null, v: Iface | null) => unknown),
});

/** The sync package. */
export const syncPackage = {
  WaitGroup,
  WaitGroup$type,
  Mutex,
  Mutex$type,
  RWMutex,
  RWMutex$type,
  Once,
  Once$type,
  Cond,
  Cond$type,
  Map,
  Map$type,
  /** Go's sync.NewCond(l): l is a Locker interface value (a *sync.Mutex, an RWMutex's RLocker()…). */
  NewCond: (l: Iface | null): Cond => new Cond(l),
  OnceFunc,
} as const;
