// Go as the oracle for gofront's fmt, strconv and Duration.String: one Go
// program prints every case below, and the same case computed by lib/ must
// give the same bytes. Each case names the value once (an Arg: its Go source
// and its value as a compiled program holds it), so the two sides cannot
// drift apart. Go is a test oracle only: without a `go` command the suite is
// skipped, except in CI, where it must run.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { goLit } from "./testing/goSource";
import { durationString } from "./duration";
import { errorfParts, sprint, sprintf, sprintln } from "./fmt";
import { PRINTABLE } from "./isprint";
import * as strconv from "./strconv";
import {
  BOOL,
  BYTES,
  CELSIUS,
  ErrorString,
  ERRORS_ERRORSTRING,
  FLAG,
  FLOAT32,
  FLOAT64,
  GO_DECLARATIONS,
  GOSYN,
  INT,
  INT8,
  MYERR_PTR,
  MyErrStruct,
  NAMED,
  NamedStruct,
  P,
  PANICERR,
  PANICKY,
  PPTR,
  PStruct,
  PTRSTRINGER,
  PtrStringerStruct,
  S,
  STRING,
  TEMPS,
  TempsStruct,
  UINT,
  UINT8,
  basic,
  encodedMap,
  errorsNew,
  f32,
  f64,
  field,
  iface,
  int,
  simpleMap,
  str,
} from "./testing/goValues";
import { ANY, ERROR, arrayOf, chanOf, funcOf, mapOf, pointerTo, sliceOf, structOf, type BasicKind } from "./types";
import { Ptr, Slice, goString, jsText, type Iface } from "./values";

const hasGo = spawnSync("go", ["version"]).status === 0;
if (!hasGo && process.env["CI"] !== undefined) throw new Error("CI needs Go for gofront/lib/fmt.oracle.test.ts: apt-get install golang-go");

// ---------------------------------------------------------------------------
// Operands: Go source and value

interface Arg {
  readonly go: string;
  readonly ts: Iface | null;
}

interface Case {
  /** A Go expression of type string. */
  readonly go: string;
  /** The same, computed by lib/: a Go byte string. */
  readonly ts: () => string;
}

function goFloat(x: number, type = "float64"): string {
  if (Number.isNaN(x)) return `${type}(math.NaN())`;
  if (x === Infinity || x === -Infinity) return `${type}(math.Inf(${x > 0 ? 1 : -1}))`;
  if (Object.is(x, -0)) return `${type}(math.Copysign(0, -1))`;
  return `${type}(${x})`;
}

const a = (go: string, ts: Iface | null): Arg => ({ go, ts });
const NIL = a("nil", null);
const I = (n: number): Arg => a(`${n}`, int(n));
const F = (x: number): Arg => a(goFloat(x), f64(x));
const F32 = (x: number): Arg => a(goFloat(Math.fround(x), "float32"), f32(x));
const Str = (text: string): Arg => a(goLit(goString(text)), str(text));
/** Bytes as they are (invalid UTF-8 included). */
const Raw = (bytes: string): Arg => a(goLit(bytes), iface(STRING, bytes));
const B = (b: boolean): Arg => a(`${b}`, iface(BOOL, b));
const K = (kind: BasicKind, v: number): Arg => a(`${kind}(${v})`, basic(kind, v));
const Cel = (c: number): Arg => a(`Celsius(${c})`, iface(CELSIUS, c));
const Pv = (x: number, y: number): Arg => a(`P{${x}, ${y}}`, iface(P, new PStruct(x, y)));
const Pp = (x: number, y: number): Arg => a(`&P{${x}, ${y}}`, iface(PPTR, new PStruct(x, y)));
const Ints = (xs: readonly number[]): Arg => a(`[]int{${xs.join(", ")}}`, iface(sliceOf(INT), Slice.of([...xs])));
const Strs = (xs: readonly string[]): Arg =>
  a(`[]string{${xs.map((x) => goLit(goString(x))).join(", ")}}`, iface(sliceOf(STRING), Slice.of(xs.map(goString))));
const Bytes = (bytes: string): Arg => a(`[]byte(${goLit(bytes)})`, iface(sliceOf(UINT8), Slice.of([...bytes].map((c) => c.charCodeAt(0)))));
const Err = (text: string): Arg => a(`errors.New(${goLit(goString(text))})`, errorsNew(text));
const MyErr = (code: number): Arg => a(`&MyErr{${code}}`, iface(MYERR_PTR, new MyErrStruct(code)));

/** fmt.Sprintf(format, args...) on both sides. */
const pf = (format: string, ...args: Arg[]): Case => ({
  go: `fmt.Sprintf(${[goLit(goString(format)), ...args.map((x) => x.go)].join(", ")})`,
  ts: () =>
    sprintf(
      goString(format),
      args.map((x) => x.ts),
    ),
});
const pln = (...args: Arg[]): Case => ({
  go: `fmt.Sprintln(${args.map((x) => x.go).join(", ")})`,
  ts: () => sprintln(args.map((x) => x.ts)),
});
const pr = (...args: Arg[]): Case => ({ go: `fmt.Sprint(${args.map((x) => x.go).join(", ")})`, ts: () => sprint(args.map((x) => x.ts)) });

// ---------------------------------------------------------------------------
// Types and values the cases share

const Inner = structOf([field("A", INT), field("B", sliceOf(STRING))]);
const Anon = structOf([field("A", INT), field("B", STRING)]);
const WithErr = structOf([field("E", ERROR), field("V", ANY)]);
const anon = (n: number, s: string): Arg =>
  a(`struct{ A int; B string }{${n}, ${goLit(goString(s))}}`, iface(Anon, { A: n, B: goString(s) }));
