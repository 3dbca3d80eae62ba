// Go's errors package. An error is an Iface (types.ts); errors.New's is a
// *errors.errorString, whose identity is the pointer (the object), so two
// errors.New("x") are different errors, as in Go.

import { comparable, goEqual } from "../equal";
import { goPanic } from "../panics";
import { basicType, definedType, pointerTo, sliceOf, ERROR, type GoType } from "../types";
import { Iface, Ptr, Slice, goString } from "../values";
import { callMethod } from "./methods";

const STRING = basicType("string");

/** An error's Error() text (a Go byte string). */
export function errorText(err: Iface): string {
  return callMethod(err, "Error") as string;
}

export class ErrorString {
  constructor(public s = "") {}
}

export const errorString$type: GoType = definedType("errors.errorString", {
  kind: "struct",
  fields: [{ name: "s", type: STRING, embedded: false, exported: false }],
});
const ERROR_STRING_PTR = pointerTo(errorString$type);
ERROR_STRING_PTR.methods.set("Error", (e) => (e as ErrorString).s);

/** Go's errors.New. */
export function New(text: string): Iface {
  return new Iface(ERROR_STRING_PTR, new ErrorString(text));
}

/** An error from JS text (its UTF-8 bytes), for the standard packages' own errors. */
export function newError(text: string): Iface {
  return New(goString(text));
}

export class JoinError {
  constructor(public errs: readonly Iface[] = []) {}
}

export const joinError$type: GoType = definedType("errors.joinError", {
  kind: "struct",
  fields: [{ name: "errs", type: sliceOf(ERROR), embedded: false, exported: false }],
});
const JOIN_ERROR_PTR = pointerTo(joinError$type);
JOIN_ERROR_PTR.methods.set("Error", (e) => (e as JoinError).errs.map(errorText).join("\n"));
JOIN_ERROR_PTR.methods.set("Unwrap", (e) => Slice.of([...(e as JoinError).errs]));

/** Go's errors.Join: the non-nil errors, or nil when there are none. */
export function Join(errs: Slice<Iface | null> | null): Iface | null {
  const kept = (errs?.toArray() ?? []).filter((e): e is Iface => e !== null);
  return kept.length === 0 ? null : new Iface(JOIN_ERROR_PTR, new JoinError(kept));
}

/** What err wraps: an Unwrap() error's result, an Unwrap() []error's errors, or nothing. */
function wrapped(err: Iface): Iface | null | Slice<Iface | null> {
  const u = callMethod(err, "Unwrap");
  return u instanceof Iface || u instanceof Slice ? u : null;
}

/** Go's errors.Unwrap: only an `Unwrap() error` counts. */
export function Unwrap(err: Iface | null): Iface | null {
  if (err === null) return null;
  const u = wrapped(err);
  return u instanceof Iface ? u : null;
}

/** Whether some error in err's tree satisfies found (depth first, as Go walks it). */
function inTree(err: Iface | null, found: (e: Iface) => boolean): boolean {
  while (err !== null) {
    if (found(err)) return true;
    const u = wrapped(err);
    if (u instanceof Slice) return u.toArray().some((e) => inTree(e, found));
    err = u;
  }
  return false;
}

/** Go's errors.Is. */
export function Is(err: Iface | null, target: Iface | null): boolean {
  if (err === null || target === null) return err === target;
  const targetComparable = comparable(target.type);
  return inTree(err, (e) => (targetComparable && goEqual(e, target)) || callMethod(e, "Is", target) === true);
}

/** Go's errors.As: target is a non-nil pointer (an Iface of *E) to a variable of an interface type or of a type implementing error. */
export function As(err: Iface | null, target: Iface | null): boolean {
  if (err === null) return false;
  const pointer = target?.type.shape;
  if (target === null || target.value === null || pointer?.kind !== "pointer")
    goPanic(new Iface(STRING, "errors: target must be a non-nil pointer"));
  const elem = pointer.elem;
  const isInterface = elem.shape.kind === "interface";
  if (!isInterface && !elem.methods.has("Error")) goPanic(new Iface(STRING, "errors: *target must be interface or implement error"));
  return inTree(err, (e) => {
    if (isInterface ? implementsAll(e.type, elem) : e.type === elem) {
      store(target.value, elem, isInterface ? e : e.value);
      return true;
    }
    return callMethod(e, "As", target) === true;
  });
}

function implementsAll(t: GoType, iface: GoType): boolean {
  const s = iface.shape;
  return s.kind === "interface" && s.methods.every((m) => t.methods.has(m.name));
}

/** *target = v: through a Ptr, or into the struct object a pointer to a struct is. */
function store(pointer: unknown, elem: GoType, v: unknown): void {
  if (pointer instanceof Ptr) pointer.set(v);
  else if (elem.shape.kind === "struct") Object.assign(pointer as object, v);
}
