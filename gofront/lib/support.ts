// What compiled Go calls besides the runtime and the standard packages: Go's
// integer arithmetic, bounds-checked indexing, slices and maps, strings as
// bytes, conversions, equality, interfaces, defer and recover. The emitter
// (gofront/compiler/emit) names these by what they do; each panics exactly as
// Go's runtime does.

import { GoPanic, goid, isExiting, isPanic } from "../../runtime/index";
import { errorfParts, sprint, sprintf, sprintln } from "./fmt";
import { appendMade, bytesText } from "./std/append";
import { New as errorsNew } from "./std/errors";
import { goPanic, plainRuntimeError, recoveredValue, runtimeError, runtimeErrorValue } from "./panics";
import { basicType, definedType, pointerTo, typeString, type GoType } from "./types";
import { GoMap, Iface, Ptr, Slice, decodeRune, goString, jsText, runeString } from "./values";

export * from "./values";
export * from "./types";
export { goPanic, runtimeError } from "./panics";
export { sprint, sprintf, sprintln } from "./fmt";

// ---------------------------------------------------------------------------
// Integers. int, int64, uint and uint64 are JS numbers, exact up to 2^53: a
// result beyond stops the run with a clear error, never a silently wrong value.

const SAFE = Number.MAX_SAFE_INTEGER;

/** A 64-bit integer result: exact, or the run stops saying why. */
export function int64(x: number): number {
  if (x <= SAFE && x >= -SAFE) return x;
  return tooBig(x);
}

function tooBig(x: number | string): never {
  throw new GoPanic(
    `chanscope: an integer result (${x}) is beyond ±2^53, where chanscope's int, int64 and uint64 stop being exact`,
    new Iface(STRING, goString(`chanscope: integer overflow beyond 2^53 (${x})`)),
  );
}

/** uint/uint64 results: below zero wraps, which chanscope cannot represent exactly above 2^53. */
export function uint64(x: number): number {
  if (x >= 0 && x <= SAFE) return x;
  // Below zero wraps to 2^64 + x, which is beyond 2^53.
  return tooBig(x < 0 && x >= -SAFE ? `${(2n ** 64n + BigInt(x)).toString()} (${x} wrapped)` : x);
}

/** 64-bit multiplication: exact when the product is, else the wrapped product if that is exact. */
export function mul64(a: number, b: number, unsigned: boolean): number {
  const p = a * b;
  if (p <= SAFE && p >= -SAFE) return unsigned && p < 0 ? uint64(p) : p;
  const big = BigInt(a) * BigInt(b);
  const w = Number(unsigned ? BigInt.asUintN(64, big) : BigInt.asIntN(64, big));
  return w <= SAFE && w >= -SAFE ? w : tooBig(p);
}

/** Wraps x to a sized integer kind, as Go's conversions and arithmetic do. */
export function wrap(kind: string, x: number): number {
  switch (kind) {
    case "int8":
      return (x << 24) >> 24;
    case "int16":
      return (x << 16) >> 16;
    case "int32":
      return x | 0;
    case "uint8":
      return x & 0xff;
    case "uint16":
      return x & 0xffff;
    case "uint32":
      return x >>> 0;
    case "uint":
    case "uint64":
    case "uintptr":
      return uint64(x);
    default:
      return int64(x);
  }
}

/** A float converted to an integer kind: truncated toward zero, then wrapped (Go leaves out-of-range conversions implementation-defined). */
export function floatToInt(kind: string, x: number): number {
  const t = Math.trunc(x);
  if (kind === "int32" || kind === "int16" || kind === "int8" || kind === "uint8" || kind === "uint16" || kind === "uint32")
    return wrap(kind, Number.isFinite(t) ? Number(BigInt.asIntN(64, BigInt(t))) : 0);
  return wrap(kind, Number.isFinite(t) ? t : -(2 ** 63));
}