const inner = a(`struct{ A int; B []string }{7, []string{"x", "y"}}`, iface(Inner, { A: 7, B: Slice.of(["x", "y"]) }));
const Outer = structOf([field("P", P, true), field("M", mapOf(STRING, INT)), field("L", sliceOf(P))]);
const outer = a(
  `struct{ P; M map[string]int; L []P }{P{1, 2}, map[string]int{"b": 2, "a": 1}, []P{{3, 4}}}`,
  iface(Outer, {
    P: new PStruct(1, 2),
    M: simpleMap(STRING, [
      ["b", 2],
      ["a", 1],
    ]),
    L: Slice.of([new PStruct(3, 4)]),
  }),
);
const anys = (go: string, items: readonly (Iface | null)[]): Arg => a(`[]any{${go}}`, iface(sliceOf(ANY), Slice.of([...items])));
const intMap = a(
  'map[int]string{3: "c", -1: "z", 10: "j", 2: "b"}',
  iface(
    mapOf(INT, STRING),
    simpleMap(INT, [
      [3, "c"],
      [-1, "z"],
      [10, "j"],
      [2, "b"],
    ]),
  ),
);
const floatMap = a(
  "map[float64]int{2.5: 1, math.NaN(): 2, math.Inf(-1): 3, -0.5: 4, math.Inf(1): 5}",
  iface(
    mapOf(FLOAT64, INT),
    encodedMap(FLOAT64, [
      [2.5, 1],
      [NaN, 2],
      [-Infinity, 3],
      [-0.5, 4],
      [Infinity, 5],
    ]),
  ),
);
const boolMap = a(
  "map[bool]int{true: 1, false: 0}",
  iface(
    mapOf(BOOL, INT),
    simpleMap(BOOL, [
      [true, 1],
      [false, 0],
    ]),
  ),
);
const strMap = a(
  `map[string]int{"b": 1, "B": 2, "é": 3, "a": 4, "": 5, "ab": 6}`,
  iface(
    mapOf(STRING, INT),
    simpleMap(STRING, [
      ["b", 1],
      ["B", 2],
      [goString("é"), 3],
      ["a", 4],
      ["", 5],
      ["ab", 6],
    ]),
  ),
);
const structMap = a(
  'map[P]string{{2, 1}: "c", {1, 9}: "b", {1, 2}: "a"}',
  iface(
    mapOf(P, STRING),
    encodedMap(P, [
      [new PStruct(2, 1), "c"],
      [new PStruct(1, 9), "b"],
      [new PStruct(1, 2), "a"],
    ]),
  ),
);
const arrayMap = a(
  "map[[2]int]bool{{2, 0}: true, {1, 5}: false, {1, 3}: true}",
  iface(
    mapOf(arrayOf(INT, 2), BOOL),
    encodedMap(arrayOf(INT, 2), [
      [[2, 0], true],
      [[1, 5], false],
      [[1, 3], true],
    ]),
  ),
);
const celsiusMap = a(
  'map[Celsius]string{30: "hot", -5: "cold", 20: "mild"}',
  iface(
    mapOf(CELSIUS, STRING),
    simpleMap(CELSIUS, [
      [30, "hot"],
      [-5, "cold"],
      [20, "mild"],
    ]),
  ),
);
const mixedMap = a(
  `map[any]int{1: 1, "a": 2, 2.5: 3, true: 4, int8(3): 5, uint(7): 6, P{1, 2}: 7, S("s"): 8, Celsius(4): 9, [2]int{1, 2}: 10, float32(1.5): 11, int8(-3): 12, "b": 13, Flag(false): 14}`,
  iface(
    mapOf(ANY, INT),
    encodedMap(ANY, [
      [int(1), 1],
      [str("a"), 2],
      [f64(2.5), 3],
      [iface(BOOL, true), 4],
      [iface(INT8, 3), 5],
      [iface(UINT, 7), 6],
      [iface(P, new PStruct(1, 2)), 7],
      [iface(S, "s"), 8],
      [iface(CELSIUS, 4), 9],
      [iface(arrayOf(INT, 2), [1, 2]), 10],
      [f32(1.5), 11],
      [iface(INT8, -3), 12],
      [str("b"), 13],
      [iface(FLAG, false), 14],
    ]),
  ),
);
const nilMap = a("map[string]int(nil)", iface(mapOf(STRING, INT), null));
const nilSlice = a("[]int(nil)", iface(sliceOf(INT), null));
const nilPtr = a("(*P)(nil)", iface(PPTR, null));
const nilIntPtr = a("(*int)(nil)", iface(pointerTo(INT), null));
const nilErr = a("error(nil)", null);
const ptrToSlice = a(
  "&[]int{1, 2}",
  iface(
    pointerTo(sliceOf(INT)),
    new Ptr(
      () => Slice.of([1, 2]),
      () => {},
      {},
      "s",
    ),
  ),
);
const ptrToMap = a(
  `&map[string]int{"k": 1}`,
  iface(
    pointerTo(mapOf(STRING, INT)),
    new Ptr(
      () => simpleMap(STRING, [["k", 1]]),
      () => {},
      {},
      "m",
    ),
  ),
);
const ptrToArray = a(
  '&[2]string{"x", "y"}',
  iface(
    pointerTo(arrayOf(STRING, 2)),
    new Ptr(
      () => ["x", "y"],
      () => {},
      {},
      "a",
    ),
  ),
);
const FUNC = funcOf({ params: [INT], results: [STRING], variadic: false });
const nilFunc = a("(func(int) string)(nil)", iface(FUNC, null));
const nilChan = a("(chan int)(nil)", iface(chanOf(INT), null));
const nilRecvChan = a("(<-chan int)(nil)", iface(chanOf(INT, "recv"), null));
const temps = a("Temps{20, 30}", iface(TEMPS, new TempsStruct(20, 30)));
const celsiusSlice = a("[]Celsius{1, 2.25}", iface(sliceOf(CELSIUS), Slice.of([1, 2.25])));
const errSlice = a(`[]error{nil, errors.New("x")}`, iface(sliceOf(ERROR), Slice.of([null, errorsNew("x")])));
const withErr = a("struct{ E error; V any }{}", iface(WithErr, { E: null, V: null }));
const withErrSet = a(`struct{ E error; V any }{&MyErr{4}, 2.5}`, iface(WithErr, { E: iface(MYERR_PTR, new MyErrStruct(4)), V: f64(2.5) }));
const nilNamed = a("(*Named)(nil)", iface(pointerTo(NAMED), null));
const named = a(`&Named{"n"}`, iface(pointerTo(NAMED), new NamedStruct("n")));
const ptrStringerValue = a("PtrStringer{5}", iface(PTRSTRINGER, new PtrStringerStruct(5)));
const ptrStringerPtr = a("&PtrStringer{5}", iface(pointerTo(PTRSTRINGER), new PtrStringerStruct(5)));
const panicky = a("Panicky(1)", iface(PANICKY, 1));
const panicErr = a("PanicErr(1)", iface(PANICERR, 1));
const gosyn = a("GoSyn(3)", iface(GOSYN, 3));
const namedBytes = a(`Bytes("hi")`, iface(BYTES, Slice.of([104, 105])));
const byteArray = a(`[3]byte{'a', 'b', 'c'}`, iface(arrayOf(UINT8, 3), [97, 98, 99]));
const nested = a("[][]int{{1, 2}, {}, nil}", iface(sliceOf(sliceOf(INT)), Slice.of([Slice.of([1, 2]), Slice.of([]), null])));
const floats = a("[]float64{1, 2.5, -0.125}", iface(sliceOf(FLOAT64), Slice.of([1, 2.5, -0.125])));
const ptrSlice = a("[]*int{nil}", iface(sliceOf(pointerTo(INT)), Slice.of([null])));
const mapOfSlices = a(
  `map[string][]int{"b": {2}, "a": nil}`,
  iface(
    mapOf(STRING, sliceOf(INT)),
    simpleMap(STRING, [
      ["b", Slice.of([2])],
      ["a", null],
    ]),
  ),
);
const errStruct = a(`errors.New("boom")`, iface(pointerTo(ERRORS_ERRORSTRING), new ErrorString("boom")));

// ---------------------------------------------------------------------------
// The cases

