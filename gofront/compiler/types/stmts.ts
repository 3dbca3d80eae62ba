// Statements and function bodies: declarations in blocks, assignments, the
// control statements with their scopes, labels, Go's "missing return" (spec:
// "Terminating statements") and "declared but not used".

import type * as A from "../syntax/ast";
import { exprString } from "../syntax/exprString";
import { defaultType } from "./assign";
import { describe, type Checker } from "./checker";
import { checkExpr, checkValue, singleValue, type Operand } from "./exprs";
import { Scope, type GoObject } from "./scope";
import {
  BASIC,
  comparable,
  isBoolean,
  isInteger,
  isInterface,
  isInvalid,
  isNumeric,
  isString,
  isUntyped,
  typeString,
  underlying,
  type Signature,
  type Type,
} from "./types";

/** What a function body needs while it is checked: its results, its variables (for "declared but not used"), its labels. */
interface FuncContext {
  readonly sig: Signature;
  readonly vars: GoObject[];
  readonly labels: Map<string, { readonly pos: A.Pos; used: boolean; readonly stmt: A.Stmt }>;
}

/** Where a statement sits: the enclosing loops, switches and selects a break or continue may leave. */
interface Place {
  readonly breakable: readonly (A.Stmt | undefined)[];
  readonly loops: readonly (A.Stmt | undefined)[];
  /** The label naming the statement being checked. */
  readonly label: string | undefined;
  readonly labelsOf: ReadonlyMap<A.Stmt, string>;
  readonly fallthroughOk: boolean;
}

const TOP: Place = { breakable: [], loops: [], label: undefined, labelsOf: new Map(), fallthroughOk: false };

export function checkFuncBody(c: Checker, d: A.FuncDecl, sig: Signature | undefined, outer: Scope): void {
  let scope = outer;
  let s = sig;
  if (d.recv !== undefined) {
    s = c.methodSignature(d);
    const methodScope = c.methodScope(d) ?? outer;
    scope = new Scope(methodScope, "func");
    const recvType = c.typeExpr(d.recv.type, methodScope);
    for (const n of d.recv.names) declareVar(c, scope, n, recvType, true, undefined);
  }
  if (s === undefined) {
    const f = c.funcSignature(d.type, outer);
    s = f.signature;
    scope = f.scope;
  }
  if (d.body === undefined) return;
  body(c, d.type, s, d.body, scope);
}

export function checkFuncLit(c: Checker, e: A.FuncLit, scope: Scope): Type {
  const sig = c.funcSignature(e.type, scope).signature;
  body(c, e.type, sig, e.body, scope);
  return sig;
}

function body(c: Checker, t: A.FuncType, sig: Signature, b: A.Block, outer: Scope): void {
  const scope = new Scope(outer, "func");
  const ctx: FuncContext = { sig, vars: [], labels: new Map() };
  // Type parameters, then parameters and named results, in the function's scope.
  sig.typeParams.forEach((tp) => {
    scope.declare({ kind: "typeName", name: tp.name, pos: undefined, type: tp });
  });
  let i = 0;
  for (const f of t.params)
    for (const n of f.names.length === 0 ? [undefined] : f.names) {
      const p = sig.params[i++];
      if (n !== undefined && p !== undefined) declareVar(c, scope, n, p.type, true, undefined);
    }
  i = 0;
  for (const f of t.results)
    for (const n of f.names.length === 0 ? [undefined] : f.names) {
      const r = sig.results[i++];
      if (n !== undefined && r !== undefined) declareVar(c, scope, n, r.type, true, undefined);
    }
  collectLabels(c, b.stmts, ctx);
  stmtList(c, b.stmts, scope, ctx, TOP);
  if (sig.results.length > 0 && !terminatingList(b.stmts)) c.error(b.end, "missing return");
  for (const v of ctx.vars)
    if (v.kind === "var" && !v.used && v.pos !== undefined && !isInvalid(v.type)) c.error(v.pos, `${v.name} declared but not used`);
  for (const [name, l] of ctx.labels) if (!l.used) c.error(l.pos, `label ${name} defined and not used`);
}

