import { describe, expect, it } from "vitest";
import { GoPanic } from "../../runtime/panic";
import { isPrint } from "./isprint";
import {
  Atoi,
  CanBackquote,
  FormatBool,
  FormatFloat,
  FormatInt,
  Itoa,
  ParseBool,
  ParseFloat,
  ParseInt,
  ParseUint,
  Quote,
  QuoteRune,
  QuoteRuneToASCII,
  QuoteToASCII,
  shortestDigits,
  shortestDigitsByGo,
} from "./strconv";
import { goString, jsText } from "./values";

/** A seeded generator (xorshift32). */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

describe("FormatFloat", () => {
  it("formats in e, f and g with a precision, rounding the exact binary value half to even", () => {
    expect(FormatFloat(0.1, "e", 20, 64)).toBe("1.00000000000000005551e-01");
    expect(FormatFloat(0.1, "f", 30, 64)).toBe("0.100000000000000005551115123126");
    expect(["0.5", "1.5", "2.5", "3.5"].map((s) => FormatFloat(Number(s), "f", 0, 64))).toEqual(["0", "2", "2", "4"]);
    expect(FormatFloat(0.125, "f", 2, 64)).toBe("0.12");
    expect(FormatFloat(0.375, "f", 2, 64)).toBe("0.38");
    expect(FormatFloat(1.005, "f", 2, 64)).toBe("1.00"); // 1.005 is 1.00499999999999989… in binary
    expect(FormatFloat(123456.789, "g", 3, 64)).toBe("1.23e+05");
    expect(FormatFloat(1e22, "f", 0, 64)).toBe("10000000000000000000000");
    expect(FormatFloat(5e-324, "e", 3, 64)).toBe("4.941e-324");
  });

  it("formats the shortest digits that read back; g switches to e for exponents below -4 or from 6 up", () => {
    expect([1e20, 1e21, 123456, 1234567, 1e-4, 1e-5, 100].map((x) => FormatFloat(x, "g", -1, 64))).toEqual([
      "1e+20",
      "1e+21",
      "123456",
      "1.234567e+06",
      "0.0001",
      "1e-05",
      "100",
    ]);
    expect(FormatFloat(1 / 3, "e", -1, 64)).toBe("3.333333333333333e-01");
    expect(FormatFloat(1e21, "f", -1, 64)).toBe("1000000000000000000000");
  });

  it("formats float32 values by their own shortest digits", () => {
    expect(FormatFloat(Math.fround(0.1), "g", -1, 32)).toBe("0.1");
    expect(FormatFloat(Math.fround(0.1), "g", -1, 64)).toBe("0.10000000149011612");
    expect(FormatFloat(0.1, "g", -1, 32)).toBe("0.1"); // rounded to float32 first, as Go's float32(f)
    expect(FormatFloat(1e40, "g", -1, 32)).toBe("+Inf");
    expect(FormatFloat(1.401298464324817e-45, "g", -1, 32)).toBe("1e-45");
  });

  it("formats binary and hexadecimal forms", () => {
    expect(FormatFloat(1, "b", -1, 64)).toBe("4503599627370496p-52");
    expect(FormatFloat(1, "x", -1, 64)).toBe("0x1p+00");
    expect(FormatFloat(-255.5, "X", -1, 64)).toBe("-0X1.FFP+07");
    expect(FormatFloat(Math.PI, "x", 3, 64)).toBe("0x1.922p+01");
    expect(FormatFloat(1.5, "x", 0, 64)).toBe("0x1p+01");
  });

  it("spells infinities and NaN as Go, and refuses an unknown format with %c", () => {
    expect([Infinity, -Infinity, NaN].map((x) => FormatFloat(x, "f", 2, 64))).toEqual(["+Inf", "-Inf", "NaN"]);
    expect(FormatFloat(-0, "g", -1, 64)).toBe("-0");
    expect(FormatFloat(1, 0x71, -1, 64)).toBe("%q");
  });

  it("reads the engine's shortest float64 digits the same as Go's algorithm", () => {
    const next = generator(12345);
    const view = new DataView(new ArrayBuffer(8));
    const special = [5e-324, 2.2250738585072014e-308, 2 ** -1022 * 1.5, 1.7976931348623157e308, 2 ** 53 + 2, 0.3, 2 ** 60, 1e23];
    const values = [...special];
    for (let i = 0; i < 5000; i++) {
      view.setUint32(0, next());
      view.setUint32(4, next());
      const x = Math.abs(view.getFloat64(0));
      if (Number.isFinite(x) && x !== 0) values.push(x);
    }
    const differ = values.filter((x) => JSON.stringify(shortestDigits(x, 64)) !== JSON.stringify(shortestDigitsByGo(x, 64)));
    expect(differ).toEqual([]);
  });

  it("finds float32's shortest digits that read back as the same float32", () => {
    const next = generator(777);
    const view = new DataView(new ArrayBuffer(4));
    for (let i = 0; i < 3000; i++) {
      view.setUint32(0, next());
      const y = Math.abs(view.getFloat32(0));
      if (!Number.isFinite(y) || y === 0) continue;
      const s = FormatFloat(y, "e", -1, 32);
      expect(Math.fround(Number(s))).toBe(y);
      // One digit fewer never reads back.
      const { digits } = shortestDigits(y, 32);
      if (digits.length > 1) expect(Math.fround(Number(FormatFloat(y, "e", digits.length - 2, 32)))).not.toBe(y);
    }
  });
});