const FMT_CASES: readonly Case[] = [
  // Print and Println
  pln(I(3), F(100000000), F(123456789), F(0.000001), F(3), Str("hi")),
  pln(F(1e20), F(1e21), F(1e-4), F(1e-5), F(123456), F(1234567), F(-0), F(Infinity), F(-Infinity), F(NaN)),
  pln(F(1.7976931348623157e308), F(5e-324), F(0.1), F(1 / 3), F(2 / 3), F(100), F(-2.5e-8)),
  pln(F32(0.1), F32(1 / 3), F32(16777216), F32(3.4028234663852886e38), F32(1.401298464324817e-45), F(Math.fround(0.1))),
  pln(NIL, nilSlice, nilMap, nilPtr, nilFunc, nilChan),
  pln(
    K("int8", -128),
    K("uint8", 200),
    K("int16", -300),
    K("uint16", 65535),
    K("int32", -5),
    K("uint32", 4294967295),
    K("int64", -9007199254740991),
  ),
  pln(K("uint64", 9007199254740991), K("uintptr", 4096), K("uint", 7), B(true), B(false)),
  pr(I(1), I(2), Str("a"), I(3), Str("b"), Str("c"), F(4.5), NIL, NIL),
  pr(Str("x"), NIL, Str("y"), B(true), B(false)),
  pr(a(`S("s")`, iface(S, "s")), I(1), a(`S("t")`, iface(S, "t"))),
  pr(),
  pln(),
  pln(Pv(1, 2), Pp(3, 4), Strs(["a", "b"]), a("[2]bool{true, false}", iface(arrayOf(BOOL, 2), [true, false]))),
  pln(Cel(21.5), MyErr(3), Err("boom"), temps),
  pln(intMap, strMap, boolMap),
  pln(ptrToSlice, ptrToMap, ptrToArray),

  // Integers
  pf("%d|%5d|%-5d|%05d|%+d|% d|%+05d", I(42), I(42), I(42), I(42), I(42), I(42), I(-42)),
  pf("%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b", I(255), I(255), I(255), I(255), I(8), I(8), I(8), I(5), I(5)),
  pf("%x|%X|%o|%b|%#x|%O", I(-255), I(-255), I(-8), I(-5), I(-255), I(-8)),
  pf("%.3d|%8.3d|%-8.3d|%08.3d|%.0d|%5.0d|%05d", I(7), I(7), I(7), I(7), I(0), I(0), I(-7)),
  pf("%c|%c|%c|%c|%c", I(65), I(0x1f600), I(0xe9), I(-1), I(0x110000)),
  pf("%q|%q|%+q|%q|%q|%q|%#q", I(97), I(0xe9), I(0xe9), I(0x7f), I(10), I(39), I(0x1f600)),
  pf("%U|%#U|%#U|%U|%.6U|%#U|%10U|%-10U|", I(0x1f600), I(120), I(0x1f600), I(-1), I(65), I(10), I(65), I(65)),
  pf("%v|%#v|%v|%#v|%x|%#v", K("uint", 42), K("uint", 42), K("int8", -1), K("int8", -1), K("uint8", 255), K("uintptr", 255)),
  pf("%d|%d|%x|%X", K("int64", -9007199254740991), K("uint64", 9007199254740991), K("uint64", 9007199254740991), K("int32", -2147483648)),
  pf("%6.2d|%-+6d|%+-6d|% 05d|%#5x|%#-8o|%#08x", I(3), I(3), I(3), I(3), I(26), I(26), I(26)),
  pf("%t|%v|%5t|%-6t|", B(true), B(false), B(true), B(false)),
  pf("%08b|%#010b|%x|%X", I(5), I(5), K("int16", -1), K("uint16", 65535)),

  // Floats
  pf("%f|%.2f|%8.3f|%-8.3f|%08.3f|%+.3f|% .3f", F(Math.PI), F(Math.PI), F(Math.PI), F(Math.PI), F(-Math.PI), F(Math.PI), F(Math.PI)),
  pf(
    "%e|%E|%.3e|%.0e|%#.0e|%10.2e|%-12.3E|",
    F(123456.789),
    F(123456.789),
    F(123456.789),
    F(123456.789),
    F(123456.789),
    F(0.000123),
    F(-1e100),
  ),
  pf("%g|%G|%.3g|%#g|%#.3g|%g|%g|%g", F(123456.789), F(1e-7), F(123456.789), F(1.5), F(1), F(100000), F(1e6), F(1e-5)),
  pf("%v|%.3v|%10.4v|%-10v|%#v|%#v|%#v", F(1), F(Math.PI), F(Math.PI), F(2.5), F(1), F(1e6), F(1e21)),
  pf("%.0f|%.0f|%.0f|%.0f|%.0f|%.0f", F(0.5), F(1.5), F(2.5), F(3.5), F(-0.5), F(0.49999999999999994)),
  pf("%.2f|%.2f|%.2f|%.1f|%.1f|%.3f", F(0.125), F(0.375), F(1.005), F(0.05), F(0.25), F(2.0005)),
  pf("%.17g|%.20f|%.30e|%.25g", F(0.1), F(0.1), F(1 / 3), F(2 ** -60)),
  pf("%.50f|%.0f|%f", F(5e-324), F(1e22), F(1.7976931348623157e308)),
  pf("%f|%08f|%+f|% f|%-8f|%8.2f|%08.3e", F(NaN), F(Infinity), F(NaN), F(NaN), F(-Infinity), F(-Infinity), F(-1.5)),
  pf("%F|%e|%g|%G|%v|%.3f", F(1.25), F(0), F(0), F(-0), F(-0), F(-0)),
  pf("%x|%X|%.3x|%#x|%.0x|%x|%x", F(1), F(-255.5), F(Math.PI), F(2), F(1.5), F(0), F(5e-324)),
  pf("%b|%b|%b", F(1), F(0.1), F32(0.1)),
  pf("%v|%g|%e|%.3f|%x", F32(0.1), F32(1 / 3), F32(16777217), F32(2.675), F32(1.5)),
  pf("%#.3x|%#g|%#e|%#.4g|%#v|%#.0f|%#g", F(1), F(100000), F(2), F(0.0001), F(1e-7), F(3), F(1e21)),
  pf("%6.1f%%|%5.1f|%-7.2f|%07.2f|%+08.2f", F(99.5), F(-0.04), F(2.5), F(-2.5), F(2.5)),
  pf("%g|%g|%g|%g|%g|%g", F(1e20), F(1e21), F(123456), F(1234567), F(0.0001), F(0.00001)),
  pf("%.1g|%.2g|%.0g|%.10g|%.3G", F(0.15), F(0.155), F(2.5), F(1 / 7), F(1.5e-10)),
  pf("%d|%s|%q|%c|%t", F(1.5), F(1.5), F(1.5), F(1.5), F(1.5)),

  // Strings and bytes
  pf("%s|%10s|%-10s|%.2s|%5.1s|%.0s|%v", Str("hello"), Str("hello"), Str("hello"), Str("hello"), Str("hello"), Str("hello"), Str("hello")),
  pf("%q|%+q|%#q|%#q|%#q|%#+q", Str("héllo\n"), Str("héllo\n"), Str("back`quote"), Str("tab\there"), Str("line\nbreak"), Str("日本")),
  pf(
    "%x|%X|% x|%#x|%# x|%# X|%.2x|%10x|%-10x|",
    Str("hi"),
    Str("hi"),
    Str("hi!"),
    Str("hi"),
    Str("hi!"),
    Str("hi"),
    Str("hello"),
    Str("hi"),
    Str("hi"),
  ),
  pf(
    "%x|%X|% x|%#x|%s|%q|%v|%d|%#v",
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
    Bytes("hi"),
  ),
  pf("%s|%x|%v|%#v|%q", byteArray, byteArray, byteArray, byteArray, byteArray),
  pf("%s|%x|%v|%#v|%q|%d", namedBytes, namedBytes, namedBytes, namedBytes, namedBytes, namedBytes),
  pf("%q|%+q|%x|%s|%v", Raw("\xff\xfeok"), Raw("a\xc3"), Raw("\xff"), Raw("\xe2\x82"), Raw("bad\xffbyte")),
  pf("%6s|%-6s|%.2s|%x|%q|%+q|%U", Str("日本語"), Str("日本"), Str("日本語"), Str("日本"), Str("日本"), Str("日本"), I(0x65e5)),
  pf("%q|%q|%q|%q|%+q", Str("\u0007\b\f\v\r\t\u0000\u001b"), Str("\u00ad\u2028\ufeff"), Str("😀"), Str('"\\'), Str("😀")),
  pf(
    "%x|%5x|%#x|% x|%s|%q|%#v|%v",
    Str(""),
    Str(""),
    Str(""),
    Bytes(""),
    a("[]byte(nil)", iface(sliceOf(UINT8), null)),
    Str(""),
    a("[]byte(nil)", iface(sliceOf(UINT8), null)),
    a("[]byte(nil)", iface(sliceOf(UINT8), null)),
  ),
  pf("%#q|%#q|%#q|%#q", Str("\ufeff"), Str("a\u007fb"), Raw("\xff"), Str("")),
  pf(
    "%s|%v|%d|%5.2s|",
    a(`S("named")`, iface(S, "named")),
    a(`S("n")`, iface(S, "n")),
    a(`S("n")`, iface(S, "n")),
    a(`S("named")`, iface(S, "named")),
  ),

  // Composites
  pf("%v|%+v|%#v|%T", Pv(1, 2), Pv(1, 2), Pv(1, 2), Pv(1, 2)),
  pf("%v|%+v|%#v|%T", Pp(1, 2), Pp(1, 2), Pp(1, 2), Pp(1, 2)),
  pf("%v|%+v|%#v|%T", anon(1, "x"), anon(1, "x"), anon(1, "x"), anon(1, "x")),
  pf("%v|%+v|%#v", inner, inner, inner),
  pf("%v|%+v|%#v|%T", outer, outer, outer, outer),
  pf("%v|%#v|%v|%#v|%v|%#v", nilSlice, nilSlice, Ints([]), Ints([]), nilMap, nilMap),
  pf("%v|%#v|%+v|%v|%#v", nilPtr, nilPtr, nilPtr, nilIntPtr, nilIntPtr),
  pf("%v|%#v|%v|%#v|%v|%#v", nilFunc, nilFunc, nilChan, nilChan, nilRecvChan, nilRecvChan),
  pf("%v|%#v|%T", Strs(["a", "b c"]), Strs(["a", "b c"]), Strs([])),
  pf("%v|%#v|%T", anys(`1, "a", nil, 2.5, true`, [int(1), str("a"), null, f64(2.5), iface(BOOL, true)]), anys("nil", [null]), anys("", [])),
  pf("%v|%#v|%d|%x|%v", nested, nested, nested, nested, ptrSlice),
  pf("%v|%#v|%v|%#v", mapOfSlices, mapOfSlices, withErr, withErr),
  pf("%v|%+v|%T", withErrSet, withErrSet, withErrSet),
  pf(
    "%v|%#v|%#v",
    errSlice,
    a("[]error{nil}", iface(sliceOf(ERROR), Slice.of([null]))),
    a('[][]byte{[]byte("a"), nil}', iface(sliceOf(sliceOf(UINT8)), Slice.of([Slice.of([97]), null]))),
  ),
  pf("%v|%#v|%+v", ptrToSlice, ptrToSlice, ptrToMap),
  pf("%v|%#v|%s", ptrToArray, ptrToArray, ptrToArray),
  pf(
    "%d|%x|%X|%o|%b|%5d|%-4d|%05d|%+d",
    Ints([1, -2, 300]),
    Ints([10, 255]),
    Ints([10, 255]),
    Ints([8]),
    Ints([3]),
    Ints([1, 2]),
    Ints([1, 2]),
    Ints([-1, 2]),
    Ints([1, -2]),
  ),
  pf("%6.2f|%.1e|%g|%v|%08.3f", floats, floats, floats, floats, floats),
  pf(
    "%q|%x|%X|% x|%5s|%-4s|%.1s",
    Strs(["a", "b"]),
    Strs(["hi", "yo"]),
    Strs(["hi"]),
    Strs(["hi", "yo"]),
    Strs(["a", "bc"]),
    Strs(["a"]),
    Strs(["abc", "de"]),
  ),
  pf("%s|%q|%t|%c", Ints([1, 2]), Ints([65, 66]), Ints([1]), Ints([72, 105])),
  pf("%5v|%-5v|%05v|%x|%X|%q|%d", Pv(1, 2), Pv(1, 2), Pv(1, 2), Pv(255, 16), anon(10, "hi"), anon(65, "x"), anon(5, "s")),
  pf("%s|%d", Pv(1, 2), Pp(3, 4)),
  pf("%T|%T|%T|%T|%T|%T", nilSlice, nilMap, nilFunc, nilRecvChan, a("make(chan<- string)", iface(chanOf(STRING, "send"), {})), mixedMap),
  pf("%T|%T|%T|%T|%T|%T|%10T|%-8T|", Err("x"), MyErr(1), Cel(1), F32(1), NIL, I(1), I(1), B(true)),
  pf(
    "%v|%d|%s",
    a("[2][]int{{1}, nil}", iface(arrayOf(sliceOf(INT), 2), [Slice.of([1]), null])),
    a("[0]int{}", iface(arrayOf(INT, 0), [])),
    a('[1]string{"z"}', iface(arrayOf(STRING, 1), ["z"])),
  ),
  pf(
    "%v|%+v",
    a("struct{}{}", iface(structOf([]), {})),
    a("struct{ p *int }{}", iface(structOf([field("p", pointerTo(INT))]), { p: null })),
  ),

  // Map ordering
  pf("%v|%#v", intMap, intMap),
  pf("%v|%v|%v", floatMap, boolMap, strMap),
  pf("%v|%#v", structMap, structMap),
  pf("%v|%v", arrayMap, celsiusMap),
  pf("%v", mixedMap),
  pf(
    "%v|%#v",
    a(
      "map[int8]int{-1: 1, 1: 2, -128: 3}",
      iface(
        mapOf(INT8, INT),
        simpleMap(INT8, [
          [-1, 1],
          [1, 2],
          [-128, 3],
        ]),
      ),
    ),
    a("map[string]bool{}", iface(mapOf(STRING, BOOL), simpleMap(STRING, []))),
  ),
  pf(
    "%d|%x|%5v|%q",
    intMap,
    intMap,
    boolMap,
    a(`map[string]string{"k": "v"}`, iface(mapOf(STRING, STRING), simpleMap(STRING, [["k", "v"]]))),
  ),
  pf(
    "%v",
    a(
      `map[any]string{nil: "nil", 2: "two", "s": "str"}`,
      iface(
        mapOf(ANY, STRING),
        encodedMap(ANY, [
          [null, "nil"],
          [int(2), "two"],
          [str("s"), "str"],
        ]),
      ),
    ),
  ),

  // Methods: Error, String, GoString
  pf("%v|%s|%q|%x|%X|%10v|%-8s|%.3s", Cel(21.5), Cel(21.5), Cel(21.5), Cel(1), Cel(1), Cel(2), Cel(3), Cel(21.5)),
  pf("%d|%f|%.2f|%#v|%+v|%T|%e", Cel(21.5), Cel(21.5), Cel(21.5), Cel(21.5), Cel(21.5), Cel(21.5), Cel(21.5)),
  pf("%v|%s|%q|%d|%+v|%#v", MyErr(7), MyErr(7), MyErr(7), MyErr(7), MyErr(7), MyErr(7)),
  pf("%v|%s|%+v|%#v|%x|%q", errStruct, errStruct, errStruct, errStruct, errStruct, errStruct),
  pf("%v|%s|%d|%x|%10v|", panicky, panicky, panicky, panicky, panicky),
  pf("%v|%s|%d", panicErr, panicErr, panicErr),
  pf("%v|%s|%+v|%d", nilNamed, nilNamed, nilNamed, nilNamed),
  pf("%v|%#v|%d", named, named, named),
  pf("%v|%#v|%d|%s|%+v", gosyn, gosyn, gosyn, gosyn, gosyn),
  pf("%v|%+v|%#v|%v|%s", ptrStringerValue, ptrStringerValue, ptrStringerValue, ptrStringerPtr, ptrStringerPtr),
  pf("%v|%+v|%#v|%s", temps, temps, temps, temps),
  pf("%v|%s|%d|%.1f|%#v", celsiusSlice, celsiusSlice, celsiusSlice, celsiusSlice, celsiusSlice),
  pf("%v|%#v", a("[]Panicky{1, 2}", iface(sliceOf(PANICKY), Slice.of([1, 2]))), a("[]GoSyn{1}", iface(sliceOf(GOSYN), Slice.of([1])))),
  pf(
    "%v",
    a(
      `map[string]error{"a": &MyErr{1}, "b": nil}`,
      iface(
        mapOf(STRING, ERROR),
        simpleMap(STRING, [
          ["a", iface(MYERR_PTR, new MyErrStruct(1))],
          ["b", null],
        ]),
      ),
    ),
  ),
  pf("%w|%v", MyErr(2), Err("plain")),
  pf("%w", I(3)),
  pln(panicky, nilNamed, gosyn, MyErr(5)),

  // Errors in the format
  pf("%d|%s|%t|%z|%!", Str("hi"), I(5), I(1), I(1)),
  pf("hi", I(3)),
  pf("hi", I(3), Str("x"), NIL, MyErr(1)),
  pf("%d %d", I(1)),
  pf("%d %s %v"),
  pf("%", I(1)),
  pf("%-", I(1)),
  pf("%5.2", I(1)),
  pf("%*d|%-*d|%*d", I(5), I(42), I(5), I(42), I(-5), I(42)),
  pf("%*d", Str("x"), I(42)),
  pf("%.*f|%.*f", I(2), F(Math.PI), I(-1), F(Math.PI)),
  pf("%.*d", Str("x"), I(42)),
  pf("%*d", I(10000000), I(1)),
  pf("%[2]d %[1]d", I(1), I(2)),
  pf("%[1]d %d %d", I(1), I(2), I(3)),
  pf("%[3]*.[2]*[1]f", F(12), I(2), I(6)),
  pf("%[5]d|%[0]d|%[x]d|%[1]", I(1), I(2)),
  pf("%[3]2d|%[1].2d|%d %[1]d extra", I(1), I(2)),
  pf("%[1]*d|%[2]*d", I(3), I(4)),
  pf("%d|%v|%s|%T|%x", NIL, NIL, NIL, NIL, NIL),
  pf("%p|%p|%p", I(5), Pv(1, 2), Str("s")),
  pf("%é|%☺|%\u0001", I(1), Str("x"), I(2)),
  pf("%v %v", nilErr, nilErr),
  pf("%s|%d|%x", B(true), B(false), B(true)),
  pf("%e|%g", I(1), Str("s")),
  pf("%.3q|%-8q|%8q|%08d|%-08d|%0-8d|", Str("abcdef"), Str("a"), I(65), I(-3), I(-3), I(-3)),
  pf(
    "%v|%+v|%d",
    a(`[]any{P{1, 2}, (*P)(nil), nil}`, iface(sliceOf(ANY), Slice.of([iface(P, new PStruct(1, 2)), iface(PPTR, null), null]))),
    outer,
    a("[]any{Celsius(1)}", iface(sliceOf(ANY), Slice.of([iface(CELSIUS, 1)]))),
  ),
  pf("100%%|%5%|%-5%|%d%%", I(7)),
  pf("%!d|%_d|%.d|%.f", I(1), I(2), I(3), F(2.5)),

  // More flags, indexes and types
  pr(Cel(1), Cel(2), a(`S("a")`, iface(S, "a")), a(`S("b")`, iface(S, "b")), I(3)),
  pln(errSlice, withErrSet, celsiusMap),
  pf("%v|%.2f|%5.1v", a("[]float32{0.1, 1.5}", iface(sliceOf(FLOAT32), Slice.of([Math.fround(0.1), 1.5]))), F32(0.1), F32(2.25)),
  pf("%6.3v|%-6.2s|%q", Strs(["abcdef", "xy"]), Strs(["abc"]), anys(`"a", 1, 'x'`, [str("a"), int(1), basic("int32", 120)])),
  pf(
    "%v|%s",
    a(
      `map[string]any{"a": nil, "b": []int{1}}`,
      iface(
        mapOf(STRING, ANY),
        simpleMap(STRING, [
          ["a", null],
          ["b", iface(sliceOf(INT), Slice.of([1]))],
        ]),
      ),
    ),
    errSlice,
  ),
  pf("%08.3f|%+.2e|%+v|% v", F(-0), F(-0), F(-0), F(0)),
  pf("%.3s|%.1q|%.2x", Bytes(goString("héllo")), Bytes("abc"), Bytes("abc")),
  pf("%5c|%-5c|%05c|%3q", I(65), I(0x65e5), I(66), I(67)),
  pf("%#x|%#o|%#b|%#X|%#O|%O", I(0), I(0), I(0), I(0), I(0), I(0)),
  pf("%+d|% d|%+x|% x|%+o", I(0), I(0), I(255), I(255), I(-8)),
  pf(
    "%T|%T|%T",
    a("(func(...int))(nil)", iface(funcOf({ params: [sliceOf(INT)], results: [], variadic: true }), null)),
    a("(func(int, string) (bool, error))(nil)", iface(funcOf({ params: [INT, STRING], results: [BOOL, ERROR], variadic: false }), null)),
    a("[3]P{}", iface(arrayOf(P, 3), [new PStruct(), new PStruct(), new PStruct()])),
  ),
  pf(
    "%v|%d|%t|%#v|%s",
    a("Flag(true)", iface(FLAG, true)),
    a("Flag(true)", iface(FLAG, true)),
    a("Flag(false)", iface(FLAG, false)),
    a("Flag(true)", iface(FLAG, true)),
    a("Flag(true)", iface(FLAG, true)),
  ),
  pf(
    "%v|%+v",
    a(
      "struct{ T Temps; C []Celsius }{Temps{1, 2}, []Celsius{3}}",
      iface(structOf([field("T", TEMPS), field("C", sliceOf(CELSIUS))]), { T: new TempsStruct(1, 2), C: Slice.of([3]) }),
    ),
    a("struct{ t Temps }{Temps{1, 2}}", iface(structOf([field("t", TEMPS)]), { t: new TempsStruct(1, 2) })),
  ),
  pf(
    "%v|%#v",
    a("map[P]Celsius{{1, 2}: 3}", iface(mapOf(P, CELSIUS), encodedMap(P, [[new PStruct(1, 2), 3]]))),
    a("map[P]Celsius{{1, 2}: 3}", iface(mapOf(P, CELSIUS), encodedMap(P, [[new PStruct(1, 2), 3]]))),
  ),
  pf("%*s|%-*s|%.*s|%*.*f|", I(6), Str("ab"), I(6), Str("ab"), I(2), Str("abc"), I(8), I(3), F(Math.E)),
  pf("%[2]*[1]d|%[1]d %[1]x %[1]o %#[1]x|%v %[1]T %[1]q", I(42), I(6)),
  pf("%-#10x|% +d|%+ d|%#s|%#d|%+s|%#t|%-+08.2f|", I(255), I(5), I(5), Str("x"), I(5), Str("é"), B(true), F(1.5)),
  pf(
    "%s|%v|%+v|%d",
    a(
      '[]any{[]any{1, map[string]int{"a": 1}}, Celsius(2)}',
      iface(
        sliceOf(ANY),
        Slice.of([iface(sliceOf(ANY), Slice.of([int(1), iface(mapOf(STRING, INT), simpleMap(STRING, [["a", 1]]))])), iface(CELSIUS, 2)]),
      ),
    ),
    Pv(-1, 0),
    Pv(0, -1),
    a("[]P{{1, 2}}", iface(sliceOf(P), Slice.of([new PStruct(1, 2)]))),
  ),
  pf("%x|%X|%x|%o", K("uint64", 4503599627370496), K("int64", -4503599627370496), K("uint32", 3735928559), K("uint16", 511)),
  pf("%v|%v|%v", K("uintptr", 0), K("int32", 0x7fffffff), K("uint8", 0)),
  pf("%e|%.1e|%E|%.0e|%e", F(1e-300), F(9.96), F(1e300), F(5e-324), F(1.7976931348623157e308)),
  pf("%.3f|%.10f|%.15g|%g|%.4g", F(1e15 + 0.3), F(1 / 3), F(0.1 + 0.2), F(0.1 + 0.2), F(0.00012345)),
  pf("%v|%v|%v|%v", F32(1e10), F32(1e-10), F32(123456789), F32(0.3)),
  pf("%s|%v|%q", errStruct, a(`[]error{errors.New("e1")}`, iface(sliceOf(ERROR), Slice.of([errorsNew("e1")]))), MyErr(9)),
  pf("%6v|%-6v|%06v|", MyErr(1), Cel(1), I(-1)),
  pf("%v %v %v", gosyn, panicky, gosyn),
  pf("%#v|%#v|%#v|%#v", B(true), Str('q"\n'), K("int8", -3), a("Bytes(nil)", iface(BYTES, null))),
  pf(
    "%v|%#v|%x",
    a("[]Flag{true}", iface(sliceOf(FLAG), Slice.of([true]))),
    a('[]S{"a"}', iface(sliceOf(S), Slice.of(["a"]))),
    a('[]S{"a", "b"}', iface(sliceOf(S), Slice.of(["a", "b"]))),
  ),
];

