import { describe, expect, it } from "vitest";
import { GoPanic } from "../../../runtime/index";
import { MYERR, MYERR_PTR, MyErrStruct, iface, method } from "../testing/goValues";
import { ERROR, definedType, pointerTo } from "../types";
import type { Iface } from "../values";
import { Ptr, Slice } from "../values";
import { As, Is, Join, New, Unwrap, errorText } from "./errors";

/** A *wrapError as fmt.Errorf's %w makes: Error() is its text, Unwrap() the wrapped error. */
class Wrapped {
  constructor(
    readonly msg: string,
    readonly err: Iface | null,
  ) {}
}
const WRAPPED = definedType("main.wrapped", { kind: "struct", fields: [] });
method(WRAPPED, "Error", (w) => (w as Wrapped).msg, "pointer");
method(WRAPPED, "Unwrap", (w) => (w as Wrapped).err, "pointer");
const wrap = (msg: string, err: Iface | null): Iface => iface(pointerTo(WRAPPED), new Wrapped(msg, err));

/** A variable of type T and a pointer to it, as &v is passed to errors.As. */
function variable<T>(initial: T): { value: T; ptr: Ptr<T> } {
  const cell = { value: initial, ptr: undefined as unknown as Ptr<T> };
  cell.ptr = new Ptr(
    () => cell.value,
    (v) => (cell.value = v),
    cell,
    "value",
  );
  return cell;
}

describe("errors", () => {
  it("New makes a distinct error each call, with the text as its Error()", () => {
    const a = New("boom");
    expect(errorText(a)).toBe("boom");
    expect(Is(a, a)).toBe(true);
    expect(Is(a, New("boom"))).toBe(false);
  });

  it("Is finds an error along its Unwrap chain, and through a Join's errors", () => {
    const base = New("base");
    expect(Is(wrap("outer", wrap("inner", base)), base)).toBe(true);
    expect(Is(wrap("outer", null), base)).toBe(false);
    expect(Is(Join(Slice.of([New("x"), wrap("w", base)])), base)).toBe(true);
    expect(Is(null, null)).toBe(true);
    expect(Is(base, null)).toBe(false);
  });

  it("Is honours an Is method", () => {
    const ALWAYS = definedType("main.always", { kind: "basic", basic: "int" });
    method(ALWAYS, "Error", () => "always");
    method(ALWAYS, "Is", () => true);
    expect(Is(iface(ALWAYS, 0), New("anything"))).toBe(true);
  });

  it("Unwrap follows only an Unwrap() error", () => {
    const base = New("base");
    expect(Unwrap(wrap("w", base))).toBe(base);
    expect(Unwrap(base)).toBe(null);
    expect(Unwrap(Join(Slice.of([base])))).toBe(null);
  });

  it("Join drops nil errors, joins the texts with newlines, and is nil when nothing is left", () => {
    expect(Join(Slice.of([null, null]))).toBe(null);
    expect(Join(null)).toBe(null);
    const joined = Join(Slice.of([New("a"), null, New("b")]));
    expect(joined === null ? "" : errorText(joined)).toBe("a\nb");
  });

  it("As sets a pointer-typed variable to the first error of that type in the chain", () => {
    const mine = iface(MYERR_PTR, new MyErrStruct(7));
    const target = variable<MyErrStruct | null>(null);
    expect(As(wrap("w", mine), iface(pointerTo(MYERR_PTR), target.ptr))).toBe(true);
    expect(target.value).toBe(mine.value);
    expect(As(New("x"), iface(pointerTo(MYERR_PTR), target.ptr))).toBe(false);
  });

  it("As sets an interface variable to the first error implementing it", () => {
    const target = variable<Iface | null>(null);
    const outer = wrap("w", New("base"));
    expect(As(outer, iface(pointerTo(ERROR), target.ptr))).toBe(true);
    expect(target.value).toBe(outer);
  });

  it("As panics for a nil target or one whose type cannot hold an error, as Go's does", () => {
    expect(() => As(New("x"), null)).toThrow(GoPanic);
    expect(() => As(New("x"), null)).toThrow("errors: target must be a non-nil pointer");
    expect(() => As(New("x"), iface(pointerTo(MYERR), new MyErrStruct()))).toThrow("errors: *target must be interface or implement error");
  });
});