export function div(kind: string, a: number, b: number): number {
  if (b === 0) runtimeError("integer divide by zero");
  return wrap(kind, Math.trunc(a / b) + 0);
}

export function rem(a: number, b: number): number {
  if (b === 0) runtimeError("integer divide by zero");
  return (a % b) + 0;
}

const BITS: Readonly<Record<string, number>> = {
  int8: 8,
  int16: 16,
  int32: 32,
  uint8: 8,
  uint16: 16,
  uint32: 32,
};

function shiftCount(s: number): number {
  if (s < 0) runtimeError("negative shift amount");
  return s;
}

export function shl(kind: string, a: number, s: number): number {
  const n = shiftCount(s);
  const bits = BITS[kind];
  if (bits !== undefined) return n >= bits ? 0 : wrap(kind, bits === 32 ? a << n : a * 2 ** n);
  if (n >= 64) return 0;
  const unsigned = kind.startsWith("u");
  const exact = a * 2 ** n;
  if (exact <= SAFE && exact >= -SAFE) return exact;
  const big = BigInt(a) << BigInt(n);
  const w = Number(unsigned ? BigInt.asUintN(64, big) : BigInt.asIntN(64, big));
  return w <= SAFE && w >= -SAFE ? w : tooBig(exact);
}

export function shr(kind: string, a: number, s: number): number {
  const n = shiftCount(s);
  const unsigned = kind.startsWith("u");
  if (kind === "uint32") return n >= 32 ? 0 : a >>> n;
  if (BITS[kind] !== undefined && !unsigned) return a >> Math.min(n, 31);
  if (n >= 64) return a < 0 ? -1 : 0;
  return Math.floor(a / 2 ** n);
}

type BitOp = "&" | "|" | "^" | "&^";

/** & | ^ &^ on any integer kind (JS's operators are 32-bit: wider values go through BigInt). */
export function bits(kind: string, op: BitOp, a: number, b: number): number {
  if (BITS[kind] !== undefined && kind !== "uint32") return wrap(kind, bit32(op, a, b));
  if ((a | 0) === a && (b | 0) === b && a >= 0 && b >= 0) return bit32(op, a, b);
  const x = BigInt(a);
  const y = BigInt(b);
  const r = op === "&" ? x & y : op === "|" ? x | y : op === "^" ? x ^ y : x & ~y;
  const unsigned = kind.startsWith("u");
  const w = Number(unsigned ? BigInt.asUintN(kind === "uint32" ? 32 : 64, r) : BigInt.asIntN(64, r));
  return w <= SAFE && w >= -SAFE ? w : tooBig(w);
}

function bit32(op: BitOp, a: number, b: number): number {
  return op === "&" ? a & b : op === "|" ? a | b : op === "^" ? a ^ b : a & ~b;
}

/** Unary ^x. */
export function complement(kind: string, a: number): number {
  if (kind.startsWith("u")) {
    const bitsOf = BITS[kind] ?? 64;
    const w = Number(BigInt.asUintN(bitsOf, ~BigInt(a)));
    return w <= SAFE ? w : tooBig(w);
  }
  return -a - 1;
}

// ---------------------------------------------------------------------------
// Strings as bytes

const STRING = basicType("string");

export function strAt(s: string, i: number): number {
  if (i < 0 || i >= s.length || !Number.isInteger(i)) indexOutOfRange(i, s.length);
  return s.charCodeAt(i);
}

export function strSlice(s: string, lo: number | undefined, hi: number | undefined): string {
  const l = lo ?? 0;
  const h = hi ?? s.length;
  if (h < 0 || h > s.length) runtimeError(`slice bounds out of range [:${h}] with length ${s.length}`);
  if (l < 0 || l > h) runtimeError(`slice bounds out of range [${l}:${h}]`);
  return s.slice(l, h);
}

/** string(bytes) for a []byte. */
export const bytesToString = bytesText;

export function stringToBytes(s: string): Slice<number> {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return Slice.of(out);
}

