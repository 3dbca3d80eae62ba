// Go's fmt for compiled programs: Sprint, Sprintln, Sprintf and Errorf's
// formatting, as Go 1.19 prints. A port of fmt/print.go and fmt/format.go
// over gofront's values (values.ts) and type descriptors (types.ts), which
// take the place of reflect.
//
// Arguments are interface values: an Iface, or null for a nil interface.
// The format and the result are Go byte strings (values.ts: goString).
//
// What is not Go's (gofront/README.md, "fmt"):
// - Addresses (%p, pointers inside composites, chans, funcs) are fake, stable
//   per thing pointed at (addresses.ts).
// - Error, String and GoString methods are called synchronously; one that
//   returns a Promise stops the run with an error. A method is recognised by
//   its name in the type's method table (its signature is not checked).
// - fmt.Formatter (Format methods) is not supported; complex numbers are
//   refused with an error.

import { Goexit, GoFatal, describeThrown, isPanic } from "../../runtime/panic";
import { addressOf } from "./addresses";
import { isPrint } from "./isprint";
import { sortedEntries } from "./fmtsort";
import { CanBackquote, FormatFloat, Quote, QuoteRune, QuoteRuneToASCII, QuoteToASCII, type FloatFormat } from "./strconv";
import { basicType, typeString, type GoType, type MethodFn } from "./types";
import { Iface, decodeRune, goString, runeString, type GoMap, type Ptr, type Slice } from "./values";

/** Go's fmt.Sprint: operands in their default formats, a space between two operands when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = arg !== null && isStringType(ifaceOf(arg).type);
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.printArg(arg, V);
    prevString = isString;
  });
  return p.buf;
}

/** Go's fmt.Sprintln: operands in their default formats, spaces between them, and a newline. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += " ";
    p.printArg(arg, V);
  });
  return p.buf + "\n";
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/**
 * What fmt.Errorf makes: the message, and the error its %w operand wraps
 * (undefined when there is none, or %w was used wrongly: then the message
 * says `%!w(…)` as Go's does).
 */
export function errorfParts(format: string, args: readonly unknown[]): { readonly message: string; readonly wrapped: Iface | undefined } {
  const p = new Printer();
  p.wrapErrs = true;
  p.doPrintf(format, args);
  return { message: p.buf, wrapped: p.wrappedErr };
}

// ---------------------------------------------------------------------------

/** A value with its type, as reflect.Value is to Go's fmt. */
interface Val {
  readonly t: GoType;
  readonly v: unknown;
  /** Reached through an unexported struct field: Go cannot call its methods (reflect's CanInterface is false). */
  readonly ro: boolean;
}

// Verbs as code points.
const V = 0x76; // v
const T = 0x54; // T
const P = 0x70; // p
const W = 0x77; // w

const cp = (c: string): number => c.charCodeAt(0);

interface Flags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  // %+v and %#v: set in place of plus and sharp, which are cleared for them.
  plusV: boolean;
  sharpV: boolean;
}

const noFlags = (): Flags => ({
  widPresent: false,
  precPresent: false,
  minus: false,
  plus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
});

const STRING = basicType("string");

function ifaceOf(arg: unknown): Iface {
  if (arg instanceof Iface) return arg;
  throw new TypeError("fmt: an operand is not an interface value (an Iface, or null for nil)");
}

function isStringType(t: GoType): boolean {
  return t.shape.kind === "basic" && t.shape.basic === "string";
}

const typeStr = (t: GoType): string => goString(typeString(t));

/** Go's int kinds: signed (true), unsigned (false), or not an integer (undefined). */
function integerKind(t: GoType): boolean | undefined {
  if (t.shape.kind !== "basic") return undefined;
  switch (t.shape.basic) {
    case "int":
    case "int8":
    case "int16":
    case "int32":
    case "int64":
      return true;
    case "uint":
    case "uint8":
    case "uint16":
    case "uint32":
    case "uint64":
    case "uintptr":
      return false;
    case "bool":
    case "float32":
    case "float64":
    case "complex64":
    case "complex128":
    case "string":
    case "unsafe.Pointer":
      return undefined;
  }
}

