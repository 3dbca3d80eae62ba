// Go's built-in functions (spec: "Built-in functions"): each checks its own
// arguments; len and cap of constants are constants.

import type * as A from "../syntax/ast";
import { exprString } from "../syntax/exprString";
import { defaultType } from "./assign";
import type { Checker } from "./checker";
import { describe } from "./checker";
import { binaryConst, intConst, toInt } from "./constant";
import { callArgs, checkExpr, checkValue, convertUntyped, type Operand } from "./exprs";
import type { Builtin } from "./scope";
import type { Scope } from "./scope";
import {
  BASIC,
  EMPTY_INTERFACE,
  identical,
  isInteger,
  isInvalid,
  isNumeric,
  isString,
  isUntyped,
  typeString,
  underlying,
  type Type,
} from "./types";

const invalid = (expr: A.Expr): Operand => ({ mode: "value", type: BASIC.invalid, expr });
const noValue = (expr: A.Expr): Operand => ({ mode: "novalue", type: { kind: "tuple", types: [] }, expr });

export function checkBuiltin(c: Checker, e: A.CallExpr, fn: A.Ident, scope: Scope): Operand {
  const name = fn.name as Builtin;
  const n = e.args.length;
  const arity = ARITY[name];
  if (n < arity[0] || (arity[1] !== undefined && n > arity[1])) {
    c.error(
      n < arity[0] ? e.pos : (e.args[arity[1] ?? 0]?.pos ?? e.pos),
      `${n < arity[0] ? "not enough" : "too many"} arguments for ${exprString(e)} (expected ${arity[0]}, found ${n})`,
    );
    for (const a of e.args) checkExpr(c, a, scope);
    return invalid(e);
  }
  if (e.ellipsis && name !== "append") {
    c.error(e.pos, `invalid operation: invalid use of ... with built-in ${name}`);
    return invalid(e);
  }
  switch (name) {
    case "len":
    case "cap": {
      const x = checkValue(c, e.args[0] as A.Expr, scope);
      if (isInvalid(x.type)) return invalid(e);
      const u = underlying(x.type.kind === "pointer" || underlying(x.type).kind !== "pointer" ? x.type : underlying(x.type));
      const t = u.kind === "pointer" ? underlying(u.elem) : u;
      const ok =
        name === "len" ? isString(t) || ["array", "slice", "map", "chan"].includes(t.kind) : ["array", "slice", "chan"].includes(t.kind);
      if (!ok || (u.kind === "pointer" && t.kind !== "array")) {
        c.error(e.args[0]?.pos ?? e.pos, `invalid argument: ${exprString(e.args[0] as A.Expr)} (${describe(x)}) for ${name}`);
        return invalid(e);
      }
      if (x.mode === "constant" && x.value?.kind === "string")
        return { mode: "constant", type: BASIC.int, value: intConst(BigInt(x.value.value.length)), expr: e };
      if (t.kind === "array" && !hasCallOrReceive(e.args[0] as A.Expr))
        return { mode: "constant", type: BASIC.int, value: intConst(BigInt(t.length)), expr: e };
      return { mode: "value", type: BASIC.int, expr: e };
    }
    case "append": {
      const args = callArgs(c, e, scope);
      const s = args[0];
      if (s === undefined || isInvalid(s.type)) return invalid(e);
      const u = underlying(s.type);
      if (u.kind !== "slice") {
        c.error(
          s.expr.pos,
          s.type.kind === "basic" && s.type.basic === "untyped nil"
            ? "first argument to append must be a typed slice; found untyped nil"
            : `invalid argument: ${exprString(s.expr)} (${describe(s)}) is not a slice`,
        );
        return invalid(e);
      }
      if (e.ellipsis) {
        const rest = args[1];
        if (args.length !== 2 || rest === undefined) {
          c.error(e.pos, `can only use ... with final argument in list`);
          return invalid(e);
        }
        // append([]byte, string...) is allowed.
        const byteString =
          isString(rest.type) && underlying(u.elem).kind === "basic" && (underlying(u.elem) as { basic: string }).basic === "uint8";
        if (!byteString) c.assignTo(rest, rest.expr, s.type.kind === "named" ? { kind: "slice", elem: u.elem } : s.type, "append");
        return { mode: "value", type: s.type, expr: e };
      }
      for (const a of args.slice(1)) c.assignTo(a, a.expr, u.elem, "argument to append");
      return { mode: "value", type: s.type, expr: e };
    }
    case "make": {
      const t = c.typeExpr(e.args[0] as A.Expr, scope);
      if (isInvalid(t)) return invalid(e);
      const u = underlying(t);
      if (u.kind !== "slice" && u.kind !== "map" && u.kind !== "chan") {
        c.error(
          e.args[0]?.pos ?? e.pos,
          `invalid argument: cannot make ${exprString(e.args[0] as A.Expr)}; type must be slice, map, or channel`,
        );
        return invalid(e);
      }
      if (u.kind === "slice" && n < 2) {
        c.error(e.pos, `invalid operation: ${exprString(e)} expects 2 or 3 arguments; found ${n}`);
        return invalid(e);
      }
      if (u.kind !== "slice" && n > 2) {
        c.error(e.pos, `invalid operation: ${exprString(e)} expects 1 or 2 arguments; found ${n}`);
        return invalid(e);
      }
      const sizes = e.args.slice(1).map((a) => sizeArg(c, a, scope));
      if (sizes.length === 2 && sizes[0] !== undefined && sizes[1] !== undefined && sizes[0] > sizes[1]) {
        c.error(e.args[1]?.pos ?? e.pos, `invalid argument: length and capacity swapped`);
        return invalid(e);
      }
      return { mode: "value", type: t, expr: e };
    }
    case "new": {
      const t = c.typeExpr(e.args[0] as A.Expr, scope);
      return isInvalid(t) ? invalid(e) : { mode: "value", type: { kind: "pointer", elem: t }, expr: e };
    }
    case "close": {
      const x = checkValue(c, e.args[0] as A.Expr, scope);
      if (isInvalid(x.type)) return noValue(e);
      const u = underlying(x.type);
      if (u.kind !== "chan") {
        c.error(x.expr.pos, `invalid operation: cannot close non-channel ${exprString(x.expr)} (${describe(x)})`);
        return noValue(e);
      }
      if (u.dir === "recv")
        c.error(x.expr.pos, `invalid operation: cannot close receive-only channel ${exprString(x.expr)} (${describe(x)})`);
      return noValue(e);
    }
    case "delete": {
      const m = checkValue(c, e.args[0] as A.Expr, scope);
      const k = checkValue(c, e.args[1] as A.Expr, scope);
      if (isInvalid(m.type) || isInvalid(k.type)) return noValue(e);
      const u = underlying(m.type);
      if (u.kind !== "map") {
        c.error(m.expr.pos, `invalid argument: ${exprString(m.expr)} (${describe(m)}) is not a map`);
        return noValue(e);
      }
      c.assignTo(k, k.expr, u.key, "argument to delete");
      return noValue(e);
    }
    case "copy": {
      const dst = checkValue(c, e.args[0] as A.Expr, scope);
      const src = checkValue(c, e.args[1] as A.Expr, scope);
      if (isInvalid(dst.type) || isInvalid(src.type)) return invalid(e);
      const du = underlying(dst.type);
      const su = underlying(src.type);
      const srcElem = su.kind === "slice" ? su.elem : isString(su) ? BASIC.uint8 : undefined;
      if (du.kind !== "slice" || srcElem === undefined) {
        c.error(
          e.pos,
          `invalid argument: copy expects slice arguments; found ${exprString(dst.expr)} (${describe(dst)}) and ${exprString(src.expr)} (${describe(src)})`,
        );
        return invalid(e);
      }
      if (!identical(underlying(du.elem), underlying(srcElem))) {
        const elem = (t: Type): string => (identical(t, BASIC.uint8) ? "byte" : typeString(t));
        c.error(
          dst.expr.pos,
          `invalid argument: arguments to copy ${exprString(dst.expr)} (${describe(dst)}) and ${exprString(src.expr)} (${describe(src)}) have different element types ${elem(du.elem)} and ${elem(srcElem)}`,
        );
        return invalid(e);
      }
      return { mode: "value", type: BASIC.int, expr: e };
    }
    case "panic": {
      const x = checkValue(c, e.args[0] as A.Expr, scope);
      if (!isInvalid(x.type)) c.assignTo(x, x.expr, EMPTY_INTERFACE, "argument to panic");
      return noValue(e);
    }
    case "recover":
      return { mode: "value", type: EMPTY_INTERFACE, expr: e };
    case "print":
    case "println":
      for (const a of e.args) {
        const x = checkValue(c, a, scope);
        if (!isInvalid(x.type) && isUntyped(x.type)) convertUntyped(c, x, a, defaultType(x.type), `argument to built-in ${name}`);
      }
      return noValue(e);
    case "min":
    case "max": {
      const args = e.args.map((a) => checkValue(c, a, scope));
      if (args.some((a) => isInvalid(a.type))) return invalid(e);
      const typed = args.find((a) => !isUntyped(a.type));
      const t: Type =
        typed?.type ??
        args.reduce<Type>(
          (acc, a) => (isUntyped(acc) && a.type.kind === "basic" && a.type.basic === "untyped float" ? a.type : acc),
          (args[0] as Operand).type,
        );
      for (const a of args) {
        if (!(isNumeric(a.type) || isString(a.type))) {
          c.error(a.expr.pos, `invalid argument: ${exprString(a.expr)} (${describe(a)}) cannot be ordered`);
          return invalid(e);
        }
        if (typed !== undefined && !isUntyped(a.type) && !identical(a.type, t)) {
          c.error(
            a.expr.pos,
            `invalid argument: mismatched types ${typeString(t)} (previous argument) and ${typeString(a.type)} (type of ${exprString(a.expr)})`,
          );
          return invalid(e);
        }
        if (typed !== undefined && isUntyped(a.type)) convertUntyped(c, a, a.expr, t, `argument to ${name}`);
      }
      // All constant: the result is the constant min or max.
      if (args.every((a) => a.mode === "constant" && a.value !== undefined)) {
        // Compared exactly, strings as strings (binaryConst's <), as Go's constant min and max are.
        const pick = args.reduce((best, a) => {
          const less = binaryConst("<", a.value!, best.value!, false);
          const greater = binaryConst(">", a.value!, best.value!, false);
          return (name === "min" ? less.value === true : greater.value === true) ? a : best;
        });
        return { mode: "constant", type: t, value: pick.value, expr: e };
      }
      return { mode: "value", type: isUntyped(t) ? defaultType(t) : t, expr: e };
    }
    case "clear": {
      const x = checkValue(c, e.args[0] as A.Expr, scope);
      const u = underlying(x.type);
      if (!isInvalid(x.type) && u.kind !== "map" && u.kind !== "slice")
        c.error(x.expr.pos, `invalid argument: ${exprString(x.expr)} (${describe(x)}) must be a map or slice`);
      return noValue(e);
    }
  }
}

