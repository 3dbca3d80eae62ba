// What the concurrency packages share: Go's basic type descriptors, method
// tables, error values and panics as compiled code sees them.

import { goPanic } from "../panics";
import { basicType, definedType, pointerTo, typeString, type GoType, type MethodFn, type StructField } from "../types";
import { Iface, goString, jsText, type Ptr } from "../values";

export const STRING = basicType("string");
export const INT = basicType("int");
export const INT64 = basicType("int64");
export const BOOL = basicType("bool");

/** A struct field of a package's type, for its descriptor. */
export function field(name: string, type: GoType): StructField {
  return { name, type, embedded: false, exported: /^[A-Z]/.test(name) };
}

/** A named struct type of a package ("sync.Mutex"), with the fields its Go declaration has. */
export function structType(name: string, fields: readonly StructField[] = []): GoType {
  return definedType(name, { kind: "struct", fields });
}

/** What a pointer's method does with a value receiver: call it on *p (nil panics as Go's nil dereference). */
function onPointee(fn: MethodFn, elem: GoType): MethodFn {
  return (p, ...args) => {
    if (p === null) throw new TypeError("nil pointer dereference");
    return fn(elem.shape.kind === "struct" ? p : (p as Ptr).get(), ...args);
  };
}

/** Declares methods: a value receiver's go in T's and *T's tables, a pointer receiver's in *T's only. */
export function methods(t: GoType, receiver: "value" | "pointer", table: Readonly<Record<string, MethodFn>>): GoType {
  for (const [name, fn] of Object.entries(table)) {
    if (receiver === "value") {
      t.methods.set(name, fn);
      pointerTo(t).methods.set(name, onPointee(fn, t));
    } else {
      pointerTo(t).methods.set(name, fn);
    }
  }
  return t;
}

/** Go's errors.New(text), text as JS text (one *errors.errorString type for every package). */
export { newError } from "./errors";

/** Go's panic with a string value (sync/atomic's, time's own panics). */
export function panicString(text: string): never {
  return goPanic(new Iface(STRING, goString(text)));
}

/** Calls an interface value's method through its dynamic type's table. */
export function callMethod(v: Iface, name: string, ...args: unknown[]): unknown {
  const fn = v.type.methods.get(name);
  if (fn === undefined) throw new TypeError(`${v.type.name ?? "value"} has no method ${name}`);
  return fn(v.value, ...args);
}

/** Go's == on two interface values (equal.ts, the one == of the library). */
export { goEqual as ifaceEqual } from "../equal";

/**
 * A Go error on its way through the runtime (an errgroup task's result, a
 * cancel cause): a JS Error named by its type, so the trace reads
 * "*errors.errorString: boom"; `err` is the Go value to give back.
 */
export class GoError extends Error {
  constructor(readonly err: Iface) {
    super(errorText(err));
    this.name = typeString(err.type);
  }
}

function errorText(e: Iface): string {
  try {
    const text = callMethod(e, "Error");
    return typeof text === "string" ? jsText(text) : "";
  } catch {
    return "";
  }
}

/** A function passed to a synchronous API returned a promise: it blocks, which that API cannot wait for. */
export function refuseBlocking(what: string, result: unknown): void {
  if (result instanceof Promise) {
    throw new Error(`${what}: the function passed to it blocks, which chanscope does not support`);
  }
}
