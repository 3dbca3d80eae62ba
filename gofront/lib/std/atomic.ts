// Go's sync/atomic for compiled programs. The typed values (atomic.Int64…)
// are the runtime's, so each operation is a `sync.op` event as in a
// TypeScript program. The functions on pointers (AddInt64(&n, 1)) reach a Go
// variable through its Ptr; each variable gets one runtime cell, made at its
// first atomic operation and named after the variable, that reads the
// variable before each operation and writes the result back, so the events
// show what the program did to it.

import { atomic } from "../../../runtime/index";
import type { GoType } from "../types";
import type { Iface, Ptr } from "../values";
import { ifaceEqual, methods, panicString, structType } from "./goShared";

interface IntCell {
  load(): number;
  store(v: number): void;
  add(delta: number): number;
  swap(v: number): number;
  compareAndSwap(old: number, next: number): boolean;
}

/** A runtime cell standing for a Go variable: `at(p)` loads the variable's value into it, silently. */
interface VariableCell extends IntCell {
  at(p: Ptr<number>): this;
  readonly held: number;
}

class VarInt32 extends atomic.Int32 implements VariableCell {
  at(p: Ptr<number>): this {
    this.value = p.get();
    return this;
  }
  get held(): number {
    return this.value;
  }
}
class VarInt64 extends atomic.Int64 implements VariableCell {
  at(p: Ptr<number>): this {
    this.value = p.get();
    return this;
  }
  get held(): number {
    return this.value;
  }
}
class VarUint32 extends atomic.Uint32 implements VariableCell {
  at(p: Ptr<number>): this {
    this.value = p.get();
    return this;
  }
  get held(): number {
    return this.value;
  }
}
class VarUint64 extends atomic.Uint64 implements VariableCell {
  at(p: Ptr<number>): this {
    this.value = p.get();
    return this;
  }
  get held(): number {
    return this.value;
  }
}

type CellClass = new (name?: string) => VariableCell;

/** The package functions of one integer kind over Ptrs, with one cell per variable. */
function pointerFunctions(Cell: CellClass) {
  const cells = new WeakMap<object, Map<string | number, VariableCell>>();
  const cellOf = (p: Ptr<number>): VariableCell => {
    let byKey = cells.get(p.target);
    if (byKey === undefined) cells.set(p.target, (byKey = new Map<string | number, VariableCell>()));
    let c = byKey.get(p.key);
    if (c === undefined) byKey.set(p.key, (c = new Cell(typeof p.key === "string" ? p.key : undefined)));
    return c.at(p);
  };
  /** Runs op on p's cell and writes the cell's value back to the variable. */
  const on = <R>(p: Ptr<number>, op: (c: VariableCell) => R): R => {
    const c = cellOf(p);
    const r = op(c);
    p.set(c.held);
    return r;
  };
  return {
    Add: (p: Ptr<number>, delta: number): number => on(p, (c) => c.add(delta)),
    Load: (p: Ptr<number>): number => on(p, (c) => c.load()),
    Store: (p: Ptr<number>, v: number): void => on(p, (c) => c.store(v)),
    Swap: (p: Ptr<number>, v: number): number => on(p, (c) => c.swap(v)),
    CompareAndSwap: (p: Ptr<number>, old: number, next: number): boolean => on(p, (c) => c.compareAndSwap(old, next)),
  };
}

/** Go's typed atomics (atomic.Int32…): the runtime's cell made at first use, named after the Go variable if given. */
function typedInteger(Cell: new (name?: string) => IntCell) {
  return class {
    private made: IntCell | undefined = undefined;
    constructor(readonly name?: string) {}
    private get cell(): IntCell {
      return (this.made ??= new Cell(this.name));
    }
    $clone(): unknown {
      return this;
    }
    Load(): number {
      return this.cell.load();
    }
    Store(v: number): void {
      this.cell.store(v);
    }
    Add(delta: number): number {
      return this.cell.add(delta);
    }
    Swap(v: number): number {
      return this.cell.swap(v);
    }
    CompareAndSwap(old: number, next: number): boolean {
      return this.cell.compareAndSwap(old, next);
    }
  };
}

export const Int32 = typedInteger(atomic.Int32);
export const Int64 = typedInteger(atomic.Int64);
export const Uint32 = typedInteger(atomic.Uint32);
export const Uint64 = typedInteger(atomic.Uint64);

export class Bool {
  private made: atomic.Bool | undefined = undefined;
  constructor(readonly name?: string) {}
  private get cell(): atomic.Bool {
    return (this.made ??= new atomic.Bool(this.name));
  }
  $clone(): Bool {
    return this;
  }
  Load(): boolean {
    return this.cell.load();
  }
  Store(v: boolean): void {
    this.cell.store(v);
  }
  Swap(v: boolean): boolean {
    return this.cell.swap(v);
  }
  CompareAndSwap(old: boolean, next: boolean): boolean {
    return this.cell.compareAndSwap(old, next);
  }
}