export function stringToRunes(s: string): Slice<number> {
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const r = decodeRune(s, i);
    out.push(r.rune);
    i += r.width;
  }
  return Slice.of(out);
}

export function runesToString(r: Slice<number> | null): string {
  if (r === null) return "";
  let s = "";
  for (let i = 0; i < r.length; i++) s += runeString(r.array[r.offset + i] as number);
  return s;
}

export { runeString, decodeRune };

/** A Go string literal's bytes from its JS text. */
export const lit = goString;

// ---------------------------------------------------------------------------
// Slices and arrays

function indexOutOfRange(i: number, length: number): never {
  return runtimeError(`index out of range [${i}] with length ${length}`);
}

export function idx<T>(s: Slice<T> | null, i: number): T {
  if (s === null) return indexOutOfRange(i, 0);
  if (i < 0 || i >= s.length) indexOutOfRange(i, s.length);
  return s.array[s.offset + i] as T;
}

export function setIdx<T>(s: Slice<T> | null, i: number, v: T): void {
  if (s === null) indexOutOfRange(i, 0);
  if (i < 0 || i >= s.length) indexOutOfRange(i, s.length);
  s.array[s.offset + i] = v;
}

export function aidx<T>(a: T[], i: number): T {
  if (i < 0 || i >= a.length) indexOutOfRange(i, a.length);
  return a[i] as T;
}

export function setAidx<T>(a: T[], i: number, v: T): void {
  if (i < 0 || i >= a.length) indexOutOfRange(i, a.length);
  a[i] = v;
}

/** s[lo:hi:max] of a slice. */
export function slice<T>(s: Slice<T> | null, lo: number | undefined, hi: number | undefined, max: number | undefined): Slice<T> | null {
  const cap = s === null ? 0 : s.cap;
  const length = s === null ? 0 : s.length;
  const m = max ?? cap;
  const h = hi ?? length;
  const l = lo ?? 0;
  if (m < 0 || m > cap) runtimeError(`slice bounds out of range [::${m}] with capacity ${cap}`);
  if (h < 0 || h > m)
    runtimeError(max === undefined ? `slice bounds out of range [:${h}] with capacity ${cap}` : `slice bounds out of range [:${h}:${m}]`);
  if (l < 0 || l > h) runtimeError(`slice bounds out of range [${l}:${h}]`);
  if (s === null) return null;
  return new Slice(s.array, s.offset + l, h - l, m - l);
}

/** a[lo:hi:max] of an array (the slice shares it). */
export function sliceArray<T>(a: T[], lo: number | undefined, hi: number | undefined, max: number | undefined): Slice<T> {
  return slice(new Slice(a, 0, a.length, a.length), lo, hi, max) as Slice<T>;
}

/** make([]T, n, c): `zero` gives each element's zero value. */
export function makeSlice<T>(n: number, c: number | undefined, zero: () => T): Slice<T> {
  const cap = c ?? n;
  if (n < 0) runtimeError("makeslice: len out of range");
  if (cap < n) runtimeError("makeslice: cap out of range");
  const array = new Array<T>(cap);
  for (let i = 0; i < cap; i++) array[i] = zero();
  return new Slice(array, 0, n, cap);
}

export function makeArray<T>(n: number, zero: () => T): T[] {
  const a = new Array<T>(n);
  for (let i = 0; i < n; i++) a[i] = zero();
  return a;
}

/** append(s, items...): in place when there is room (aliasing as Go's), else a copy grown as Go's growslice grows it. */
export function append<T>(s: Slice<T> | null, items: readonly T[], elemSize = 8, zero: () => T = () => undefined as T): Slice<T> | null {
  return appendMade(s, items, elemSize, zero);
}

/** append(s, t...) with a slice (or, for []byte, a string) as the rest. */
export function appendSlice<T>(
  s: Slice<T> | null,
  t: Slice<T> | string | null,
  elemSize = 8,
  zero: () => T = () => undefined as T,
): Slice<T> | null {
  if (t === null) return s;
  if (typeof t === "string") return append(s, stringToBytes(t).toArray() as T[], elemSize, zero);
  return append(s, t.toArray(), elemSize, zero);
}

