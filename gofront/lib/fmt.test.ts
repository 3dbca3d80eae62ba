import { beforeEach, describe, expect, it } from "vitest";
import { Goexit, GoPanic } from "../../runtime/panic";
import { resetAddresses } from "./addresses";
import { errorfParts, sprint, sprintf, sprintln } from "./fmt";
import {
  BOOL,
  CELSIUS,
  FLOAT32,
  FLOAT64,
  INT,
  MYERR_PTR,
  MyErrStruct,
  NAMED,
  P,
  PANICKY,
  PPTR,
  PStruct,
  STRING,
  TEMPS,
  TempsStruct,
  UINT8,
  basic,
  encodedMap,
  errorsNew,
  f32,
  f64,
  field,
  iface,
  int,
  method,
  str,
} from "./testing/goValues";
import { ANY, ERROR, arrayOf, basicType, chanOf, definedType, funcOf, mapOf, pointerTo, sliceOf, structOf } from "./types";
import { Ptr, Slice, goString, jsText, type Iface } from "./values";

/** sprintf over JS text, back to JS text. */
const f = (format: string, ...args: (Iface | null)[]): string => jsText(sprintf(goString(format), args));
const ints = (...xs: number[]): Iface => iface(sliceOf(INT), Slice.of(xs));

beforeEach(() => resetAddresses());

describe("Print and Println", () => {
  it("prints floats with %v as Go's shortest %g: %e for exponents below -4 or from 6 up", () => {
    expect(jsText(sprintln([f64(100000000), f64(123456789), f64(0.000001), f64(3), f64(123456), f64(1234567)]))).toBe(
      "1e+08 1.23456789e+08 1e-06 3 123456 1.234567e+06\n",
    );
    expect(jsText(sprintln([f64(-0), f64(NaN), f64(Infinity), f64(-Infinity), f64(0.1 + 0.2)]))).toBe(
      "-0 NaN +Inf -Inf 0.30000000000000004\n",
    );
  });

  it("prints float32 values by their own shortest digits", () => {
    expect(jsText(sprint([f32(0.1), iface(FLOAT64, Math.fround(0.1))]))).toBe("0.1 0.10000000149011612");
    expect(jsText(sprint([f32(16777217), f32(3.4028234663852886e38)]))).toBe("1.6777216e+07 3.4028235e+38");
  });

  it("separates Print's operands only when neither is a string", () => {
    expect(sprint([int(1), int(2), str("a"), int(3), str("b"), str("c"), f64(4.5)])).toBe("1 2a3bc4.5");
    expect(sprint([null, null, str("x"), null])).toBe("<nil> <nil>x<nil>");
    expect(sprint([])).toBe("");
  });

  it("always separates Println's operands and ends the line", () => {
    expect(sprintln([str("a"), str("b"), int(1)])).toBe("a b 1\n");
    expect(sprintln([])).toBe("\n");
  });

  it("prints nil of each kind as Go does", () => {
    const nils = [null, iface(sliceOf(INT), null), iface(mapOf(STRING, INT), null), iface(PPTR, null), iface(chanOf(INT), null)];
    expect(sprintln(nils)).toBe("<nil> [] map[] <nil> <nil>\n");
    expect(f("%#v|%#v|%#v|%#v", ...nils.slice(1))).toBe("[]int(nil)|map[string]int(nil)|(*main.P)(nil)|(chan int)(nil)");
  });

  it("copies a string's bytes, invalid UTF-8 included", () => {
    expect(sprint([iface(STRING, "\xff\xfeok")])).toBe("\xff\xfeok");
    expect(sprintf(goString("%s=%d"), [str("é"), int(1)])).toBe("\xc3\xa9=1");
  });

  it("refuses an operand that is not an interface value", () => {
    expect(() => sprint([42])).toThrow(TypeError);
  });
});

