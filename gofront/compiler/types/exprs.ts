// Expressions: each gets its operand (mode, type, and value when constant),
// recorded in Info for the emitter. Untyped constants take their final type
// where they are used (convertUntyped), with Go's range checks; operators,
// calls, selectors, indexing, literals and conversions follow the spec, and
// the errors read as Go 1.19's.

import type * as A from "../syntax/ast";
import { exprString } from "../syntax/exprString";
import { assignable, convertible, defaultType, hasNil } from "./assign";
import { checkBuiltin } from "./builtins";
import type { Checker } from "./checker";
import { describe } from "./checker";
import { binaryConst, ConstError, constString, intConst, representable, stringConst, toInt, unaryConst, type ConstValue } from "./constant";
import type { Mode } from "./info";
import { literalValue, LiteralError } from "./literals";
import { derefOnce, lookupFieldOrMethod, missingMethod } from "./lookup";
import type { Scope } from "./scope";
import { checkFuncLit } from "./stmts";
import { substitute } from "./subst";
import {
  BASIC,
  comparable,
  identical,
  isBoolean,
  isFloat,
  isInteger,
  isInterface,
  isInvalid,
  isNumeric,
  isString,
  isUntyped,
  signature,
  typeString,
  underlying,
  type Basic,
  type BasicKind,
  type Signature,
  type Type,
} from "./types";

export interface Operand {
  readonly mode: Mode;
  readonly type: Type;
  readonly value?: ConstValue | undefined;
  readonly expr: A.Expr;
}

const invalid = (expr: A.Expr): Operand => ({ mode: "value", type: BASIC.invalid, expr });

function record(c: Checker, x: Operand): Operand {
  c.info.types.set(x.expr, x.value === undefined ? { mode: x.mode, type: x.type } : { mode: x.mode, type: x.type, value: x.value });
  return x;
}

/** Checks e; `commaOk`: e may give a second boolean result (`v, ok := m[k]`, `<-ch`, `x.(T)`). */
export function checkExpr(c: Checker, e: A.Expr, scope: Scope, commaOk = false): Operand {
  const x = exprInner(c, e, scope, commaOk);
  return record(c, x);
}

/** An expression used as a single value: not a type, not a call without results, not several values. */
export function checkValue(c: Checker, e: A.Expr, scope: Scope): Operand {
  const x = checkExpr(c, e, scope);
  return singleValue(c, x);
}

export function singleValue(c: Checker, x: Operand): Operand {
  const e = x.expr;
  if (isInvalid(x.type)) return x;
  switch (x.mode) {
    case "novalue":
      c.error(e.pos, `${exprString(e)} (no value) used as value`);
      return invalid(e);
    case "typexpr":
      c.error(e.pos, `${exprString(e)} (type) is not an expression`);
      return invalid(e);
    case "builtin":
      c.error(e.pos, `${exprString(e)} (built-in) must be called`);
      return invalid(e);
    case "commaok":
      return { ...x, mode: "value" };
    case "constant":
    case "variable":
    case "mapindex":
    case "value":
      break;
  }
  if (x.type.kind === "tuple") {
    c.error(e.pos, `multiple-value ${exprString(e)} (value of type ${typeString(x.type)}) in single-value context`);
    return invalid(e);
  }
  return x;
}

function exprInner(c: Checker, e: A.Expr, scope: Scope, commaOk: boolean): Operand {
  switch (e.kind) {
    case "ident":
      return ident(c, e, scope);
    case "basicLit":
      try {
        const value = literalValue(e);
        const basic: BasicKind =
          e.lit === "int" ? "untyped int" : e.lit === "float" ? "untyped float" : e.lit === "rune" ? "untyped rune" : "untyped string";
        return { mode: "constant", type: BASIC[basic], value, expr: e };
      } catch (err) {
        if (!(err instanceof LiteralError)) throw err;
        c.error(e.pos, err.message);
        return invalid(e);
      }
    case "paren": {
      const x = checkExpr(c, e.x, scope, commaOk);
      return { ...x, expr: e };
    }
    case "funcLit":
      return { mode: "value", type: checkFuncLit(c, e, scope), expr: e };
    case "compositeLit":
      return compositeLit(c, e, undefined, scope);
    case "selector":
      return selector(c, e, scope);
    case "index":
      return index(c, e, scope, commaOk);
    case "slice":
      return sliceExpr(c, e, scope);
    case "typeAssert": {
      const x = checkValue(c, e.x, scope);
      if (isInvalid(x.type)) return invalid(e);
      if (e.type === undefined) {
        c.error(e.pos, "invalid syntax tree: use of .(type) outside type switch");
        return invalid(e);
      }
      const t = c.typeExpr(e.type, scope);
      if (!isInterface(x.type)) {
        c.error(e.x.pos, `invalid operation: ${exprString(e.x)} (${describe(x)}) is not an interface`);
        return invalid(e);
      }
      if (!isInvalid(t) && !isInterface(t)) {
        const why = missingMethod(t, underlying(x.type) as Extract<Type, { kind: "interface" }>);
        if (why !== undefined)
          c.error(
            e.type.pos,
            `impossible type assertion: ${exprString(e.x)}.(${exprString(e.type)})\n\t${typeString(t)} does not implement ${typeString(x.type)} (${why})`,
          );
      }
      return { mode: commaOk ? "commaok" : "value", type: t, expr: e };
    }
    case "call":
      return call(c, e, scope, commaOk);
    case "star": {
      const x = checkExpr(c, e.x, scope);
      if (x.mode === "typexpr") return { mode: "typexpr", type: c.typeExpr(e, scope), expr: e };
      const v = singleValue(c, x);
      if (isInvalid(v.type)) return invalid(e);
      const u = underlying(v.type);
      if (u.kind !== "pointer") {
        c.error(
          e.pos,
          v.type.kind === "basic" && v.type.basic === "untyped nil"
            ? "invalid operation: cannot indirect nil"
            : `invalid operation: cannot indirect ${exprString(e.x)} (${describe(v)})`,
        );
        return invalid(e);
      }
      return { mode: "variable", type: u.elem, expr: e };
    }
    case "unary":
      return unary(c, e, scope, commaOk);
    case "binary":
      return binary(c, e, scope);
    case "arrayType":
    case "mapType":
    case "chanType":
    case "funcType":
    case "structType":
    case "interfaceType":
    case "tilde":
      return { mode: "typexpr", type: c.typeExpr(e, scope), expr: e };
  }
}

