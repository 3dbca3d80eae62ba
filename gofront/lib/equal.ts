// Go's == over the values a compiled program holds (values.ts). The emitter
// calls it where JS's === is not Go's ==: structs, arrays, interfaces; the
// standard packages call it for generic elements (slices.Contains…), whose
// type they do not know. With a type (equalAt) a field or element compares as
// its type says; without one (goEqual) an object is a struct compared field by
// field, since a pointer to a struct — the same object — is caught by === first.

import { runtimeError } from "./panics";
import { typeString, type GoType } from "./types";
import { Iface, Ptr } from "./values";

/** Go's `a == b` for two values of the same (unknown) type. */
export function goEqual(a: unknown, b: unknown): boolean {
  if (a === b) return !(a instanceof Iface) || ifaceEqual(a, a);
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  if (a instanceof Iface) return b instanceof Iface && ifaceEqual(a, b);
  if (a instanceof Ptr) return b instanceof Ptr && a.target === b.target && a.key === b.key;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => goEqual(x, b[i]));
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // A compiled struct class compares its fields by their types (a pointer field by identity).
  const typed = (a as { $eq?: (o: unknown) => boolean }).$eq;
  if (typeof typed === "function") return typed.call(a, b);
  return structEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function structEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k of Object.keys(a)) if (!goEqual(a[k], b[k])) return false;
  return true;
}

/** Two interface values: the same dynamic type and equal values; a dynamic type without == panics, as Go's does. */
function ifaceEqual(a: Iface, b: Iface): boolean {
  if (a.type !== b.type) return false;
  if (!comparable(a.type)) runtimeError(`comparing uncomparable type ${typeString(a.type)}`);
  return equalAt(a.type, a.value, b.value);
}

/** Go's `a == b` for two values of type t. */
export function equalAt(t: GoType, a: unknown, b: unknown): boolean {
  const s = t.shape;
  if (s.kind === "interface") return goEqual(a, b);
  if (s.kind === "array") return (a as unknown[]).every((x, i) => equalAt(s.elem, x, (b as unknown[])[i]));
  if (s.kind === "struct")
    return s.fields.every((f) => equalAt(f.type, (a as Record<string, unknown>)[f.name], (b as Record<string, unknown>)[f.name]));
  if (a instanceof Ptr) return b instanceof Ptr && a.target === b.target && a.key === b.key;
  // Two nil channels are equal though each zero value is its own object.
  if (s.kind === "chan") return a === b || ((a as { id: unknown }).id === null && (b as { id: unknown }).id === null);
  return a === b;
}

/** Whether Go's == is defined on values of type t (slices, maps and funcs have none, nor what holds them). */
export function comparable(t: GoType): boolean {
  const s = t.shape;
  if (s.kind === "slice" || s.kind === "map" || s.kind === "func") return false;
  if (s.kind === "array") return comparable(s.elem);
  if (s.kind === "struct") return s.fields.every((f) => comparable(f.type));
  return true;
}
