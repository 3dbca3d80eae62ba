// Which functions can block, and so are emitted `async` (and which calls
// `await`): a function blocks when it sends, receives, selects, ranges over a
// channel, calls a standard operation that waits (time.Sleep, WaitGroup.Wait,
// Mutex.Lock…), or calls a function that blocks, a fixed point over the call
// graph. A call through a function value or an interface may reach any
// function of its type or any method of its name: it is awaited when one of
// them blocks. Awaiting a plain value is harmless; failing to await a promise
// is not, so the rules err that way. Everything else stays a plain function,
// as fast as JavaScript.

import type * as A from "../syntax/ast";
import type { Info } from "../types/info";
import { packagePath } from "./typeCode";
import { identical, type Named, type Signature, type Type } from "../types/types";

export type GoFunc = A.FuncDecl | A.FuncLit;

/** Standard operations that may wait for another goroutine, by "pkg.Func" or "pkg.Type.Method". */
export const BLOCKING_STDLIB: ReadonlySet<string> = new Set([
  "time.Sleep",
  "sync.WaitGroup.Wait",
  "sync.Mutex.Lock",
  "sync.RWMutex.Lock",
  "sync.RWMutex.RLock",
  "sync.Cond.Wait",
  "sync.Once.Do",
  "sync.Locker.Lock",
  "golang.org/x/sync/errgroup.Group.Go",
  "golang.org/x/sync/errgroup.Group.Wait",
  "golang.org/x/sync/semaphore.Weighted.Acquire",
]);

type Callee =
  | { readonly kind: "func"; readonly fn: GoFunc }
  | { readonly kind: "value"; readonly signature: Signature | undefined }
  | { readonly kind: "interface"; readonly name: string; readonly blockingStdlib: boolean }
  | { readonly kind: "blocking" }
  | { readonly kind: "none" };

interface FuncFacts {
  /** Undefined for the package's variable initializers. */
  readonly fn: GoFunc | undefined;
  readonly signature: Signature | undefined;
  intrinsic: boolean;
  readonly calls: { readonly call: A.CallExpr; readonly callee: Callee }[];
}

export interface Blocking {
  readonly asyncFuncs: ReadonlySet<GoFunc>;
  readonly awaited: ReadonlySet<A.CallExpr>;
}