function declareVar(c: Checker, scope: Scope, n: A.Ident, type: Type, isParam: boolean, ctx: FuncContext | undefined): GoObject {
  const obj: GoObject = { kind: "var", name: n.name, pos: n.pos, type, used: isParam, isParam, captured: false, addressed: false };
  c.info.defs.set(n, obj);
  if (n.name !== "_") {
    c.declare(scope, obj, n.pos);
    ctx?.vars.push(obj);
  }
  return obj;
}

function collectLabels(c: Checker, stmts: readonly A.Stmt[], ctx: FuncContext): void {
  const visit = (s: A.Stmt): void => {
    switch (s.kind) {
      case "labeled":
        if (ctx.labels.has(s.label.name)) c.error(s.label.pos, `label ${s.label.name} already defined`);
        else ctx.labels.set(s.label.name, { pos: s.label.pos, used: false, stmt: s.stmt });
        visit(s.stmt);
        return;
      case "block":
        s.stmts.forEach(visit);
        return;
      case "if":
        visit(s.body);
        if (s.else !== undefined) visit(s.else);
        return;
      case "for":
      case "range":
        visit(s.body);
        return;
      case "switch":
      case "typeSwitch":
        for (const cl of s.clauses) cl.body.forEach(visit);
        return;
      case "select":
        for (const cl of s.clauses) cl.body.forEach(visit);
        return;
      case "declStmt":
      case "empty":
      case "exprStmt":
      case "send":
      case "incDec":
      case "assign":
      case "go":
      case "defer":
      case "return":
      case "branch":
        return;
    }
  };
  stmts.forEach(visit);
}

function stmtList(c: Checker, stmts: readonly A.Stmt[], scope: Scope, ctx: FuncContext, place: Place): void {
  stmts.forEach((s, i) => stmt(c, s, scope, ctx, { ...place, fallthroughOk: place.fallthroughOk && i === stmts.length - 1 }));
}

function stmt(c: Checker, s: A.Stmt, scope: Scope, ctx: FuncContext, place: Place): void {
  switch (s.kind) {
    case "block":
      stmtList(c, s.stmts, new Scope(scope, "block"), ctx, { ...place, fallthroughOk: false });
      return;
    case "declStmt":
      declStmt(c, s.decl, scope, ctx);
      return;
    case "empty":
      return;
    case "labeled": {
      const labelsOf = new Map(place.labelsOf);
      labelsOf.set(s.stmt, s.label.name);
      stmt(c, s.stmt, scope, ctx, { ...place, labelsOf });
      return;
    }
    case "exprStmt": {
      const x = checkExpr(c, s.x, scope);
      if (isInvalid(x.type)) return;
      const inner = s.x.kind === "paren" ? s.x.x : s.x;
      const isCall = inner.kind === "call";
      const isRecv = inner.kind === "unary" && inner.op === "<-";
      if (!isCall && !isRecv) c.error(s.x.pos, `${exprString(s.x)} (${describe(x)}) is not used`);
      else if (isCall && x.mode === "value" && x.type.kind !== "tuple" && isConversionOrPure(c, inner))
        c.error(s.x.pos, `${exprString(s.x)} (${describe(x)}) is not used`);
      return;
    }
    case "send": {
      const ch = checkValue(c, s.chan, scope);
      const v = checkValue(c, s.value, scope);
      if (isInvalid(ch.type)) return;
      const u = underlying(ch.type);
      if (u.kind !== "chan") {
        c.error(s.pos, `invalid operation: cannot send to non-channel ${exprString(s.chan)} (${describe(ch)})`);
        return;
      }
      if (u.dir === "recv") {
        c.error(s.pos, `invalid operation: cannot send to receive-only channel ${exprString(s.chan)} (${describe(ch)})`);
        return;
      }
      if (!isInvalid(v.type)) c.assignTo(v, s.value, u.elem, "send");
      return;
    }
    case "incDec": {
      const x = checkValue(c, s.x, scope);
      if (isInvalid(x.type)) return;
      if (!isNumeric(x.type)) {
        c.error(s.pos, `invalid operation: ${exprString(s.x)}${s.inc ? "++" : "--"} (non-numeric type ${typeString(x.type)})`);
        return;
      }
      assignable_(c, x, s.x);
      return;
    }
    case "assign":
      assign(c, s, scope, ctx);
      return;
    case "go":
    case "defer": {
      const inner = s.call.kind === "paren" ? s.call.x : s.call;
      if (inner.kind !== "call") {
        // Go says it twice: the statement wants a call, and the expression is not one.
        c.error(s.call.pos, `expression in ${s.kind} must be function call`);
        const f = checkValue(c, s.call, scope);
        if (!isInvalid(f.type) && underlying(f.type).kind !== "signature")
          c.error(s.call.pos, `invalid operation: cannot call non-function ${exprString(s.call)} (${describe(f)})`);
        return;
      }
      const x = checkExpr(c, s.call, scope);
      if (!isInvalid(x.type) && c.info.types.get(inner.fun)?.mode === "typexpr")
        c.error(s.call.pos, `${s.kind} requires function call, not conversion ${exprString(s.call)} (${describe(x)})`);
      return;
    }
    case "return":
      returnStmt(c, s, scope, ctx);
      return;
    case "branch":
      branch(c, s, ctx, place);
      return;
    case "if": {
      const inner = new Scope(scope, "block");
      if (s.init !== undefined) stmt(c, s.init, inner, ctx, place);
      const cond = checkValue(c, s.cond, inner);
      if (!isInvalid(cond.type) && !isBoolean(cond.type)) c.error(s.cond.pos, `non-boolean condition in if statement`);
      stmt(c, s.body, inner, ctx, place);
      if (s.else !== undefined) stmt(c, s.else, inner, ctx, place);
      return;
    }
    case "for": {
      const inner = new Scope(scope, "block");
      if (s.init !== undefined) stmt(c, s.init, inner, ctx, place);
      if (s.cond !== undefined) {
        const cond = checkValue(c, s.cond, inner);
        if (!isInvalid(cond.type) && !isBoolean(cond.type)) c.error(s.cond.pos, `non-boolean condition in for statement`);
      }
      if (s.post !== undefined) stmt(c, s.post, inner, ctx, place);
      stmt(c, s.body, inner, ctx, loopPlace(place, s));
      return;
    }
    case "range":
      rangeStmt(c, s, scope, ctx, place);
      return;
    case "switch":
      switchStmt(c, s, scope, ctx, place);
      return;
    case "typeSwitch":
      typeSwitch(c, s, scope, ctx, place);
      return;
    case "select":
      selectStmt(c, s, scope, ctx, place);
      return;
  }
}