export function copy<T>(dst: Slice<T> | null, src: Slice<T> | string | null): number {
  if (dst === null || src === null) return 0;
  const from = typeof src === "string" ? stringToBytes(src) : src;
  const n = Math.min(dst.length, from.length);
  const tmp = from.array.slice(from.offset, from.offset + n);
  for (let i = 0; i < n; i++) dst.array[dst.offset + i] = tmp[i] as T;
  return n;
}

export function len(x: Slice | GoMap | string | unknown[] | null): number {
  if (x === null) return 0;
  if (typeof x === "string" || Array.isArray(x)) return x.length;
  if (x instanceof Slice) return x.length;
  return x.size;
}

export function clearSlice<T>(s: Slice<T> | null, zero: () => T): void {
  if (s === null) return;
  for (let i = 0; i < s.length; i++) s.array[s.offset + i] = zero();
}

// ---------------------------------------------------------------------------
// Maps

/** The key a map stores: numbers, strings and booleans as they are; others as a canonical string. */
export function simpleKey(k: unknown): unknown {
  return k;
}

export function encodedKey(k: unknown): unknown {
  return encode(k);
}

function encode(k: unknown): string {
  if (k === null || k === undefined) return "nil";
  if (k instanceof Iface) {
    const s = k.type.shape.kind;
    if (s === "slice" || s === "map" || s === "func") runtimeError(`hash of unhashable type ${typeString(k.type)}`);
    return `${typeId(k.type)}:${encode(k.value)}`;
  }
  if (typeof k === "number") return Object.is(k, -0) ? "0" : String(k);
  if (typeof k === "string") return JSON.stringify(k);
  if (typeof k === "boolean") return String(k);
  if (Array.isArray(k)) return `[${k.map(encode).join(",")}]`;
  if (k instanceof Ptr) return `p${objectId(k.target)}.${String(k.key)}`;
  if (typeof k === "object") {
    // A struct value encodes its fields by their types ($key); anything else is reached by identity.
    const own = (k as { $key?: () => string }).$key;
    if (typeof own === "function") return own.call(k);
    return `o${objectId(k)}`;
  }
  return `o${objectId(k)}`;
}

let nextId = 1;
const ids = new WeakMap<object, number>();
const typeIds = new WeakMap<GoType, number>();

function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

function typeId(t: GoType): number {
  let id = typeIds.get(t);
  if (id === undefined) {
    id = nextId++;
    typeIds.set(t, id);
  }
  return id;
}

/** A pointer as a map key or a field of one: by what it points at. */
export function refKey(p: unknown): string {
  if (p === null || p === undefined) return "nil";
  if (p instanceof Ptr) return `p${objectId(p.target)}.${String(p.key)}`;
  return `o${objectId(p)}`;
}

export function makeMap(keyType: GoType, encoded: boolean): GoMap {
  return new GoMap(keyType, encoded ? encodedKey : simpleKey);
}

export function mapGet<V>(m: GoMap<unknown, V> | null, k: unknown, zero: V): V {
  if (m === null) return zero;
  const e = m.lookup(k);
  return e === undefined ? zero : e.value;
}

export function mapGetOk<V>(m: GoMap<unknown, V> | null, k: unknown, zero: V): [V, boolean] {
  if (m === null) return [zero, false];
  const e = m.lookup(k);
  return e === undefined ? [zero, false] : [e.value, true];
}

export function mapSet<V>(m: GoMap<unknown, V> | null, k: unknown, v: V): void {
  if (m === null) plainRuntimeError("assignment to entry in nil map");
  // Hashing an unhashable interface key panics as Go's does.
  m.set(k, v);
}

export function mapDelete(m: GoMap | null, k: unknown): void {
  if (m !== null) m.delete(k);
}