/** Errorf: its message, and what it wraps. */
const ERRORF_CASES: readonly Case[] = [
  {
    go: `func() string { e := fmt.Errorf("wrap: %w", &MyErr{3}); return e.Error() + "|" + fmt.Sprint(errors.Unwrap(e)) }()`,
    ts: () => {
      const { message, wrapped } = errorfParts(goString("wrap: %w"), [iface(MYERR_PTR, new MyErrStruct(3))]);
      return message + "|" + sprint([wrapped ?? null]);
    },
  },
  {
    go: `func() string { e := fmt.Errorf("%w and %w", &MyErr{1}, &MyErr{2}); return e.Error() + "|" + fmt.Sprint(errors.Unwrap(e)) }()`,
    ts: () => {
      const { message, wrapped } = errorfParts(goString("%w and %w"), [
        iface(MYERR_PTR, new MyErrStruct(1)),
        iface(MYERR_PTR, new MyErrStruct(2)),
      ]);
      return message + "|" + sprint([wrapped ?? null]);
    },
  },
  {
    go: `func() string { e := fmt.Errorf("n=%d %w", 5, nil); return e.Error() + "|" + fmt.Sprint(errors.Unwrap(e)) }()`,
    ts: () => {
      const { message, wrapped } = errorfParts(goString("n=%d %w"), [int(5), null]);
      return message + "|" + sprint([wrapped ?? null]);
    },
  },
];