function loopPlace(place: Place, s: A.Stmt): Place {
  return { ...place, breakable: [...place.breakable, s], loops: [...place.loops, s], fallthroughOk: false };
}

/** A call that is a conversion or a builtin with a value (len, cap, append…): its result must be used. */
function isConversionOrPure(c: Checker, call: A.CallExpr): boolean {
  const fun = call.fun.kind === "paren" ? call.fun.x : call.fun;
  const f = c.info.types.get(call.fun);
  if (f?.mode === "typexpr") return true;
  if (f?.mode === "builtin" && fun.kind === "ident")
    return ["append", "cap", "len", "make", "new", "min", "max", "complex", "real", "imag"].includes(fun.name);
  return false;
}

function assignable_(c: Checker, x: Operand, e: A.Expr): boolean {
  if (x.mode === "variable" || x.mode === "mapindex") return true;
  if (e.kind === "ident" && e.name === "_") return true;
  const inner = e.kind === "paren" ? e.x : e;
  if (inner.kind === "selector" && c.info.types.get(inner.x)?.mode === "mapindex") {
    c.error(e.pos, `cannot assign to struct field ${exprString(e)} in map`);
    return false;
  }
  c.error(
    e.pos,
    `cannot assign to ${exprString(e)} (${x.mode === "constant" ? describe(x) : "neither addressable nor a map index expression"})`,
  );
  return false;
}

