// The order in which fmt prints a map's entries: Go's internal/fmtsort.
// Numbers, strings and bools by value (NaN first, false before true),
// pointers and chans by address, structs and arrays element by element, and
// interface keys first by their dynamic type, then by value.
//
// Go orders interface keys of different dynamic types by the addresses of
// their type descriptors, which its linker lays out by descriptor size, then
// by name. typeOrder models that layout (amd64's sizes), so map[any]… with
// mixed key types prints in Go's order for the types a program can write;
// descriptorSize says how it is counted.

import { addressOf } from "./addresses";
import { typeString, type BasicKind, type GoType } from "./types";
import type { GoMap, Iface } from "./values";

export interface MapEntry {
  readonly key: unknown;
  readonly value: unknown;
}

/** The entries of m in the order fmt prints them. */
export function sortedEntries(m: GoMap, keyType: GoType): MapEntry[] {
  const entries: MapEntry[] = [...m.entries.values()];
  // Array.prototype.sort is stable, as Go's sort.Stable.
  return entries.sort((a, b) => compare(keyType, a.key, b.key));
}

function order(a: number | string | bigint, b: number | string | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function floatCompare(a: number, b: number): number {
  if (Number.isNaN(a)) return -1;
  if (Number.isNaN(b)) return 1;
  return order(a, b);
}

function nilCompare(a: unknown, b: unknown): number | undefined {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return undefined;
}

/** Compares two keys of type t: -1, 0 or 1. */
export function compare(t: GoType, a: unknown, b: unknown): number {
  const s = t.shape;
  switch (s.kind) {
    case "basic":
      return compareBasic(s.basic, a, b);
    case "pointer":
      return order(addressOf(a), addressOf(b));
    case "chan":
      return nilCompare(a, b) ?? order(addressOf(a), addressOf(b));
    case "struct": {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const f of s.fields) {
        const c = compare(f.type, x[f.name], y[f.name]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case "array": {
      const x = a as readonly unknown[];
      const y = b as readonly unknown[];
      for (let i = 0; i < s.length; i++) {
        const c = compare(s.elem, x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case "interface": {
      const nil = nilCompare(a, b);
      if (nil !== undefined) return nil;
      const x = a as Iface;
      const y = b as Iface;
      if (x.type !== y.type) return typeOrder(x.type, y.type);
      return compare(x.type, x.value, y.value);
    }
    case "slice":
    case "map":
    case "func":
    case "nil":
      throw new Error(`bad type in compare: ${typeString(t)}`);
  }
}

function compareBasic(kind: BasicKind, a: unknown, b: unknown): number {
  switch (kind) {
    case "bool":
      return a === b ? 0 : a === true ? 1 : -1;
    case "float32":
    case "float64":
      return floatCompare(a as number, b as number);
    case "string":
      // Byte strings: JS compares their chars, which are the bytes.
      return order(a as string, b as string);
    case "complex64":
    case "complex128":
      throw new Error("complex numbers are not supported by chanscope's fmt");
    case "unsafe.Pointer":
      return order(addressOf(a), addressOf(b));
    case "int":
    case "int8":
    case "int16":
    case "int32":
    case "int64":
    case "uint":
    case "uint8":
    case "uint16":
    case "uint32":
    case "uint64":
    case "uintptr":
      return order(a as number, b as number);
  }
}

/** Where Go's linker puts two distinct types' descriptors relative to each other: -1 or 1. */
export function typeOrder(a: GoType, b: GoType): number {
  return order(descriptorSize(a), descriptorSize(b)) || order(typeString(a), typeString(b)) || -1;
}

/**
 * The size of a type's descriptor in a Go 1.19 amd64 binary (runtime/type.go):
 * the common rtype (48 bytes), the kind's own fields, an uncommon part for a
 * named type or one with methods (16, and 16 per method), then the kind's
 * trailing arrays (struct fields, func parameters, interface methods).
 */
export function descriptorSize(t: GoType): number {
  const s = t.shape;
  // Predeclared types (int, string, …) are named too.
  const uncommon = t.name !== undefined || t.methods.size > 0 || s.kind === "basic" ? 16 + 16 * t.methods.size : 0;
  switch (s.kind) {
    case "basic":
    case "nil":
      return 48 + uncommon;
    case "pointer":
    case "slice":
      return 56 + uncommon;
    case "chan":
      return 64 + uncommon;
    case "array":
      return 72 + uncommon;
    case "map":
      return 88 + uncommon;
    case "func":
      return 56 + uncommon + 8 * (s.signature.params.length + s.signature.results.length);
    case "interface":
      return 80 + uncommon + 8 * s.methods.length;
    case "struct":
      return 80 + uncommon + 24 * s.fields.length;
  }
}