describe("verbs and flags", () => {
  it("formats integers in every base with sign, width, precision and #", () => {
    expect(f("%d|%5d|%-5d|%05d|%+d|% d", int(42), int(42), int(42), int(42), int(42), int(42))).toBe("42|   42|42   |00042|+42| 42");
    expect(f("%x|%X|%#x|%o|%#o|%O|%b|%#b", int(255), int(255), int(255), int(8), int(8), int(8), int(5), int(5))).toBe(
      "ff|FF|0xff|10|010|0o10|101|0b101",
    );
    expect(f("%x|%.3d|%08.3d|%.0d|", int(-255), int(7), int(7), int(0))).toBe("-ff|007|     007||");
    expect(f("%v|%#v|%#v", basic("uint", 42), basic("uint", 42), int(42))).toBe("42|0x2a|42");
  });

  it("prints runes with %c %q %U", () => {
    expect(f("%c|%c|%q|%+q|%U|%#U|%U", int(65), int(0x1f600), int(0xe9), int(0xe9), int(0x1f600), int(120), int(-1))).toBe(
      "A|😀|'é'|'\\u00e9'|U+1F600|U+0078 'x'|U+FFFFFFFFFFFFFFFF",
    );
    expect(f("%c|%q", int(-1), int(0x110000))).toBe("\ufffd|'�'");
  });

  it("formats floats with Go's rounding: ties to even on the exact binary value", () => {
    expect(f("%.0f|%.0f|%.0f|%.2f|%.2f|%.1f", f64(0.5), f64(1.5), f64(2.5), f64(0.125), f64(1.005), f64(0.25))).toBe("0|2|2|0.12|1.00|0.2");
    expect(
      f("%8.3f|%-8.3f|%08.3f|%+.3e|%G|%#g|%#.0f", f64(Math.PI), f64(Math.PI), f64(-Math.PI), f64(1234.5), f64(1e-7), f64(1.5), f64(3)),
    ).toBe("   3.142|3.142   |-003.142|+1.234e+03|1E-07|1.50000|3.");
    expect(f("%08f|% f|%+f|%x|%b", f64(Infinity), f64(NaN), f64(NaN), f64(1), f64(1))).toBe(
      "    +Inf| NaN|+NaN|0x1p+00|4503599627370496p-52",
    );
  });

  it("pads and truncates strings by runes, not bytes", () => {
    expect(f("%6s|%-6s|%.2s|%5.1s", str("日本語"), str("日本"), str("日本語"), str("日本"))).toBe("   日本語|日本    |日本|    日");
  });

  it("quotes strings as strconv.Quote, backquoted with # when it can be", () => {
    expect(f("%q|%+q|%#q|%#q", str("héllo\n"), str("héllo"), str("a\tb"), str("a`b"))).toBe('"héllo\\n"|"h\\u00e9llo"|`a\tb`|"a`b"');
    expect(jsText(sprintf("%q", [iface(STRING, "bad\xffbyte")]))).toBe('"bad\\xffbyte"');
  });

  it("prints strings and byte slices in hex, spaced and prefixed on request", () => {
    const bytes = iface(sliceOf(UINT8), Slice.of([104, 105, 33]));
    expect(f("%x|%X|% x|%#x|%# x|%s|%q|%v|%#v", str("hi!"), bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes)).toBe(
      '686921|686921|68 69 21|0x686921|0x68 0x69 0x21|hi!|"hi!"|[104 105 33]|[]byte{0x68, 0x69, 0x21}',
    );
  });

  it("applies width, precision and flags to each element of a composite", () => {
    expect(f("%5d|%-4d|%x|%6.2f", ints(1, 2), ints(1, 2), ints(10, 255), iface(sliceOf(FLOAT64), Slice.of([1, 2.5])))).toBe(
      "[    1     2]|[1    2   ]|[a ff]|[  1.00   2.50]",
    );
    expect(f("%5v|%x", iface(P, new PStruct(1, 2)), iface(P, new PStruct(255, 16)))).toBe("{    1     2}|{ff 10}");
  });

  it("takes width and precision from operands with *, and operands by index", () => {
    expect(f("%*d|%-*d|%.*f|%*d", int(5), int(42), int(5), int(42), int(2), f64(Math.PI), int(-4), int(1))).toBe("   42|42   |3.14|1   ");
    expect(f("%[2]d %[1]d", int(1), int(2))).toBe("2 1");
    expect(f("%[3]*.[2]*[1]f", f64(12), int(2), int(6))).toBe(" 12.00");
  });
});