/** The entries of a map in a random order from the run's seed, as Go randomizes range over a map. */
export function mapRange<K, V>(m: GoMap<K, V> | null, random: () => number): { key: K; value: V }[] {
  if (m === null) return [];
  const all = [...m.entries.values()];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = all[i] as { key: K; value: V };
    all[i] = all[j] as { key: K; value: V };
    all[j] = t;
  }
  return all;
}

/** Still in the map (range skips entries deleted before it reached them). */
export function mapHas(m: GoMap, k: unknown): boolean {
  return m.lookup(k) !== undefined;
}

// ---------------------------------------------------------------------------
// Pointers

export function ptrTo(box: { $: unknown }): Ptr {
  return new Ptr(
    () => box.$,
    (v) => {
      box.$ = v;
    },
    box,
    "$",
  );
}

export function ptrToField(obj: Record<string, unknown> | null, field: string): Ptr {
  if (obj === null) runtimeError("invalid memory address or nil pointer dereference");
  return new Ptr(
    () => obj[field],
    (v) => {
      obj[field] = v;
    },
    obj,
    field,
  );
}

export function ptrToElem(s: Slice | null, i: number): Ptr {
  idx(s, i);
  const sl = s as Slice;
  const at = sl.offset + i;
  return new Ptr(
    () => sl.array[at],
    (v) => {
      sl.array[at] = v;
    },
    sl.array,
    at,
  );
}

export function ptrToArrayElem(a: unknown[], i: number): Ptr {
  aidx(a, i);
  return new Ptr(
    () => a[i],
    (v) => {
      a[i] = v;
    },
    a,
    i,
  );
}

export function deref<T>(p: Ptr<T> | null): T {
  if (p === null) runtimeError("invalid memory address or nil pointer dereference");
  return p.get();
}

export function store<T>(p: Ptr<T> | null, v: T): void {
  if (p === null) runtimeError("invalid memory address or nil pointer dereference");
  p.set(v);
}

/** A struct pointer used: nil panics as Go's nil dereference. */
export function nn<T>(p: T | null): T {
  if (p === null || p === undefined) runtimeError("invalid memory address or nil pointer dereference");
  return p;
}

// ---------------------------------------------------------------------------
// Equality (Go's ==)

export function ptrEq(a: Ptr | null, b: Ptr | null): boolean {
  if (a === null || b === null) return a === b;
  return a.target === b.target && a.key === b.key;
}

export function chanEq(a: { readonly id: unknown }, b: { readonly id: unknown }): boolean {
  return a === b || (a.id === null && b.id === null);
}

export function isNilChan(a: { readonly id: unknown }): boolean {
  return a.id === null;
}

/** == on values of any comparable type (equal.ts). */
export { goEqual as equal } from "./equal";

// ---------------------------------------------------------------------------
// Interfaces

/** Calls method `name` of interface value x (dynamic dispatch); nil panics as Go's. */
export function icall(x: Iface | null, name: string, ...args: unknown[]): unknown {
  if (x === null) runtimeError("invalid memory address or nil pointer dereference");
  const m = x.type.methods.get(name);
  if (m === undefined) throw new Error(`chanscope: ${typeString(x.type)} has no method ${name} in its table (a gofront bug)`);
  return m(x.value, ...args);
}

/** The method value x.M of an interface value. */
export function imethod(x: Iface | null, name: string): (...args: unknown[]) => unknown {
  if (x === null) runtimeError("invalid memory address or nil pointer dereference");
  return (...args) => icall(x, name, ...args);
}

/** Whether dynamic type t has every method interface type `iface` lists. */
export function implementsIface(t: GoType, iface: GoType): boolean {
  const s = iface.shape;
  return s.kind === "interface" && s.methods.every((m) => t.methods.has(m.name));
}

function missingMethod(t: GoType, iface: GoType): string | undefined {
  const s = iface.shape;
  return s.kind === "interface" ? s.methods.find((m) => !t.methods.has(m.name))?.name : undefined;
}