function ident(c: Checker, e: A.Ident, scope: Scope): Operand {
  if (e.name === "_") {
    c.error(e.pos, "cannot use _ as value");
    return invalid(e);
  }
  if (e.name === "iota" && c.iota !== undefined && scope.lookup("iota") === undefined) {
    return { mode: "constant", type: BASIC["untyped int"], value: intConst(c.iota), expr: e };
  }
  const obj = scope.lookup(e.name);
  if (obj === undefined) {
    c.error(e.pos, `undefined: ${e.name}`);
    return invalid(e);
  }
  c.info.uses.set(e, obj);
  c.resolve(obj);
  switch (obj.kind) {
    case "var":
      obj.used = true;
      return { mode: "variable", type: obj.type, expr: e };
    case "const":
      obj.used = true;
      return isInvalid(obj.type) ? invalid(e) : { mode: "constant", type: obj.type, value: obj.value, expr: e };
    case "typeName":
      return { mode: "typexpr", type: obj.type, expr: e };
    case "func":
      return { mode: "value", type: obj.type, expr: e };
    case "pkgName":
      obj.used = true;
      c.error(e.pos, `use of package ${obj.name} without selector`);
      return invalid(e);
    case "builtin":
      return { mode: "builtin", type: BASIC.invalid, expr: e };
    case "nil":
      return { mode: "value", type: BASIC["untyped nil"], expr: e };
  }
}

// ---------------------------------------------------------------------------
// Untyped values

/**
 * x used where a value of type `target` goes: an untyped constant gets the
 * type (or its default type for an interface) if its value fits; undefined
 * after an error.
 */
export function convertUntyped(c: Checker, x: Operand, e: A.Expr, target: Type, context: string): Operand | undefined {
  if (!isUntyped(x.type) || isInvalid(target)) return x;
  const xb = x.type as Basic;
  const tu = underlying(target);
  if (xb.basic === "untyped nil") {
    if (!hasNil(target)) {
      c.error(e.pos, `cannot use nil as ${typeString(target)} value in ${context}`);
      return undefined;
    }
    return { ...x, type: target };
  }
  if (tu.kind === "interface" || tu.kind === "typeParam") {
    const t = defaultType(x.type);
    if (tu.kind === "interface" && tu.methods.length > 0) {
      c.error(
        e.pos,
        `cannot use ${exprString(e)} (${describe(x)}) as ${typeString(target)} value in ${context}: ${typeString(t)} does not implement ${typeString(target)} (missing method ${tu.methods[0]?.name})`,
      );
      return undefined;
    }
    return x.mode === "constant" && x.value !== undefined ? representIn(c, x, e, t, context) : { ...x, type: t };
  }
  if (tu.kind !== "basic" || !kindsMix(xb.basic, tu.basic)) {
    c.error(e.pos, `cannot use ${exprString(e)} (${describe(x)}) as ${typeString(target)} value in ${context}`);
    return undefined;
  }
  if (x.mode !== "constant" || x.value === undefined) return { ...x, type: target };
  return representIn(c, x, e, target, context);
}

function representIn(c: Checker, x: Operand, e: A.Expr, target: Type, context: string): Operand | undefined {
  const tu = underlying(target);
  if (tu.kind !== "basic" || x.value === undefined) return { ...x, type: target };
  const r = representable(x.value, tu.basic);
  if (r.ok) return { ...x, type: target, value: r.value };
  if (r.why === "mismatch") {
    c.error(e.pos, `cannot use ${exprString(e)} (${describe(x)}) as ${typeString(target)} value in ${context}`);
  } else {
    c.error(e.pos, `cannot use ${exprString(e)} (${describe(x)}) as ${typeString(target)} value in ${context} (${r.why})`);
  }
  return undefined;
}

function kindsMix(untyped: BasicKind, target: BasicKind): boolean {
  if (untyped === "untyped bool") return target === "bool";
  if (untyped === "untyped string") return target === "string";
  if (untyped === "untyped int" || untyped === "untyped rune" || untyped === "untyped float") return isNumeric(BASIC[target]);
  return false;
}

/** The larger of two untyped numeric kinds: int < rune < float (spec: "Constant expressions"). */
function largerUntyped(a: Basic, b: Basic): Basic {
  const rank = (k: BasicKind): number => (k === "untyped int" ? 1 : k === "untyped rune" ? 2 : k === "untyped float" ? 3 : 0);
  return rank(a.basic) >= rank(b.basic) ? a : b;
}

// ---------------------------------------------------------------------------
// Operators

function unary(c: Checker, e: A.UnaryExpr, scope: Scope, commaOk: boolean): Operand {
  if (e.op === "&") {
    // &T{…}: a composite literal's address.
    const inner = e.x.kind === "paren" ? e.x.x : e.x;
    if (inner.kind === "compositeLit") {
      const lit = checkExpr(c, e.x, scope);
      return isInvalid(lit.type) ? invalid(e) : { mode: "value", type: { kind: "pointer", elem: lit.type }, expr: e };
    }
    const x = checkValue(c, e.x, scope);
    if (isInvalid(x.type)) return invalid(e);
    if (x.mode !== "variable") {
      c.error(e.pos, `invalid operation: cannot take address of ${exprString(e.x)} (${describe(x)})`);
      return invalid(e);
    }
    markAddressed(c, e.x);
    return { mode: "value", type: { kind: "pointer", elem: x.type }, expr: e };
  }
  const x = checkValue(c, e.x, scope);
  if (isInvalid(x.type)) return invalid(e);
  if (e.op === "<-") {
    const u = underlying(x.type);
    if (u.kind !== "chan") {
      c.error(e.x.pos, `invalid operation: cannot receive from non-channel ${exprString(e.x)} (${describe(x)})`);
      return invalid(e);
    }
    if (u.dir === "send") {
      c.error(e.x.pos, `invalid operation: cannot receive from send-only channel ${exprString(e.x)} (${describe(x)})`);
      return invalid(e);
    }
    return { mode: commaOk ? "commaok" : "value", type: u.elem, expr: e };
  }
  const ok = e.op === "!" ? isBoolean(x.type) : e.op === "^" ? isInteger(x.type) : isNumeric(x.type);
  if (!ok) {
    c.error(e.x.pos, `invalid operation: operator ${e.op} not defined on ${exprString(e.x)} (${describe(x)})`);
    return invalid(e);
  }
  if (x.mode === "constant" && x.value !== undefined) {
    const u = underlying(x.type) as Basic;
    try {
      const v = unaryConst(e.op, x.value, u.basic);
      return constantOf(c, e, x.type, v);
    } catch (err) {
      if (!(err instanceof ConstError)) throw err;
      c.error(e.pos, err.message);
      return invalid(e);
    }
  }
  return { mode: "value", type: x.type, expr: e };
}