/**
 * Go's atomic.Value: Load is nil until the first Store; storing nil, or a
 * value of another dynamic type than the first, panics as Go's does. The
 * runtime cell holds the interface value itself (compared by identity in the
 * trace); the checks are Go's, on dynamic types.
 */
class ValueCell extends atomic.Pointer<Iface> {
  /** The stored value, without an event (for the type checks). */
  get held(): Iface | null | undefined {
    return this.value;
  }
}

export class Value {
  private made: ValueCell | undefined = undefined;
  constructor(readonly name?: string) {}
  private get cell(): ValueCell {
    return (this.made ??= new ValueCell(this.name));
  }
  $clone(): Value {
    return this;
  }
  private checked(v: Iface | null, what: string): Iface {
    if (v === null) return panicString(`sync/atomic: ${what} of nil value into Value`);
    const held = this.cell.held;
    if (held !== undefined && held !== null && held.type !== v.type)
      return panicString(`sync/atomic: ${what} of inconsistently typed value into Value`);
    return v;
  }
  Load(): Iface | null {
    return this.cell.load() ?? null;
  }
  Store(v: Iface | null): void {
    this.cell.store(this.checked(v, "store"));
  }
  Swap(v: Iface | null): Iface | null {
    return this.cell.swap(this.checked(v, "swap")) ?? null;
  }
  CompareAndSwap(old: Iface | null, next: Iface | null): boolean {
    if (next === null) return panicString("sync/atomic: compare and swap of nil value into Value");
    if (old !== null && old.type !== next.type) return panicString("sync/atomic: compare and swap of inconsistently typed values");
    this.checked(next, "compare and swap");
    const held = this.cell.held;
    // Go compares with ==: an equal value counts, not only the very one stored (nil matches a Value never stored).
    const same = ifaceEqual(held ?? null, old);
    return this.cell.compareAndSwap(same ? held : old, next);
  }
}

const int32 = pointerFunctions(VarInt32);
const int64 = pointerFunctions(VarInt64);
const uint32 = pointerFunctions(VarUint32);
const uint64 = pointerFunctions(VarUint64);

const typed = (name: string, table: Record<string, (x: never, ...args: never[]) => unknown>): GoType =>
  methods(structType(`atomic.${name}`), "pointer", table as never);

const intMethods = {
  Load: (x: InstanceType<typeof Int64>) => x.Load(),
  Store: (x: InstanceType<typeof Int64>, v: number) => x.Store(v),
  Add: (x: InstanceType<typeof Int64>, d: number) => x.Add(d),
  Swap: (x: InstanceType<typeof Int64>, v: number) => x.Swap(v),
  CompareAndSwap: (x: InstanceType<typeof Int64>, o: number, n: number) => x.CompareAndSwap(o, n),
};

/** The sync/atomic package. */
export const atomicPackage = {
  AddInt32: int32.Add,
  AddInt64: int64.Add,
  AddUint32: uint32.Add,
  AddUint64: uint64.Add,
  LoadInt32: int32.Load,
  LoadInt64: int64.Load,
  LoadUint32: uint32.Load,
  LoadUint64: uint64.Load,
  StoreInt32: int32.Store,
  StoreInt64: int64.Store,
  StoreUint32: uint32.Store,
  StoreUint64: uint64.Store,
  SwapInt32: int32.Swap,
  SwapInt64: int64.Swap,
  SwapUint32: uint32.Swap,
  SwapUint64: uint64.Swap,
  CompareAndSwapInt32: int32.CompareAndSwap,
  CompareAndSwapInt64: int64.CompareAndSwap,
  CompareAndSwapUint32: uint32.CompareAndSwap,
  CompareAndSwapUint64: uint64.CompareAndSwap,
  Int32,
  Int32$type: typed("Int32", intMethods),
  Int64,
  Int64$type: typed("Int64", intMethods),
  Uint32,
  Uint32$type: typed("Uint32", intMethods),
  Uint64,
  Uint64$type: typed("Uint64", intMethods),
  Bool,
  Bool$type: typed("Bool", {
    Load: (x: Bool) => x.Load(),
    Store: (x: Bool, v: boolean) => x.Store(v),
    Swap: (x: Bool, v: boolean) => x.Swap(v),
    CompareAndSwap: (x: Bool, o: boolean, n: boolean) => x.CompareAndSwap(o, n),
  }),
  Value,
  Value$type: typed("Value", {
    Load: (x: Value) => x.Load(),
    Store: (x: Value, v: Iface | null) => x.Store(v),
    Swap: (x: Value, v: Iface | null) => x.Swap(v),
    CompareAndSwap: (x: Value, o: Iface | null, n: Iface | null) => x.CompareAndSwap(o, n),
  }),
} as const;