function declStmt(c: Checker, d: A.GenDecl, scope: Scope, ctx: FuncContext): void {
  switch (d.kind) {
    case "import":
      return;
    case "type":
      for (const spec of d.specs) {
        const obj: GoObject = { kind: "typeName", name: spec.name.name, pos: spec.name.pos, type: BASIC.invalid };
        c.info.defs.set(spec.name, obj);
        // Declared first, so the type may refer to itself (type node struct{ next *node }).
        c.declare(scope, obj, spec.name.pos);
        c.typeDecl(obj, spec, scope);
      }
      return;
    case "const":
      for (const spec of d.specs) {
        const objs = spec.names.map((n, index) => {
          const obj: GoObject = {
            kind: "const",
            name: n.name,
            pos: n.pos,
            type: BASIC.invalid,
            value: { kind: "int", value: 0n },
            used: true,
          };
          c.info.defs.set(n, obj);
          c.constDecl(obj, spec, index, scope);
          return obj;
        });
        // Declared after their values: `const x = x` refers to an outer x.
        objs.forEach((o, i) => c.declare(scope, o, (spec.names[i] as A.Ident).pos));
      }
      return;
    case "var":
      for (const spec of d.specs) {
        const declared = spec.type === undefined ? undefined : c.typeExpr(spec.type, scope);
        const types =
          spec.values.length === 0
            ? spec.names.map(() => declared ?? BASIC.invalid)
            : c.initTypes(spec.names, spec.values, declared, scope, "variable declaration");
        spec.names.forEach((n, i) => declareVar(c, scope, n, types[i] ?? BASIC.invalid, false, ctx));
      }
      return;
  }
}

function assign(c: Checker, s: A.AssignStmt, scope: Scope, ctx: FuncContext): void {
  if (s.op === ":=") {
    define(c, s.lhs, s.rhs, scope, ctx, s.pos, s.opPos);
    return;
  }
  if (s.op !== "=") {
    // x op= y: x = x op y, one of each.
    const x = checkValue(c, s.lhs[0] as A.Expr, scope);
    if (isInvalid(x.type) || !assignable_(c, x, s.lhs[0] as A.Expr)) {
      checkExpr(c, s.rhs[0] as A.Expr, scope);
      return;
    }
    const op = s.op.slice(0, -1) as A.BinaryOp;
    const y = checkValue(c, s.rhs[0] as A.Expr, scope);
    if (isInvalid(y.type)) return;
    const synthetic: A.BinaryExpr = {
      kind: "binary",
      pos: s.lhs[0]?.pos ?? s.pos,
      opPos: s.pos,
      op,
      x: s.lhs[0] as A.Expr,
      y: s.rhs[0] as A.Expr,
    };
    const r = checkExpr(c, synthetic, scope);
    if (!isInvalid(r.type) && op !== "<<" && op !== ">>") c.assignTo(r, s.rhs[0] as A.Expr, x.type, "assignment");
    return;
  }
  const lhs = s.lhs.map((l) => {
    if (l.kind === "ident" && l.name === "_") return undefined;
    // Assigning to a variable is not using it (Go: `z = 3` alone leaves z "declared but not used").
    const obj = l.kind === "ident" ? scope.lookup(l.name) : undefined;
    const wasUsed = obj?.kind === "var" ? obj.used : undefined;
    const x = checkExpr(c, l, scope);
    if (obj?.kind === "var" && wasUsed !== undefined) obj.used = wasUsed;
    if (isInvalid(x.type) || !assignable_(c, x, l)) return { ...x, type: BASIC.invalid };
    return x;
  });
  const targets = lhs.map((x) => x?.type);
  const values = rhsTypes(c, s.rhs, s.lhs.length, scope, s.pos);
  if (values === undefined) return;
  values.forEach((v, i) => {
    const t = targets[i];
    if (v.operand !== undefined && t !== undefined && !isInvalid(t)) c.assignTo(v.operand, v.operand.expr, t, "assignment");
    if (v.operand !== undefined && t === undefined && v.operand.type.kind === "basic" && v.operand.type.basic === "untyped nil")
      c.error(v.operand.expr.pos, "use of untyped nil in assignment");
  });
}