// ---------------------------------------------------------------------------
// strconv and Duration

const call = (go: string, ts: () => string): Case => ({ go, ts });

const FLOAT_VALUES = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.5,
  1.5,
  2.5,
  1 / 3,
  2 / 3,
  100,
  1e21,
  1e-7,
  123456789.123,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  1234.5678,
  9.999999e-5,
  999999.5,
  0.000123456,
  3.0000000000000004,
  2 ** 53 + 2,
  4.35,
  0.015625,
];
const FLOAT_FORMATS: readonly (readonly [strconv.FloatFormat, number])[] = [
  ["e", -1],
  ["e", 0],
  ["e", 3],
  ["E", 17],
  ["f", -1],
  ["f", 0],
  ["f", 2],
  ["f", 20],
  ["g", -1],
  ["g", 0],
  ["g", 3],
  ["G", 10],
  ["g", 25],
  ["b", -1],
  ["x", -1],
  ["X", 3],
];

function floatCases(): Case[] {
  const cases: Case[] = [];
  for (const x of FLOAT_VALUES) {
    for (const [format, prec] of FLOAT_FORMATS) {
      for (const bits of [64, 32] as const) {
        cases.push(
          call(`strconv.FormatFloat(${goFloat(x)}, '${format}', ${prec}, ${bits})`, () => strconv.FormatFloat(x, format, prec, bits)),
        );
      }
    }
  }
  return cases;
}