/** x.(T) for a concrete T: the value, or Go's panic. */
export function assertType(x: Iface | null, t: GoType, from: GoType): unknown {
  if (x !== null && x.type === t) return x.value;
  if (x === null) runtimeError(`interface conversion: ${typeString(from)} is nil, not ${typeString(t)}`.replace(/^runtime error: /, ""));
  return panicConversion(`interface conversion: ${typeString(from)} is ${typeString(x.type)}, not ${typeString(t)}`);
}

/** x.(I) for an interface I: x itself, or Go's panic. */
export function assertIface(x: Iface | null, t: GoType, _from: GoType): Iface {
  if (x !== null && implementsIface(x.type, t)) return x;
  if (x === null) return panicConversion(`interface conversion: interface is nil, not ${typeString(t)}`);
  return panicConversion(
    `interface conversion: ${typeString(x.type)} is not ${typeString(t)}: missing method ${missingMethod(x.type, t) ?? "?"}`,
  );
}

function panicConversion(text: string): never {
  // Go's *runtime.TypeAssertionError: a runtime.Error whose text has no "runtime error: " prefix.
  throw new GoPanic(text, runtimeErrorValue(goString(text)));
}

export function assertTypeOk(x: Iface | null, t: GoType, zero: unknown): [unknown, boolean] {
  return x !== null && x.type === t ? [x.value, true] : [zero, false];
}

export function assertIfaceOk(x: Iface | null, t: GoType): [Iface | null, boolean] {
  return x !== null && implementsIface(x.type, t) ? [x, true] : [null, false];
}

// ---------------------------------------------------------------------------
// fmt's printing functions (they write to the run's stdout through the host)

interface Stdout {
  stdout(bytes: string): void;
}

export function fmtPackage(host: Stdout): Readonly<Record<string, unknown>> {
  const write = (w: Iface | null, text: string): [number, null] => {
    icall(w, "Write", stringToBytes(text));
    return [text.length, null];
  };
  const items = (a: Slice | null): unknown[] => (a === null ? [] : a.toArray());
  return {
    Println: (a: Slice | null): [number, null] => {
      const s = sprintln(items(a));
      host.stdout(s);
      return [s.length, null];
    },
    Print: (a: Slice | null): [number, null] => {
      const s = sprint(items(a));
      host.stdout(s);
      return [s.length, null];
    },
    Printf: (f: string, a: Slice | null): [number, null] => {
      const s = sprintf(f, items(a));
      host.stdout(s);
      return [s.length, null];
    },
    Sprint: (a: Slice | null) => sprint(items(a)),
    Sprintln: (a: Slice | null) => sprintln(items(a)),
    Sprintf: (f: string, a: Slice | null) => sprintf(f, items(a)),
    Errorf: (f: string, a: Slice | null) => errorf(f, items(a)),
    Fprintln: (w: Iface | null, a: Slice | null) => write(w, sprintln(items(a))),
    Fprint: (w: Iface | null, a: Slice | null) => write(w, sprint(items(a))),
    Fprintf: (w: Iface | null, f: string, a: Slice | null) => write(w, sprintf(f, items(a))),
  };
}

class WrapError {
  constructor(
    readonly msg: string,
    readonly err: Iface | null,
  ) {}
}
const WRAP_ERROR: GoType = { shape: { kind: "struct", fields: [] }, name: "fmt.wrapError", methods: new Map() };
const WRAP_ERROR_PTR: GoType = {
  shape: { kind: "pointer", elem: WRAP_ERROR },
  name: undefined,
  methods: new Map<string, (r: unknown) => unknown>([
    ["Error", (e) => (e as WrapError).msg],
    ["Unwrap", (e) => (e as WrapError).err],
  ]),
};
function errorf(format: string, args: readonly unknown[]): Iface {
  const { message, wrapped } = errorfParts(format, args);
  // Go: *fmt.wrapError when %w names an error, else a plain *errors.errorString.
  if (wrapped !== undefined) return new Iface(WRAP_ERROR_PTR, new WrapError(message, wrapped));
  return errorsNew(message);
}