/** The right-hand side's values, one per left-hand target: one each, or one multi-valued call / comma-ok expression. */
function rhsTypes(c: Checker, rhs: readonly A.Expr[], n: number, scope: Scope, pos: A.Pos): { operand: Operand | undefined }[] | undefined {
  if (rhs.length === 1 && n > 1) {
    const only = rhs[0] as A.Expr;
    const x = checkExpr(c, only, scope, n === 2);
    if (isInvalid(x.type)) return undefined;
    const types = x.type.kind === "tuple" ? x.type.types : x.mode === "commaok" ? [x.type, BASIC["untyped bool"]] : [x.type];
    if (types.length !== n) {
      c.error(
        only.pos,
        `assignment mismatch: ${n} variables but ${only.kind === "call" ? `${exprString(only.fun)} returns ${types.length} value${types.length === 1 ? "" : "s"}` : `${types.length} value${types.length === 1 ? "" : "s"}`}`,
      );
      return undefined;
    }
    if (x.mode === "commaok") c.info.types.set(only, { mode: "commaok", type: x.type });
    return types.map((t) => ({ operand: { mode: "value", type: t, expr: only } }));
  }
  if (rhs.length !== n) {
    c.error(pos, `assignment mismatch: ${n} variable${n === 1 ? "" : "s"} but ${rhs.length} value${rhs.length === 1 ? "" : "s"}`);
    rhs.forEach((r) => checkExpr(c, r, scope));
    return undefined;
  }
  return rhs.map((r) => {
    const raw = checkExpr(c, r, scope);
    // One variable for a call with several results: Go's "assignment mismatch", not "multiple-value".
    if (n === 1 && raw.type.kind === "tuple" && raw.mode !== "novalue" && r.kind === "call") {
      c.error(r.pos, `assignment mismatch: 1 variable but ${exprString(r.fun)} returns ${raw.type.types.length} values`);
      return { operand: undefined };
    }
    const x = singleValue(c, raw);
    return { operand: isInvalid(x.type) ? undefined : x };
  });
}

function define(
  c: Checker,
  lhs: readonly A.Expr[],
  rhs: readonly A.Expr[],
  scope: Scope,
  ctx: FuncContext,
  pos: A.Pos,
  opPos: A.Pos,
): void {
  const names: A.Ident[] = [];
  for (const l of lhs) {
    if (l.kind !== "ident") {
      c.error(l.pos, `non-name ${exprString(l)} on left side of :=`);
      rhs.forEach((r) => checkExpr(c, r, scope));
      return;
    }
    names.push(l);
  }
  const values = rhsTypes(c, rhs, names.length, scope, pos);
  let fresh = false;
  names.forEach((n, i) => {
    const v = values?.[i]?.operand;
    const existing = n.name === "_" ? undefined : scope.own(n.name);
    if (existing !== undefined) {
      // Redeclared on the left of := with at least one new variable: an assignment to the old one.
      c.info.uses.set(n, existing);
      if (existing.kind === "var" && v !== undefined) c.assignTo(v, v.expr, existing.type, "assignment");
      return;
    }
    if (n.name !== "_") fresh = true;
    let t: Type = BASIC.invalid;
    if (v !== undefined) {
      if (v.type.kind === "basic" && v.type.basic === "untyped nil") c.error(v.expr.pos, "use of untyped nil in assignment");
      else t = c.assignTo(v, v.expr, defaultType(v.type), "assignment").type;
    }
    declareVar(c, scope, n, t, false, ctx);
  });
  if (!fresh) c.error(opPos, "no new variables on left side of :=");
}

function returnStmt(c: Checker, s: A.ReturnStmt, scope: Scope, ctx: FuncContext): void {
  const want = ctx.sig.results;
  if (s.results.length === 0) {
    // A bare return is fine with named results, or none.
    if (want.length > 0 && want[0]?.name === "")
      c.error(s.pos, `not enough return values\n\thave ()\n\twant (${want.map((r) => typeString(r.type)).join(", ")})`);
    return;
  }
  let have: Operand[];
  if (s.results.length === 1 && want.length > 1) {
    const x = checkExpr(c, s.results[0] as A.Expr, scope);
    if (isInvalid(x.type)) return;
    have = x.type.kind === "tuple" ? x.type.types.map((t) => ({ mode: "value", type: t, expr: x.expr })) : [singleValue(c, x)];
  } else have = s.results.map((r) => checkValue(c, r, scope));
  if (have.some((h) => isInvalid(h.type))) return;
  if (have.length !== want.length) {
    const haveText = `(${have.map((h) => (h.mode === "constant" && isUntyped(h.type) ? "number" : typeString(h.type))).join(", ")})`;
    c.error(
      have.length > want.length ? (s.results[want.length]?.pos ?? s.results[0]?.pos ?? s.pos) : (s.results[0]?.pos ?? s.pos),
      `${have.length > want.length ? "too many" : "not enough"} return values\n\thave ${haveText}\n\twant (${want.map((r) => typeString(r.type)).join(", ")})`,
    );
    return;
  }
  have.forEach((h, i) => c.assignTo(h, h.expr, (want[i] as { type: Type }).type, "return statement"));
}