/** printArg's types that reflect need not see, and whose methods are not asked for (Go's fast path). */
function isPlain(t: GoType): boolean {
  if (t.name !== undefined) return false;
  if (t.shape.kind === "basic") return true;
  return t.shape.kind === "slice" && t.shape.elem === basicType("uint8");
}

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += decodeRune(s, i).width) n++;
  return n;
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** Go's parsenum: a decimal number at s[start:end], how it ended. */
function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  if (start >= end) return { num: 0, isnum: false, newi: end };
  let num = 0;
  let isnum = false;
  let newi = start;
  for (; newi < end && s.charCodeAt(newi) >= 48 && s.charCodeAt(newi) <= 57; newi++) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end };
    num = num * 10 + s.charCodeAt(newi) - 48;
    isnum = true;
  }
  return { num, isnum, newi };
}

/** Go's parseArgNumber: the 0-based index in "[n]" at the start of format, the bytes it takes, whether it parsed. */
function parseArgNumber(format: string): { index: number; wid: number; ok: boolean } {
  if (format.length < 3) return { index: 0, wid: 1, ok: false };
  for (let i = 1; i < format.length; i++) {
    if (format[i] === "]") {
      const { num, isnum, newi } = parsenum(format, 1, i);
      if (!isnum || newi !== i) return { index: 0, wid: i + 1, ok: false };
      return { index: num - 1, wid: i + 1, ok: true };
    }
  }
  return { index: 0, wid: 1, ok: false };
}

function deref(val: Val, elem: GoType): unknown {
  // A pointer to a struct is the struct object itself.
  return elem.shape.kind === "struct" ? val.v : (val.v as Ptr).get();
}

/** A thrown value as the panic value Go's recover would give fmt. */
function panicValue(e: unknown): Iface | null {
  const v = isPanic(e) ? e.value : e;
  if (v === null || v instanceof Iface) return v;
  return new Iface(STRING, goString(typeof v === "string" ? v : describeThrown(v)));
}

class Printer {
  buf = "";
  f: Flags = noFlags();
  wid = 0;
  prec = 0;

  /** Printing a bad verb's operand: methods are not called (Go's pp.erroring). */
  erroring = false;
  /** Printing a method's panic: a second panic is not caught. */
  panicking = false;
  /** Errorf: %w may take an error operand once. */
  wrapErrs = false;
  wrappedErr: Iface | undefined;
  reordered = false;
  goodArgNum = true;

