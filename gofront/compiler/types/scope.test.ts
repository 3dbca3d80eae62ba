import { describe, expect, it } from "vitest";
import { Scope, universe } from "./scope";
import { BASIC, BYTE, identical } from "./types";

describe("scopes and the universe", () => {
  it("holds Go's predeclared names: types, true and false, nil and the built-ins", () => {
    const u = universe();
    expect(u.lookup("int")).toMatchObject({ kind: "typeName", type: BASIC.int });
    const byte = u.lookup("byte");
    expect(byte?.kind === "typeName" && identical(byte.type, BASIC.uint8) && byte.type === BYTE).toBe(true);
    expect(u.lookup("true")).toMatchObject({ kind: "const", value: { kind: "bool", value: true } });
    expect(u.lookup("nil")?.kind).toBe("nil");
    expect(["len", "append", "make", "close", "panic", "recover", "min", "max", "clear"].map((n) => u.lookup(n)?.kind)).toEqual(
      Array(9).fill("builtin"),
    );
    expect(u.lookup("iota")).toBeUndefined();
  });

  it("finds a name in the nearest scope, and a redeclaration only in the same scope", () => {
    const pkg = new Scope(universe(), "package");
    const block = new Scope(pkg, "block");
    const x = {
      kind: "var",
      name: "x",
      pos: { line: 3, col: 2 },
      type: BASIC.int,
      used: false,
      isParam: false,
      captured: false,
      addressed: false,
    } as const;
    expect(pkg.declare({ ...x })).toBeUndefined();
    // Shadowing in an inner block is allowed…
    expect(block.declare({ ...x, type: BASIC.string })).toBeUndefined();
    expect(block.lookup("x")).toMatchObject({ type: BASIC.string });
    // …redeclaring in the same one is not, and the first stays.
    expect(block.declare({ ...x, pos: { line: 4, col: 2 } })).toMatchObject({ pos: { line: 3, col: 2 } });
    // The universe's names may be shadowed too (a variable named len).
    expect(pkg.declare({ ...x, name: "len" })).toBeUndefined();
    expect(block.lookup("len")?.kind).toBe("var");
    expect(block.declare({ ...x, name: "_" })).toBeUndefined();
    expect(block.declare({ ...x, name: "_" })).toBeUndefined();
  });
});