// ---------------------------------------------------------------------------
// defer, panic and recover

/** A function's deferred calls, and the panic unwinding through it. */
export class DeferFrame {
  readonly calls: (() => unknown)[] = [];
  /** The panic being unwound (what was thrown), until a deferred call recovers it. */
  panicking: { readonly thrown: unknown } | undefined = undefined;
  /** The panic a deferred call recovered: a panic after it prints as Go's "X [recovered]" chain. */
  recovered: unknown = undefined;

  defer(call: () => unknown): void {
    this.calls.push(call);
  }

  fail(thrown: unknown): void {
    this.panicking = { thrown };
  }
}

/** Per goroutine, the frames whose deferred calls are running now (recover looks at the innermost). */
const unwinding = new Map<number, DeferFrame[]>();

function framesOf(g: number): DeferFrame[] {
  let list = unwinding.get(g);
  if (list === undefined) {
    list = [];
    unwinding.set(g, list);
  }
  return list;
}

/** Runs the deferred calls, last first; then rethrows a panic nobody recovered. Sync functions' frames. */
export function runDefers(frame: DeferFrame): void {
  // os.Exit unwinds its goroutine through the finally blocks: Go runs no deferred call then.
  if (isExiting()) return;
  const g = goid();
  const frames = framesOf(g);
  frames.push(frame);
  try {
    while (frame.calls.length > 0) {
      const call = frame.calls.pop() as () => unknown;
      try {
        const r = call();
        if (r instanceof Promise)
          throw new Error("chanscope: a deferred call blocked in a function that gofront compiled as non-blocking (a gofront bug)");
      } catch (e) {
        // A panic in a deferred call replaces the one being unwound, as in Go.
        frame.panicking = { thrown: chained(frame, e) };
      }
    }
  } finally {
    frames.pop();
    if (frames.length === 0) unwinding.delete(g);
  }
  if (frame.panicking !== undefined) throw frame.panicking.thrown;
}

/** runDefers for async functions: a deferred call may block. */
export async function runDefersAsync(frame: DeferFrame): Promise<void> {
  if (isExiting()) return;
  const g = goid();
  while (frame.calls.length > 0) {
    const call = frame.calls.pop() as () => unknown;
    const frames = framesOf(g);
    frames.push(frame);
    try {
      await call();
    } catch (e) {
      frame.panicking = { thrown: chained(frame, e) };
    } finally {
      const list = framesOf(g);
      list.splice(list.lastIndexOf(frame), 1);
      if (list.length === 0) unwinding.delete(g);
    }
  }
  if (frame.panicking !== undefined) throw frame.panicking.thrown;
}

/**
 * A panic raised in a deferred call while an earlier one unwinds (or after it
 * was recovered): Go prints both, "panic: A [recovered]" then "\tpanic: B".
 */
function chained(frame: DeferFrame, e: unknown): unknown {
  const earlier = frame.panicking?.thrown ?? frame.recovered;
  if (earlier === undefined || !isPanic(e) || !(isPanic(earlier) || earlier instanceof TypeError)) return e;
  const first = isPanic(earlier) ? earlier.message : "runtime error: invalid memory address or nil pointer dereference";
  const mark = frame.panicking === undefined ? " [recovered]" : "";
  return new GoPanic(`${first}${mark}\n\tpanic: ${e.message}`, e.value);
}

/** Go's recover(): the panic value when called from a deferred call while a panic unwinds; nil otherwise. */
export function recover(): Iface | null {
  const frames = unwinding.get(goid());
  const frame = frames?.at(-1);
  if (frame?.panicking === undefined) return null;
  const thrown = frame.panicking.thrown;
  // Goexit and chanscope's own errors are not panics recover stops.
  if (!isPanic(thrown) && !(thrown instanceof TypeError)) return null;
  frame.panicking = undefined;
  frame.recovered = thrown;
  return recoveredValue(thrown);
}

