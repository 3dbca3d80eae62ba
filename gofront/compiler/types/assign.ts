// Go's assignability and conversion rules (spec: "Assignability",
// "Conversions"), and the default type of an untyped value.

import { missingMethod } from "./lookup";
import { BASIC, identical, isInteger, isNumeric, isString, isUntyped, underlying, type Basic, type Type } from "./types";

/** An untyped value's type where nothing else decides it: int, rune (int32), float64, string, bool. */
export function defaultType(t: Type): Type {
  if (t.kind !== "basic") return t;
  switch (t.basic) {
    case "untyped bool":
      return BASIC.bool;
    case "untyped int":
      return BASIC.int;
    case "untyped rune":
      return { kind: "basic", basic: "int32", name: "rune" };
    case "untyped float":
      return BASIC.float64;
    case "untyped string":
      return BASIC.string;
    case "untyped nil":
    case "invalid":
    case "bool":
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
    case "float32":
    case "float64":
    case "string":
      return t;
  }
}

const isNamedLike = (t: Type): boolean => t.kind === "named" || t.kind === "basic" || t.kind === "typeParam";

/** Whether nil can be a value of t: pointers, funcs, slices, maps, chans and interfaces. */
export function hasNil(t: Type): boolean {
  const u = underlying(t);
  return ["pointer", "signature", "slice", "map", "chan", "interface"].includes(u.kind);
}

/**
 * Whether a value of type v can be assigned to type t; the reason when not
 * (for an interface: Go's "(missing method String)"). Untyped constants are
 * checked for representability by the caller, which has their value.
 */
export function assignable(v: Type, t: Type): { readonly ok: boolean; readonly why?: string } {
  if (identical(v, t)) return { ok: true };
  const vu = underlying(v);
  const tu = underlying(t);
  if (v.kind === "basic" && v.basic === "untyped nil") return { ok: hasNil(t) };
  if (isUntyped(v)) return { ok: untypedFits(v as Basic, t) };
  // Identical underlying types, at least one of them not a defined type.
  if (identical(vu, tu) && (!isNamedLike(v) || !isNamedLike(t)) && v.kind !== "typeParam" && t.kind !== "typeParam") return { ok: true };
  if (tu.kind === "interface" && t.kind !== "typeParam") {
    const why = missingMethod(v, tu);
    return why === undefined ? { ok: true } : { ok: false, why };
  }
  // A bidirectional channel to a directional one of the same element type.
  if (
    vu.kind === "chan" &&
    tu.kind === "chan" &&
    vu.dir === "both" &&
    identical(vu.elem, tu.elem) &&
    (!isNamedLike(v) || !isNamedLike(t))
  ) {
    return { ok: true };
  }
  return { ok: false };
}

/** An untyped value's kind fits t's (its value's range is the caller's question). */
function untypedFits(v: Basic, t: Type): boolean {
  const tu = underlying(t);
  if (tu.kind === "interface") return tu.methods.length === 0 && tu.terms === undefined;
  if (tu.kind !== "basic") return false;
  if (v.basic === "untyped bool") return tu.basic === "bool";
  if (v.basic === "untyped string") return tu.basic === "string";
  if (v.basic === "untyped int" || v.basic === "untyped rune" || v.basic === "untyped float") return isNumeric(tu);
  return false;
}

/** Whether `T(x)` converts a value of type v (non-constant, or a constant of v's kind) to t. */
export function convertible(v: Type, t: Type): boolean {
  if (assignable(v, t).ok) return true;
  const vu = underlying(v);
  const tu = underlying(t);
  if (identical(vu, tu)) return true;
  if (vu.kind === "pointer" && tu.kind === "pointer" && identical(underlying(vu.elem), underlying(tu.elem))) return true;
  if (isNumeric(vu) && isNumeric(tu)) return true;
  // int and rune to string; string to and from []byte and []rune.
  if (isString(tu) && isInteger(vu)) return true;
  if (isString(tu) && vu.kind === "slice" && isByteOrRune(vu.elem)) return true;
  if (isString(vu) && tu.kind === "slice" && isByteOrRune(tu.elem)) return true;
  return false;
}

function isByteOrRune(t: Type): boolean {
  const u = underlying(t);
  return u.kind === "basic" && (u.basic === "uint8" || u.basic === "int32");
}
