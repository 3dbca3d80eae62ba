import { describe, expect, it } from "vitest";
import { GoPanic } from "../../runtime/index";
import { goEqual } from "./equal";
import { INT, MYERR_PTR, MyErrStruct, P, PStruct, STRING, iface } from "./testing/goValues";
import { arrayOf, sliceOf } from "./types";
import { Iface, Ptr, Slice } from "./values";

describe("goEqual, Go's ==", () => {
  it("compares numbers as Go does: NaN is unequal to itself, -0 equals +0", () => {
    expect(goEqual(NaN, NaN)).toBe(false);
    expect(goEqual(-0, 0)).toBe(true);
    expect(goEqual("a", "a")).toBe(true);
    expect(goEqual(null, null)).toBe(true);
  });

  it("compares structs field by field and arrays element by element", () => {
    expect(goEqual(new PStruct(1, 2), new PStruct(1, 2))).toBe(true);
    expect(goEqual(new PStruct(1, 2), new PStruct(1, 3))).toBe(false);
    expect(goEqual([1, 2], [1, 2])).toBe(true);
    expect(goEqual([1, NaN], [1, NaN])).toBe(false);
  });

  it("compares interface values by dynamic type, then value", () => {
    expect(goEqual(iface(INT, 1), iface(INT, 1))).toBe(true);
    expect(goEqual(iface(INT, 1), iface(STRING, 1))).toBe(false);
    expect(goEqual(iface(P, new PStruct(1, 2)), iface(P, new PStruct(1, 2)))).toBe(true);
    expect(goEqual(iface(arrayOf(INT, 1), [NaN]), iface(arrayOf(INT, 1), [NaN]))).toBe(false);
  });

  it("compares pointers by what they point at: a pointer to a struct is its object", () => {
    expect(goEqual(iface(MYERR_PTR, new MyErrStruct(1)), iface(MYERR_PTR, new MyErrStruct(1)))).toBe(false);
    const cell = { v: 1 };
    const p = () =>
      new Ptr(
        () => cell.v,
        (v: number) => (cell.v = v),
        cell,
        "v",
      );
    expect(goEqual(p(), p())).toBe(true);
  });

  it("panics comparing interface values holding slices, as Go's runtime does", () => {
    const s = iface(sliceOf(INT), Slice.of([1]));
    expect(() => goEqual(s, s)).toThrow(GoPanic);
    expect(() => goEqual(s, s)).toThrow("runtime error: comparing uncomparable type []int");
    expect(goEqual(s, iface(INT, 1))).toBe(false);
    expect(goEqual(s, null)).toBe(false);
    expect(goEqual(new Iface(INT, 1), s)).toBe(false);
  });
});
