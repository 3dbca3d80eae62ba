import { describe, expect, it } from "vitest";
import type { BasicLit } from "../syntax/ast";
import {
  binaryConst,
  boolConst,
  ConstError,
  constString,
  floatConst,
  intConst,
  ratConst,
  representable,
  stringConst,
  unaryConst,
} from "./constant";
import { LiteralError, literalValue, parseFloatLiteral, parseIntLiteral, parseRuneLiteral, parseStringLiteral } from "./literals";

const lit = (kind: BasicLit["lit"], raw: string): BasicLit => ({ kind: "basicLit", pos: { line: 1, col: 1 }, lit: kind, raw });

describe("Go's literals as constants", () => {
  it("reads integers in every base, with underscores, and a leading 0 as octal", () => {
    expect(["42", "1_000_000", "0x1F", "0XfF", "0b1010", "0o17", "017", "0"].map(parseIntLiteral)).toEqual([
      42n,
      1000000n,
      31n,
      255n,
      10n,
      15n,
      15n,
      0n,
    ]);
    expect(parseIntLiteral("123456789012345678901234567890")).toBe(123456789012345678901234567890n);
    expect(() => parseIntLiteral("09")).toThrow(LiteralError);
  });

  it("reads floats, hex floats included", () => {
    expect(["1.5", ".25", "1e3", "6.02e23", "1_0.5", "0x1p-2", "0x1.8p1", "0X.8p0"].map(parseFloatLiteral)).toEqual([
      1.5, 0.25, 1000, 6.02e23, 10.5, 0.25, 3, 0.5,
    ]);
  });

  it("reads runes and their escapes as code points", () => {
    expect(
      ["'a'", "'\\n'", "'\\''", "'\\x41'", "'\\101'", "'\\u00e9'", "'\\U0001F600'", "'é'", "'😀'", "'\\\\'"].map(parseRuneLiteral),
    ).toEqual([97, 10, 39, 65, 65, 0xe9, 0x1f600, 0xe9, 0x1f600, 92]);
    expect(() => parseRuneLiteral("'ab'")).toThrow("more than one character");
    expect(() => parseRuneLiteral("'\\q'")).toThrow("unknown escape");
  });

  it("reads strings as Go's bytes: UTF-8 for text and \\u, one byte for \\x and octal", () => {
    expect(parseStringLiteral('"héllo"')).toBe("h\xc3\xa9llo");
    expect(parseStringLiteral('"\\u00e9\\xff\\377\\t\\""')).toBe('\xc3\xa9\xff\xff\t"');
    expect(parseStringLiteral('"😀"').length).toBe(4);
    expect(parseStringLiteral("`a\\n\r\nb`")).toBe("a\\n\nb");
  });

  it("types each literal's constant by its kind", () => {
    expect(literalValue(lit("int", "0x10"))).toEqual(intConst(16n));
    expect(literalValue(lit("rune", "'x'"))).toEqual(intConst(120n));
    expect(literalValue(lit("float", "2.5"))).toEqual(ratConst({ num: 5n, den: 2n }));
    expect(literalValue(lit("float", "0x1p-2"))).toEqual(ratConst({ num: 1n, den: 4n }));
    expect(literalValue(lit("string", '"hi"'))).toEqual(stringConst("hi"));
  });
});

describe("constant arithmetic, exact as Go's", () => {
  it("keeps integers exact beyond 64 bits, and truncates division in an integer context", () => {
    const big = binaryConst("<<", intConst(1n), intConst(100n), true);
    expect(binaryConst(">>", big, intConst(98n), true)).toEqual(intConst(4n));
    expect(binaryConst("/", intConst(7n), intConst(2n), true)).toEqual(intConst(3n));
    expect(binaryConst("/", intConst(-7n), intConst(2n), true)).toEqual(intConst(-3n));
    expect(binaryConst("%", intConst(-7n), intConst(3n), true)).toEqual(intConst(-1n));
    expect(binaryConst("/", intConst(7n), intConst(2n), false)).toEqual(ratConst({ num: 7n, den: 2n }));
    expect(binaryConst("&^", intConst(0b1111n), intConst(0b0101n), true)).toEqual(intConst(0b1010n));
  });

  it("keeps untyped floats exact, as Go does: 0.1 + 0.2 == 0.3", () => {
    const tenth = literalValue(lit("float", "0.1"));
    const sum = binaryConst("+", tenth, literalValue(lit("float", "0.2")), false);
    expect(sum.value).toBe(0.3);
    expect(binaryConst("==", sum, literalValue(lit("float", "0.3")), false)).toEqual(boolConst(true));
    expect(binaryConst("/", intConst(1n), literalValue(lit("float", "3.0")), false).value).toBe(1 / 3);
  });

  it("mixes integer and float constants as floats, and compares them", () => {
    expect(binaryConst("*", intConst(3n), floatConst(0.5), false)).toEqual(floatConst(1.5));
    expect(binaryConst("<", intConst(1n), floatConst(1.5), false)).toEqual(boolConst(true));
    expect(binaryConst("+", stringConst("a"), stringConst("b"), false)).toEqual(stringConst("ab"));
    expect(binaryConst("&&", boolConst(true), boolConst(false), false)).toEqual(boolConst(false));
  });

  it("refuses division by zero and absurd shifts, in Go's words", () => {
    expect(() => binaryConst("/", intConst(1n), intConst(0n), true)).toThrow("invalid operation: division by zero");
    expect(() => binaryConst("<<", intConst(1n), intConst(-1n), true)).toThrow(ConstError);
    expect(() => binaryConst("<<", intConst(1n), intConst(10000n), true)).toThrow("constant shift overflow");
  });

  it("flips an unsigned type's bits with ^, and negates the rest", () => {
    expect(unaryConst("^", intConst(0n), "uint8")).toEqual(intConst(255n));
    expect(unaryConst("^", intConst(5n), "int")).toEqual(intConst(-6n));
    expect(unaryConst("-", floatConst(2), "float64")).toEqual(floatConst(-2));
    expect(unaryConst("!", boolConst(false), "bool")).toEqual(boolConst(true));
  });

  it("says whether a constant fits a type: overflow, truncation, or kinds that do not mix", () => {
    expect(representable(intConst(255n), "uint8")).toEqual({ ok: true, value: intConst(255n) });
    expect(representable(intConst(256n), "uint8")).toEqual({ ok: false, why: "overflows" });
    expect(representable(intConst(-1n), "uint")).toEqual({ ok: false, why: "overflows" });
    expect(representable(floatConst(2), "int")).toEqual({ ok: true, value: intConst(2n) });
    expect(representable(floatConst(2.5), "int")).toEqual({ ok: false, why: "truncated" });
    expect(representable(intConst(1n << 63n), "int64")).toEqual({ ok: false, why: "overflows" });
    expect(representable(stringConst("x"), "int")).toEqual({ ok: false, why: "mismatch" });
    expect(representable(floatConst(0.1), "float32")).toEqual({ ok: true, value: floatConst(Math.fround(0.1)) });
  });

  it("prints constants as Go's messages do", () => {
    expect([intConst(256n), floatConst(1.5), floatConst(2), stringConst("hi"), boolConst(true)].map(constString)).toEqual([
      "256",
      "1.5",
      "2",
      '"hi"',
      "true",
    ]);
  });
});