export function analyzeBlocking(file: A.SourceFile, info: Info): Blocking {
  const funcOfObject = new Map<unknown, A.FuncDecl>();
  for (const d of file.decls) if (d.kind === "func" && d.recv === undefined) funcOfObject.set(info.defs.get(d.name), d);
  const facts = new Map<GoFunc, FuncFacts>();
  /** Functions used as values (passed, stored, method values): the only ones a call through a func value can reach. */
  const escaping = new Set<GoFunc>();

  const methodDecl = (owner: Type, name: string): A.FuncDecl | undefined => {
    const named: Named | undefined = owner.kind === "named" ? (owner.origin?.generic ?? owner) : undefined;
    return named === undefined ? undefined : info.methodDecls.get(named)?.get(name);
  };
  const stdlibName = (owner: Type, name: string): string | undefined => {
    if (owner.kind !== "named" || owner.pkg === undefined || owner.pkg === "main") return undefined;
    return `${packagePath(owner.pkg)}.${owner.name}.${name}`;
  };

  const calleeOf = (call: A.CallExpr): Callee => {
    let fun = call.fun;
    while (fun.kind === "paren") fun = fun.x;
    if (fun.kind === "index") fun = fun.x; // a generic function's instantiation
    const tv = info.types.get(call.fun);
    if (tv?.mode === "typexpr" || tv?.mode === "builtin") return { kind: "none" };
    if (fun.kind === "funcLit") return { kind: "func", fn: fun };
    if (fun.kind === "ident") {
      const obj = info.uses.get(fun);
      const decl = funcOfObject.get(obj);
      if (decl !== undefined) return { kind: "func", fn: decl };
      return { kind: "value", signature: asSignature(tv?.type) };
    }
    if (fun.kind === "selector") {
      const sel = info.selections.get(fun);
      switch (sel?.kind) {
        case "pkgMember": {
          const key = `${sel.pkg}.${sel.object.name}`;
          return BLOCKING_STDLIB.has(key) ? { kind: "blocking" } : { kind: "none" };
        }
        case "method": {
          const std = stdlibName(sel.owner, sel.name);
          if (sel.viaInterface) return { kind: "interface", name: sel.name, blockingStdlib: std !== undefined && BLOCKING_STDLIB.has(std) };
          if (std !== undefined) return BLOCKING_STDLIB.has(std) ? { kind: "blocking" } : { kind: "none" };
          const decl = methodDecl(sel.owner, sel.name);
          return decl === undefined ? { kind: "none" } : { kind: "func", fn: decl };
        }
        case "methodExpr":
        case "field":
        case undefined:
          return { kind: "value", signature: asSignature(tv?.type) };
      }
    }
    return { kind: "value", signature: asSignature(tv?.type) };
  };

  // Every function: what it does itself, and whom it calls.
  const visitFunc = (fn: GoFunc, body: A.Block | undefined, signature: Signature | undefined): void => {
    const f: FuncFacts = { fn, signature, intrinsic: false, calls: [] };
    facts.set(fn, f);
    if (body !== undefined) walkStmts(body.stmts, f);
  };

  const walkExpr = (e: A.Expr | undefined, f: FuncFacts): void => {
    if (e === undefined) return;
    switch (e.kind) {
      case "funcLit":
        escaping.add(e);
        visitFunc(e, e.body, asSignature(info.types.get(e)?.type));
        return;
      case "call":
        f.calls.push({ call: e, callee: calleeOf(e) });
        walkCallee(e.fun, f);
        e.args.forEach((a) => walkExpr(a, f));
        return;
      case "unary":
        if (e.op === "<-") f.intrinsic = true;
        walkExpr(e.x, f);
        return;
      case "binary":
        walkExpr(e.x, f);
        walkExpr(e.y, f);
        return;
      case "selector": {
        const sel = info.selections.get(e);
        if (sel?.kind === "method" && !sel.viaInterface) {
          const decl = methodDecl(sel.owner, sel.name);
          if (decl !== undefined) escaping.add(decl);
        }
        walkExpr(e.x, f);
        return;
      }
      case "paren":
      case "star":
      case "typeAssert":
      case "tilde":
        walkExpr(e.x, f);
        return;
      case "index":
        walkExpr(e.x, f);
        e.indices.forEach((i) => walkExpr(i, f));
        return;
      case "slice":
        [e.x, e.low, e.high, e.max].forEach((x) => walkExpr(x, f));
        return;
      case "compositeLit":
        for (const el of e.elements) {
          walkExpr(el.key, f);
          walkExpr(el.value, f);
        }
        return;
      case "ident": {
        const decl = funcOfObject.get(info.uses.get(e));
        if (decl !== undefined) escaping.add(decl);
        return;
      }
      case "basicLit":
      case "arrayType":
      case "mapType":
      case "chanType":
      case "funcType":
      case "structType":
      case "interfaceType":
        return;
    }
  };

  /** The function a call calls: named functions and methods there are called, not used as values. */
  const walkCallee = (fun: A.Expr, f: FuncFacts): void => {
    let x = fun;
    while (x.kind === "paren") x = x.x;
    if (x.kind === "index") x = x.x;
    if (x.kind === "ident") return;
    if (x.kind === "selector") {
      walkExpr(x.x, f);
      return;
    }
    if (x.kind === "funcLit") {
      visitFunc(x, x.body, asSignature(info.types.get(x)?.type));
      return;
    }
    walkExpr(fun, f);
  };

  const walkStmts = (stmts: readonly A.Stmt[], f: FuncFacts): void => stmts.forEach((s) => walkStmt(s, f));

  const walkStmt = (s: A.Stmt | undefined, f: FuncFacts): void => {
    if (s === undefined) return;
    switch (s.kind) {
      case "block":
        walkStmts(s.stmts, f);
        return;
      case "declStmt":
        if (s.decl.kind === "var" || s.decl.kind === "const") for (const spec of s.decl.specs) spec.values.forEach((v) => walkExpr(v, f));
        return;
      case "labeled":
        walkStmt(s.stmt, f);
        return;
      case "exprStmt":
        walkExpr(s.x, f);
        return;
      case "send":
        f.intrinsic = true;
        walkExpr(s.chan, f);
        walkExpr(s.value, f);
        return;
      case "incDec":
        walkExpr(s.x, f);
        return;
      case "assign":
        s.lhs.forEach((x) => walkExpr(x, f));
        s.rhs.forEach((x) => walkExpr(x, f));
        return;
      case "go": {
        // The goroutine's call runs elsewhere; its function value and arguments are evaluated here.
        const call = s.call.kind === "call" ? s.call : undefined;
        if (call === undefined) return;
        walkCallee(call.fun, f);
        call.args.forEach((a) => walkExpr(a, f));
        return;
      }
      case "defer":
        // A deferred call runs in this function, at its end.
        walkExpr(s.call, f);
        return;
      case "return":
        s.results.forEach((x) => walkExpr(x, f));
        return;
      case "branch":
      case "empty":
        return;
      case "if":
        walkStmt(s.init, f);
        walkExpr(s.cond, f);
        walkStmt(s.body, f);
        walkStmt(s.else, f);
        return;
      case "switch":
        walkStmt(s.init, f);
        walkExpr(s.tag, f);
        for (const cl of s.clauses) {
          cl.list?.forEach((x) => walkExpr(x, f));
          walkStmts(cl.body, f);
        }
        return;
      case "typeSwitch":
        walkStmt(s.init, f);
        walkExpr(s.x, f);
        for (const cl of s.clauses) walkStmts(cl.body, f);
        return;
      case "select":
        f.intrinsic = true;
        for (const cl of s.clauses) {
          walkStmt(cl.comm, f);
          walkStmts(cl.body, f);
        }
        return;
      case "for":
        walkStmt(s.init, f);
        walkExpr(s.cond, f);
        walkStmt(s.post, f);
        walkStmt(s.body, f);
        return;
      case "range": {
        const t = info.typeOf(s.x);
        const u = t?.kind === "named" ? t.underlying : t;
        if (u?.kind === "chan") f.intrinsic = true;
        walkExpr(s.x, f);
        walkStmt(s.body, f);
        return;
      }
    }
  };

  // A method's signature, for calls through method values: from its type's method table.
  const methodSignatures = new Map<A.FuncDecl, Signature>();
  for (const [named, decls] of info.methodDecls)
    for (const [name, d] of decls) {
      const m = named.methods.find((x) => x.name === name);
      if (m !== undefined) methodSignatures.set(d, m.signature);
    }
  for (const d of file.decls) {
    if (d.kind !== "func") continue;
    const obj = info.defs.get(d.name);
    visitFunc(d, d.body, d.recv === undefined ? asSignature(obj?.kind === "func" ? obj.type : undefined) : methodSignatures.get(d));
  }
  // Package-level variable initializers run before main, in its goroutine; they call functions too.
  const init: FuncFacts = { fn: undefined, signature: undefined, intrinsic: false, calls: [] };
  for (const d of file.decls) if (d.kind === "var") for (const spec of d.specs) spec.values.forEach((v) => walkExpr(v, init));

  // The fixed point.
  const asyncFuncs = new Set<GoFunc>();
  const methodNamed = new Map<GoFunc, string>();
  for (const d of file.decls) if (d.kind === "func" && d.recv !== undefined) methodNamed.set(d, d.name.name);
  const blocks = (callee: Callee): boolean => {
    switch (callee.kind) {
      case "blocking":
        return true;
      case "none":
        return false;
      case "func":
        return asyncFuncs.has(callee.fn);
      case "interface":
        return callee.blockingStdlib || [...asyncFuncs].some((fn) => methodNamed.get(fn) === callee.name);
      case "value":
        return [...asyncFuncs].some((fn) => {
          if (!escaping.has(fn)) return false;
          const sig = facts.get(fn)?.signature;
          return callee.signature === undefined || sig === undefined || identical(sig, callee.signature);
        });
    }
  };
  for (const [fn, f] of facts) if (f.intrinsic) asyncFuncs.add(fn);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [fn, f] of facts) {
      if (asyncFuncs.has(fn)) continue;
      if (f.calls.some((c) => blocks(c.callee))) {
        asyncFuncs.add(fn);
        changed = true;
      }
    }
  }
  const awaited = new Set<A.CallExpr>();
  for (const f of [...facts.values(), init]) for (const c of f.calls) if (blocks(c.callee)) awaited.add(c.call);
  return { asyncFuncs, awaited };
}

function asSignature(t: Type | undefined): Signature | undefined {
  return t?.kind === "signature" ? t : t?.kind === "named" && t.underlying.kind === "signature" ? t.underlying : undefined;
}
