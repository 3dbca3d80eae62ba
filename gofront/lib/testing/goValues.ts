// Go values for the tests of gofront/lib, built by hand the way a compiled
// program builds them (values.ts, types.ts): interface operands as Iface,
// structs as class instances, method tables filled in. The types match the
// Go declarations in GO_DECLARATIONS, which the oracle test compiles with
// real Go, so a case can print the same value on both sides.

import { panic } from "../../../runtime/panic";
import { sprintf } from "../fmt";
import { basicType, definedType, pointerTo, type BasicKind, type GoType, type MethodFn, type StructField } from "../types";
import { GoMap, Iface, goString, type Ptr } from "../values";

export const BOOL = basicType("bool");
export const INT = basicType("int");
export const INT8 = basicType("int8");
export const INT16 = basicType("int16");
export const INT32 = basicType("int32");
export const INT64 = basicType("int64");
export const UINT = basicType("uint");
export const UINT8 = basicType("uint8");
export const UINT16 = basicType("uint16");
export const UINT32 = basicType("uint32");
export const UINT64 = basicType("uint64");
export const UINTPTR = basicType("uintptr");
export const FLOAT32 = basicType("float32");
export const FLOAT64 = basicType("float64");
export const STRING = basicType("string");

export const iface = (t: GoType, v: unknown): Iface => new Iface(t, v);
export const int = (n: number): Iface => iface(INT, n);
export const f64 = (x: number): Iface => iface(FLOAT64, x);
export const f32 = (x: number): Iface => iface(FLOAT32, Math.fround(x));
/** A string operand from JS text (its UTF-8 bytes). */
export const str = (text: string): Iface => iface(STRING, goString(text));
export const basic = (kind: BasicKind, v: unknown): Iface => iface(basicType(kind), v);

export const field = (name: string, type: GoType, embedded = false): StructField => ({
  name,
  type,
  embedded,
  exported: /^[A-Z]/.test(name),
});

/** A map of a key type JS compares by value (numbers, byte strings, booleans). */
export function simpleMap(key: GoType, entries: readonly (readonly [unknown, unknown])[]): GoMap {
  const m = new GoMap(key, (k) => k);
  for (const [k, v] of entries) m.set(k, v);
  return m;
}

/** A map whose keys are encoded to strings (struct, array and interface keys). */
export function encodedMap(key: GoType, entries: readonly (readonly [unknown, unknown])[]): GoMap {
  const m = new GoMap(key, encodeKey);
  for (const [k, v] of entries) m.set(k, v);
  return m;
}

function encodeKey(k: unknown): string {
  if (k instanceof Iface) return `${k.type.name ?? JSON.stringify(k.type.shape)}:${encodeKey(k.value)}`;
  // String keeps NaN and the infinities apart, and makes -0 the key 0 is, as Go's == does.
  if (typeof k === "number") return String(k);
  return JSON.stringify(k);
}

/** What a pointer's method does with a value receiver: call it on *p (a nil p panics, as Go's nil dereference). */
function onPointee(fn: MethodFn, elem: GoType): MethodFn {
  return (p, ...args) => {
    if (p === null) panic("runtime error: invalid memory address or nil pointer dereference");
    return fn(elem.shape.kind === "struct" ? p : (p as Ptr).get(), ...args);
  };
}

/** Declares a method: a value receiver's goes in both T's and *T's tables, a pointer receiver's in *T's only. */
export function method(t: GoType, name: string, fn: MethodFn, receiver: "value" | "pointer" = "value"): void {
  if (receiver === "value") {
    t.methods.set(name, fn);
    pointerTo(t).methods.set(name, onPointee(fn, t));
  } else {
    pointerTo(t).methods.set(name, fn);
  }
}

// ---------------------------------------------------------------------------
// The fixtures: each with its Go declaration in GO_DECLARATIONS.

export class PStruct {
  constructor(
    public X = 0,
    public Y = 0,
  ) {}
}
export const P = definedType("main.P", { kind: "struct", fields: [field("X", INT), field("Y", INT)] });
export const PPTR = pointerTo(P);

export const CELSIUS = definedType("main.Celsius", { kind: "basic", basic: "float64" });
method(CELSIUS, "String", (c) => sprintf(goString("%.1f°C"), [f64(c as number)]));

export class MyErrStruct {
  constructor(public Code = 0) {}
}
export const MYERR = definedType("main.MyErr", { kind: "struct", fields: [field("Code", INT)] });
export const MYERR_PTR = pointerTo(MYERR);
method(MYERR, "Error", (e) => sprintf("code %d", [int((e as MyErrStruct).Code)]), "pointer");

export class ErrorString {
  constructor(public s = "") {}
}
export const ERRORS_ERRORSTRING = definedType("errors.errorString", { kind: "struct", fields: [field("s", STRING)] });
method(ERRORS_ERRORSTRING, "Error", (e) => (e as ErrorString).s, "pointer");
/** Go's errors.New(text). */
export const errorsNew = (text: string): Iface => iface(pointerTo(ERRORS_ERRORSTRING), new ErrorString(goString(text)));

export const PANICKY = definedType("main.Panicky", { kind: "basic", basic: "int" });
method(PANICKY, "String", () => panic(str("boom")));

export const PANICERR = definedType("main.PanicErr", { kind: "basic", basic: "int" });
method(PANICERR, "Error", () => panic(errorsNew("bad")));

export class NamedStruct {
  constructor(public name = "") {}
}
export const NAMED = definedType("main.Named", { kind: "struct", fields: [field("name", STRING)] });
method(NAMED, "String", (n) => goString("named ") + (n as NamedStruct).name, "pointer");

export const GOSYN = definedType("main.GoSyn", { kind: "basic", basic: "int" });
method(GOSYN, "GoString", () => "GoSyn!");

export class TempsStruct {
  constructor(
    public Hi = 0,
    public lo = 0,
  ) {}
}
export const TEMPS = definedType("main.Temps", { kind: "struct", fields: [field("Hi", CELSIUS), field("lo", CELSIUS)] });

export const S = definedType("main.S", { kind: "basic", basic: "string" });
export const BYTES = definedType("main.Bytes", { kind: "slice", elem: UINT8 });
export const FLAG = definedType("main.Flag", { kind: "basic", basic: "bool" });

export class PtrStringerStruct {
  constructor(public N = 0) {}
}
export const PTRSTRINGER = definedType("main.PtrStringer", { kind: "struct", fields: [field("N", INT)] });
method(PTRSTRINGER, "String", () => "ptr", "pointer");

/** The same types in Go. */
export const GO_DECLARATIONS = `
type P struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Panicky int

func (Panicky) String() string { panic("boom") }

type PanicErr int

func (PanicErr) Error() string { panic(errors.New("bad")) }

type Named struct{ name string }

func (n *Named) String() string { return "named " + n.name }

type GoSyn int

func (GoSyn) GoString() string { return "GoSyn!" }

type Temps struct {
	Hi Celsius
	lo Celsius
}

type S string

type Bytes []byte

type Flag bool

type PtrStringer struct{ N int }

func (p *PtrStringer) String() string { return "ptr" }
`;