/** A typed constant's value checked against its type's range: Go's "c + 100 (constant 300 of type uint8) overflows uint8". */
function constantOf(c: Checker, e: A.Expr, t: Type, v: ConstValue): Operand {
  if (isUntyped(t)) return { mode: "constant", type: t, value: v, expr: e };
  const u = underlying(t);
  if (u.kind !== "basic") return { mode: "constant", type: t, value: v, expr: e };
  const r = representable(v, u.basic);
  if (!r.ok) {
    c.error(
      e.pos,
      r.why === "truncated"
        ? `constant ${constString(v)} truncated to integer`
        : `${exprString(e)} (constant ${constString(v)} of type ${typeString(t)}) overflows ${typeString(t)}`,
    );
    return invalid(e);
  }
  return { mode: "constant", type: t, value: r.value, expr: e };
}

function isComparison(op: A.BinaryOp): boolean {
  return op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=";
}

function binary(c: Checker, e: A.BinaryExpr, scope: Scope): Operand {
  const lx = checkValue(c, e.x, scope);
  const ly = checkValue(c, e.y, scope);
  if (isInvalid(lx.type) || isInvalid(ly.type)) return invalid(e);
  if (e.op === "<<" || e.op === ">>") return shift(c, e, lx, ly);
  // Give an untyped operand the other's type (or both the larger untyped kind).
  let x = lx;
  let y = ly;
  // nil keeps its untyped type: the comparison below needs to know it is nil (`s == nil` for a slice).
  const isNil = (o: Operand): boolean => o.type.kind === "basic" && o.type.basic === "untyped nil";
  if (isUntyped(x.type) && !isUntyped(y.type) && !isNil(x)) x = matchUntyped(c, x, y.type) ?? x;
  else if (isUntyped(y.type) && !isUntyped(x.type) && !isNil(y)) y = matchUntyped(c, y, x.type) ?? y;
  else if (isUntyped(x.type) && isUntyped(y.type) && x.type !== y.type) {
    const xb = x.type as Basic;
    const yb = y.type as Basic;
    const numeric = isNumeric(xb) && isNumeric(yb);
    const nilMix = xb.basic === "untyped nil" || yb.basic === "untyped nil";
    if (numeric) {
      const t = largerUntyped(xb, yb);
      x = { ...x, type: t };
      y = { ...y, type: t };
    } else if (!nilMix) {
      c.error(e.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(x.type)} and ${typeString(y.type)})`);
      return invalid(e);
    }
  }
  if (isComparison(e.op)) return comparison(c, e, x, y);
  if (!identical(x.type, y.type)) {
    c.error(e.pos, `invalid operation: ${exprString(e)} (mismatched types ${typeString(x.type)} and ${typeString(y.type)})`);
    return invalid(e);
  }
  const t = x.type;
  const defined =
    e.op === "&&" || e.op === "||"
      ? allTerms(t, isBoolean)
      : e.op === "+"
        ? allTerms(t, (u) => isNumeric(u) || isString(u))
        : e.op === "-" || e.op === "*" || e.op === "/"
          ? allTerms(t, isNumeric)
          : allTerms(t, isInteger);
  if (!defined) {
    c.error(e.pos, `invalid operation: operator ${e.op} not defined on ${exprString(e.x)} (${describe(x)})`);
    return invalid(e);
  }
  if ((e.op === "/" || e.op === "%") && y.mode === "constant" && y.value !== undefined && isZero(y.value) && isInteger(t)) {
    c.error(e.y.pos, "invalid operation: division by zero");
    return invalid(e);
  }
  if (x.mode === "constant" && y.mode === "constant" && x.value !== undefined && y.value !== undefined) {
    try {
      return constantOf(c, e, t, binaryConst(e.op, x.value, y.value, isInteger(t)));
    } catch (err) {
      if (!(err instanceof ConstError)) throw err;
      c.error(e.opPos, err.message);
      return invalid(e);
    }
  }
  return { mode: "value", type: t, expr: e };
}

/** p holds for t, or for every type in a type parameter's type set (`T int | float64`: T + T is defined). */
export function allTerms(t: Type, p: (t: Type) => boolean): boolean {
  if (t.kind !== "typeParam") return p(t);
  const u = underlying(t.constraint);
  return u.kind === "interface" && u.terms !== undefined && u.terms.length > 0 && u.terms.every((term) => p(term.type));
}

function isZero(v: ConstValue): boolean {
  return (v.kind === "int" && v.value === 0n) || (v.kind === "float" && v.value === 0);
}

/** An untyped operand given a typed operand's type, with Go's message when it cannot be. */
function matchUntyped(c: Checker, x: Operand, t: Type): Operand | undefined {
  const xb = x.type as Basic;
  const tu = underlying(t);
  if (xb.basic === "untyped nil") return hasNil(t) ? { ...x, type: t } : undefined;
  if (tu.kind === "interface") return { ...x, type: defaultType(x.type) };
  if (tu.kind !== "basic" || !kindsMix(xb.basic, tu.basic)) return undefined;
  if (x.mode !== "constant" || x.value === undefined) return { ...x, type: t };
  const r = representable(x.value, tu.basic);
  if (!r.ok) {
    c.error(
      x.expr.pos,
      r.why === "truncated"
        ? `${exprString(x.expr)} (${describe(x)}) truncated to ${typeString(t)}`
        : `cannot use ${exprString(x.expr)} (${describe(x)}) as ${typeString(t)} value in expression (overflows)`,
    );
    return { ...x, type: BASIC.invalid };
  }
  return { ...x, type: t, value: r.value };
}

function comparison(c: Checker, e: A.BinaryExpr, x: Operand, y: Operand): Operand {
  const xnil = x.type.kind === "basic" && x.type.basic === "untyped nil";
  const ynil = y.type.kind === "basic" && y.type.basic === "untyped nil";
  const ordered = e.op !== "==" && e.op !== "!=";
  // As types2: a mismatch is reported at the second operand (only it reveals the mismatch), an undefined operator at the operand it fails on.
  let why: string | undefined;
  let at: A.Expr = e.y;
  if (xnil && ynil) why = `operator ${e.op} not defined on nil`;
  else if (xnil || ynil) {
    const other = xnil ? y : x;
    if (!hasNil(other.type)) why = `mismatched types ${typeString(x.type)} and ${typeString(y.type)}`;
    else if (ordered) why = `operator ${e.op} not defined on nil`;
  } else if (!assignable(x.type, y.type).ok && !assignable(y.type, x.type).ok) {
    why = `mismatched types ${typeString(x.type)} and ${typeString(y.type)}`;
  } else if (ordered) {
    const bad = [x, y].find((o) => !allTerms(o.type, (t) => isNumeric(t) || isString(t)));
    if (bad !== undefined) {
      at = bad.expr;
      why = `operator ${e.op} not defined on ${exprString(bad.expr)} (${describe(bad)})`;
    }
  } else {
    const bad = [x, y].find((o) => !comparable(o.type));
    if (bad !== undefined) {
      at = bad.expr;
      const u = underlying(bad.type);
      const kind = u.kind === "slice" ? "slice" : u.kind === "map" ? "map" : u.kind === "signature" ? "func" : undefined;
      why = kind !== undefined ? `${kind} can only be compared to nil` : `incomparable types in type set`;
    }
  }
  if (why !== undefined) {
    c.error(at.pos, `invalid operation: ${exprString(e)} (${why})`);
    return invalid(e);
  }
  if (x.mode === "constant" && y.mode === "constant" && x.value !== undefined && y.value !== undefined) {
    try {
      return { mode: "constant", type: BASIC["untyped bool"], value: binaryConst(e.op, x.value, y.value, false), expr: e };
    } catch (err) {
      if (!(err instanceof ConstError)) throw err;
      c.error(e.opPos, err.message);
      return invalid(e);
    }
  }
  // Untyped operands of a comparison that is not constant take their default types (the emitter needs a type).
  if (isUntyped(x.type) && !xnil)
    c.info.types.set(x.expr, { mode: x.mode, type: defaultType(x.type), ...(x.value === undefined ? {} : { value: x.value }) });
  if (isUntyped(y.type) && !ynil)
    c.info.types.set(y.expr, { mode: y.mode, type: defaultType(y.type), ...(y.value === undefined ? {} : { value: y.value }) });
  return { mode: "value", type: BASIC["untyped bool"], expr: e };
}

function shift(c: Checker, e: A.BinaryExpr, x: Operand, y: Operand): Operand {
  // The count: an integer, or an untyped constant representable as uint.
  if (y.mode === "constant" && y.value !== undefined) {
    const n = toInt(y.value);
    if (n === undefined || !(isInteger(y.type) || isUntyped(y.type))) {
      c.error(e.y.pos, `invalid operation: shift count ${exprString(e.y)} (${describe(y)}) must be integer`);
      return invalid(e);
    }
    if (n < 0n) {
      c.error(e.y.pos, `invalid operation: negative shift count ${exprString(e.y)} (${describe(y)})`);
      return invalid(e);
    }
  } else if (!isInteger(y.type)) {
    c.error(e.y.pos, `invalid operation: shift count ${exprString(e.y)} (${describe(y)}) must be integer`);
    return invalid(e);
  }
  if (x.mode === "constant" && x.value !== undefined) {
    if (toInt(x.value) === undefined) {
      c.error(e.x.pos, `invalid operation: shifted operand ${exprString(e.x)} (${describe(x)}) must be integer`);
      return invalid(e);
    }
    if (y.mode === "constant" && y.value !== undefined) {
      const t = isUntyped(x.type) ? BASIC["untyped int"] : x.type;
      try {
        return constantOf(
          c,
          e,
          isUntyped(x.type) && (x.type as Basic).basic === "untyped rune" ? x.type : t,
          binaryConst(e.op, x.value, y.value, true),
        );
      } catch (err) {
        if (!(err instanceof ConstError)) throw err;
        c.error(e.opPos, err.message);
        return invalid(e);
      }
    }
    // A non-constant shift of an untyped constant: the constant becomes an int (Go: the type it would have without the shift).
    if (isUntyped(x.type)) return { mode: "value", type: BASIC.int, expr: e };
  }
  if (!isInteger(x.type)) {
    c.error(e.x.pos, `invalid operation: shifted operand ${exprString(e.x)} (${describe(x)}) must be integer`);
    return invalid(e);
  }
  return { mode: "value", type: x.type, expr: e };
}

// ---------------------------------------------------------------------------
// Selectors, indexing, slicing

function markAddressed(c: Checker, e: A.Expr): void {
  const inner = e.kind === "paren" ? e.x : e;
  if (inner.kind !== "ident") return;
  const obj = c.info.uses.get(inner);
  if (obj?.kind === "var") obj.addressed = true;
}

function selector(c: Checker, e: A.SelectorExpr, scope: Scope): Operand {
  // A package member: fmt.Println, time.Second.
  if (e.x.kind === "ident") {
    const pkg = scope.lookup(e.x.name);
    if (pkg?.kind === "pkgName") {
      pkg.used = true;
      c.info.uses.set(e.x, pkg);
      const member = c.packages.get(pkg.path)?.scope.own(e.sel.name);
      if (member === undefined || !/^\p{Lu}/u.test(e.sel.name)) {
        c.error(
          e.sel.pos,
          member === undefined ? `undefined: ${e.x.name}.${e.sel.name}` : `name ${e.sel.name} not exported by package ${pkg.name}`,
        );
        return invalid(e);
      }
      c.info.uses.set(e.sel, member);
      c.info.selections.set(e, { kind: "pkgMember", pkg: pkg.path, object: member });
      switch (member.kind) {
        case "const":
          return { mode: "constant", type: member.type, value: member.value, expr: e };
        case "var":
          return { mode: "variable", type: member.type, expr: e };
        case "typeName":
          return { mode: "typexpr", type: member.type, expr: e };
        case "func":
          return { mode: "value", type: member.type, expr: e };
        case "builtin":
        case "nil":
        case "pkgName":
          return invalid(e);
      }
    }
  }
  const x = checkExpr(c, e.x, scope);
  if (isInvalid(x.type)) return invalid(e);
  if (x.mode === "typexpr") {
    // A method expression: T.M or (*T).M.
    const found = lookupFieldOrMethod(x.type, e.sel.name);
    if (found?.kind !== "method" || found.viaInterface) {
      c.error(e.sel.pos, `${exprString(e)} undefined (type ${typeString(x.type)} has no method ${e.sel.name})`);
      return invalid(e);
    }
    const pointer = underlying(x.type).kind === "pointer";
    if (found.pointerReceiver && !pointer) {
      c.error(e.pos, `invalid method expression ${exprString(e)} (needs pointer receiver (*${typeString(x.type)}).${e.sel.name})`);
      return invalid(e);
    }
    const sig = found.signature;
    const t = signature([{ name: "", type: x.type }, ...sig.params], sig.results, sig.variadic);
    c.info.selections.set(e, { kind: "methodExpr", name: e.sel.name, pointerReceiver: found.pointerReceiver, type: t });
    return { mode: "value", type: t, expr: e };
  }
  const v = singleValue(c, x);
  if (isInvalid(v.type)) return invalid(e);
  const found = lookupFieldOrMethod(v.type, e.sel.name);
  if (found === undefined) {
    const what =
      underlying(v.type).kind === "pointer" && isInterface(derefOnce(v.type).type)
        ? ` (type ${typeString(v.type)} is pointer to interface, not interface)`
        : ` (type ${typeString(v.type)} has no field or method ${e.sel.name})`;
    c.error(e.sel.pos, `${exprString(e)} undefined${what}`);
    return invalid(e);
  }
  if (found.kind === "ambiguous") {
    c.error(e.sel.pos, `ambiguous selector ${exprString(e)}`);
    return invalid(e);
  }
  if (found.kind === "field") {
    c.info.selections.set(e, { kind: "field", path: found.path, type: found.type, indirect: found.indirect });
    // A field of an addressable struct, or reached through a pointer, is itself a variable.
    const mode: Mode = v.mode === "variable" || found.indirect ? "variable" : "value";
    return { mode, type: found.type, expr: e };
  }
  // A method value: a pointer-receiver method needs an addressable operand (or a pointer).
  const isPtr = underlying(v.type).kind === "pointer";
  if (found.pointerReceiver && !isPtr && !found.indirect && v.mode !== "variable") {
    c.error(e.sel.pos, `cannot call pointer method ${e.sel.name} on ${typeString(v.type)}`);
    return invalid(e);
  }
  if (found.pointerReceiver && !isPtr) markAddressed(c, e.x);
  c.info.selections.set(e, {
    kind: "method",
    path: found.path,
    name: e.sel.name,
    pointerReceiver: found.pointerReceiver,
    viaInterface: found.viaInterface,
    type: found.signature,
    owner: found.owner,
  });
  return { mode: "value", type: found.signature, expr: e };
}

function indexValue(c: Checker, e: A.Expr, scope: Scope, length: number | undefined, what: string): bigint | undefined {
  const x = checkValue(c, e, scope);
  if (isInvalid(x.type)) return undefined;
  if (!isInteger(x.type) && !(x.mode === "constant" && x.value !== undefined && toInt(x.value) !== undefined)) {
    c.error(e.pos, `invalid argument: ${what} ${exprString(e)} (${describe(x)}) must be integer`);
    return undefined;
  }
  if (x.mode === "constant" && x.value !== undefined) {
    const n = toInt(x.value);
    if (n === undefined) {
      c.error(e.pos, `invalid argument: ${what} ${exprString(e)} (${describe(x)}) must be integer`);
      return undefined;
    }
    if (n < 0n) {
      c.error(e.pos, `invalid argument: ${what} ${exprString(e)} (constant of type int) must not be negative`);
      return undefined;
    }
    if (length !== undefined && n >= BigInt(length) && what === "index") {
      c.error(e.pos, `invalid argument: index ${exprString(e)} out of bounds [0:${length}]`);
      return undefined;
    }
    if (isUntyped(x.type)) c.info.types.set(e, { mode: "constant", type: BASIC.int, value: intConst(n) });
    return n;
  }
  return undefined;
}

function index(c: Checker, e: A.IndexExpr, scope: Scope, commaOk: boolean): Operand {
  const x = checkExpr(c, e.x, scope);
  if (isInvalid(x.type)) return invalid(e);
  // A generic type's instance, in an expression (a conversion `Pair[int](x)`).
  if (x.mode === "typexpr") return { mode: "typexpr", type: c.typeExpr(e, scope), expr: e };
  if (x.type.kind === "signature" && x.type.typeParams.length > 0)
    return {
      mode: "value",
      type: instantiate(
        c,
        e,
        x.type,
        e.indices.map((i) => c.typeExpr(i, scope)),
        e.indices.map((i) => i.pos),
      ),
      expr: e,
    };
  const v = singleValue(c, x);
  if (e.indices.length !== 1) {
    c.error(e.pos, `unexpected comma; expecting ]`);
    return invalid(e);
  }
  const i = e.indices[0] as A.Expr;
  const u = underlying(v.type);
  if (isString(u)) {
    const n = indexValue(c, i, scope, v.mode === "constant" && v.value?.kind === "string" ? v.value.value.length : undefined, "index");
    if (v.mode === "constant" && v.value?.kind === "string" && n !== undefined) {
      return { mode: "constant", type: BASIC.uint8, value: intConst(BigInt(v.value.value.charCodeAt(Number(n)))), expr: e };
    }
    return { mode: "value", type: { kind: "basic", basic: "uint8", name: "byte" }, expr: e };
  }
  if (u.kind === "slice") {
    indexValue(c, i, scope, undefined, "index");
    return { mode: "variable", type: u.elem, expr: e };
  }
  if (u.kind === "array") {
    indexValue(c, i, scope, u.length, "index");
    return { mode: v.mode === "variable" ? "variable" : "value", type: u.elem, expr: e };
  }
  if (u.kind === "pointer") {
    const a = underlying(u.elem);
    if (a.kind === "array") {
      indexValue(c, i, scope, a.length, "index");
      return { mode: "variable", type: a.elem, expr: e };
    }
  }
  if (u.kind === "map") {
    const k = checkValue(c, i, scope);
    if (!isInvalid(k.type)) c.assignTo(k, i, u.key, "map index");
    return { mode: commaOk ? "commaok" : "mapindex", type: u.elem, expr: e };
  }
  c.error(e.pos, `invalid operation: cannot index ${exprString(e.x)} (${describe(v)})`);
  checkExpr(c, i, scope);
  return invalid(e);
}

function sliceExpr(c: Checker, e: A.SliceExpr, scope: Scope): Operand {
  const x = checkValue(c, e.x, scope);
  if (isInvalid(x.type)) return invalid(e);
  const u = underlying(x.type);
  let result: Type | undefined;
  let length: number | undefined;
  if (isString(u)) {
    if (e.max !== undefined) {
      c.error(e.max.pos, `invalid operation: 3-index slice of string`);
      return invalid(e);
    }
    result = isUntyped(x.type) ? BASIC.string : x.type;
    if (x.mode === "constant" && x.value?.kind === "string") length = x.value.value.length;
  } else if (u.kind === "slice") result = x.type;
  else if (u.kind === "array") {
    if (x.mode !== "variable") {
      c.error(e.pos, `invalid operation: ${exprString(e.x)} (slice of unaddressable value)`);
      return invalid(e);
    }
    markAddressed(c, e.x);
    result = { kind: "slice", elem: u.elem };
    length = u.length;
  } else if (u.kind === "pointer" && underlying(u.elem).kind === "array") {
    const a = underlying(u.elem) as Extract<Type, { kind: "array" }>;
    result = { kind: "slice", elem: a.elem };
    length = a.length;
  }
  if (result === undefined) {
    c.error(e.pos, `cannot slice ${exprString(e.x)} (${describe(x)})`);
    return invalid(e);
  }
  const bounds = [e.low, e.high, e.max].map((b) =>
    b === undefined ? undefined : indexValue(c, b, scope, length === undefined ? undefined : length + 1, "index"),
  );
  const known = bounds.filter((b): b is bigint => b !== undefined);
  for (let k = 1; k < known.length; k++) {
    if ((known[k] as bigint) < (known[k - 1] as bigint)) {
      c.error(e.pos, `invalid slice indices: ${known[k]} < ${known[k - 1]}`);
      return invalid(e);
    }
  }
  if (length !== undefined) {
    for (const [b, expr] of [
      [bounds[1], e.high],
      [bounds[2], e.max],
    ] as const) {
      if (b !== undefined && b > BigInt(length) && expr !== undefined) {
        c.error(expr.pos, `invalid argument: index ${b} out of bounds [0:${length + 1}]`);
        return invalid(e);
      }
    }
  }
  return { mode: "value", type: result, expr: e };
}

// ---------------------------------------------------------------------------
// Composite literals

/** `hint` is the element type a literal with an elided type takes (`[]P{{1, 2}}`). */
export function compositeLit(c: Checker, e: A.CompositeLit, hint: Type | undefined, scope: Scope): Operand {
  let t: Type;
  if (e.type === undefined) {
    if (hint === undefined) {
      c.error(e.pos, "invalid composite literal type: missing type");
      return invalid(e);
    }
    t = hint;
  } else if (e.type.kind === "arrayType" && e.type.len === "...") {
    const elem = c.typeExpr(e.type.elem, scope);
    const n = arrayElements(c, e, elem, undefined, scope);
    t = { kind: "array", elem, length: n };
    return { mode: "value", type: t, expr: e };
  } else t = c.typeExpr(e.type, scope);
  if (isInvalid(t)) {
    for (const el of e.elements) if (el.value.kind !== "compositeLit") checkExpr(c, el.value, scope);
    return invalid(e);
  }
  // &T{} elided inside a literal of pointers: `[]*P{{1, 2}}`.
  const base = e.type === undefined && underlying(t).kind === "pointer" ? (underlying(t) as Extract<Type, { kind: "pointer" }>).elem : t;
  const u = underlying(base);
  if (u.kind === "struct") structElements(c, e, base, u, scope);
  else if (u.kind === "array") arrayElements(c, e, u.elem, u.length, scope);
  else if (u.kind === "slice") arrayElements(c, e, u.elem, undefined, scope);
  else if (u.kind === "map") {
    for (const el of e.elements) {
      if (el.key === undefined) {
        c.error(el.pos, "missing key in map literal");
        elementValue(c, el.value, u.elem, scope, "map literal");
        continue;
      }
      elementValue(c, el.key, u.key, scope, "map literal");
      elementValue(c, el.value, u.elem, scope, "map literal");
    }
  } else {
    c.error(e.pos, `invalid composite literal type ${typeString(t)}`);
    return invalid(e);
  }
  return { mode: "value", type: t, expr: e };
}

function elementValue(c: Checker, v: A.Expr, t: Type, scope: Scope, context: string): void {
  if (v.kind === "compositeLit" && v.type === undefined) {
    record(c, compositeLit(c, v, t, scope));
    return;
  }
  const x = checkValue(c, v, scope);
  if (!isInvalid(x.type)) c.assignTo(x, v, t, context);
}

/** An array or slice literal's elements (keys are constant indices); its length. */
function arrayElements(c: Checker, e: A.CompositeLit, elem: Type, length: number | undefined, scope: Scope): number {
  let i = 0;
  let max = 0;
  for (const el of e.elements) {
    if (el.key !== undefined) {
      const k = indexValue(c, el.key, scope, length, "index");
      if (k !== undefined) i = Number(k);
    } else if (length !== undefined && i >= length) {
      c.error(el.value.pos, `index ${i} is out of bounds (>= ${length})`);
    }
    elementValue(c, el.value, elem, scope, "array or slice literal");
    i++;
    max = Math.max(max, i);
  }
  return max;
}

function structElements(c: Checker, e: A.CompositeLit, t: Type, s: Extract<Type, { kind: "struct" }>, scope: Scope): void {
  if (e.elements.length === 0) return;
  const keyed = e.elements[0]?.key !== undefined;
  if (keyed) {
    const seen = new Set<string>();
    for (const el of e.elements) {
      if (el.key?.kind !== "ident") {
        c.error(
          el.pos,
          el.key === undefined
            ? "mixture of field:value and value elements in struct literal"
            : `invalid field name ${exprString(el.key)} in struct literal`,
        );
        continue;
      }
      const i = s.fields.findIndex((f) => f.name === (el.key as A.Ident).name);
      if (i < 0) {
        c.error(el.key.pos, `unknown field '${el.key.name}' in struct literal of type ${typeString(t)}`);
        checkExpr(c, el.value, scope);
        continue;
      }
      if (seen.has(el.key.name)) c.error(el.key.pos, `duplicate field name ${el.key.name} in struct literal`);
      seen.add(el.key.name);
      elementValue(c, el.value, (s.fields[i] as { type: Type }).type, scope, "struct literal");
    }
    return;
  }
  e.elements.forEach((el, i) => {
    if (el.key !== undefined) {
      c.error(el.pos, "mixture of field:value and value elements in struct literal");
      return;
    }
    const f = s.fields[i];
    if (f === undefined) {
      if (i === s.fields.length) c.error(el.value.pos, `too many values in ${exprString(e)}`);
      return;
    }
    elementValue(c, el.value, f.type, scope, "struct literal");
  });
  if (e.elements.length < s.fields.length) c.error(e.rbrace, `too few values in ${exprString(e)}`);
}

// ---------------------------------------------------------------------------
// Calls

function call(c: Checker, e: A.CallExpr, scope: Scope, commaOk: boolean): Operand {
  const f = checkExpr(c, e.fun, scope);
  if (isInvalid(f.type) && f.mode !== "builtin") {
    for (const a of e.args) checkExpr(c, a, scope);
    return invalid(e);
  }
  if (f.mode === "typexpr") return conversion(c, e, f.type, scope);
  if (f.mode === "builtin") return checkBuiltin(c, e, (e.fun.kind === "paren" ? e.fun.x : e.fun) as A.Ident, scope);
  void commaOk;
  const u = underlying(f.type);
  if (u.kind !== "signature") {
    c.error(e.pos, `invalid operation: cannot call non-function ${exprString(e.fun)} (${describe(f)})`);
    for (const a of e.args) checkExpr(c, a, scope);
    return invalid(e);
  }
  let sig: Signature = u;
  const args = callArgs(c, e, scope);
  if (sig.typeParams.length > 0) {
    const inferred = infer(c, e, sig, args);
    if (inferred === undefined) return invalid(e);
    sig = inferred;
    c.info.types.set(e.fun, { mode: "value", type: sig });
  }
  matchArgs(c, e, sig, args);
  const results = sig.results;
  if (results.length === 0) return { mode: "novalue", type: { kind: "tuple", types: [] }, expr: e };
  if (results.length === 1) return { mode: "value", type: (results[0] as { type: Type }).type, expr: e };
  return { mode: "value", type: { kind: "tuple", types: results.map((r) => r.type) }, expr: e };
}

/** The arguments as operands: f(g()) with a multi-valued g spreads its results. */
export function callArgs(c: Checker, e: A.CallExpr, scope: Scope): Operand[] {
  if (e.args.length === 1) {
    const only = e.args[0] as A.Expr;
    const x = checkExpr(c, only, scope);
    if (x.type.kind === "tuple" && x.mode !== "novalue") return x.type.types.map((t) => ({ mode: "value", type: t, expr: only }));
    return [singleValue(c, x)];
  }
  return e.args.map((a) => checkValue(c, a, scope));
}

function matchArgs(c: Checker, e: A.CallExpr, sig: Signature, args: readonly Operand[]): void {
  if (args.some((a) => isInvalid(a.type))) return;
  const params = sig.params;
  const spread =
    args.length === 1 && e.args.length === 1 && args[0]?.expr === e.args[0] && c.info.typeOf(e.args[0] as A.Expr)?.kind === "tuple";
  if (e.ellipsis) {
    if (!sig.variadic) {
      c.error(e.args.at(-1)?.pos ?? e.pos, `have (...) but function is not variadic: ${exprString(e.fun)}`);
      return;
    }
    if (args.length !== params.length) {
      countError(c, e, sig, args);
      return;
    }
  }
  const fixed = sig.variadic && !e.ellipsis ? params.length - 1 : params.length;
  if (args.length < fixed || (!sig.variadic && args.length > params.length)) {
    countError(c, e, sig, args);
    return;
  }
  args.forEach((a, i) => {
    const p = i < fixed ? params[i]?.type : sig.variadic ? (e.ellipsis ? params.at(-1)?.type : elemOf(params.at(-1)?.type)) : undefined;
    if (p === undefined) return;
    if (spread) {
      if (!assignable(a.type, p).ok)
        c.error(
          a.expr.pos,
          `cannot use ${exprString(a.expr)} (value of type ${typeString(a.type)}) as ${typeString(p)} value in argument to ${exprString(e.fun)}`,
        );
      return;
    }
    c.assignTo(a, a.expr, p, `argument to ${exprString(e.fun)}`);
  });
}

function elemOf(t: Type | undefined): Type | undefined {
  return t?.kind === "slice" ? t.elem : t;
}

function countError(c: Checker, e: A.CallExpr, sig: Signature, args: readonly Operand[]): void {
  const few = args.length < sig.params.length - (sig.variadic ? 1 : 0);
  const have = `(${args.map((a) => (a.mode === "constant" && isUntyped(a.type) ? "number" : typeString(a.type))).join(", ")})`;
  const want = `(${sig.params.map((p, i) => (sig.variadic && i === sig.params.length - 1 ? `...${typeString(elemOf(p.type) ?? p.type)}` : typeString(p.type))).join(", ")})`;
  c.error(
    // As types2: too few at the last argument (or the closing parenthesis), too many at the first extra one.
    few ? (e.args.at(-1)?.pos ?? e.rparen) : (e.args[sig.params.length]?.pos ?? e.pos),
    `${few ? "not enough" : "too many"} arguments in call to ${exprString(e.fun)}\n\thave ${have}\n\twant ${want}`,
  );
}

function conversion(c: Checker, e: A.CallExpr, t: Type, scope: Scope): Operand {
  if (e.args.length !== 1) {
    c.error(
      e.pos,
      e.args.length === 0 ? `missing argument in conversion to ${typeString(t)}` : `too many arguments in conversion to ${typeString(t)}`,
    );
    for (const a of e.args) checkExpr(c, a, scope);
    return invalid(e);
  }
  const arg = e.args[0] as A.Expr;
  const x = checkValue(c, arg, scope);
  if (isInvalid(x.type) || isInvalid(t)) return invalid(e);
  const tu = underlying(t);
  if (x.mode === "constant" && x.value !== undefined && tu.kind === "basic") {
    // A constant converted to a basic type stays constant: its value must fit (an integer to string makes a rune's bytes).
    if (isString(tu) && isInteger(x.type)) {
      const n = toInt(x.value) ?? 0n;
      return { mode: "constant", type: t, value: stringConst(runeBytes(n)), expr: e };
    }
    if (isNumeric(tu) && (isNumeric(x.type) || isUntyped(x.type))) {
      const r = representable(x.value, tu.basic);
      if (!r.ok) {
        c.error(
          arg.pos,
          `cannot convert ${exprString(arg)} (${describe(x)}) to type ${typeString(t)}${r.why === "truncated" ? " (truncated)" : ""}`,
        );
        return invalid(e);
      }
      // float → int of a typed constant truncates only if exact; representable checked that.
      if (isInteger(tu) && isFloat(x.type) && !isUntyped(x.type)) return { mode: "constant", type: t, value: r.value, expr: e };
      return { mode: "constant", type: t, value: r.value, expr: e };
    }
    if ((isString(tu) && isString(x.type)) || (tu.basic === "bool" && isBoolean(x.type)))
      return { mode: "constant", type: t, value: x.value, expr: e };
  }
  const from = isUntyped(x.type) ? (x.type.kind === "basic" && x.type.basic === "untyped nil" ? x.type : defaultType(x.type)) : x.type;
  if (!convertible(from, t)) {
    c.error(arg.pos, `cannot convert ${exprString(arg)} (${describe(x)}) to type ${typeString(t)}`);
    return invalid(e);
  }
  if (isUntyped(x.type) && x.mode === "constant")
    c.info.types.set(arg, { mode: "constant", type: from, ...(x.value === undefined ? {} : { value: x.value }) });
  return { mode: "value", type: t, expr: e };
}

/** string(rune): the rune's UTF-8 bytes; an invalid code point becomes U+FFFD, as in Go. */
function runeBytes(n: bigint): string {
  const cp = n < 0n || n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn) ? 0xfffd : Number(n);
  const text = String.fromCodePoint(cp);
  let out = "";
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

// ---------------------------------------------------------------------------
// Generic functions: explicit instantiation and inference from the arguments

export function satisfies(t: Type, constraint: Type): string | undefined {
  const u = underlying(constraint);
  if (u.kind !== "interface") return undefined;
  if (u.comparable && !comparable(t)) return `${typeString(t)} does not implement comparable`;
  if (
    u.terms !== undefined &&
    !u.terms.some((term) => (term.tilde ? identical(underlying(term.type), underlying(t)) : identical(term.type, t)))
  ) {
    return `${typeString(t)} does not implement ${typeString(constraint)} (${typeString(t)} missing in ${u.terms.map((x) => `${x.tilde ? "~" : ""}${typeString(x.type)}`).join(" | ")})`;
  }
  const missing = u.methods.length === 0 ? undefined : missingMethod(t, u);
  return missing === undefined ? undefined : `${typeString(t)} does not implement ${typeString(constraint)} (${missing})`;
}

/**
 * A generic function's signature for these type arguments, after checking
 * each against its constraint. `at` is where Go reports a type argument's
 * problem: the explicit type argument, or the argument it was inferred from.
 */
function instantiate(c: Checker, e: A.Expr, sig: Signature, args: readonly Type[], at: readonly (A.Pos | undefined)[]): Type {
  if (args.length > sig.typeParams.length) {
    c.error(at[sig.typeParams.length] ?? e.pos, `got ${args.length} type arguments but want ${sig.typeParams.length}`);
    return BASIC.invalid;
  }
  if (args.length < sig.typeParams.length) return sig;
  const map = new Map<number, Type>();
  sig.typeParams.forEach((tp, i) => map.set(tp.id, args[i] as Type));
  for (const [i, tp] of sig.typeParams.entries()) {
    const why = satisfies(map.get(tp.id) as Type, substitute(tp.constraint, map, c.instantiateNamed));
    if (why !== undefined) {
      c.error(at[i] ?? e.pos, why);
      return BASIC.invalid;
    }
  }
  return substitute(sig, map, c.instantiateNamed);
}

/** Infers a generic function's type arguments from its arguments' types (untyped constants by their default types, last). */
function infer(c: Checker, e: A.CallExpr, sig: Signature, args: readonly Operand[]): Signature | undefined {
  const map = new Map<number, Type>();
  const from = new Map<number, A.Pos>();
  let current: A.Pos | undefined;
  const unify = (p: Type, a: Type): void => {
    if (p.kind === "typeParam") {
      if (!map.has(p.id)) {
        map.set(p.id, a);
        if (current !== undefined) from.set(p.id, current);
      }
      return;
    }
    if (p.kind === "named") {
      // Stack[T] against Stack[int]: the arguments pairwise.
      if (a.kind === "named" && p.origin !== undefined && a.origin?.generic === p.origin.generic)
        p.origin.args.forEach((x, i) => unify(x, a.origin?.args[i] as Type));
      return;
    }
    const au = underlying(a);
    if (p.kind !== au.kind) return;
    switch (p.kind) {
      case "pointer":
      case "slice":
      case "array":
      case "chan":
        unify(p.elem, (au as { elem: Type }).elem);
        return;
      case "map":
        unify(p.key, (au as { key: Type }).key);
        unify(p.elem, (au as { elem: Type }).elem);
        return;
      case "signature": {
        const as = au as Signature;
        p.params.forEach((x, i) => as.params[i] !== undefined && unify(x.type, (as.params[i] as { type: Type }).type));
        p.results.forEach((x, i) => as.results[i] !== undefined && unify(x.type, (as.results[i] as { type: Type }).type));
        return;
      }
      case "basic":
      case "struct":
      case "interface":
      case "tuple":
        return;
    }
  };
  const paramAt = (i: number): Type | undefined =>
    sig.variadic && i >= sig.params.length - 1
      ? e.ellipsis
        ? sig.params.at(-1)?.type
        : elemOf(sig.params.at(-1)?.type)
      : sig.params[i]?.type;
  // Typed arguments first, then untyped constants by their default types.
  args.forEach((a, i) => {
    const p = paramAt(i);
    // Go reports a type argument inferred from the arguments at the argument list.
    current = e.lparen;
    if (p !== undefined && !isUntyped(a.type)) unify(p, a.type);
  });
  args.forEach((a, i) => {
    const p = paramAt(i);
    current = e.lparen;
    if (p !== undefined && isUntyped(a.type) && !(a.type.kind === "basic" && a.type.basic === "untyped nil")) unify(p, defaultType(a.type));
  });
  const missing = sig.typeParams.find((tp) => !map.has(tp.id));
  if (missing !== undefined) {
    c.error(e.pos, `in call to ${exprString(e.fun)}, cannot infer ${missing.name}`);
    return undefined;
  }
  const t = instantiate(
    c,
    e.fun,
    sig,
    sig.typeParams.map((tp) => map.get(tp.id) as Type),
    sig.typeParams.map((tp) => from.get(tp.id)),
  );
  return t.kind === "signature" ? t : undefined;
}