describe("composite values", () => {
  const p = iface(P, new PStruct(1, 2));
  it("prints structs plain, with field names (%+v) and as Go syntax (%#v)", () => {
    expect(f("%v|%+v|%#v|%T", p, p, p, p)).toBe("{1 2}|{X:1 Y:2}|main.P{X:1, Y:2}|main.P");
    const anon = iface(structOf([field("A", INT), field("b", STRING)]), { A: 1, b: "x" });
    expect(f("%#v", anon)).toBe('struct { A int; b string }{A:1, b:"x"}');
  });

  it("prints a pointer to a struct, slice, array or map as &value at the top level", () => {
    expect(f("%v|%+v|%#v", iface(PPTR, new PStruct(1, 2)), iface(PPTR, new PStruct(1, 2)), iface(PPTR, new PStruct(1, 2)))).toBe(
      "&{1 2}|&{X:1 Y:2}|&main.P{X:1, Y:2}",
    );
    const ptrSlice = iface(
      pointerTo(sliceOf(INT)),
      new Ptr(
        () => Slice.of([1, 2]),
        () => {},
        {},
        "v",
      ),
    );
    expect(f("%v", ptrSlice)).toBe("&[1 2]");
  });

  it("prints deeper pointers, chans and funcs as fake addresses, the same for the same thing", () => {
    const shared = new PStruct(1, 2);
    const ps = iface(sliceOf(PPTR), Slice.of([shared, new PStruct(3, 4), shared, null]));
    expect(f("%v", ps)).toBe("[0xc000010000 0xc000010008 0xc000010000 <nil>]");
    expect(f("%#v", ps)).toBe("[]*main.P{(*main.P)(0xc000010000), (*main.P)(0xc000010008), (*main.P)(0xc000010000), (*main.P)(nil)}");
    const c = iface(chanOf(INT), {});
    expect(f("%v|%d", c, c)).toBe("0xc000010010|824633786384");
    const fn = iface(funcOf({ params: [], results: [], variadic: false }), () => {});
    expect(f("%v", fn)).toBe("0xc000010018");
  });

  it("gives two pointers to the same variable one address, and %p prints it", () => {
    const box = { v: 1 };
    const ptr = () =>
      iface(
        pointerTo(INT),
        new Ptr<number>(
          () => box.v,
          (v) => (box.v = v),
          box,
          "v",
        ),
      );
    expect(f("%p|%p|%#p|%v", ptr(), ptr(), ptr(), ptr())).toBe("0xc000010000|0xc000010000|c000010000|0xc000010000");
    expect(f("%p|%p", int(5), p)).toBe("%!p(int=5)|%!p(main.P={1 2})");
  });

  it("starts addresses again after resetAddresses", () => {
    const x = iface(
      pointerTo(INT),
      new Ptr(
        () => 1,
        () => {},
        {},
        "x",
      ),
    );
    expect(f("%p", x)).toBe("0xc000010000");
    resetAddresses();
    expect(
      f(
        "%p",
        iface(
          pointerTo(INT),
          new Ptr(
            () => 1,
            () => {},
            {},
            "y",
          ),
        ),
      ),
    ).toBe("0xc000010000");
  });

  it("sorts map keys as Go's fmtsort: numbers, bytes of strings, NaN first, false before true, structs field by field", () => {
    const m = (k: typeof INT, entries: [unknown, unknown][]) => iface(mapOf(k, INT), encodedMap(k, entries));
    expect(
      f(
        "%v|%v|%v|%v",
        m(INT, [
          [3, 1],
          [-1, 2],
          [10, 3],
        ]),
        m(STRING, [
          ["b", 1],
          ["B", 2],
          [goString("é"), 3],
          ["a", 4],
        ]),
        m(FLOAT64, [
          [1, 1],
          [NaN, 2],
          [-Infinity, 3],
        ]),
        m(BOOL, [
          [true, 1],
          [false, 2],
        ]),
      ),
    ).toBe("map[-1:2 3:1 10:3]|map[B:2 a:4 b:1 é:3]|map[NaN:2 -Inf:3 1:1]|map[false:2 true:1]");
    expect(
      f(
        "%v",
        m(P, [
          [new PStruct(2, 1), 1],
          [new PStruct(1, 9), 2],
          [new PStruct(1, 2), 3],
        ]),
      ),
    ).toBe("map[{1 2}:3 {1 9}:2 {2 1}:1]");
  });

  it("orders interface keys of different types as Go's linker lays out their descriptors: by size, then name", () => {
    const m = iface(
      mapOf(ANY, INT),
      encodedMap(ANY, [
        [int(1), 1],
        [str("a"), 2],
        [iface(P, new PStruct(1, 2)), 3],
        [iface(arrayOf(INT, 2), [1, 2]), 4],
        [iface(BOOL, true), 5],
        [iface(CELSIUS, 4), 6],
        [null, 7],
      ]),
    );
    expect(f("%v", m)).toBe("map[<nil>:7 true:5 1:1 a:2 [1 2]:4 4.0°C:6 {1 2}:3]");
  });

  it("prints nil interface elements and fields as <nil>, or as typed nils in Go syntax", () => {
    const s = iface(structOf([field("E", basicType("string")), field("V", ANY)]), { E: "", V: null });
    expect(f("%v|%#v", s, s)).toBe('{ <nil>}|struct { E string; V interface {} }{E:"", V:interface {}(nil)}');
  });
});

