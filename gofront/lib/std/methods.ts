// Method tables (types.ts GoType.methods) of the standard packages' own types,
// and calls through them.

import { pointerTo, type GoType, type MethodFn } from "../types";
import type { Iface } from "../values";

/** Calls method `name` of interface value v (the receiver first); undefined when v's type has no such method. */
export function callMethod(v: Iface, name: string, ...args: unknown[]): unknown {
  const m = v.type.methods.get(name);
  return m === undefined ? undefined : m(v.value, ...args);
}

type MethodsOf = Record<string, (...args: unknown[]) => unknown>;

/** Puts the JS methods `names` of struct type t's class in *t's method table (pointer receivers, as Go declares them). */
export function pointerMethods(t: GoType, names: readonly string[]): void {
  const table = pointerTo(t).methods;
  for (const name of names) table.set(name, (recv, ...args) => (recv as MethodsOf)[name]?.(...args));
}

/**
 * The exports `<Type>$<Method>` of the methods of non-struct named types, as
 * compiled code calls them (`d.String()` is `$std["time"].Duration$String(d)`):
 * read from the types' method tables, named without the package.
 */
export function methodExports(types: readonly GoType[]): Readonly<Record<string, MethodFn>> {
  const out: Record<string, MethodFn> = {};
  for (const t of types) {
    const typeName = (t.name ?? "").replace(/^.*\./, "");
    for (const [name, fn] of t.methods) out[`${typeName}$${name}`] = fn;
  }
  return out;
}