/** A seeded generator (xorshift32): the same values every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

function randomFloatCases(): Case[] {
  const next = generator(0x9e3779b9);
  const view = new DataView(new ArrayBuffer(8));
  const cases: Case[] = [];
  for (let n = 0; n < 300; n++) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    const x = view.getFloat64(0);
    if (!Number.isFinite(x)) continue;
    const prec = next() % 20;
    cases.push(
      call(`strconv.FormatFloat(${goFloat(x)}, 'g', -1, 64) + " " + strconv.FormatFloat(${goFloat(x)}, 'e', ${prec}, 64)`, () => {
        return strconv.FormatFloat(x, "g", -1, 64) + " " + strconv.FormatFloat(x, "e", prec, 64);
      }),
    );
    const bits32 = next();
    view.setUint32(0, bits32);
    const y = view.getFloat32(0);
    if (!Number.isFinite(y)) continue;
    cases.push(
      call(
        `strconv.FormatFloat(float64(math.Float32frombits(${bits32})), 'g', -1, 32) + " " + strconv.FormatFloat(float64(math.Float32frombits(${bits32})), 'f', ${prec}, 32)`,
        () => {
          return strconv.FormatFloat(y, "g", -1, 32) + " " + strconv.FormatFloat(y, "f", prec, 32);
        },
      ),
    );
  }
  return cases;
}

const parsed = (r: strconv.Parsed<number | boolean>): string => `${String(r.value)}|${r.err ?? "<nil>"}`;
const parsedFloat = (r: strconv.Parsed<number>): string => `${strconv.FormatFloat(r.value, "g", -1, 64)}|${r.err ?? "<nil>"}`;

const PARSE_INPUTS = [
  "0",
  "42",
  "-42",
  "+7",
  "",
  "-",
  "+",
  "x",
  "12a",
  " 1",
  "1_000",
  "0x1F",
  "0b101",
  "0o17",
  "017",
  "0_17",
  "0x_1f",
  "0x",
  "9223372036854775807",
  "-9223372036854775808",
  "9223372036854775808",
  "99999999999999999999",
  "1__0",
  "_1",
  "1_",
  "0X1f",
  "127",
  "128",
  "-129",
  "255",
  "256",
  "zz",
];
const FLOAT_INPUTS = [
  "0",
  "1",
  "-1.5",
  "1e10",
  "1E-10",
  ".5",
  "5.",
  ".",
  "1e",
  "1e+",
  "inf",
  "-Inf",
  "+INF",
  "infinity",
  "-infinity",
  "infin",
  "nan",
  "NaN",
  "+nan",
  "0x1p-2",
  "0x1.8p1",
  "0x1.fffffffffffffp1023",
  "0x1p1024",
  "0x1",
  "0x.8p0",
  "1_000.5",
  "0x_1p0",
  "1e400",
  "-1e400",
  "1e-400",
  "4.9e-324",
  "2.4703282292062327e-324",
  "2.4703282292062328e-324",
  "1.7976931348623157e308",
  "1.7976931348623159e308",
  "0.1",
  "3.4028235e38",
  "3.4028236e38",
  "1.401298464324817e-45",
  "7e-46",
  "123456789012345678901234567890",
  "0.000000000000000000000000000001",
  "1.00000005960464477539062500",
  "1.00000005960464477539062501",
  "16777217",
  "1e",
  "--1",
  "1.5x",
  "0x1.8p+1_0",
  "9007199254740993",
];
const BOOL_INPUTS = ["1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "yes", "tRuE", ""];
const QUOTE_INPUTS = [
  "hello",
  "héllo\n",
  "\u0000\u0007\u001f\u007f",
  'tab\t"quote"\\',
  "😀☺",
  "\u00ad\u200b\u2028\ufeff",
  "\u0378\u{e0001}\u{10ffff}",
];
const QUOTE_RUNES = [97, 39, 34, 10, 0, 0x7f, 0xe9, 0x1f600, 0xd800, 0x110000, -1, 0xad, 0xfffd, 0x0378, 0xa0, 0x2028];
const DURATIONS = [
  0,
  1,
  999,
  1000,
  1500,
  999999,
  1000000,
  1500000,
  999999999,
  1e9,
  1.5e9,
  59e9,
  60e9,
  90e9,
  3599e9,
  3600e9,
  7200e9,
  3723004005006,
  -1500,
  -90e9,
  250e6,
  100e9 * 3600,
  1,
  12345678901234,
];

function strconvCases(): Case[] {
  const cases: Case[] = [];
  for (const s of PARSE_INPUTS) {
    const lit = goLit(s);
    cases.push(call(`atoi(${lit})`, () => parsedSafe(() => strconv.Atoi(s))));
    for (const [base, bits] of [
      [0, 64],
      [10, 8],
      [16, 16],
      [0, 0],
    ] as const) {
      cases.push(call(`parseInt(${lit}, ${base}, ${bits})`, () => parsedSafe(() => strconv.ParseInt(s, base, bits))));
    }
    cases.push(call(`parseUint(${lit}, 0, 32)`, () => parsedSafe(() => strconv.ParseUint(s, 0, 32))));
  }
  cases.push(call(`parseInt("1", 1, 64)`, () => parsed(strconv.ParseInt("1", 1, 64))));
  cases.push(call(`parseInt("1", 37, 64)`, () => parsed(strconv.ParseInt("1", 37, 64))));
  cases.push(call(`parseInt("1", 10, 65)`, () => parsed(strconv.ParseInt("1", 10, 65))));
  cases.push(call(`parseInt("z", 36, 64)`, () => parsed(strconv.ParseInt("z", 36, 64))));
  for (const s of FLOAT_INPUTS) {
    cases.push(call(`parseFloat(${goLit(s)}, 64)`, () => parsedFloat(strconv.ParseFloat(s, 64))));
    cases.push(call(`parseFloat(${goLit(s)}, 32)`, () => parsedFloat(strconv.ParseFloat(s, 32))));
  }
  for (const s of BOOL_INPUTS) cases.push(call(`parseBool(${goLit(s)})`, () => parsed(strconv.ParseBool(s))));
  for (const text of QUOTE_INPUTS) {
    const b = goString(text);
    cases.push(
      call(
        `strconv.Quote(${goLit(b)}) + strconv.QuoteToASCII(${goLit(b)}) + strconv.QuoteToGraphic(${goLit(b)})`,
        () => strconv.Quote(b) + strconv.QuoteToASCII(b) + strconv.QuoteToGraphic(b),
      ),
    );
    cases.push(call(`fmt.Sprint(strconv.CanBackquote(${goLit(b)}))`, () => String(strconv.CanBackquote(b))));
  }
  cases.push(call(`strconv.Quote("\\xff\\xc3(\\xe2\\x82")`, () => strconv.Quote("\xff\xc3(\xe2\x82")));
  for (const r of QUOTE_RUNES)
    cases.push(call(`strconv.QuoteRune(${r}) + strconv.QuoteRuneToASCII(${r})`, () => strconv.QuoteRune(r) + strconv.QuoteRuneToASCII(r)));
  for (const [i, base] of [
    [255, 2],
    [-255, 16],
    [0, 36],
    [9007199254740991, 36],
    [-9007199254740991, 7],
    [35, 36],
  ] as const) {
    cases.push(call(`strconv.FormatInt(${i}, ${base})`, () => strconv.FormatInt(i, base)));
  }
  cases.push(
    call(
      `strconv.Itoa(-12345) + strconv.FormatBool(true) + strconv.FormatUint(42, 16)`,
      () => strconv.Itoa(-12345) + strconv.FormatBool(true) + strconv.FormatUint(42, 16),
    ),
  );
  for (const d of DURATIONS) cases.push(call(`time.Duration(${d}).String()`, () => durationString(d)));
  return cases;
}

/** A parse that may stop the run (beyond 2^53) says so instead of a value. */
function parsedSafe(f: () => strconv.Parsed<number>): string {
  try {
    return parsed(f());
  } catch (e) {
    return `STOP ${(e as Error).message}`;
  }
}