function branch(c: Checker, s: A.BranchStmt, ctx: FuncContext, place: Place): void {
  if (s.tok === "fallthrough") {
    if (!place.fallthroughOk) c.error(s.pos, "fallthrough statement out of place");
    return;
  }
  if (s.label !== undefined) {
    const l = ctx.labels.get(s.label.name);
    if (l === undefined) {
      c.error(s.label.pos, `${s.tok} label not defined: ${s.label.name}`);
      return;
    }
    l.used = true;
    const target = [...place.labelsOf].find(([, name]) => name === s.label?.name)?.[0];
    // As Go's parser: a label that names no enclosing statement is "not defined" here; one naming the wrong kind is "invalid".
    if (target === undefined) c.error(s.label.pos, `${s.tok} label not defined: ${s.label.name}`);
    else {
      const ok = s.tok === "break" ? place.breakable.includes(target) : place.loops.includes(target);
      if (!ok) c.error(s.label.pos, `invalid ${s.tok} label ${s.label.name}`);
    }
    return;
  }
  if (s.tok === "break" && place.breakable.length === 0) c.error(s.pos, "break is not in a loop, switch, or select");
  if (s.tok === "continue" && place.loops.length === 0) c.error(s.pos, "continue is not in a loop");
}

function rangeStmt(c: Checker, s: A.RangeStmt, scope: Scope, ctx: FuncContext, place: Place): void {
  const x = checkValue(c, s.x, scope);
  const inner = new Scope(scope, "block");
  let key: Type = BASIC.invalid;
  let value: Type | undefined = BASIC.invalid;
  if (!isInvalid(x.type)) {
    const u0 = underlying(x.type);
    const u = u0.kind === "pointer" && underlying(u0.elem).kind === "array" ? underlying(u0.elem) : u0;
    if (isString(u)) {
      key = BASIC.int;
      value = { kind: "basic", basic: "int32", name: "rune" };
    } else if (u.kind === "array" || u.kind === "slice") {
      key = BASIC.int;
      value = u.elem;
    } else if (u.kind === "map") {
      key = u.key;
      value = u.elem;
    } else if (u.kind === "chan") {
      if (u.dir === "send")
        c.error(s.x.pos, `invalid operation: range ${exprString(s.x)} receive from send-only channel ${typeString(x.type)}`);
      key = u.elem;
      value = undefined;
    } else if (isInteger(u)) {
      // Go 1.22: range over an integer n counts 0 … n-1 in n's type.
      key = isUntyped(x.type) ? BASIC.int : x.type;
      value = undefined;
    } else {
      c.error(s.x.pos, `cannot range over ${exprString(s.x)} (${describe(x)})`);
    }
    if (value === undefined && s.value !== undefined)
      c.error(s.value.pos, `range over ${exprString(s.x)} (${describe(x)}) permits only one iteration variable`);
  }
  if (s.tok === ":=") {
    const vars = [s.key, s.value];
    const types = [key, value ?? BASIC.invalid];
    vars.forEach((v, i) => {
      if (v === undefined) return;
      if (v.kind !== "ident") {
        c.error(v.pos, `non-name ${exprString(v)} on left side of :=`);
        return;
      }
      declareVar(c, inner, v, types[i] as Type, false, ctx);
    });
  } else if (s.tok === "=") {
    [s.key, s.value].forEach((v, i) => {
      if (v === undefined || (v.kind === "ident" && v.name === "_")) return;
      const target = checkExpr(c, v, scope);
      if (isInvalid(target.type)) return;
      assignable_(c, target, v);
      const t = i === 0 ? key : value;
      if (t !== undefined && !isInvalid(t)) c.assignTo({ mode: "value", type: t, expr: v }, v, target.type, "range");
    });
  }
  stmt(c, s.body, inner, ctx, loopPlace(place, s));
}