describe("integers", () => {
  it("formats in bases 2 to 36", () => {
    expect([FormatInt(255, 2), FormatInt(-255, 16), FormatInt(35, 36), Itoa(-12345), FormatBool(false)]).toEqual([
      "11111111",
      "-ff",
      "z",
      "-12345",
      "false",
    ]);
    expect(() => FormatInt(1, 37)).toThrow(GoPanic);
  });

  it("parses with Go's bases, prefixes, underscores and errors", () => {
    expect(Atoi("42")).toEqual({ value: 42, err: undefined });
    expect(Atoi("+7").value).toBe(7);
    expect(Atoi("x1")).toEqual({ value: 0, err: 'strconv.Atoi: parsing "x1": invalid syntax' });
    expect(Atoi("").err).toBe('strconv.Atoi: parsing "": invalid syntax');
    expect(Atoi("1_000").err).toBe('strconv.Atoi: parsing "1_000": invalid syntax');
    expect(ParseInt("1_000", 0, 64)).toEqual({ value: 1000, err: undefined });
    expect(["0x1F", "0b101", "0o17", "017", "-0x10"].map((s) => ParseInt(s, 0, 64).value)).toEqual([31, 5, 15, 15, -16]);
    expect(ParseInt("z", 36, 64).value).toBe(35);
    expect(ParseInt("1__0", 0, 64).err).toBe('strconv.ParseInt: parsing "1__0": invalid syntax');
    expect(ParseInt("1", 1, 64).err).toBe('strconv.ParseInt: parsing "1": invalid base 1');
    expect(ParseInt("1", 10, 65).err).toBe('strconv.ParseInt: parsing "1": invalid bit size 65');
  });

  it("clamps out-of-range values and says so", () => {
    expect(ParseInt("128", 10, 8)).toEqual({ value: 127, err: 'strconv.ParseInt: parsing "128": value out of range' });
    expect(ParseInt("-129", 10, 8)).toEqual({ value: -128, err: 'strconv.ParseInt: parsing "-129": value out of range' });
    expect(ParseUint("256", 10, 8)).toEqual({ value: 255, err: 'strconv.ParseUint: parsing "256": value out of range' });
    expect(ParseUint("-1", 10, 8).err).toBe('strconv.ParseUint: parsing "-1": invalid syntax');
  });

  it("stops the run rather than return an int64 beyond 2^53 inexactly", () => {
    expect(ParseInt("9007199254740991", 10, 64).value).toBe(9007199254740991);
    expect(() => ParseInt("9007199254740993", 10, 64)).toThrow("integer overflow beyond 2^53 is not supported by chanscope");
    expect(() => Atoi("99999999999999999999")).toThrow("beyond 2^53");
  });
});