/** Go's panic(v) from a program. */
export function panic(v: Iface | null): never {
  return goPanic(v);
}

// ---------------------------------------------------------------------------
// Zero values from descriptors (type parameters, whose type is known only at run time)

export function zeroOf(t: GoType): unknown {
  const z = (t as { $zero?: () => unknown }).$zero;
  if (z !== undefined) return z();
  const s = t.shape;
  if (s.kind === "basic") return s.basic === "string" ? "" : s.basic === "bool" ? false : 0;
  if (s.kind === "array") return makeArray(s.length, () => zeroOf(s.elem));
  return null;
}

/** A value of type-parameter type boxed into an interface: its type is the argument's descriptor. */
export function box(t: GoType, v: unknown): Iface | null {
  if (t.shape.kind === "interface") return v as Iface | null;
  return new Iface(t, v);
}

export { jsText };

/** A copy of a struct or array value (a type parameter's value may be either, or neither). */
export function cloneValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v !== null && typeof v === "object" && typeof (v as { $clone?: unknown }).$clone === "function")
    return (v as { $clone(): unknown }).$clone();
  return v;
}

/** A struct assigned in place: by its class's $set, or field by field (a standard package's struct). */
export function assignStruct<T extends object>(target: T, v: T): T {
  const set = (target as { $set?: (v: T) => T }).$set;
  return typeof set === "function" ? set.call(target, v) : Object.assign(target, v);
}

/** a / b where the type is a type parameter: integer division for integer kinds. */
export function divAny(t: GoType, a: number, b: number): number {
  const s = t.shape;
  if (s.kind === "basic" && (s.basic === "float64" || s.basic === "float32")) return s.basic === "float32" ? Math.fround(a / b) : a / b;
  return div(s.kind === "basic" ? s.basic : "int", a, b);
}

/** T(x) where T or x's type is a type parameter: by the target's kind at run time. */
export function convertAny(to: GoType, v: unknown): unknown {
  const s = to.shape;
  if (s.kind === "interface") return v instanceof Iface || v === null ? v : v;
  if (s.kind !== "basic" || typeof v !== "number") return v;
  if (s.basic === "float64") return v;
  if (s.basic === "float32") return Math.fround(v);
  if (s.basic === "string") return runeString(v);
  return floatToInt(s.basic, v);
}

/** A generic defined type: one descriptor per list of type arguments, its shape and methods made for them. */
export interface GenericType {
  readonly name: string;
  shapeOf: (args: readonly GoType[]) => GoType["shape"];
  setup: ((t: GoType, p: GoType) => void) | undefined;
  of(args: readonly GoType[]): GoType & { readonly args: readonly GoType[] };
}

export function genericType(name: string): GenericType {
  const instances = new Map<string, GoType & { args: readonly GoType[] }>();
  const g: GenericType = {
    name,
    shapeOf: () => ({ kind: "nil" }),
    setup: undefined,
    of(args) {
      const key = args.map((a) => `${typeString(a)}#${typeIdOf(a)}`).join(",");
      let t = instances.get(key);
      if (t === undefined) {
        const made = definedType(`${name}[${args.map(typeString).join(",")}]`, { kind: "nil" });
        t = Object.assign(made, { args });
        instances.set(key, t);
        (t as { shape: GoType["shape"] }).shape = g.shapeOf(args);
        g.setup?.(t, pointerTo(t));
      }
      return t;
    },
  };
  return g;
}

function typeIdOf(t: GoType): number {
  return typeId(t);
}

/** The zero value of a generic struct's field, from its instance's shape. */
export function zeroOfField(t: GoType, field: string): unknown {
  const s = t.shape;
  const f = s.kind === "struct" ? s.fields.find((x) => x.name === field) : undefined;
  return f === undefined ? null : zeroOf(f.type);
}