function switchStmt(c: Checker, s: A.SwitchStmt, scope: Scope, ctx: FuncContext, place: Place): void {
  const outer = new Scope(scope, "block");
  if (s.init !== undefined) stmt(c, s.init, outer, ctx, place);
  let tag: Operand | undefined;
  if (s.tag !== undefined) {
    tag = checkValue(c, s.tag, outer);
    if (!isInvalid(tag.type) && isUntyped(tag.type)) tag = c.assignTo(tag, s.tag, defaultType(tag.type), "switch expression");
    if (!isInvalid(tag.type) && !comparable(tag.type)) c.error(s.tag.pos, `cannot switch on ${exprString(s.tag)} (${describe(tag)})`);
  }
  let firstDefault: A.Pos | undefined;
  const inner: Place = { ...place, breakable: [...place.breakable, s] };
  s.clauses.forEach((cl, i) => {
    if (cl.list === undefined) {
      if (firstDefault !== undefined)
        c.error(cl.pos, `multiple defaults (first at ${c.file.file}:${firstDefault.line}:${firstDefault.col})`);
      firstDefault ??= cl.pos;
    } else {
      for (const e of cl.list) {
        const v = checkValue(c, e, outer);
        if (isInvalid(v.type)) continue;
        if (tag === undefined) {
          if (!isBoolean(v.type))
            c.error(e.pos, `invalid case ${exprString(e)} in switch on true (mismatched types ${typeString(v.type)} and bool)`);
        } else if (!isInvalid(tag.type)) {
          // A case value is converted to the tag's type first (Go: "cannot convert …").
          if (isUntyped(v.type) && !(v.type.kind === "basic" && v.type.basic === "untyped nil") && !canRepresentKind(v.type, tag.type)) {
            c.error(e.pos, `cannot convert ${exprString(e)} (${describe(v)}) to ${typeString(tag.type)}`);
            continue;
          }
          const cmp: A.BinaryExpr = { kind: "binary", pos: e.pos, opPos: e.pos, op: "==", x: s.tag as A.Expr, y: e };
          const r = checkExpr(c, cmp, outer);
          if (isInvalid(r.type)) continue;
        }
      }
    }
    stmtList(c, cl.body, new Scope(outer, "block"), ctx, { ...inner, fallthroughOk: i < s.clauses.length - 1 });
  });
}

function typeSwitch(c: Checker, s: A.TypeSwitchStmt, scope: Scope, ctx: FuncContext, place: Place): void {
  const outer = new Scope(scope, "block");
  if (s.init !== undefined) stmt(c, s.init, outer, ctx, place);
  const x = checkValue(c, s.x, outer);
  if (!isInvalid(x.type) && !isInterface(x.type)) c.error(s.x.pos, `${exprString(s.x)} (${describe(x)}) is not an interface`);
  const inner: Place = { ...place, breakable: [...place.breakable, s] };
  const bound: GoObject[] = [];
  for (const cl of s.clauses) {
    const types = (cl.list ?? []).map((t) =>
      t.kind === "ident" && t.name === "nil" && outer.lookup("nil")?.kind === "nil" ? BASIC["untyped nil"] : c.typeExpr(t, outer),
    );
    const clauseScope = new Scope(outer, "block");
    if (s.bind !== undefined) {
      // The variable has the case's type when it lists exactly one, else the switched value's type.
      const t = types.length === 1 && !(types[0]?.kind === "basic" && types[0].basic === "untyped nil") ? (types[0] as Type) : x.type;
      const obj: GoObject = {
        kind: "var",
        name: s.bind.name,
        pos: s.bind.pos,
        type: t,
        used: false,
        isParam: false,
        captured: false,
        addressed: false,
      };
      clauseScope.declare(obj);
      c.info.implicitObjects.set(cl, obj);
      bound.push(obj);
    }
    stmtList(c, cl.body, clauseScope, ctx, inner);
  }
  if (s.bind !== undefined && bound.every((o) => o.kind === "var" && !o.used)) c.error(s.bind.pos, `${s.bind.name} declared but not used`);
}