describe("ParseFloat and ParseBool", () => {
  it("parses decimals, hex floats, infinities and NaN as Go's syntax allows", () => {
    expect(
      ["1.5", ".5", "5.", "1e10", "-1E-2", "0x1p-2", "0x1.8p1", "1_000.5", "inf", "-Infinity", "+INF"].map((s) => ParseFloat(s, 64).value),
    ).toEqual([1.5, 0.5, 5, 1e10, -0.01, 0.25, 3, 1000.5, Infinity, -Infinity, Infinity]);
    expect(Number.isNaN(ParseFloat("nan", 64).value)).toBe(true);
    for (const bad of ["", ".", "1e", "0x1", "infin", "+nan", "1.5x", "--1", "_1"]) {
      expect(ParseFloat(bad, 64).err).toBe(`strconv.ParseFloat: parsing ${jsText(Quote(bad))}: invalid syntax`);
    }
  });

  it("rounds correctly from every digit, float32 directly rather than through float64", () => {
    expect(ParseFloat("2.4703282292062327e-324", 64).value).toBe(0);
    expect(ParseFloat("2.4703282292062328e-324", 64).value).toBe(5e-324);
    expect(ParseFloat("9007199254740993", 64).value).toBe(9007199254740992);
    expect(ParseFloat("9007199254740993.0000000001", 64).value).toBe(9007199254740994);
    // Halfway between two float32s only after rounding to float64: float32 must round up.
    expect(ParseFloat("1.00000005960464477539062501", 32).value).toBe(1.0000001192092896);
    expect(ParseFloat("1.000000059604644775390625", 32).value).toBe(1);
    expect(ParseFloat("0.1", 32).value).toBe(Math.fround(0.1));
  });

  it("says out of range beyond the largest float, with the infinity", () => {
    expect(ParseFloat("1e400", 64)).toEqual({ value: Infinity, err: 'strconv.ParseFloat: parsing "1e400": value out of range' });
    expect(ParseFloat("-3.5e38", 32)).toEqual({ value: -Infinity, err: 'strconv.ParseFloat: parsing "-3.5e38": value out of range' });
    expect(ParseFloat("1e-400", 64)).toEqual({ value: 0, err: undefined });
  });

  it("parses Go's spellings of booleans", () => {
    expect(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].map((s) => ParseBool(s).value)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(ParseBool("yes").err).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
  });
});

describe("quoting", () => {
  const q = (text: string): string => jsText(Quote(goString(text)));

  it("escapes control characters, invalid bytes and non-printable runes; keeps printable Unicode", () => {
    expect(q('héllo\n\t"\\')).toBe('"héllo\\n\\t\\"\\\\"');
    expect(q("\u0007\b\f\v\r\u0000\u001b\u007f")).toBe('"\\a\\b\\f\\v\\r\\x00\\x1b\\x7f"');
    expect(q("\u00ad\u2028\ufeff😀")).toBe('"\\u00ad\\u2028\\ufeff😀"');
    expect(jsText(Quote("\xff\xc3("))).toBe('"\\xff\\xc3("');
  });

  it("escapes every non-ASCII rune in QuoteToASCII", () => {
    expect(jsText(QuoteToASCII(goString("é😀")))).toBe('"\\u00e9\\U0001f600"');
  });

  it("quotes runes, an invalid one as U+FFFD", () => {
    expect([97, 39, 34, 10, 0xe9, 0xd800, -1].map((r) => jsText(QuoteRune(r)))).toEqual([
      "'a'",
      "'\\''",
      `'"'`,
      "'\\n'",
      "'é'",
      "'�'",
      "'�'",
    ]);
    expect(jsText(QuoteRuneToASCII(0x1f600))).toBe("'\\U0001f600'");
  });

  it("says when a string can be backquoted", () => {
    expect([goString("a\tb"), "a`b", "a\nb", goString("\ufeff"), "\xff", goString("日本")].map(CanBackquote)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it("asks Go 1.19's Unicode tables what is printable, not the engine's", () => {
    // U+0870 ARABIC LETTER ALEF WITH ATTACHED FATHA came with Unicode 14; Go 1.19 has 13.
    expect(/\p{L}/u.test("\u0870")).toBe(true);
    expect(isPrint(0x0870)).toBe(false);
    expect([0x20, 0x7e, 0xa1, 0xad, 0x378, 0x1f600, 0x10ffff].map(isPrint)).toEqual([true, true, true, false, false, true, false]);
  });
});