  // --- format.go: the raw formatter ----------------------------------------

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero ? "0" : " ").repeat(n);
  }

  /** Appends s padded to the width, on the left or (minus) on the right. */
  pad(s: string): void {
    if (!this.f.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? "true" : "false");
  }

  /** U+0078, or with sharp U+0078 'x'. */
  fmtUnicode(u: number): void {
    let hex = u < 0 ? BigInt.asUintN(64, BigInt(u)).toString(16) : u.toString(16);
    hex = hex.toUpperCase();
    const prec = this.f.precPresent && this.prec > 4 ? this.prec : 4;
    let s = "U+" + hex.padStart(prec, "0");
    if (this.f.sharp && u >= 0 && u <= 0x10ffff && isPrint(u)) {
      s += ` '${runeString(u)}'`;
    }
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  fmtInteger(u: number, base: number, isSigned: boolean, verb: number, upper: boolean): void {
    const negative = isSigned && u < 0;
    if (negative) u = -u;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.prec;
      // Precision 0 and value 0 print nothing but padding.
      if (prec === 0 && u === 0) {
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.wid);
        this.f.zero = oldZero;
        return;
      }
    } else if (this.f.zero && this.f.widPresent) {
      prec = this.wid;
      if (negative || this.f.plus || this.f.space) prec--; // Room for the sign.
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (prec > digits.length) digits = "0".repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = "0b" + digits;
      else if (base === 8 && digits[0] !== "0") digits = "0" + digits;
      else if (base === 16) digits = (upper ? "0X" : "0x") + digits;
    }
    if (verb === cp("O")) digits = "0o" + digits;
    if (negative) digits = "-" + digits;
    else if (this.f.plus) digits = "+" + digits;
    else if (this.f.space) digits = " " + digits;
    // Zero padding was done as precision above, or is off with a precision.
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(digits);
    this.f.zero = oldZero;
  }

  /** s cut to the precision, in runes. */
  truncate(s: string): string {
    if (this.f.precPresent) {
      let n = this.prec;
      for (let i = 0; i < s.length; i += decodeRune(s, i).width) {
        n--;
        if (n < 0) return s.slice(0, i);
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  /** The bytes of s in hex: % x spaces them, %#x prefixes 0x (each, with a space). */
  fmtSx(s: string, upper: boolean): void {
    const digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
    let length = s.length;
    if (this.f.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) {
        width += 2;
      }
    } else {
      if (this.f.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.f.widPresent && this.wid > width && !this.f.minus) this.writePadding(this.wid - width);
    let out = this.f.sharp ? "0" + digits[16] : "";
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        out += " ";
        if (this.f.sharp) out += "0" + digits[16];
      }
      const c = s.charCodeAt(i);
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.f.widPresent && this.wid > width && this.f.minus) this.writePadding(this.wid - width);
  }

  /** A double-quoted Go string; with sharp, backquoted when it can be. */
  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && CanBackquote(s)) {
      this.pad("`" + s + "`");
      return;
    }
    this.pad(this.f.plus ? QuoteToASCII(s) : Quote(s));
  }

  fmtC(c: number): void {
    this.pad(runeString(c < 0 || c > 0x10ffff ? 0xfffd : c));
  }

  fmtQc(c: number): void {
    const r = c < 0 || c > 0x10ffff ? 0xfffd : c;
    this.pad(this.f.plus ? QuoteRuneToASCII(r) : QuoteRune(r));
  }

  fmtFloatRaw(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.f.precPresent) prec = this.prec;
    let num = FormatFloat(v, verb as FloatFormat, prec, size);
    if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
    // space means a leading space instead of a "+" unless plus asks for the sign.
    if (this.f.space && num[0] === "+" && !this.f.plus) num = " " + num.slice(1);
    // Infinities and NaN are not padded with zeros.
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.f.zero;
      this.f.zero = false;
      if (num[1] === "N" && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = oldZero;
      return;
    }
    // sharp keeps a decimal point and trailing zeros.
    if (this.f.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") digits = prec === -1 ? 6 : prec;
      let tail = "";
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i]!;
        if (c === ".") {
          hasDecimalPoint = true;
        } else if (c === "p" || c === "P" || ((c === "e" || c === "E") && verb !== "x" && verb !== "X")) {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else {
          if (c !== "0") sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === "0") digits--; // A lone 0 counts once.
        num += ".";
      }
      if (digits > 0) num += "0".repeat(digits);
      num += tail;
    }
    if (this.f.plus || num[0] !== "+") {
      // Zero padding goes after the sign.
      if (this.f.zero && this.f.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // --- print.go: operands ------------------------------------------------

  badVerb(verb: number, val: Val | undefined): void {
    this.erroring = true;
    this.buf += "%!" + runeString(verb) + "(";
    if (val !== undefined) {
      this.buf += typeStr(val.t) + "=";
      this.printValue(val, V, 0);
    } else {
      this.buf += "<nil>";
    }
    this.buf += ")";
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: number, val: Val): void {
    if (verb === cp("t") || verb === V) this.fmtBoolean(v);
    else this.badVerb(verb, val);
  }

  /** v in hex, with or without 0x. */
  fmt0x64(v: number, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.fmtInteger(v, 16, false, V, false);
    this.f.sharp = sharp;
  }

  printInteger(v: number, isSigned: boolean, verb: number, val: Val): void {
    switch (String.fromCodePoint(verb)) {
      case "v":
        if (this.f.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, isSigned, verb, false);
        return;
      case "d":
        return this.fmtInteger(v, 10, isSigned, verb, false);
      case "b":
        return this.fmtInteger(v, 2, isSigned, verb, false);
      case "o":
      case "O":
        return this.fmtInteger(v, 8, isSigned, verb, false);
      case "x":
        return this.fmtInteger(v, 16, isSigned, verb, false);
      case "X":
        return this.fmtInteger(v, 16, isSigned, verb, true);
      case "c":
        return this.fmtC(v);
      case "q":
        return this.fmtQc(v);
      case "U":
        return this.fmtUnicode(v);
      default:
        return this.badVerb(verb, val);
    }
  }

  printFloat(v: number, size: 32 | 64, verb: number, val: Val): void {
    const c = String.fromCodePoint(verb);
    switch (c) {
      case "v":
        return this.fmtFloatRaw(v, size, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloatRaw(v, size, c, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatRaw(v, size, c, 6);
      case "F":
        return this.fmtFloatRaw(v, size, "f", 6);
      default:
        return this.badVerb(verb, val);
    }
  }

  printString(v: string, verb: number, val: Val | undefined): void {
    switch (String.fromCodePoint(verb)) {
      case "v":
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case "s":
        return this.fmtS(v);
      case "x":
        return this.fmtSx(v, false);
      case "X":
        return this.fmtSx(v, true);
      case "q":
        return this.fmtQ(v);
      default:
        return this.badVerb(verb, val);
    }
  }

  fmtPointer(val: Val, verb: number): void {
    const s = val.t.shape;
    const pointerLike =
      s.kind === "chan" ||
      s.kind === "func" ||
      s.kind === "map" ||
      s.kind === "pointer" ||
      s.kind === "slice" ||
      (s.kind === "basic" && s.basic === "unsafe.Pointer");
    if (!pointerLike) return this.badVerb(verb, val);
    const u = addressOf(val.v);
    switch (String.fromCodePoint(verb)) {
      case "v":
        if (this.f.sharpV) {
          this.buf += "(" + typeStr(val.t) + ")(";
          if (u === 0) this.buf += "nil";
          else this.fmt0x64(u, true);
          this.buf += ")";
        } else if (u === 0) {
          this.pad("<nil>");
        } else {
          this.fmt0x64(u, !this.f.sharp);
        }
        return;
      case "p":
        return this.fmt0x64(u, !this.f.sharp);
      case "b":
      case "o":
      case "d":
      case "x":
      case "X":
        return this.printInteger(u, false, verb, val);
      default:
        return this.badVerb(verb, val);
    }
  }

  /** A method panicked (Go's catchPanic): say so in the output, or <nil> for a nil pointer receiver. */
  catchPanic(val: Val, verb: number, method: string, e: unknown): void {
    if (e instanceof Goexit || e instanceof GoFatal) throw e;
    if (val.t.shape.kind === "pointer" && val.v === null) {
      this.buf += "<nil>";
      return;
    }
    if (this.panicking) throw e; // Nested panics: printing the panic value cannot succeed.
    const oldFlags = this.f;
    const [oldWid, oldPrec] = [this.wid, this.prec];
    this.f = noFlags();
    this.buf += "%!" + runeString(verb) + "(PANIC=" + method + " method: ";
    this.panicking = true;
    this.printArg(panicValue(e), V);
    this.panicking = false;
    this.buf += ")";
    this.f = oldFlags;
    [this.wid, this.prec] = [oldWid, oldPrec];
  }

  /** Calls val's method; it must return a string, synchronously. */
  callMethod(val: Val, verb: number, name: string, fn: MethodFn, use: (s: string) => void): void {
    let result: unknown;
    try {
      result = fn(val.v);
    } catch (e) {
      this.catchPanic(val, verb, name, e);
      return;
    }
    if (result instanceof Promise) {
      throw new Error(`fmt: the ${name} method of ${typeString(val.t)} returned a Promise; chanscope's fmt calls methods synchronously`);
    }
    use(result as string);
  }

  /** Error, String and GoString methods (Go's handleMethods); val undefined: a nil interface. */
  handleMethods(val: Val | undefined, verb: number): boolean {
    if (this.erroring) return false;
    if (verb === W) {
      // %w is valid only in Errorf, once, with an error operand.
      if (val === undefined || !val.t.methods.has("Error") || !this.wrapErrs || this.wrappedErr !== undefined) {
        this.wrappedErr = undefined;
        this.wrapErrs = false;
        this.badVerb(verb, val);
        return true;
      }
      this.wrappedErr = new Iface(val.t, val.v);
      verb = V;
    }
    if (val === undefined) return false;
    const methods = val.t.methods;
    if (this.f.sharpV) {
      const goString = methods.get("GoString");
      if (goString !== undefined) {
        this.callMethod(val, verb, "GoString", goString, (s) => this.fmtS(s));
        return true;
      }
      return false;
    }
    switch (String.fromCodePoint(verb)) {
      case "v":
      case "s":
      case "x":
      case "X":
      case "q": {
        const error = methods.get("Error");
        if (error !== undefined) {
          this.callMethod(val, verb, "Error", error, (s) => this.printString(s, verb, undefined));
          return true;
        }
        const string = methods.get("String");
        if (string !== undefined) {
          this.callMethod(val, verb, "String", string, (s) => this.printString(s, verb, undefined));
          return true;
        }
      }
    }
    return false;
  }

  printArg(arg: unknown, verb: number): void {
    if (arg === null) {
      if (verb === T || verb === V) this.pad("<nil>");
      else this.badVerb(verb, undefined);
      return;
    }
    const iface = ifaceOf(arg);
    const val: Val = { t: iface.type, v: iface.value, ro: false };
    if (verb === T) return this.fmtS(typeStr(iface.type));
    if (verb === P) return this.fmtPointer(val, P);
    if (isPlain(iface.type)) {
      // Go's fmtBytes spells an operand's []byte so; reflect (nested values, %T) says []uint8.
      if (this.f.sharpV && iface.type.shape.kind === "slice") return this.printByteSliceGoSyntax(iface.value as Slice<number> | null);
      return this.printValue(val, verb, 0);
    }
    if (!this.handleMethods(val, verb)) this.printValue(val, verb, 0);
  }

  printByteSliceGoSyntax(bytes: Slice<number> | null): void {
    this.buf += "[]byte";
    if (bytes === null) {
      this.buf += "(nil)";
      return;
    }
    this.buf += "{";
    bytes.toArray().forEach((c, i) => {
      if (i > 0) this.buf += ", ";
      this.fmt0x64(c, true);
    });
    this.buf += "}";
  }

  printValue(val: Val, verb: number, depth: number): void {
    const s = val.t.shape;
    // Methods of values inside composites (printArg asked at depth 0).
    if (depth > 0 && !val.ro) {
      const concrete =
        s.kind !== "interface" ? val : val.v === null ? undefined : { t: (val.v as Iface).type, v: (val.v as Iface).value, ro: false };
      if (this.handleMethods(concrete, verb)) return;
    }
    switch (s.kind) {
      case "basic":
        return this.printBasic(val, s.basic, verb);
      case "interface": {
        if (val.v === null) {
          this.buf += this.f.sharpV ? typeStr(val.t) + "(nil)" : "<nil>";
          return;
        }
        const inner = val.v as Iface;
        return this.printValue({ t: inner.type, v: inner.value, ro: val.ro }, verb, depth + 1);
      }
      case "map": {
        if (this.f.sharpV) {
          this.buf += typeStr(val.t);
          if (val.v === null) {
            this.buf += "(nil)";
            return;
          }
          this.buf += "{";
        } else {
          this.buf += "map[";
        }
        const entries = val.v === null ? [] : sortedEntries(val.v as GoMap, s.key);
        entries.forEach((e, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ", " : " ";
          this.printValue({ t: s.key, v: e.key, ro: val.ro }, verb, depth + 1);
          this.buf += ":";
          this.printValue({ t: s.elem, v: e.value, ro: val.ro }, verb, depth + 1);
        });
        this.buf += this.f.sharpV ? "}" : "]";
        return;
      }
      case "struct": {
        if (this.f.sharpV) this.buf += typeStr(val.t);
        this.buf += "{";
        const obj = val.v as Record<string, unknown>;
        s.fields.forEach((f, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ", " : " ";
          if (this.f.plusV || this.f.sharpV) this.buf += goString(f.name) + ":";
          this.printValue({ t: f.type, v: obj[f.name], ro: val.ro || !f.exported }, verb, depth + 1);
        });
        this.buf += "}";
        return;
      }
      case "array":
      case "slice": {
        const isNil = s.kind === "slice" && val.v === null;
        const items: readonly unknown[] = s.kind === "array" ? (val.v as unknown[]) : isNil ? [] : (val.v as Slice).toArray();
        const e = s.elem.shape;
        // Byte slices and arrays print as strings for %s %q %x %X.
        if (e.kind === "basic" && e.basic === "uint8" && (verb === cp("s") || verb === cp("q") || verb === cp("x") || verb === cp("X"))) {
          return this.printString(bytesOf(items), verb, val);
        }
        if (this.f.sharpV) {
          this.buf += typeStr(val.t);
          if (isNil) {
            this.buf += "(nil)";
            return;
          }
          this.buf += "{";
          items.forEach((item, i) => {
            if (i > 0) this.buf += ", ";
            this.printValue({ t: s.elem, v: item, ro: val.ro }, verb, depth + 1);
          });
          this.buf += "}";
        } else {
          this.buf += "[";
          items.forEach((item, i) => {
            if (i > 0) this.buf += " ";
            this.printValue({ t: s.elem, v: item, ro: val.ro }, verb, depth + 1);
          });
          this.buf += "]";
        }
        return;
      }
      case "pointer": {
        // A pointer to an array, slice, struct or map prints as &value at the top level only (no loops).
        const ek = s.elem.shape.kind;
        if (depth === 0 && val.v !== null && (ek === "array" || ek === "slice" || ek === "struct" || ek === "map")) {
          this.buf += "&";
          return this.printValue({ t: s.elem, v: deref(val, s.elem), ro: val.ro }, verb, depth + 1);
        }
        return this.fmtPointer(val, verb);
      }
      case "chan":
      case "func":
        return this.fmtPointer(val, verb);
      case "nil":
        throw new Error("fmt: a value of the untyped nil's type");
    }
  }

  printBasic(val: Val, kind: string, verb: number): void {
    switch (kind) {
      case "bool":
        return this.fmtBool(val.v as boolean, verb, val);
      case "float32":
        return this.printFloat(val.v as number, 32, verb, val);
      case "float64":
        return this.printFloat(val.v as number, 64, verb, val);
      case "complex64":
      case "complex128":
        throw new Error("complex numbers are not supported by chanscope's fmt");
      case "string":
        return this.printString(val.v as string, verb, val);
      case "unsafe.Pointer":
        return this.fmtPointer(val, verb);
      default:
        return this.printInteger(val.v as number, integerKind(val.t) === true, verb, val);
    }
  }

  // --- print.go: Printf ----------------------------------------------------

  /** Go's intFromArg: a * width or precision from a[argNum]. */
  intFromArg(a: readonly unknown[], argNum: number): { num: number; isInt: boolean; newArgNum: number } {
    let num = 0;
    let isInt = false;
    let newArgNum = argNum;
    if (argNum < a.length) {
      const arg = a[argNum];
      if (arg instanceof Iface && integerKind(arg.type) !== undefined) {
        num = arg.value as number;
        isInt = true;
      }
      newArgNum = argNum + 1;
      if (tooLarge(num)) {
        num = 0;
        isInt = false;
      }
    }
    return { num, isInt, newArgNum };
  }

  /** Go's argNumber: an explicit [n] at format[i:], or argNum. */
  argNumber(argNum: number, format: string, i: number, numArgs: number): { argNum: number; i: number; found: boolean } {
    if (format.length <= i || format[i] !== "[") return { argNum, i, found: false };
    this.reordered = true;
    const { index, wid, ok } = parseArgNumber(format.slice(i));
    if (ok && 0 <= index && index < numArgs) return { argNum: index, i: i + wid, found: true };
    this.goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  }

  setVFlags(): void {
    // %#v is Go syntax, %+v names struct fields: flags of their own.
    this.f.sharpV = this.f.sharp;
    this.f.sharp = false;
    this.f.plusV = this.f.plus;
    this.f.plus = false;
  }

  doPrintf(format: string, a: readonly unknown[]): void {
    const end = format.length;
    let argNum = 0;
    this.reordered = false;
    formatLoop: for (let i = 0; i < end;) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== "%") i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++; // The %.
      this.f = noFlags();
      this.wid = 0;
      this.prec = 0;
      simpleFormat: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case "#":
            this.f.sharp = true;
            break;
          case "0":
            this.f.zero = !this.f.minus; // Zero padding only on the left.
            break;
          case "+":
            this.f.plus = true;
            break;
          case "-":
            this.f.minus = true;
            this.f.zero = false;
            break;
          case " ":
            this.f.space = true;
            break;
          default:
            // The common case: ASCII lower-case verb without width, precision or index.
            if (c >= "a" && c <= "z" && argNum < a.length) {
              if (c === "v") this.setVFlags();
              this.printArg(a[argNum], c.charCodeAt(0));
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }

      // An explicit argument index?
      const index = this.argNumber(argNum, format, i, a.length);
      [argNum, i] = [index.argNum, index.i];
      let afterIndex = index.found; // The previous item in format was an index like [3].

      // Width.
      if (i < end && format[i] === "*") {
        i++;
        const w = this.intFromArg(a, argNum);
        [this.wid, this.f.widPresent, argNum] = [w.num, w.isInt, w.newArgNum];
        if (!this.f.widPresent) this.buf += "%!(BADWIDTH)";
        // A negative width means left-justified.
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.f.minus = true;
          this.f.zero = false;
        }
        afterIndex = false;
      } else {
        const n = parsenum(format, i, end);
        [this.wid, this.f.widPresent, i] = [n.num, n.isnum, n.newi];
        if (afterIndex && this.f.widPresent) this.goodArgNum = false; // "%[3]2d"
      }

      // Precision.
      if (i + 1 < end && format[i] === ".") {
        i++;
        if (afterIndex) this.goodArgNum = false; // "%[3].2d"
        ({ argNum, i, found: afterIndex } = this.argNumber(argNum, format, i, a.length));
        if (i < end && format[i] === "*") {
          i++;
          const p = this.intFromArg(a, argNum);
          [this.prec, this.f.precPresent, argNum] = [p.num, p.isInt, p.newArgNum];
          // A negative precision means none.
          if (this.prec < 0) {
            this.prec = 0;
            this.f.precPresent = false;
          }
          if (!this.f.precPresent) this.buf += "%!(BADPREC)";
          afterIndex = false;
        } else {
          const n = parsenum(format, i, end);
          [this.prec, this.f.precPresent, i] = [n.num, n.isnum, n.newi];
          if (!this.f.precPresent) {
            this.prec = 0;
            this.f.precPresent = true;
          }
        }
      }

      if (!afterIndex) ({ argNum, i } = this.argNumber(argNum, format, i, a.length));

      if (i >= end) {
        this.buf += "%!(NOVERB)";
        break;
      }

      let verb = format.charCodeAt(i);
      let size = 1;
      if (verb >= 0x80) ({ rune: verb, width: size } = decodeRune(format, i));
      i += size;

      if (verb === cp("%")) {
        this.buf += "%"; // Takes no operand; ignores width and precision.
      } else if (!this.goodArgNum) {
        this.buf += "%!" + runeString(verb) + "(BADINDEX)";
      } else if (argNum >= a.length) {
        this.buf += "%!" + runeString(verb) + "(MISSING)";
      } else {
        if (verb === V) this.setVFlags();
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }

    // Operands left over, unless they were taken out of order.
    if (!this.reordered && argNum < a.length) {
      this.f = noFlags();
      this.buf += "%!(EXTRA ";
      a.slice(argNum).forEach((arg, i) => {
        if (i > 0) this.buf += ", ";
        if (arg === null) {
          this.buf += "<nil>";
        } else {
          this.buf += typeStr(ifaceOf(arg).type) + "=";
          this.printArg(arg, V);
        }
      });
      this.buf += ")";
    }
  }
}

function bytesOf(items: readonly unknown[]): string {
  let s = "";
  for (const b of items) s += String.fromCharCode(b as number);
  return s;
}
