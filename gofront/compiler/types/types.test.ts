import { describe, expect, it } from "vitest";
import {
  BASIC,
  BYTE,
  comparable,
  EMPTY_INTERFACE,
  ERROR,
  identical,
  signature,
  typeString,
  underlying,
  type Named,
  type Type,
} from "./types";

const named = (name: string, u: Type): Named => ({ kind: "named", name, pkg: "main", underlying: u, methods: [], typeParams: [] });

describe("the checker's types", () => {
  it("makes type literals of the same shape identical, and each defined type only itself", () => {
    const a: Type = { kind: "map", key: BASIC.string, elem: { kind: "slice", elem: BASIC.int } };
    const b: Type = { kind: "map", key: BASIC.string, elem: { kind: "slice", elem: BASIC.int } };
    expect(identical(a, b)).toBe(true);
    const celsius = named("Celsius", BASIC.float64);
    const fahrenheit = named("Fahrenheit", BASIC.float64);
    expect(identical(celsius, fahrenheit)).toBe(false);
    expect(identical(celsius, BASIC.float64)).toBe(false);
    expect(underlying(celsius)).toBe(BASIC.float64);
    expect(identical(BYTE, BASIC.uint8)).toBe(true);
    expect(identical({ kind: "chan", elem: BASIC.int, dir: "send" }, { kind: "chan", elem: BASIC.int, dir: "both" })).toBe(false);
  });

  it("compares signatures by their types, not their parameter names", () => {
    const f = signature([{ name: "a", type: BASIC.int }], [{ name: "", type: ERROR }], false);
    const g = signature([{ name: "b", type: BASIC.int }], [{ name: "err", type: ERROR }], false);
    expect(identical(f, g)).toBe(true);
    expect(identical(f, signature([{ name: "a", type: { kind: "slice", elem: BASIC.int } }], [{ name: "", type: ERROR }], true))).toBe(
      false,
    );
  });

  it("knows which types are comparable: not slices, maps or funcs, nor structs holding them", () => {
    expect(comparable(BASIC.string)).toBe(true);
    expect(comparable({ kind: "pointer", elem: BASIC.int })).toBe(true);
    expect(comparable(EMPTY_INTERFACE)).toBe(true);
    expect(comparable({ kind: "slice", elem: BASIC.int })).toBe(false);
    expect(
      comparable({ kind: "struct", fields: [{ name: "m", type: { kind: "map", key: BASIC.int, elem: BASIC.int }, embedded: false }] }),
    ).toBe(false);
    expect(comparable({ kind: "array", elem: BASIC.int, length: 3 })).toBe(true);
    expect(comparable(named("Fn", signature([], [], false)))).toBe(false);
  });

  it("spells types as Go's compiler does in its messages", () => {
    const point = named("Point", { kind: "struct", fields: [{ name: "X", type: BASIC.int, embedded: false }] });
    const cases: [Type, string][] = [
      [{ kind: "slice", elem: BASIC.string }, "[]string"],
      [{ kind: "map", key: BASIC.string, elem: { kind: "pointer", elem: point } }, "map[string]*Point"],
      [{ kind: "chan", elem: BASIC.int, dir: "recv" }, "<-chan int"],
      [{ kind: "chan", elem: BASIC.int, dir: "send" }, "chan<- int"],
      [{ kind: "array", elem: BYTE, length: 4 }, "[4]byte"],
      [
        signature(
          [
            { name: "", type: BASIC.int },
            { name: "", type: { kind: "slice", elem: BASIC.string } },
          ],
          [{ name: "", type: ERROR }],
          true,
        ),
        "func(int, ...string) error",
      ],
      [
        signature(
          [],
          [
            { name: "", type: BASIC.int },
            { name: "", type: BASIC.bool },
          ],
          false,
        ),
        "func() (int, bool)",
      ],
      [EMPTY_INTERFACE, "interface{}"],
      [{ kind: "struct", fields: [] }, "struct{}"],
      [BASIC["untyped int"], "untyped int"],
    ];
    expect(cases.map(([t]) => typeString(t))).toEqual(cases.map(([, s]) => s));
    expect(typeString(point, true)).toBe("main.Point");
  });
});