describe("methods", () => {
  it("calls Error or String for %v %s %q %x %X and Print, not for other verbs", () => {
    const c = iface(CELSIUS, 21.5);
    expect(f("%v|%s|%q|%x|%d|%.1f", c, c, c, c, c, c)).toBe('21.5°C|21.5°C|"21.5°C"|32312e35c2b043|%!d(main.Celsius=21.5)|21.5');
    const e = iface(MYERR_PTR, new MyErrStruct(3));
    expect(sprint([e, errorsNew("boom")])).toBe("code 3 boom");
  });

  it("prefers Error to String", () => {
    const both = definedType("main.Both", { kind: "basic", basic: "int" });
    method(both, "String", () => "string");
    method(both, "Error", () => "error");
    expect(sprint([iface(both, 1)])).toBe("error");
  });

  it("uses GoString for %#v only", () => {
    const g = definedType("main.G", { kind: "basic", basic: "int" });
    method(g, "GoString", () => "G!");
    method(g, "String", () => "g");
    expect(f("%#v|%v", iface(g, 1), iface(g, 1))).toBe("G!|g");
  });

  it("calls the methods of values inside composites, but not through unexported fields", () => {
    expect(f("%v|%+v", iface(TEMPS, new TempsStruct(20, 30)), iface(sliceOf(CELSIUS), Slice.of([1, 2])))).toBe("{20.0°C 30}|[1.0°C 2.0°C]");
  });

  it("does not call a pointer receiver's method on a value", () => {
    const t = definedType("main.T", { kind: "struct", fields: [field("N", INT)] });
    method(t, "String", () => "ptr", "pointer");
    expect(f("%v|%v", iface(t, { N: 1 }), iface(pointerTo(t), { N: 1 }))).toBe("{1}|ptr");
  });

  it("reports a method's panic as Go does, and a nil pointer receiver's as <nil>", () => {
    expect(f("%v|%s|%d", iface(PANICKY, 1), iface(PANICKY, 1), iface(PANICKY, 1))).toBe(
      "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|1",
    );
    expect(f("%v|%s", iface(pointerTo(NAMED), null), iface(pointerTo(NAMED), null))).toBe("<nil>|<nil>");
  });

  it("treats a JS error thrown by a method as a panic, and lets Goexit through", () => {
    const bad = definedType("main.Bad", { kind: "basic", basic: "int" });
    method(bad, "String", () => {
      throw new TypeError("x is undefined");
    });
    expect(f("%v", iface(bad, 1))).toBe("%!v(PANIC=String method: TypeError: x is undefined)");
    const exits = definedType("main.Exits", { kind: "basic", basic: "int" });
    method(exits, "String", () => {
      throw new Goexit();
    });
    expect(() => sprint([iface(exits, 1)])).toThrow(Goexit);
    const panics = definedType("main.Panics", { kind: "basic", basic: "int" });
    method(panics, "String", () => {
      throw new GoPanic("runtime error: index out of range [5] with length 3");
    });
    expect(f("%v", iface(panics, 1))).toBe("%!v(PANIC=String method: runtime error: index out of range [5] with length 3)");
  });

  it("refuses a method that returns a Promise: fmt calls methods synchronously", () => {
    const later = definedType("main.Later", { kind: "basic", basic: "int" });
    method(later, "String", () => Promise.resolve("later"));
    expect(() => sprint([iface(later, 1)])).toThrow("returned a Promise");
  });
});