function selectStmt(c: Checker, s: A.SelectStmt, scope: Scope, ctx: FuncContext, place: Place): void {
  const inner: Place = { ...place, breakable: [...place.breakable, s] };
  let firstDefault: A.Pos | undefined;
  for (const cl of s.clauses) {
    const clauseScope = new Scope(scope, "block");
    const comm = cl.comm;
    if (comm === undefined) {
      if (firstDefault !== undefined)
        c.error(cl.pos, `multiple defaults (first at ${c.file.file}:${firstDefault.line}:${firstDefault.col})`);
      firstDefault ??= cl.pos;
    } else if (comm.kind === "send") stmt(c, comm, clauseScope, ctx, place);
    else {
      const recv = comm.kind === "exprStmt" ? comm.x : comm.rhs[0];
      const inner0 = recv?.kind === "paren" ? recv.x : recv;
      if (inner0 === undefined || inner0.kind !== "unary" || inner0.op !== "<-") {
        c.error(comm.pos, "select case must be send or receive (possibly with assignment)");
        continue;
      } else stmt(c, comm, clauseScope, ctx, place);
    }
    stmtList(c, cl.body, clauseScope, ctx, inner);
  }
}

/** Whether an untyped value's kind fits a typed tag's (its range is the comparison's business). */
function canRepresentKind(v: Type, t: Type): boolean {
  const u = underlying(t);
  if (u.kind === "interface") return true;
  if (u.kind !== "basic" || v.kind !== "basic") return false;
  if (v.basic === "untyped bool") return isBoolean(u);
  if (v.basic === "untyped string") return isString(u);
  return isNumeric(u);
}

// ---------------------------------------------------------------------------
// Terminating statements (spec), for "missing return"

function terminatingList(stmts: readonly A.Stmt[]): boolean {
  const last = [...stmts].reverse().find((s) => s.kind !== "empty");
  return last !== undefined && terminating(last, undefined);
}

function terminating(s: A.Stmt, label: string | undefined): boolean {
  switch (s.kind) {
    case "return":
      return true;
    case "exprStmt": {
      const x = s.x.kind === "paren" ? s.x.x : s.x;
      // A call to panic (os.Exit is not terminating for Go's compiler).
      return x.kind === "call" && x.fun.kind === "ident" && x.fun.name === "panic";
    }
    case "block":
      return terminatingList(s.stmts);
    case "if":
      return s.else !== undefined && terminatingList(s.body.stmts) && terminating(s.else, undefined);
    case "for":
      return s.cond === undefined && !hasBreak(s.body.stmts, label, true);
    case "labeled":
      return terminating(s.stmt, s.label.name);
    case "switch":
    case "typeSwitch":
      return (
        s.clauses.some((cl) => cl.list === undefined) &&
        s.clauses.every((cl) => !hasBreak(cl.body, label, true) && (terminatingList(cl.body) || endsInFallthrough(cl.body)))
      );
    case "select":
      return s.clauses.every((cl) => !hasBreak(cl.body, label, true) && terminatingList(cl.body));
    case "range":
    case "declStmt":
    case "empty":
    case "send":
    case "incDec":
    case "assign":
    case "go":
    case "defer":
    case "branch":
      return false;
  }
}

function endsInFallthrough(stmts: readonly A.Stmt[]): boolean {
  const last = stmts.at(-1);
  return last?.kind === "branch" && last.tok === "fallthrough";
}

/** Whether a break leaves the statement: an unlabeled one at this level, or one with its label at any depth. */
function hasBreak(stmts: readonly A.Stmt[], label: string | undefined, top: boolean): boolean {
  return stmts.some((s) => breaks(s, label, top));
}

function breaks(s: A.Stmt, label: string | undefined, top: boolean): boolean {
  switch (s.kind) {
    case "branch":
      return s.tok === "break" && (s.label === undefined ? top : s.label.name === label);
    case "block":
      return hasBreak(s.stmts, label, top);
    case "if":
      return hasBreak(s.body.stmts, label, top) || (s.else !== undefined && breaks(s.else, label, top));
    case "labeled":
      return breaks(s.stmt, label, top);
    // Inside another loop, switch or select an unlabeled break is that one's.
    case "for":
    case "range":
      return hasBreak(s.body.stmts, label, false);
    case "switch":
    case "typeSwitch":
    case "select":
      return s.clauses.some((cl) => hasBreak(cl.body, label, false));
    case "declStmt":
    case "empty":
    case "exprStmt":
    case "send":
    case "incDec":
    case "assign":
    case "go":
    case "defer":
    case "return":
      return false;
  }
}