const GO_HELPERS = `
func atoi(s string) string { v, err := strconv.Atoi(s); return stop(v, err) }

func parseInt(s string, base, bits int) string { v, err := strconv.ParseInt(s, base, bits); return stop(int(v), err) }

func parseUint(s string, base, bits int) string {
	v, err := strconv.ParseUint(s, base, bits)
	if v > 1<<53-1 {
		return "STOP integer overflow beyond 2^53 is not supported by chanscope"
	}
	return fmt.Sprintf("%d|%v", v, err)
}

// What chanscope does with an int beyond 2^53: stops (see parsedSafe).
func stop(v int, err error) string {
	if v > 1<<53-1 || v < -(1<<53-1) {
		return "STOP integer overflow beyond 2^53 is not supported by chanscope"
	}
	return fmt.Sprintf("%d|%v", v, err)
}

func parseFloat(s string, bits int) string {
	v, err := strconv.ParseFloat(s, bits)
	return strconv.FormatFloat(v, 'g', -1, 64) + "|" + fmt.Sprint(err)
}

func parseBool(s string) string { v, err := strconv.ParseBool(s); return fmt.Sprintf("%t|%v", v, err) }
`;

const PRINTABLE_GENERATOR = `
func printable() string {
	var parts []string
	in, last := false, rune(0)
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		p := r <= unicode.MaxRune && strconv.IsPrint(r)
		if p != in {
			parts = append(parts, strconv.FormatInt(int64(r-last), 36))
			last, in = r, p
		}
	}
	return strings.Join(parts, " ")
}
`;