const ARITY: Readonly<Record<Builtin, readonly [number, number | undefined]>> = {
  append: [1, undefined],
  cap: [1, 1],
  clear: [1, 1],
  close: [1, 1],
  copy: [2, 2],
  delete: [2, 2],
  len: [1, 1],
  make: [1, 3],
  max: [1, undefined],
  min: [1, undefined],
  new: [1, 1],
  panic: [1, 1],
  print: [0, undefined],
  println: [0, undefined],
  recover: [0, 0],
};

/** A make size: an integer (an untyped constant must fit int and not be negative). */
function sizeArg(c: Checker, a: A.Expr, scope: Scope): bigint | undefined {
  const x = checkValue(c, a, scope);
  if (isInvalid(x.type)) return undefined;
  if (x.mode === "constant" && x.value !== undefined) {
    const v = toInt(x.value);
    if (v === undefined) {
      c.error(a.pos, `${exprString(a)} (${describe(x)}) truncated to int`);
      return undefined;
    }
    if (v < 0n) {
      c.error(a.pos, `invalid argument: index ${exprString(a)} (constant of type int) must not be negative`);
      return undefined;
    }
    if (isUntyped(x.type)) c.info.types.set(a, { mode: "constant", type: BASIC.int, value: x.value });
    return v;
  }
  if (!isInteger(x.type)) {
    c.error(a.pos, `cannot convert ${exprString(a)} (${describe(x)}) to type int`);
    return undefined;
  }
  return undefined;
}

/** len of an array is constant unless its operand calls a function or receives (spec). */
function hasCallOrReceive(e: A.Expr): boolean {
  switch (e.kind) {
    case "call":
      return true;
    case "unary":
      return e.op === "<-" || hasCallOrReceive(e.x);
    case "paren":
    case "star":
      return hasCallOrReceive(e.x);
    case "selector":
      return hasCallOrReceive(e.x);
    case "index":
      return hasCallOrReceive(e.x) || e.indices.some(hasCallOrReceive);
    case "binary":
      return hasCallOrReceive(e.x) || hasCallOrReceive(e.y);
    case "ident":
    case "basicLit":
    case "compositeLit":
    case "funcLit":
    case "slice":
    case "typeAssert":
    case "arrayType":
    case "mapType":
    case "chanType":
    case "funcType":
    case "structType":
    case "interfaceType":
    case "tilde":
      return false;
  }
}