describe("errors in the format", () => {
  it("says what went wrong as Go does", () => {
    expect(f("%d|%s|%z", str("hi"), int(5), int(1))).toBe("%!d(string=hi)|%!s(int=5)|%!z(int=1)");
    expect(f("hi", int(3), str("x"), null)).toBe("hi%!(EXTRA int=3, string=x, <nil>)");
    expect(f("%d %d", int(1))).toBe("1 %!d(MISSING)");
    expect(f("%", int(1))).toBe("%!(NOVERB)%!(EXTRA int=1)");
    expect(f("%*d|%.*d", str("x"), int(1), str("y"), int(2))).toBe("%!(BADWIDTH)1|%!(BADPREC)2");
    expect(f("%[5]d|%[x]d", int(1))).toBe("%!d(BADINDEX)|%!d(BADINDEX)");
    expect(f("%d|%s", null, null)).toBe("%!d(<nil>)|%!s(<nil>)");
    expect(f("%s", iface(PPTR, new PStruct(1, 2)))).toBe("&{%!s(int=1) %!s(int=2)}");
  });

  it("does not call methods while printing a bad verb's operand", () => {
    expect(f("%d", iface(MYERR_PTR, new MyErrStruct(3)))).toBe("&{3}");
    expect(f("%t", iface(MYERR_PTR, new MyErrStruct(3)))).toBe("&{%!t(int=3)}");
  });

  it("refuses complex numbers", () => {
    expect(() => sprint([iface(basicType("complex128"), 0)])).toThrow("complex numbers are not supported");
  });
});

describe("Errorf", () => {
  it("wraps the error of its one %w, printed as %v", () => {
    const err = iface(MYERR_PTR, new MyErrStruct(3));
    const r = errorfParts(goString("wrap: %w"), [err]);
    expect(r.message).toBe("wrap: code 3");
    expect(r.wrapped).toEqual(err);
  });

  it("refuses a second %w, a non-error and %w outside Errorf", () => {
    const e1 = iface(MYERR_PTR, new MyErrStruct(1));
    const e2 = iface(MYERR_PTR, new MyErrStruct(2));
    const two = errorfParts(goString("%w %w"), [e1, e2]);
    expect(two.message).toBe("code 1 %!w(*main.MyErr=&{2})");
    expect(two.wrapped).toBeUndefined();
    expect(errorfParts(goString("%w"), [int(1)]).message).toBe("%!w(int=1)");
    expect(sprintf(goString("%w"), [e1])).toBe("%!w(*main.MyErr=&{1})");
  });
});

describe("types", () => {
  it("prints %T as reflect spells types", () => {
    const t = [
      iface(sliceOf(ANY), null),
      iface(mapOf(STRING, sliceOf(INT)), null),
      iface(funcOf({ params: [INT, sliceOf(STRING)], results: [BOOL, ERROR], variadic: true }), null),
      iface(chanOf(INT, "recv"), null),
      iface(arrayOf(FLOAT32, 3), [0, 0, 0]),
    ];
    expect(f("%T|%T|%T|%T|%T", ...t)).toBe("[]interface {}|map[string][]int|func(int, ...string) (bool, error)|<-chan int|[3]float32");
  });
});