function goProgram(cases: readonly Case[]): string {
  return `package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

var _ = math.Pi
var _ = time.Second
var _ = errors.New
${GO_DECLARATIONS}
${GO_HELPERS}
${PRINTABLE_GENERATOR}
func main() {
	fmt.Println(printable())
	out := []string{
${cases.map((c) => `\t\t${c.go},`).join("\n")}
	}
	for _, s := range out {
		fmt.Printf("%x\\n", s)
	}
}
`;
}

// ---------------------------------------------------------------------------

const bin = hasGo ? mkdtempSync(join(tmpdir(), "chanscope-gofmt-")) : "";
afterAll(() => {
  if (bin !== "") rmSync(bin, { recursive: true, force: true });
});

const GO_ENV = {
  ...process.env,
  GOCACHE: process.env["GOCACHE"] ?? join(tmpdir(), "chanscope-go-cache"),
  GOPATH: process.env["GOPATH"] ?? join(tmpdir(), "chanscope-gopath"),
  GO111MODULE: "off",
};

/** Runs the program with real Go: the printable table, then each case's bytes. */
function runGo(cases: readonly Case[]): { readonly printable: string; readonly outputs: readonly string[] } {
  const src = join(bin, "cases.go");
  const exe = join(bin, "cases");
  writeFileSync(src, goProgram(cases));
  execFileSync("go", ["build", "-o", exe, src], { stdio: "pipe", env: GO_ENV });
  const r = spawnSync(exe, [], { encoding: "latin1", timeout: 60_000, maxBuffer: 64 << 20 });
  const lines = r.stdout.split("\n");
  const outputs = lines.slice(1, 1 + cases.length).map((hex) => {
    let s = "";
    for (let i = 0; i < hex.length; i += 2) s += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return s;
  });
  return { printable: lines[0] ?? "", outputs };
}

function computed(c: Case): string {
  try {
    return c.ts();
  } catch (e) {
    return `THREW ${(e as Error).message}`;
  }
}

const ALL: readonly { readonly group: string; readonly cases: readonly Case[] }[] = [
  { group: "fmt", cases: [...FMT_CASES, ...ERRORF_CASES] },
  { group: "strconv.FormatFloat", cases: [...floatCases(), ...randomFloatCases()] },
  { group: "strconv and Duration", cases: strconvCases() },
];

describe.skipIf(!hasGo)("fmt, strconv and Duration.String against Go 1.19", () => {
  const flat = ALL.flatMap((g) => g.cases);
  let go: ReturnType<typeof runGo> | undefined;
  const fromGo = (): ReturnType<typeof runGo> => (go ??= runGo(flat));

  it("has Go's table of printable runes", () => {
    expect(PRINTABLE.trim().split(/\s+/).join(" ")).toBe(fromGo().printable);
  });

  let at = 0;
  for (const { group, cases } of ALL) {
    const from = at;
    at += cases.length;
    it(`prints what Go prints: ${group} (${cases.length} cases)`, () => {
      const outputs = fromGo().outputs;
      // Compared as bytes, shown as text.
      const differences = cases
        .map((c, i) => ({ go: c.go, want: outputs[from + i] ?? "(missing)", got: computed(c) }))
        .filter((d) => d.want !== d.got)
        .map((d) => ({ go: d.go, want: jsText(d.want), got: jsText(d.got) }));
      expect(differences).toEqual([]);
    });
  }
});
