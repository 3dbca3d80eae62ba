// Go's panics as a compiled program raises and recovers them. A panic is the
// runtime's GoPanic: its message is what Go prints after "panic: ", its value
// the Go value recover() returns (an Iface, or null for panic(nil)).

import { GoPanic, isPanic } from "../../runtime/index";
import { sprint } from "./fmt";
import { basicType, definedType, pointerTo, typeString, type GoType } from "./types";
import { Iface, goString, jsText } from "./values";

const STRING = basicType("string");

/** runtime.Error's dynamic type: Go's runtime errors (index out of range, nil map write…) are *runtime.Error values here. */
class RuntimeError {
  constructor(readonly text: string) {}
}
export const RUNTIME_ERROR_TYPE: GoType = definedType("runtime.Error", {
  kind: "struct",
  fields: [{ name: "text", type: STRING, embedded: false, exported: false }],
});
const RUNTIME_ERROR_PTR = pointerTo(RUNTIME_ERROR_TYPE);
RUNTIME_ERROR_PTR.methods.set("Error", (e) => (e as RuntimeError).text);
RUNTIME_ERROR_PTR.methods.set("RuntimeError", () => undefined);

/** A runtime error value, as recover() sees it: its Error() is `text` (a Go byte string). */
export function runtimeErrorValue(text: string): Iface {
  return new Iface(RUNTIME_ERROR_PTR, new RuntimeError(text));
}

/** Go's runtime panic "runtime error: <what>" (index out of range, nil map write, divide by zero…). */
export function runtimeError(what: string): never {
  const text = `runtime error: ${what}`;
  throw new GoPanic(text, runtimeErrorValue(goString(text)));
}

/** A runtime panic whose text has no "runtime error: " prefix (Go's plainError: "assignment to entry in nil map"). */
export function plainRuntimeError(text: string): never {
  throw new GoPanic(text, runtimeErrorValue(goString(text)));
}

/** Go's `panic(v)`; v is the Go value (an Iface, or null for panic(nil)). */
export function goPanic(v: Iface | null): never {
  throw new GoPanic(panicValueText(v), v);
}

/** How Go's runtime prints a panic value (printpanicval): errors and Stringers by their method, basic values as print does. */
export function panicValueText(v: Iface | null): string {
  if (v === null) return "panic called with nil argument (use runtime.PanicNilError)";
  const error = v.type.methods.get("Error");
  if (error !== undefined) return jsText(error(v.value) as string);
  const stringer = v.type.methods.get("String");
  if (stringer !== undefined) return jsText(stringer(v.value) as string);
  const s = v.type.shape;
  if (s.kind === "basic") {
    const text = basicPrint(s.basic, v.value);
    // A named basic type prints as main.Code(42); a plain one as its value.
    return v.type.name === undefined ? text : `${v.type.name}(${text})`;
  }
  return `(${typeString(v.type)}) 0xADDRESS`;
}

function basicPrint(kind: string, value: unknown): string {
  if (kind === "string") return jsText(value as string);
  if (kind === "float64" || kind === "float32") return printFloat(value as number);
  return String(value);
}

/** Go's print(float): +1.500000e+000. */
function printFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  const [mant, exp] = x.toExponential(6).split("e") as [string, string];
  const e = Number(exp);
  const sign = mant.startsWith("-") ? "-" : "+";
  return `${sign}${mant.replace("-", "")}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(3, "0")}`;
}

/**
 * The Go value recover() returns for what a goroutine threw: a Go panic's own
 * value; a runtime panic raised by chanscope's runtime (its value is the
 * message) as a runtime error; a JS engine error (reading a property of null:
 * a nil pointer dereference) as Go's nil dereference.
 */
export function recoveredValue(e: unknown): Iface | null {
  if (isPanic(e)) {
    const v = e.value;
    if (v === null || v instanceof Iface) return v;
    const text = goString(typeof v === "string" ? v : e.message);
    // sync's panics are strings in Go (panic("sync: negative WaitGroup counter")); the channel ones are runtime errors.
    return text.startsWith("sync: ") ? new Iface(STRING, text) : runtimeErrorValue(text);
  }
  if (e instanceof TypeError) return runtimeErrorValue(goString("runtime error: invalid memory address or nil pointer dereference"));
  return new Iface(STRING, goString(sprint([new Iface(STRING, goString(String(e)))])));
}
