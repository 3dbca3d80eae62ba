// Go → JavaScript on chanscope's runtime. The program becomes the body of a
// function of ($rt, $lib, $std, $host) returning the main goroutine
// (gofront/lib/program.ts evaluates it). The choices (gofront/README.md,
// "Code generation", says why):
// - a function is `async` only when it can block (blocking.ts), so compute
//   stays plain JavaScript;
// - every statement and every runtime operation first says where it is
//   ($at("prog.go:12")): events are located without stack captures;
// - values follow gofront/lib/values.ts: structs are objects copied on
//   assignment, a pointer to a struct is the object, other pointers are Ptrs;
// - defer runs in a finally over a DeferFrame; named results are variables
//   the deferred calls can still change.

import type * as A from "../syntax/ast";
import { GoCompileError, notSupported } from "../syntax/diagnostics";
import type { ConstValue } from "../types/constant";
import type { Info, Selection } from "../types/info";
import { lookupFieldOrMethod, methodSet } from "../types/lookup";
import type { GoObject } from "../types/scope";
import {
  identical,
  isInteger,
  isString,
  isUntyped,
  underlying,
  type Named,
  type Signature,
  type Type,
  type TypeParam,
} from "../types/types";
import { analyzeBlocking, type Blocking } from "./blocking";
import { jsIdent, jsString } from "./jsNames";
import { LIB, TypeTable, basicKind, isSized, stdPackage } from "./typeCode";

interface FuncCtx {
  readonly async: boolean;
  /** The DeferFrame's variable when the function defers. */
  readonly deferVar: string | undefined;
  /** Result variables (named results, or $r0… when a function with defer has unnamed ones). */
  readonly results: readonly string[];
  readonly resultTypes: readonly Type[];
  /** The label of the try block a return leaves (functions with defer). */
  readonly bodyLabel: string | undefined;
  /** Type parameters' descriptor variables by id. */
  readonly typeParams: Map<number, string>;
}

interface Breakable {
  readonly label: string;
  readonly loop: boolean;
  /** The Go label on the statement, if any. */
  readonly goLabel: string | undefined;
}

export function emitProgram(file: A.SourceFile, info: Info, fileName: string): string {
  return new Emitter(file, info, fileName).program();
}

class Emitter {
  private readonly blocking: Blocking;
  private readonly types: TypeTable;
  private readonly jsNames = new Map<GoObject, string>();
  private readonly usedNames = new Set<string>();
  private readonly boxed = new Set<GoObject>();
  private fn: FuncCtx = { async: false, deferVar: undefined, results: [], resultTypes: [], bodyLabel: undefined, typeParams: new Map() };
  private breakables: Breakable[] = [];
  private tmp = 0;
  private readonly locations = new Map<string, string>();
  private readonly late: string[] = [];
  /** Which package each import name denotes. */
  private readonly funcDeclOf = new Map<GoObject, A.FuncDecl>();

  constructor(
    private readonly file: A.SourceFile,
    private readonly info: Info,
    private readonly fileName: string,
  ) {
    this.blocking = analyzeBlocking(file, info);
    this.types = new TypeTable((id) => this.fn.typeParams.get(id));
    this.findBoxed();
    this.nameChannels();
    for (const d of file.decls)
      if (d.kind === "func" && d.recv === undefined) {
        const obj = info.defs.get(d.name);
        if (obj !== undefined) this.funcDeclOf.set(obj, d);
      }
  }

  // -------------------------------------------------------------------------
  // The program

  program(): string {
    const body: string[] = [];
    const inits: string[] = [];
    const methodTables: string[] = [];
    for (const d of this.file.decls) {
      if (d.kind === "func") body.push(this.funcDecl(d));
      else if (d.kind === "var") for (const spec of d.specs) inits.push(this.varSpec(spec, true));
      else if (d.kind === "type") for (const spec of d.specs) methodTables.push(this.typeSpecTables(spec));
    }
    const mainObj = this.file.decls.find((d): d is A.FuncDecl => d.kind === "func" && d.recv === undefined && d.name.name === "main");
    if (mainObj === undefined)
      throw new GoCompileError([
        { file: this.fileName, pos: this.file.pkg.pos, message: "function main is undeclared in the main package" },
      ]);
    const mainName = this.nameOf(this.info.defs.get(mainObj.name) as GoObject, "main");
    const initFns = this.file.decls
      .filter((d): d is A.FuncDecl => d.kind === "func" && d.recv === undefined && d.name.name === "init")
      .map((d) => d);
    const locs = [...this.locations.entries()].map(([loc, v]) => `const ${v} = ${JSON.stringify(loc)};`);
    return [
      '"use strict";',
      "const $at = $rt.atLocation;",
      ...locs,
      this.types.prelude(),
      ...methodTables,
      ...this.late,
      ...body,
      `return async function $main() {`,
      ...inits.map((s) => `  ${s}`),
      ...initFns.map((d) => `  ${this.blocking.asyncFuncs.has(d) ? "await " : ""}${this.initName(d)}();`),
      `  ${this.blocking.asyncFuncs.has(mainObj) ? "await " : ""}${mainName}();`,
      `};`,
    ].join("\n");
  }

  private initNames = new Map<A.FuncDecl, string>();
  private initName(d: A.FuncDecl): string {
    let n = this.initNames.get(d);
    if (n === undefined) {
      n = `init$${this.initNames.size}`;
      this.initNames.set(d, n);
    }
    return n;
  }

  private error(pos: A.Pos, construct: string): never {
    throw new GoCompileError([{ file: this.fileName, pos, message: notSupported(construct) }]);
  }

  /** The constant naming a source line ("prog.go:12"), so emitted code passes a constant, not a new string. */
  private at(pos: A.Pos): string {
    const loc = `${this.fileName}:${pos.line}`;
    let v = this.locations.get(loc);
    if (v === undefined) {
      v = `$l${pos.line}`;
      this.locations.set(loc, v);
    }
    return `$at(${v})`;
  }

  // -------------------------------------------------------------------------
  // Names

  private nameOf(obj: GoObject, goName: string): string {
    let n = this.jsNames.get(obj);
    if (n !== undefined) return n;
    n = jsIdent(goName);
    if (this.usedNames.has(n)) {
      let i = 1;
      while (this.usedNames.has(`${n}$${i}`)) i++;
      n = `${n}$${i}`;
    }
    this.usedNames.add(n);
    this.jsNames.set(obj, n);
    return n;
  }

  private temp(prefix = "t"): string {
    return `$${prefix}${this.tmp++}`;
  }

  /** Variables whose address is taken and are not structs: they live in a box ({$: v}) a Ptr can point into. */
  private findBoxed(): void {
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const n of node) visit(n);
        return;
      }
      const n = node as { kind?: string };
      if (n.kind === "unary" && (n as A.UnaryExpr).op === "&") this.markAddressed((n as A.UnaryExpr).x);
      if (n.kind === "call") {
        const call = n as A.CallExpr;
        let fun = call.fun;
        while (fun.kind === "paren") fun = fun.x;
        if (fun.kind === "selector") {
          const sel = this.info.selections.get(fun);
          if (sel?.kind === "method" && sel.pointerReceiver && !sel.viaInterface) {
            const xt = this.info.typeOf(fun.x);
            if (xt !== undefined && underlying(xt).kind !== "pointer" && sel.path.length === 0) this.markAddressed(fun.x);
          }
        }
      }
      if (n.kind === "selector") {
        const s = n as A.SelectorExpr;
        const sel = this.info.selections.get(s);
        // A method value of a pointer method on a variable takes its address too.
        if (sel?.kind === "method" && sel.pointerReceiver && !sel.viaInterface) {
          const xt = this.info.typeOf(s.x);
          if (xt !== undefined && underlying(xt).kind !== "pointer" && sel.path.length === 0) this.markAddressed(s.x);
        }
      }
      for (const v of Object.values(n)) if (v !== null && typeof v === "object") visit(v);
    };
    visit(this.file.decls);
  }

  private markAddressed(x: A.Expr): void {
    while (x.kind === "paren") x = x.x;
    if (x.kind !== "ident") return;
    const obj = this.info.uses.get(x) ?? this.info.defs.get(x);
    if (obj?.kind !== "var") return;
    const u = underlying(obj.type);
    if (u.kind === "struct") return; // the object is its own address
    this.boxed.add(obj);
  }

  // -------------------------------------------------------------------------
  // Declarations

  private typeSpecTables(spec: A.TypeSpec): string {
    const obj = this.info.defs.get(spec.name);
    if (obj?.kind !== "typeName" || obj.type.kind !== "named" || spec.alias) return "";
    const named = obj.type;
    if (named.typeParams.length > 0) {
      // A generic type's instances get their method tables when made.
      const desc = this.types.desc(named);
      if (underlying(named).kind !== "struct") this.error(spec.pos, "a generic type that is not a struct");
      const entries = this.methodEntries(named);
      return `${desc}.setup = (t, p) => {\n${entries.map((e) => `  ${e}`).join("\n")}\n};`;
    }
    const desc = this.types.desc(named);
    const lines = this.methodEntries(named).map((e) =>
      e.replace(/\bt\.methods/g, `${desc}.methods`).replace(/\bp\.methods/g, `${LIB}.pointerTo(${desc}).methods`),
    );
    if (underlying(named).kind === "struct") {
      const cls = this.types.structClass(named);
      lines.push(`${desc}.$zero = () => new ${cls}();`);
    }
    return lines.join("\n");
  }

  /** `t.methods.set(…)` / `p.methods.set(…)` lines: a type's own methods and those promoted from embedded fields. */
  private methodEntries(named: Named): string[] {
    const out: string[] = [];
    const isStruct = underlying(named).kind === "struct";
    for (const m of named.methods) {
      const fn = this.methodName(named, m.name);
      if (m.pointerReceiver) out.push(`p.methods.set(${JSON.stringify(m.name)}, ${fn});`);
      else {
        out.push(`t.methods.set(${JSON.stringify(m.name)}, ${fn});`);
        out.push(
          isStruct
            ? `p.methods.set(${JSON.stringify(m.name)}, (r, ...a) => ${fn}(${LIB}.nn(r), ...a));`
            : `p.methods.set(${JSON.stringify(m.name)}, (r, ...a) => ${fn}(${LIB}.deref(r), ...a));`,
        );
      }
    }
    // Promoted methods: through embedded fields.
    if (isStruct) {
      const direct = new Set(named.methods.map((m) => m.name));
      const ptr: Type = { kind: "pointer", elem: named };
      for (const [name] of methodSet(ptr)) {
        if (direct.has(name)) continue;
        const found = lookupFieldOrMethod(ptr, name);
        if (found?.kind !== "method") continue;
        const inValueSet = methodSet(named).has(name);
        const call = `(r, ...a) => ${this.promotedCall("r", named, found.path, found.owner, name, found.viaInterface, found.pointerReceiver)}`;
        if (inValueSet) out.push(`t.methods.set(${JSON.stringify(name)}, ${call});`);
        out.push(`p.methods.set(${JSON.stringify(name)}, ${call});`);
      }
    }
    return out;
  }

  private promotedCall(
    recv: string,
    start: Type,
    path: readonly number[],
    owner: Type,
    name: string,
    viaInterface: boolean,
    ptrRecv: boolean,
  ): string {
    const { expr, type } = this.walkPath(recv, start, path);
    if (viaInterface) return `${LIB}.icall(${expr}, ${JSON.stringify(name)}, ...a)`;
    const ownerNamed = owner.kind === "named" ? owner : undefined;
    if (ownerNamed === undefined) return `undefined`;
    const isPtr = underlying(type).kind === "pointer";
    const structOwner = underlying(ownerNamed).kind === "struct";
    let r = expr;
    if (!ptrRecv && isPtr && !structOwner) r = `${LIB}.deref(${expr})`;
    return `${this.methodRef(ownerNamed, name)}(${r}, ...a)`;
  }

  /** x.f1.f2… along embedded-field indices. */
  private walkPath(x: string, t: Type, path: readonly number[]): { expr: string; type: Type } {
    let expr = x;
    let cur = t;
    for (const i of path) {
      let u = underlying(cur);
      if (u.kind === "pointer") u = underlying(u.elem);
      if (u.kind !== "struct") break;
      const f = u.fields[i];
      if (f === undefined) break;
      expr = `${expr}[${JSON.stringify(f.name)}]`;
      cur = f.type;
    }
    return { expr, type: cur };
  }

  private methodName(named: Named, method: string): string {
    return `${this.typeBaseName(named)}$${jsIdent(method).replace(/\$$/, "_")}`;
  }

  private typeBaseName(named: Named): string {
    const n = named.origin?.generic ?? named;
    return `M$${n.name}`;
  }

  /** A method's function: ours by name, a standard type's through its package. */
  private methodRef(named: Named, method: string): string {
    const n = named.origin?.generic ?? named;
    if (n.pkg !== undefined && n.pkg !== "main") {
      const isStruct = underlying(n).kind === "struct";
      return isStruct ? `((r, ...a) => r.${method}(...a))` : `${stdPackage(n.pkg)}.${n.name}$${method}`;
    }
    return this.methodName(n, method);
  }

  private funcDecl(d: A.FuncDecl): string {
    if (d.body === undefined) this.error(d.pos, "a function without a body");
    const isAsync = this.blocking.asyncFuncs.has(d);
    if (d.recv !== undefined) return this.methodDecl(d, isAsync);
    const obj = this.info.defs.get(d.name) as GoObject;
    const name = d.name.name === "init" ? this.initName(d) : this.nameOf(obj, d.name.name);
    const ot = obj === undefined ? undefined : objType(obj);
    const sig = ot?.kind === "signature" ? ot : undefined;
    const typeParams = sig?.typeParams ?? [];
    const tpMap = new Map<number, string>();
    const tpParams = typeParams.map((tp) => {
      const v = `$tp${tp.id}`;
      tpMap.set(tp.id, v);
      return v;
    });
    return this.funcBody(d.type, d.body, isAsync, name, tpParams, tpMap, "");
  }

  private methodDecl(d: A.FuncDecl, isAsync: boolean): string {
    const recv = d.recv as A.Field;
    const recvType = this.recvNamed(recv);
    if (recvType === undefined) this.error(d.pos, "this method's receiver");
    const fnName = this.methodName(recvType, d.name.name);
    const recvIdent = recv.names[0];
    const recvObj = recvIdent === undefined ? undefined : this.info.defs.get(recvIdent);
    const recvParam = recvObj === undefined || recvIdent?.name === "_" ? "$recv" : this.nameOf(recvObj, recvIdent!.name);
    const tpMap = new Map<number, string>();
    let prologue = "";
    // A generic type's method: the receiver's instance carries the type arguments.
    const recvTypeParams = this.recvTypeParams(recv);
    if (recvTypeParams.length > 0) {
      const own = this.ptrRecv(recv) || underlying(recvType).kind === "struct" ? `${recvParam}.$targ` : undefined;
      if (own === undefined) this.error(d.pos, "a method of a generic type that is not a struct");
      recvTypeParams.forEach((tp, i) => {
        tpMap.set(tp.id, `$tp${tp.id}`);
        prologue += `const $tp${tp.id} = ${own}.args[${i}];`;
      });
    }
    // A value receiver is the method's own copy, as in Go.
    const pointer = this.ptrRecv(recv);
    if (!pointer && this.types.isValueAggregate(recvType) && this.mutatesReceiver(d, recvObj))
      prologue += `${recvParam} = ${this.types.clone(recvParam, recvType)};`;
    if (recvObj !== undefined && this.boxed.has(recvObj)) prologue += `${recvParam} = { $: ${recvParam} };`;
    return this.funcBody(d.type, d.body as A.Block, isAsync, fnName, [recvParam], tpMap, prologue);
  }

  private recvTypeParams(recv: A.Field): TypeParam[] {
    let t = recv.type;
    if (t.kind === "star") t = t.x;
    if (t.kind !== "index") return [];
    return t.indices.map((ix) => {
      const obj = ix.kind === "ident" ? this.info.defs.get(ix) : undefined;
      return ((obj === undefined ? undefined : objType(obj)) ?? {
        kind: "typeParam",
        name: "?",
        id: -1,
        constraint: { kind: "interface", methods: [], terms: undefined, comparable: false },
      }) as TypeParam;
    });
  }

  private ptrRecv(recv: A.Field): boolean {
    return recv.type.kind === "star";
  }

  private recvNamed(recv: A.Field): Named | undefined {
    let t = recv.type;
    if (t.kind === "star") t = t.x;
    if (t.kind === "index") t = t.x;
    if (t.kind !== "ident") return undefined;
    const obj = this.info.uses.get(t);
    return obj?.kind === "typeName" && obj.type.kind === "named" ? obj.type : undefined;
  }

  /** Whether a value-receiver method may change its receiver (then it gets its own copy on entry). */
  private mutatesReceiver(d: A.FuncDecl, recvObj: GoObject | undefined): boolean {
    if (recvObj === undefined) return false;
    let found = false;
    const rootIs = (e: A.Expr): boolean => {
      let x = e;
      for (;;) {
        if (x.kind === "paren" || x.kind === "selector" || x.kind === "index") x = x.x;
        else break;
      }
      return x.kind === "ident" && this.info.uses.get(x) === recvObj;
    };
    const visit = (node: unknown): void => {
      if (found || node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(visit);
      const n = node as { kind?: string };
      if (n.kind === "assign" && (n as A.AssignStmt).lhs.some(rootIs)) found = true;
      if (n.kind === "incDec" && rootIs((n as A.IncDecStmt).x)) found = true;
      if (n.kind === "unary" && (n as A.UnaryExpr).op === "&" && rootIs((n as A.UnaryExpr).x)) found = true;
      if (n.kind === "call") {
        const f = (n as A.CallExpr).fun;
        if (f.kind === "selector" && rootIs(f.x)) {
          const sel = this.info.selections.get(f);
          if (sel?.kind === "method" && sel.pointerReceiver) found = true;
        }
      }
      if (n.kind === "range" && (n as A.RangeStmt).tok === "=") {
        const r = n as A.RangeStmt;
        if ((r.key !== undefined && rootIs(r.key)) || (r.value !== undefined && rootIs(r.value))) found = true;
      }
      for (const v of Object.values(n)) if (v !== null && typeof v === "object") visit(v);
    };
    visit(d.body);
    return found;
  }

  /** A function's JS: parameters, results, defer frame and body. */
  private funcBody(
    type: A.FuncType,
    body: A.Block,
    isAsync: boolean,
    name: string,
    leading: readonly string[],
    typeParams: Map<number, string>,
    prologue: string,
  ): string {
    const outer = this.fn;
    const outerBreaks = this.breakables;
    this.breakables = [];
    // The type parameters are in scope for the results' zero values too.
    this.fn = { ...outer, typeParams: new Map([...outer.typeParams, ...typeParams]) };
    const params: string[] = [...leading];
    const boxes: string[] = [];
    for (const field of type.params) {
      const names = field.names.length === 0 ? [undefined] : field.names;
      for (const id of names) {
        const obj = id === undefined ? undefined : this.info.defs.get(id);
        if (obj === undefined || id === undefined || id.name === "_") {
          params.push(this.temp("p"));
          continue;
        }
        const n = this.nameOf(obj, id.name);
        params.push(n);
        if (this.boxed.has(obj)) boxes.push(`${n} = { $: ${n} };`);
      }
    }
    const hasDefer = containsDefer(body);
    const resultNames: string[] = [];
    const resultTypes: Type[] = [];
    const resultDecls: string[] = [];
    let named = false;
    for (const field of type.results) {
      const t = this.typeOfTypeExpr(field.type);
      const ids = field.names.length === 0 ? [undefined] : field.names;
      for (const id of ids) {
        resultTypes.push(t);
        const obj = id === undefined ? undefined : this.info.defs.get(id);
        if (obj !== undefined && id !== undefined && id.name !== "_") {
          named = true;
          const n = this.nameOf(obj, id.name);
          resultNames.push(n);
          resultDecls.push(this.boxed.has(obj) ? `let ${n} = { $: ${this.types.zero(t)} };` : `let ${n} = ${this.types.zero(t)};`);
        } else {
          const n = this.temp("r");
          resultNames.push(n);
          resultDecls.push(`let ${n} = ${this.types.zero(t)};`);
        }
      }
    }
    const deferVar = hasDefer ? this.temp("d") : undefined;
    const bodyLabel = hasDefer ? this.temp("body") : undefined;
    this.fn = {
      async: isAsync,
      deferVar,
      results: named || hasDefer ? resultNames : [],
      resultTypes,
      bodyLabel,
      typeParams: new Map([...outer.typeParams, ...typeParams]),
    };
    const stmts = this.block(body.stmts);
    let code: string;
    const resultRead = (n: string, i: number): string => {
      const id = this.resultObj(type, i);
      return id !== undefined && this.boxed.has(id) ? `${n}.$` : n;
    };
    const returnAll =
      resultNames.length === 0
        ? "return;"
        : resultNames.length === 1
          ? `return ${resultRead(resultNames[0]!, 0)};`
          : `return [${resultNames.map(resultRead).join(", ")}];`;
    if (hasDefer) {
      code = [
        `const ${deferVar} = new ${LIB}.DeferFrame();`,
        ...resultDecls,
        `${bodyLabel}: try {`,
        stmts,
        `} catch ($e) { ${deferVar}.fail($e); } finally { ${isAsync ? `await ${LIB}.runDefersAsync(${deferVar})` : `${LIB}.runDefers(${deferVar})`}; }`,
        returnAll,
      ].join("\n");
    } else {
      code = [...(named ? resultDecls : []), stmts, ...(named ? [returnAll] : [])].join("\n");
    }
    this.fn = outer;
    this.breakables = outerBreaks;
    return `${isAsync ? "async " : ""}function ${name}(${params.join(", ")}) {\n${prologue}${boxes.join("")}\n${code}\n}`;
  }

  private resultObj(type: A.FuncType, i: number): GoObject | undefined {
    let k = 0;
    for (const field of type.results) {
      const ids = field.names.length === 0 ? [undefined] : field.names;
      for (const id of ids) {
        if (k === i) return id === undefined ? undefined : this.info.defs.get(id);
        k++;
      }
    }
    return undefined;
  }

  private typeOfTypeExpr(e: A.Expr): Type {
    const t = this.info.types.get(e)?.type;
    if (t === undefined) throw new Error(`gofront: no type recorded for a type expression at ${e.pos.line}:${e.pos.col}`);
    return t;
  }

  private varSpec(spec: A.ValueSpec, pkgLevel: boolean): string {
    const out: string[] = [];
    const objs = spec.names.map((id) => this.info.defs.get(id));
    if (spec.values.length === 0) {
      spec.names.forEach((id, i) => {
        const obj = objs[i];
        if (obj === undefined || id.name === "_") return;
        out.push(this.declare(obj, id.name, this.types.zero(objType(obj), id.name), pkgLevel, id));
      });
    } else if (spec.values.length === spec.names.length) {
      const values = spec.values.map((v, i) => {
        const obj = objs[i];
        return obj === undefined ? this.expr(v) : this.valueFor(v, objType(obj));
      });
      if (spec.names.length === 1) {
        const obj = objs[0];
        const id = spec.names[0]!;
        if (obj === undefined || id.name === "_") out.push(`${values[0]};`);
        else out.push(this.declare(obj, id.name, values[0]!, pkgLevel, id));
      } else {
        const tmps = values.map((v) => {
          const t = this.temp();
          out.push(`const ${t} = ${v};`);
          return t;
        });
        spec.names.forEach((id, i) => {
          const obj = objs[i];
          if (obj !== undefined && id.name !== "_") out.push(this.declare(obj, id.name, tmps[i]!, pkgLevel, id));
        });
      }
    } else {
      // var a, b = f()
      const t = this.temp();
      out.push(`const ${t} = ${this.expr(spec.values[0]!)};`);
      spec.names.forEach((id, i) => {
        const obj = objs[i];
        if (obj !== undefined && id.name !== "_") out.push(this.declare(obj, id.name, `${t}[${i}]`, pkgLevel, id));
      });
    }
    return out.join(" ");
  }

  private pkgVars: string[] = [];

  /** `let x = v` (a package variable is declared at the top and assigned in $main, in order). */
  private declare(obj: GoObject, goName: string, value: string, pkgLevel: boolean, id: A.Ident): string {
    const n = this.nameOf(obj, goName);
    void id;
    const v = this.boxed.has(obj) ? `{ $: ${value} }` : value;
    if (pkgLevel) {
      this.late.push(`let ${n};`);
      return `${n} = ${v};`;
    }
    return `let ${n} = ${v};`;
  }

  // -------------------------------------------------------------------------
  // Statements

  private block(stmts: readonly A.Stmt[]): string {
    return stmts.map((s) => this.stmt(s)).join("\n");
  }

  private stmt(s: A.Stmt, label?: string): string {
    switch (s.kind) {
      case "block":
        return `{\n${this.block(s.stmts)}\n}`;
      case "declStmt":
        return this.declStmt(s);
      case "empty":
        return "";
      case "labeled":
        return this.labeled(s);
      case "exprStmt":
        return `${this.at(s.pos)}; ${this.expr(s.x)};`;
      case "send":
        return `${this.at(s.pos)}; ${this.awaitIf(this.fn.async)}${this.chanExpr(s.chan)}.send(${this.valueFor(s.value, this.chanElem(s.chan))});`;
      case "incDec":
        return `${this.at(s.pos)}; ${this.compoundAssign(s.x, s.inc ? "+" : "-", undefined)}`;
      case "assign":
        return `${this.at(s.pos)}; ${this.assign(s)}`;
      case "go":
        return `${this.at(s.pos)}; ${this.goStmt(s)}`;
      case "defer":
        return `${this.at(s.pos)}; ${this.deferStmt(s)}`;
      case "return":
        return `${this.at(s.pos)}; ${this.returnStmt(s)}`;
      case "branch":
        return this.branch(s);
      case "if":
        return this.ifStmt(s);
      case "switch":
        return this.switchStmt(s, label);
      case "typeSwitch":
        return this.typeSwitch(s, label);
      case "select":
        return this.selectStmt(s, label);
      case "for":
        return this.forStmt(s, label);
      case "range":
        return this.rangeStmt(s, label);
    }
  }

  private awaitIf(b: boolean): string {
    return b ? "await " : "";
  }

  private declStmt(s: A.DeclStmt): string {
    const d = s.decl;
    if (d.kind === "var") return `${this.at(s.pos)}; ${d.specs.map((spec) => this.varSpec(spec, false)).join("\n")}`;
    if (d.kind === "type") {
      for (const spec of d.specs) {
        const obj = this.info.defs.get(spec.name);
        if (obj?.kind === "typeName" && obj.type.kind === "named") {
          if ((obj.type.methods.length ?? 0) > 0) this.error(spec.pos, "a method of a local type");
          this.late.push(this.typeSpecTables(spec));
        }
      }
      return "";
    }
    return ""; // constants are folded where used
  }

  private labeled(s: A.LabeledStmt): string {
    const inner = s.stmt;
    const loopish =
      inner.kind === "for" || inner.kind === "range" || inner.kind === "switch" || inner.kind === "typeSwitch" || inner.kind === "select";
    if (loopish) return this.stmt(inner, s.label.name);
    return `${this.stmt(inner)}`;
  }

  private pushBreakable(loop: boolean, goLabel: string | undefined): Breakable {
    const b = { label: this.temp("L"), loop, goLabel };
    this.breakables.push(b);
    return b;
  }

  private branch(s: A.BranchStmt): string {
    if (s.tok === "fallthrough") return "/* fallthrough */";
    const target =
      s.label !== undefined
        ? [...this.breakables].reverse().find((b) => b.goLabel === s.label!.name)
        : [...this.breakables].reverse().find((b) => s.tok === "break" || b.loop);
    if (target === undefined) this.error(s.pos, `this ${s.tok}`);
    return `${s.tok} ${target.label};`;
  }

  private ifStmt(s: A.IfStmt): string {
    const init = s.init === undefined ? "" : this.stmt(s.init);
    const els =
      s.else === undefined ? "" : s.else.kind === "if" ? ` else {\n${this.ifStmt(s.else)}\n}` : ` else {\n${this.block(s.else.stmts)}\n}`;
    const code = `${this.at(s.pos)}; if (${this.expr(s.cond)}) {\n${this.block(s.body.stmts)}\n}${els}`;
    return init === "" ? code : `{\n${init}\n${code}\n}`;
  }

  private forStmt(s: A.ForStmt, goLabel: string | undefined): string {
    const b = this.pushBreakable(true, goLabel);
    const cond = s.cond === undefined ? "" : this.expr(s.cond);
    const post = s.post === undefined ? "" : this.postExpr(s.post);
    // Go 1.22: each iteration has its own loop variables, which JS's `let` in a for header gives (the update runs on the
    // next iteration's copy), so `i := 0` goes in the header when it can.
    const header = s.init === undefined ? undefined : this.headerInit(s.init);
    const init = s.init === undefined || header !== undefined ? "" : this.stmt(s.init);
    const body = this.block(s.body.stmts);
    this.breakables.pop();
    const loop = `${b.label}: for (${header ?? ""}; ${cond}; ${post}) {\n${body}\n}`;
    return init === "" ? loop : `{\n${init}\n${loop}\n}`;
  }

  /** `a, b := x, y` as a for header's `let a = x, b = y` (undefined when it cannot be one). */
  private headerInit(init: A.Stmt): string | undefined {
    if (init.kind !== "assign" || init.op !== ":=" || init.lhs.length !== init.rhs.length) return undefined;
    const parts: string[] = [];
    for (const [i, l] of init.lhs.entries()) {
      if (l.kind !== "ident" || l.name === "_") return undefined;
      const obj = this.info.defs.get(l);
      if (obj === undefined || this.boxed.has(obj)) return undefined;
      parts.push(`${this.nameOf(obj, l.name)} = ${this.valueFor(init.rhs[i]!, objType(obj))}`);
    }
    return `let ${parts.join(", ")}`;
  }

  /** A post statement as an expression for a for header. */
  private postExpr(post: A.Stmt): string {
    const code = (
      post.kind === "incDec"
        ? this.compoundAssign(post.x, post.inc ? "+" : "-", undefined)
        : post.kind === "assign"
          ? this.assign(post)
          : this.stmt(post)
    ).trim();
    if (!/\b(const|let)\b|[{}]/.test(code)) return code.replace(/;$/, "").replace(/;\s*/g, ", ");
    return `(() => { ${code} })()`;
  }

  private rangeStmt(s: A.RangeStmt, goLabel: string | undefined): string {
    const xt = this.info.typeOf(s.x);
    if (xt === undefined) this.error(s.pos, "this range");
    const u = underlying(xt.kind === "pointer" ? xt : xt);
    const b = this.pushBreakable(true, goLabel);
    const define = s.tok === ":=";
    const assignTo = (e: A.Expr | undefined, value: string, t: Type): string => {
      if (e === undefined || (e.kind === "ident" && e.name === "_")) return "";
      if (define && e.kind === "ident") {
        const obj = this.info.defs.get(e);
        if (obj === undefined) return "";
        const n = this.nameOf(obj, e.name);
        return this.boxed.has(obj) ? `let ${n} = { $: ${value} };` : `let ${n} = ${value};`;
      }
      return this.assignTo(e, value, t);
    };
    let code: string;
    const body = (): string => this.block(s.body.stmts);
    const x = this.temp("x");
    const i = this.temp("i");
    if (u.kind === "basic" && isInteger(u)) {
      const kt = s.key !== undefined ? (this.info.typeOf(s.key) ?? xt) : xt;
      code = `{ const ${x} = ${this.expr(s.x)}; ${b.label}: for (let ${i} = 0; ${i} < ${x}; ${i}++) {\n${assignTo(s.key, i, kt)}\n${body()}\n} }`;
    } else if (u.kind === "basic" && isString(u)) {
      const r = this.temp("r");
      code = `{ const ${x} = ${this.expr(s.x)}; ${b.label}: for (let ${i} = 0, ${r}; ${i} < ${x}.length; ${i} += ${r}.width) {\n${r} = ${LIB}.decodeRune(${x}, ${i});\n${assignTo(s.key, i, BASIC_INT)}\n${assignTo(s.value, `${r}.rune`, BASIC_INT32)}\n${body()}\n} }`;
    } else if (u.kind === "slice" || u.kind === "array" || (u.kind === "pointer" && underlying(u.elem).kind === "array")) {
      const elemT = u.kind === "pointer" ? (underlying(u.elem) as { elem: Type }).elem : (u as { elem: Type }).elem;
      const isSlice = u.kind === "slice";
      const n = this.temp("n");
      const get = isSlice ? `${x}.array[${x}.offset + ${i}]` : `${x}[${i}]`;
      const value = this.types.isValueAggregate(elemT) ? this.types.clone(get, elemT) : get;
      // Go evaluates the range expression once; an array is copied (a slice is not).
      const init = isSlice
        ? `const ${x} = ${this.expr(s.x)}; const ${n} = ${x} === null ? 0 : ${x}.length;`
        : u.kind === "pointer"
          ? `const ${x} = ${LIB}.nn(${this.expr(s.x)}); const ${n} = ${x}.length;`
          : `const ${x} = ${s.value !== undefined ? `${this.expr(s.x)}.slice()` : this.expr(s.x)}; const ${n} = ${x}.length;`;
      code = `{ ${init} ${b.label}: for (let ${i} = 0; ${i} < ${n}; ${i}++) {\n${assignTo(s.key, i, BASIC_INT)}\n${s.value !== undefined ? assignTo(s.value, value, elemT) : ""}\n${body()}\n} }`;
    } else if (u.kind === "map") {
      const e = this.temp("e");
      const value = this.types.isValueAggregate(u.elem) ? this.types.clone(`${e}.value`, u.elem) : `${e}.value`;
      code = `{ const ${x} = ${this.expr(s.x)}; ${b.label}: for (const ${e} of ${LIB}.mapRange(${x}, () => $host.random())) {\nif (!${LIB}.mapHas(${x}, ${e}.key)) continue;\n${assignTo(s.key, `${e}.key`, u.key)}\n${s.value !== undefined ? assignTo(s.value, value, u.elem) : ""}\n${body()}\n} }`;
    } else if (u.kind === "chan") {
      const v = this.temp("v");
      code = `{ const ${x} = ${this.expr(s.x)}; ${b.label}: for (;;) {\n${this.at(s.pos)}; const ${v} = await ${x}.recvOk(); if (!${v}[1]) break;\n${assignTo(s.key, `${v}[0]`, u.elem)}\n${body()}\n} }`;
    } else if (u.kind === "signature") {
      this.error(s.pos, "range over a function (Go 1.23 iterators)");
    } else {
      this.error(s.pos, "this range");
    }
    this.breakables.pop();
    return `${this.at(s.pos)}; ${code}`;
  }

  private switchStmt(s: A.SwitchStmt, goLabel: string | undefined): string {
    const b = this.pushBreakable(false, goLabel);
    const init = s.init === undefined ? "" : this.stmt(s.init);
    const tag = this.temp("tag");
    const tagT = s.tag === undefined ? undefined : this.info.typeOf(s.tag);
    const tagCode = s.tag === undefined ? "" : `const ${tag} = ${this.expr(s.tag)};`;
    const conds: string[] = [];
    let defaultIndex = -1;
    s.clauses.forEach((c, i) => {
      if (c.list === undefined) {
        defaultIndex = i;
        return;
      }
      const tests = c.list.map((e) => (s.tag === undefined ? this.expr(e) : this.equality(tag, tagT as Type, e)));
      conds.push(`(${tests.join(" || ")}) ? ${i}`);
    });
    const pick = this.temp("c");
    const chooser = `const ${pick} = ${conds.length === 0 ? String(defaultIndex) : `${conds.join(" : ")} : ${defaultIndex}`};`;
    const cases = s.clauses
      .map((c, i) => {
        const falls = c.body.at(-1)?.kind === "branch" && (c.body.at(-1) as A.BranchStmt).tok === "fallthrough";
        return `case ${i}: {\n${this.block(c.body)}\n}${falls ? "" : ` break ${b.label};`}`;
      })
      .join("\n");
    this.breakables.pop();
    return `${this.at(s.pos)}; ${b.label}: {\n${init}\n${tagCode}\n${chooser}\nswitch (${pick}) {\n${cases}\n}\n}`;
  }

  /** tag == e, for a switch case: Go's == for the tag's type. */
  private equality(tag: string, tagT: Type, e: A.Expr): string {
    const et = this.info.typeOf(e) ?? tagT;
    return this.eqCode(tag, tagT, this.expr(e), et, "==");
  }

  private typeSwitch(s: A.TypeSwitchStmt, goLabel: string | undefined): string {
    const b = this.pushBreakable(false, goLabel);
    const init = s.init === undefined ? "" : this.stmt(s.init);
    const x = this.temp("x");
    const xT = this.info.typeOf(s.x) as Type;
    const conds: string[] = [];
    let defaultIndex = -1;
    s.clauses.forEach((c, i) => {
      if (c.list === undefined) {
        defaultIndex = i;
        return;
      }
      const tests = c.list.map((e) => {
        const tv = this.info.types.get(e);
        if (tv === undefined || (e.kind === "ident" && e.name === "nil")) return `${x} === null`;
        return this.typeTest(x, tv.type);
      });
      conds.push(`(${tests.join(" || ")}) ? ${i}`);
    });
    const pick = this.temp("c");
    const cases = s.clauses
      .map((c, i) => {
        let bind = "";
        const obj = this.info.implicitObjects.get(c);
        if (obj !== undefined && s.bind !== undefined && obj.kind === "var") {
          const n = this.nameOf(obj, s.bind.name);
          const single = c.list !== undefined && c.list.length === 1 ? this.info.types.get(c.list[0]!)?.type : undefined;
          const isNil = c.list?.length === 1 && c.list[0]!.kind === "ident" && c.list[0].name === "nil";
          const value = single !== undefined && !isNil && underlying(single).kind !== "interface" ? `${x}.value` : x;
          bind = this.boxed.has(obj) ? `let ${n} = { $: ${value} };` : `let ${n} = ${value};`;
        }
        return `case ${i}: {\n${bind}\n${this.block(c.body)}\n} break ${b.label};`;
      })
      .join("\n");
    this.breakables.pop();
    void xT;
    return `${this.at(s.pos)}; ${b.label}: {\n${init}\nconst ${x} = ${this.expr(s.x)};\nconst ${pick} = ${conds.length === 0 ? String(defaultIndex) : `${conds.join(" : ")} : ${defaultIndex}`};\nswitch (${pick}) {\n${cases}\n}\n}`;
  }

  /** Whether interface value x (JS) holds a value of type t. */
  private typeTest(x: string, t: Type): string {
    if (underlying(t).kind === "interface") return `(${x} !== null && ${LIB}.implementsIface(${x}.type, ${this.types.desc(t)}))`;
    return `(${x} !== null && ${x}.type === ${this.types.desc(t)})`;
  }

  private selectStmt(s: A.SelectStmt, goLabel: string | undefined): string {
    const b = this.pushBreakable(false, goLabel);
    const r = this.temp("s");
    const cases: string[] = [];
    const bodies: string[] = [];
    s.clauses.forEach((c, i) => {
      const comm = c.comm;
      let bind = "";
      if (comm === undefined) {
        cases.push(`$rt.otherwise(() => [${i}])`);
      } else if (comm.kind === "send") {
        cases.push(`$rt.send(${this.chanExpr(comm.chan)}, ${this.valueFor(comm.value, this.chanElem(comm.chan))}, () => [${i}])`);
      } else {
        // A receive: `<-ch`, `v := <-ch`, `v, ok := <-ch`, `x = <-ch`.
        const recvExpr = comm.kind === "exprStmt" ? comm.x : comm.rhs[0]!;
        let re = recvExpr;
        while (re.kind === "paren") re = re.x;
        if (re.kind !== "unary" || re.op !== "<-") this.error(comm.pos, "this select case");
        const chan = re.x;
        const elem = this.chanElem(chan);
        cases.push(`$rt.recv(${this.chanExpr(chan)}, (v, ok) => [${i}, v, ok])`);
        if (comm.kind === "assign") {
          const v = `(${r}[1] ?? ${this.types.zero(elem)})`;
          const targets = comm.lhs;
          if (comm.op === ":=") {
            targets.forEach((t, k) => {
              if (t.kind !== "ident" || t.name === "_") return;
              const obj = this.info.defs.get(t) ?? this.info.uses.get(t);
              if (obj === undefined) return;
              const n = this.nameOf(obj, t.name);
              const value = k === 0 ? v : `${r}[2]`;
              bind += this.boxed.has(obj) ? `let ${n} = { $: ${value} };` : `let ${n} = ${value};`;
            });
          } else {
            targets.forEach((t, k) => {
              bind += this.assignTo(t, k === 0 ? v : `${r}[2]`, k === 0 ? elem : BASIC_BOOL);
            });
          }
        }
      }
      bodies.push(`case ${i}: {\n${bind}\n${this.block(c.body)}\n} break ${b.label};`);
    });
    this.breakables.pop();
    if (!this.fn.async) this.error(s.pos, "select in a function gofront did not make async (a gofront bug)");
    return `${this.at(s.pos)}; ${b.label}: {\nconst ${r} = await $rt.select(${cases.join(", ")});\nswitch (${r}[0]) {\n${bodies.join("\n")}\n}\n}`;
  }

  private goStmt(s: A.GoStmt): string {
    const call = unparen(s.call);
    if (call.kind !== "call") this.error(s.pos, "go with something other than a call");
    const name = s.name !== undefined ? this.goroutineName(s.name) : JSON.stringify(this.calleeName(call));
    const { prep, invoke } = this.deferredCall(call);
    return `{ ${prep} $rt.go(() => ${invoke}, ${name}); }`;
  }

  /** `// goroutine "worker {w}"`: the name, with {x} replaced by x's value when the goroutine starts. */
  private goroutineName(template: string): string {
    const parts = template.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/);
    const code = parts.map((p) => {
      const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(p);
      if (m === null) return JSON.stringify(p);
      const n = this.visibleName(m[1]!);
      return n === undefined ? JSON.stringify(p) : `${LIB}.jsText(${LIB}.sprint([${n}]))`;
    });
    return code.join(" + ");
  }

  /** A local's JS name by its Go name, for goroutine name templates: the last object of that name declared so far. */
  private visibleName(goName: string): string | undefined {
    let found: [GoObject, string] | undefined;
    for (const [obj, n] of this.jsNames) if (obj.name === goName && obj.kind === "var") found = [obj, n];
    if (found === undefined) return undefined;
    const [obj, n] = found;
    const v = this.boxed.has(obj) ? `${n}.$` : n;
    return `new ${LIB}.Iface(${this.types.desc(objType(obj))}, ${v})`;
  }

  private calleeName(call: A.CallExpr): string | undefined {
    const f = unparen(call.fun);
    if (f.kind === "ident") return f.name;
    if (f.kind === "selector") return f.sel.name;
    if (f.kind === "index") {
      const x = unparen(f.x);
      return x.kind === "ident" ? x.name : undefined;
    }
    return undefined;
  }

  /** A call whose function and arguments are evaluated now and called later (go, defer). */
  private deferredCall(call: A.CallExpr): { prep: string; invoke: string } {
    const tv = this.info.types.get(call.fun);
    const f = unparen(call.fun);
    // Builtins and conversions: evaluate the arguments now, and use the values later.
    if (tv?.mode === "builtin" || tv?.mode === "typexpr") {
      const args = call.args.map((a) => {
        const t = this.temp("a");
        return { t, code: `const ${t} = ${this.expr(a)};` };
      });
      call.args.forEach((a, i) => this.overrides.set(a, args[i]!.t));
      const invoke = this.expr(call);
      for (const a of call.args) this.overrides.delete(a);
      return { prep: args.map((a) => a.code).join(" "), invoke };
    }
    const fnTemp = this.temp("f");
    const argTemps: string[] = [];
    const preps: string[] = [];
    const sig = this.signatureOf(call);
    const argCodes = this.callArgs(call, sig);
    for (const a of argCodes) {
      const t = this.temp("a");
      preps.push(`const ${t} = ${a};`);
      argTemps.push(t);
    }
    let fnCode: string;
    if (f.kind === "selector" && this.info.selections.get(f)?.kind === "method") {
      fnCode = this.methodValue(f);
    } else {
      fnCode = this.funcValue(call);
    }
    preps.unshift(`const ${fnTemp} = ${fnCode};`);
    return { prep: preps.join(" "), invoke: `${fnTemp}(${argTemps.join(", ")})` };
  }

  private deferStmt(s: A.DeferStmt): string {
    const call = unparen(s.call);
    if (call.kind !== "call") this.error(s.pos, "defer with something other than a call");
    if (this.fn.deferVar === undefined) throw new Error("gofront: defer outside a function with a defer frame");
    // recover() called directly by the deferred function is the common form; `defer recover()` does nothing useful.
    const { prep, invoke } = this.deferredCall(call);
    return `{ ${prep} ${this.fn.deferVar}.defer(() => ${invoke}); }`;
  }

  private returnStmt(s: A.ReturnStmt): string {
    const fn = this.fn;
    const values = this.returnValues(s);
    if (fn.bodyLabel !== undefined) {
      // With defer: set the results, then leave the try block so the deferred calls run (and may change them).
      const sets = values === undefined ? "" : this.setResults(values);
      return `{ ${sets} break ${fn.bodyLabel}; }`;
    }
    if (values === undefined) {
      if (fn.results.length === 0) return "return;";
      return fn.results.length === 1
        ? `return ${this.resultVar(0)};`
        : `return [${fn.results.map((_, i) => this.resultVar(i)).join(", ")}];`;
    }
    if (values.kind === "spread") return `return ${values.code};`;
    return values.items.length === 1 ? `return ${values.items[0]};` : `return [${values.items.join(", ")}];`;
  }

  private resultVar(i: number): string {
    return this.fn.results[i] as string;
  }

  private returnValues(s: A.ReturnStmt): { kind: "items"; items: string[] } | { kind: "spread"; code: string } | undefined {
    if (s.results.length === 0) return undefined;
    const types = this.fn.resultTypes;
    if (s.results.length === 1 && types.length > 1) return { kind: "spread", code: this.expr(s.results[0]!) };
    return { kind: "items", items: s.results.map((e, i) => this.valueFor(e, types[i] as Type)) };
  }

  private setResults(values: { kind: "items"; items: string[] } | { kind: "spread"; code: string }): string {
    const fn = this.fn;
    const target = (i: number): string => {
      const n = fn.results[i] as string;
      return n;
    };
    if (values.kind === "spread") {
      const t = this.temp();
      return `const ${t} = ${values.code}; ${fn.results.map((_, i) => `${this.resultAssign(target(i), `${t}[${i}]`)}`).join(" ")}`;
    }
    if (values.items.length === 1) return this.resultAssign(target(0), values.items[0]!);
    const tmps = values.items.map(() => this.temp());
    return `${values.items.map((v, i) => `const ${tmps[i]} = ${v};`).join(" ")} ${tmps.map((t, i) => this.resultAssign(target(i), t)).join(" ")}`;
  }

  private resultAssign(name: string, value: string): string {
    // A boxed named result is read and written through its box.
    return this.boxedNames.has(name) ? `${name}.$ = ${value};` : `${name} = ${value};`;
  }

  /** The JS names of boxed variables (named results among them). */
  private get boxedNames(): ReadonlySet<string> {
    return new Set([...this.boxed].map((o) => this.jsNames.get(o)).filter((n): n is string => n !== undefined));
  }

  // -------------------------------------------------------------------------
  // Assignments

  private assign(s: A.AssignStmt): string {
    if (s.op === ":=" || s.op === "=") return this.plainAssign(s);
    const op = s.op.slice(0, -1) as A.BinaryOp;
    return this.compoundAssign(s.lhs[0]!, op, s.rhs[0]);
  }

  private plainAssign(s: A.AssignStmt): string {
    const define = s.op === ":=";
    // x, y = y, x: every right side first.
    if (s.lhs.length === s.rhs.length) {
      const lhsTypes = s.lhs.map((l) => this.lhsType(l, define));
      const values = s.rhs.map((r, i) => this.valueFor(r, lhsTypes[i] ?? (this.info.typeOf(r) as Type)));
      if (s.lhs.length === 1) return this.bind(s.lhs[0]!, values[0]!, lhsTypes[0]!, define, s.rhs[0]);
      const tmps = values.map((v) => {
        const t = this.temp();
        return { t, code: `const ${t} = ${v};` };
      });
      // Index expressions on the left are evaluated before the assignment, as Go's order says.
      return `${tmps.map((x) => x.code).join(" ")} ${s.lhs.map((l, i) => this.bind(l, tmps[i]!.t, lhsTypes[i]!, define, undefined)).join(" ")}`;
    }
    // a, b := f() / v, ok := m[k] / v, ok := x.(T) / v, ok := <-ch
    const rhs = s.rhs[0]!;
    const t = this.temp();
    const types = s.lhs.map((l) => this.lhsType(l, define));
    const code = `const ${t} = ${this.tupleExpr(rhs, types)};`;
    return `${code} ${s.lhs.map((l, i) => this.bind(l, `${t}[${i}]`, types[i]!, define, undefined)).join(" ")}`;
  }

  /** A two-valued expression as a JS array: a call's results, or a comma-ok form. */
  private tupleExpr(e: A.Expr, types: readonly Type[]): string {
    const x = unparen(e);
    if (x.kind === "index") {
      const mt = underlying(this.info.typeOf(x.x) as Type);
      if (mt.kind === "map")
        return `${LIB}.mapGetOk(${this.expr(x.x)}, ${this.valueFor(x.indices[0]!, mt.key)}, ${this.types.zero(mt.elem)})`;
    }
    if (x.kind === "typeAssert" && x.type !== undefined) {
      const t = this.typeOfTypeExpr(x.type);
      if (underlying(t).kind === "interface") return `${LIB}.assertIfaceOk(${this.expr(x.x)}, ${this.types.desc(t)})`;
      return `${LIB}.assertTypeOk(${this.expr(x.x)}, ${this.types.desc(t)}, ${this.types.zero(t)})`;
    }
    if (x.kind === "unary" && x.op === "<-") {
      const elem = this.chanElem(x.x);
      const r = this.temp();
      void types;
      return `((${r}) => [${r}[1] ? ${r}[0] : ${this.types.zero(elem)}, ${r}[1]])(${this.awaitIf(true)}(${this.at(x.pos)}, ${this.chanExpr(x.x)}.recvOk()))`;
    }
    return this.expr(e);
  }

  private lhsType(l: A.Expr, define: boolean): Type {
    if (define && l.kind === "ident") {
      const obj = this.info.defs.get(l) ?? this.info.uses.get(l);
      if (obj !== undefined && obj.kind === "var") return obj.type;
    }
    return this.info.typeOf(l) ?? BASIC_INT;
  }

  /** Assigns (or, for a new name of :=, declares) l = value. */
  private bind(l: A.Expr, value: string, t: Type, define: boolean, rhs: A.Expr | undefined): string {
    if (l.kind === "ident" && l.name === "_") return rhs === undefined ? "" : `${value};`;
    if (define && l.kind === "ident") {
      const obj = this.info.defs.get(l);
      if (obj !== undefined) {
        const n = this.nameOf(obj, l.name);
        return this.boxed.has(obj) ? `let ${n} = { $: ${value} };` : `let ${n} = ${value};`;
      }
    }
    return this.assignTo(l, value, t);
  }

  /** l = value for an existing location. */
  private assignTo(l: A.Expr, value: string, t: Type): string {
    const x = unparen(l);
    if (x.kind === "ident" && x.name === "_") return `${value};`;
    if (x.kind === "ident") {
      const obj = this.info.uses.get(x) ?? this.info.defs.get(x);
      if (obj === undefined) return `${value};`;
      const n = this.nameOf(obj, x.name);
      if (this.boxed.has(obj)) return `${n}.$ = ${value};`;
      if (underlying(objType(obj)).kind === "struct") return `${this.setStruct(n, value, objType(obj))};`;
      return `${n} = ${value};`;
    }
    if (x.kind === "index") {
      const ct = this.info.typeOf(x.x) as Type;
      const u = underlying(ct);
      if (u.kind === "map") return `${LIB}.mapSet(${this.expr(x.x)}, ${this.valueFor(x.indices[0]!, u.key)}, ${value});`;
      if (u.kind === "slice") {
        if (underlying(u.elem).kind === "struct")
          return `${this.setStruct(`${LIB}.idx(${this.expr(x.x)}, ${this.expr(x.indices[0]!)})`, value, u.elem)};`;
        return `${LIB}.setIdx(${this.expr(x.x)}, ${this.expr(x.indices[0]!)}, ${value});`;
      }
      if (u.kind === "array") return `${LIB}.setAidx(${this.expr(x.x)}, ${this.expr(x.indices[0]!)}, ${value});`;
      if (u.kind === "pointer") return `${LIB}.setAidx(${LIB}.nn(${this.expr(x.x)}), ${this.expr(x.indices[0]!)}, ${value});`;
    }
    if (x.kind === "selector") {
      const sel = this.info.selections.get(x);
      if (sel?.kind === "field") {
        const obj = this.fieldOwner(x, sel);
        const f = JSON.stringify(this.fieldName(x, sel));
        if (underlying(sel.type).kind === "struct") return `${this.setStruct(`${obj}[${f}]`, value, sel.type)};`;
        return `${obj}[${f}] = ${value};`;
      }
      if (sel?.kind === "pkgMember") return `$std[${JSON.stringify(sel.pkg)}].${x.sel.name} = ${value};`;
    }
    if (x.kind === "star") {
      const pt = underlying(this.info.typeOf(x.x) as Type);
      const elem = pt.kind === "pointer" ? pt.elem : t;
      if (underlying(elem).kind === "struct") return `${this.setStruct(`${LIB}.nn(${this.expr(x.x)})`, value, elem)};`;
      return `${LIB}.store(${this.expr(x.x)}, ${value});`;
    }
    this.error(l.pos, "assigning to this expression");
  }

  /** target = value for a struct in place (pointers to it see the change); a standard package's struct may have no $set. */
  private setStruct(target: string, value: string, t: Type): string {
    return isStdType(t) ? `${LIB}.assignStruct(${target}, ${value})` : `${target}.$set(${value})`;
  }

  /** x op= y (and x++ / x--: y undefined means 1), evaluating x's operands once. */
  private compoundAssign(l: A.Expr, op: A.BinaryOp, r: A.Expr | undefined): string {
    const t = this.info.typeOf(l) as Type;
    const rt = r === undefined ? t : (this.info.typeOf(r) ?? t);
    const rhs = r === undefined ? "1" : this.valueFor(r, op === "<<" || op === ">>" ? rt : t);
    const x = unparen(l);
    const pre: string[] = [];
    let read: string;
    let write: (v: string) => string;
    if (x.kind === "ident") {
      read = this.expr(x);
      write = (v) => this.assignTo(x, v, t);
    } else if (x.kind === "index") {
      const c = this.temp();
      const i = this.temp();
      const ct = underlying(this.info.typeOf(x.x) as Type);
      pre.push(`const ${c} = ${this.expr(x.x)};`);
      if (ct.kind === "map") {
        pre.push(`const ${i} = ${this.valueFor(x.indices[0]!, ct.key)};`);
        read = `${LIB}.mapGet(${c}, ${i}, ${this.types.zero(ct.elem)})`;
        write = (v) => `${LIB}.mapSet(${c}, ${i}, ${v});`;
      } else {
        pre.push(`const ${i} = ${this.expr(x.indices[0]!)};`);
        const arr = ct.kind === "pointer" ? `${LIB}.nn(${c})` : c;
        read = ct.kind === "slice" ? `${LIB}.idx(${c}, ${i})` : `${LIB}.aidx(${arr}, ${i})`;
        write = (v) => (ct.kind === "slice" ? `${LIB}.setIdx(${c}, ${i}, ${v});` : `${LIB}.setAidx(${arr}, ${i}, ${v});`);
      }
    } else if (x.kind === "selector") {
      const sel = this.info.selections.get(x);
      if (sel?.kind !== "field") this.error(l.pos, "this assignment");
      const o = this.temp();
      pre.push(`const ${o} = ${this.fieldOwner(x, sel)};`);
      const f = JSON.stringify(this.fieldName(x, sel));
      read = `${o}[${f}]`;
      write = (v) => `${o}[${f}] = ${v};`;
    } else if (x.kind === "star") {
      const p = this.temp();
      pre.push(`const ${p} = ${this.expr(x.x)};`);
      read = `${LIB}.deref(${p})`;
      write = (v) => `${LIB}.store(${p}, ${v});`;
    } else {
      this.error(l.pos, "this assignment");
    }
    const value = this.arith(op, read, rhs, t, rt);
    return `${pre.join(" ")} ${write(value)}`;
  }

  // -------------------------------------------------------------------------
  // Expressions

  /** e's value converted to type t where it is used (an interface boxes it; an aggregate is copied). */
  private valueFor(e: A.Expr, t: Type): string {
    const et = this.info.typeOf(e);
    const cv = this.info.types.get(e)?.value;
    if (cv?.kind === "int" && !Number.isSafeInteger(Number(cv.value)) && underlying(t).kind === "interface" && et !== undefined)
      return this.boxValue("", et, e);
    // An untyped constant becomes a float32 rounded to float32.
    if (cv !== undefined && (cv.kind === "float" || cv.kind === "int") && basicKind(t) === "float32" && t.kind !== "typeParam")
      return numberLit(cv.kind === "int" ? Number(cv.value) : cv.value, "float32");
    const code = this.expr(e);
    if (et === undefined) return code;
    if (isNilExpr(e, this.info)) return this.nilOf(t);
    const tu = underlying(t);
    if (tu.kind === "interface" && t.kind !== "typeParam") {
      if (underlying(et).kind === "interface" && et.kind !== "typeParam") return code;
      return this.boxValue(code, et, e);
    }
    if (this.types.isValueAggregate(et) && isAddressable(e) && t.kind !== "typeParam") return this.types.clone(code, et);
    if (et.kind === "typeParam" && isAddressable(e)) return `${LIB}.cloneValue(${code})`;
    return code;
  }

  private nilOf(t: Type): string {
    return underlying(t).kind === "chan" ? "$rt.nilChan()" : "null";
  }

  /** A concrete value as an interface value. */
  private boxValue(code: string, t: Type, e: A.Expr | undefined): string {
    const tv = e === undefined ? undefined : this.info.types.get(e);
    let type = t;
    if (isUntyped(type)) type = defaultType(type);
    // An integer constant beyond 2^53 printed as it is: fmt prints a BigInt exactly.
    if (tv?.value?.kind === "int" && !Number.isSafeInteger(Number(tv.value.value)) && isInteger(type))
      return `new ${LIB}.Iface(${this.types.desc(type)}, ${tv.value.value}n)`;
    const value = e !== undefined && this.types.isValueAggregate(type) && isAddressable(e) ? this.types.clone(code, type) : code;
    if (type.kind === "typeParam") return `${LIB}.box(${this.types.desc(type)}, ${value})`;
    return `new ${LIB}.Iface(${this.types.desc(type)}, ${value})`;
  }

  /** Expressions already evaluated into a temporary (a deferred builtin's arguments). */
  private readonly overrides = new Map<A.Expr, string>();

  private expr(e: A.Expr, subst?: Map<string, A.Expr>): string {
    const over = this.overrides.get(e);
    if (over !== undefined) return over;
    const tv = this.info.types.get(e);
    if (tv?.mode === "constant" && tv.value !== undefined && subst === undefined) return this.constant(tv.value, tv.type, e);
    switch (e.kind) {
      case "ident":
        return this.ident(e);
      case "basicLit":
        return this.constant(tv?.value as ConstValue, tv?.type ?? BASIC_INT, e);
      case "compositeLit":
        return this.compositeLit(e);
      case "funcLit":
        return this.funcLit(e);
      case "paren":
        return `(${this.expr(e.x)})`;
      case "selector":
        return this.selector(e);
      case "index":
        return this.index(e);
      case "slice":
        return this.sliceExpr(e);
      case "typeAssert":
        return this.typeAssert(e);
      case "call":
        return this.call(e, subst);
      case "star":
        return this.star(e);
      case "unary":
        return this.unary(e);
      case "binary":
        return this.binary(e);
      case "arrayType":
      case "mapType":
      case "chanType":
      case "funcType":
      case "structType":
      case "interfaceType":
      case "tilde":
        this.error(e.pos, "a type used as a value");
    }
  }

  private constant(v: ConstValue, t: Type, e: A.Expr): string {
    void e;
    switch (v.kind) {
      case "bool":
        return String(v.value);
      case "string":
        return jsString(v.value);
      case "int": {
        const k = basicKind(t);
        if (k === "float64" || k === "float32") return numberLit(Number(v.value), k);
        const n = Number(v.value);
        // Beyond 2^53 a constant is kept only when the double is exactly it (1 << 63); printing one boxes a BigInt (boxValue).
        if (!Number.isSafeInteger(n) && BigInt(n) !== v.value) {
          {
            throw new GoCompileError([
              {
                file: this.fileName,
                pos: e.pos,
                message: notSupported(`the constant ${v.value} (beyond 2^53, where chanscope's integers stop being exact)`),
              },
            ]);
          }
        }
        return n < 0 ? `(${n})` : String(n);
      }
      case "float": {
        const k = basicKind(t);
        if (k !== undefined && k !== "float64" && k !== "float32" && k !== "untyped float") return String(Math.trunc(v.value));
        return numberLit(v.value, k);
      }
    }
  }

  private ident(e: A.Ident): string {
    const obj = this.info.uses.get(e) ?? this.info.defs.get(e);
    if (obj === undefined) {
      if (e.name === "_") return "undefined";
      this.error(e.pos, `the name ${e.name}`);
    }
    switch (obj.kind) {
      case "var": {
        const n = this.nameOf(obj, e.name);
        return this.boxed.has(obj) ? `${n}.$` : n;
      }
      case "func":
        if (obj.pkg !== "main") return `$std[${JSON.stringify(obj.pkg)}].${e.name}`;
        return this.nameOf(obj, e.name);
      case "nil":
        return "null";
      case "const":
        return this.constant(obj.value, obj.type, e);
      case "typeName":
      case "pkgName":
      case "builtin":
        this.error(e.pos, `${e.name} used as a value`);
    }
  }

  private funcLit(e: A.FuncLit): string {
    const isAsync = this.blocking.asyncFuncs.has(e);
    const code = this.funcBody(e.type, e.body, isAsync, "", [], new Map(), "");
    return `(${code})`;
  }

  private compositeLit(e: A.CompositeLit): string {
    const t = this.info.typeOf(e) as Type;
    return this.compositeOf(e, t);
  }

  private compositeOf(e: A.CompositeLit, t: Type): string {
    const u = underlying(t.kind === "pointer" ? t : t);
    const elemLit = (v: A.Expr, elemT: Type): string =>
      v.kind === "compositeLit" && v.type === undefined ? this.elidedLit(v, elemT) : this.valueFor(v, elemT);
    switch (u.kind) {
      case "struct": {
        const cls = this.types.structClass(t);
        const args: string[] = u.fields.map(() => "undefined");
        e.elements.forEach((el, i) => {
          if (el.key !== undefined && el.key.kind === "ident") {
            const idx = u.fields.findIndex((f) => f.name === (el.key as A.Ident).name);
            if (idx >= 0) args[idx] = elemLit(el.value, u.fields[idx]!.type);
          } else {
            args[i] = elemLit(el.value, u.fields[i]!.type);
          }
        });
        while (args.length > 0 && args.at(-1) === "undefined") args.pop();
        const generic = t.kind === "named" && t.origin !== undefined;
        return `new ${cls}(${[...(generic ? [this.types.desc(t)] : []), ...args].join(", ")})`;
      }
      case "slice":
      case "array": {
        const items: string[] = [];
        let max = 0;
        let pos = 0;
        const keyed: [number, string][] = [];
        for (const el of e.elements) {
          if (el.key !== undefined) {
            const kv = this.info.types.get(el.key)?.value;
            pos = kv !== undefined && kv.kind === "int" ? Number(kv.value) : pos;
          }
          keyed.push([pos, elemLit(el.value, u.elem)]);
          pos++;
          max = Math.max(max, pos);
        }
        const length = u.kind === "array" ? u.length : max;
        const sparse = keyed.some(([k], i) => k !== i) || length !== keyed.length;
        if (!sparse) items.push(...keyed.map(([, v]) => v));
        const arr = sparse
          ? `((a) => { ${keyed.map(([k, v]) => `a[${k}] = ${v};`).join(" ")} return a; })(${LIB}.makeArray(${length}, () => ${this.types.zero(u.elem)}))`
          : `[${items.join(", ")}]`;
        return u.kind === "array" ? arr : `${LIB}.Slice.of(${arr})`;
      }
      case "map": {
        const m = this.temp("m");
        const sets = e.elements.map((el) => {
          const key =
            el.key === undefined
              ? "undefined"
              : el.key.kind === "compositeLit" && el.key.type === undefined
                ? this.elidedLit(el.key, u.key)
                : this.valueFor(el.key, u.key);
          return `${LIB}.mapSet(${m}, ${key}, ${elemLit(el.value, u.elem)});`;
        });
        return `((${m}) => { ${sets.join(" ")} return ${m}; })(${this.makeMap(u.key)})`;
      }
      case "pointer":
        return this.compositeOf(e, u.elem);
      case "basic":
      case "chan":
      case "interface":
      case "named":
      case "signature":
      case "tuple":
      case "typeParam":
        this.error(e.pos, "this composite literal");
    }
  }

  /** `{…}` inside a composite literal, its type elided: of the element type (for *T elements, &T{…}). */
  private elidedLit(v: A.CompositeLit, elemT: Type): string {
    const u = underlying(elemT);
    if (u.kind === "pointer") return this.compositeOf(v, u.elem) + (underlying(u.elem).kind === "struct" ? "" : "");
    return this.compositeOf(v, elemT);
  }

  private makeMap(key: Type): string {
    const simple = isSimpleKey(key);
    return `${LIB}.makeMap(${this.types.desc(key)}, ${!simple})`;
  }

  private selector(e: A.SelectorExpr): string {
    const sel = this.info.selections.get(e);
    if (sel === undefined) this.error(e.pos, "this selector");
    switch (sel.kind) {
      case "pkgMember": {
        const obj = sel.object;
        if (obj.kind === "const") return this.constant(obj.value, obj.type, e);
        return `$std[${JSON.stringify(sel.pkg)}].${e.sel.name}`;
      }
      case "field": {
        const owner = this.fieldOwner(e, sel);
        return `${owner}[${JSON.stringify(this.fieldName(e, sel))}]`;
      }
      case "method":
        return this.methodValue(e);
      case "methodExpr": {
        const recvT = this.info.types.get(e.x)?.type as Type;
        const named = (underlying(recvT).kind === "pointer" ? (underlying(recvT) as { elem: Type }).elem : recvT) as Named;
        if (named.kind !== "named") this.error(e.pos, "this method expression");
        return this.methodRef(named, e.sel.name);
      }
    }
  }

  private fieldName(e: A.SelectorExpr, sel: Extract<Selection, { kind: "field" }>): string {
    void sel;
    return e.sel.name;
  }

  /** The object holding field e.sel: x, through the embedded fields on the path, dereferenced (nil panics). */
  private fieldOwner(e: A.SelectorExpr, sel: Extract<Selection, { kind: "field" }>): string {
    const xt = this.info.typeOf(e.x) as Type;
    let code = this.expr(e.x);
    if (underlying(xt).kind === "pointer") code = `${LIB}.nn(${code})`;
    const path = sel.path.slice(0, -1);
    const walked = this.walkPath(code, xt, path);
    return path.length > 0 && underlying(walked.type).kind === "pointer" ? `${LIB}.nn(${walked.expr})` : walked.expr;
  }

  /** x.M as a function value (bound to its receiver now, as Go evaluates it). */
  private methodValue(e: A.SelectorExpr): string {
    const sel = this.info.selections.get(e);
    if (sel?.kind !== "method") this.error(e.pos, "this method value");
    if (sel.viaInterface) {
      const recv = this.methodRecv(e, sel);
      return `${LIB}.imethod(${recv}, ${JSON.stringify(e.sel.name)})`;
    }
    let recv = this.methodRecv(e, sel);
    const owner = sel.owner as Named;
    // A value receiver is copied when the method value is made, as Go evaluates it.
    if (!sel.pointerReceiver && this.types.isValueAggregate(owner)) recv = this.types.clone(recv, owner);
    const r = this.temp("r");
    const f = this.methodRef(owner, e.sel.name);
    return `((${r}) => (...a) => ${f}(${r}, ...a))(${recv})`;
  }

  /** The receiver a method gets: x through embedded fields, its address taken or dereferenced as the method wants. */
  private methodRecv(e: A.SelectorExpr, sel: Extract<Selection, { kind: "method" }>): string {
    const xt = this.info.typeOf(e.x) as Type;
    const walked = this.walkPath(this.expr(e.x), xt, sel.path);
    const rt = walked.type;
    const isPtr = underlying(rt).kind === "pointer";
    const base = isPtr ? (underlying(rt) as { elem: Type }).elem : rt;
    if (sel.viaInterface) return walked.expr;
    const isStruct = underlying(base).kind === "struct" || base.kind === "typeParam";
    if (sel.pointerReceiver) {
      if (isPtr || isStruct) return walked.expr;
      // &x of a non-struct variable: its box.
      const root = unparen(e.x);
      if (root.kind === "ident" && sel.path.length === 0) {
        const obj = this.info.uses.get(root);
        if (obj !== undefined && this.boxed.has(obj)) return `${LIB}.ptrTo(${this.nameOf(obj, root.name)})`;
      }
      return this.addressOf(e.x);
    }
    // A value receiver.
    if (isPtr) return isStruct ? `${LIB}.nn(${walked.expr})` : `${LIB}.deref(${walked.expr})`;
    return walked.expr;
  }

  private index(e: A.IndexExpr): string {
    const tv = this.info.types.get(e.x);
    // A generic function's explicit instantiation.
    if (tv !== undefined && tv.type.kind === "signature" && tv.type.typeParams.length > 0) return this.instantiated(e);
    const t = tv?.type as Type;
    const u = underlying(t);
    const i = e.indices[0]!;
    if (u.kind === "map") return `${LIB}.mapGet(${this.expr(e.x)}, ${this.valueFor(i, u.key)}, ${this.types.zero(u.elem)})`;
    if (u.kind === "slice") return `${LIB}.idx(${this.expr(e.x)}, ${this.expr(i)})`;
    if (u.kind === "array") return `${LIB}.aidx(${this.expr(e.x)}, ${this.expr(i)})`;
    if (u.kind === "pointer") return `${LIB}.aidx(${LIB}.nn(${this.expr(e.x)}), ${this.expr(i)})`;
    if (u.kind === "basic" && isString(u)) return `${LIB}.strAt(${this.expr(e.x)}, ${this.expr(i)})`;
    this.error(e.pos, "this index expression");
  }

  /** f[int] as a value: the generic function with its type arguments bound. */
  private instantiated(e: A.IndexExpr): string {
    const inst = this.info.types.get(e)?.type;
    const generic = this.info.types.get(e.x)?.type as Signature;
    const args = inst !== undefined && inst.kind === "signature" ? this.typeArgs(generic, inst) : [];
    return `((...a) => ${this.expr(e.x)}(${[...args.map((a) => this.types.desc(a)), "...a"].join(", ")}))`;
  }

  private sliceExpr(e: A.SliceExpr): string {
    const t = this.info.typeOf(e.x) as Type;
    const u = underlying(t);
    const lo = e.low === undefined ? "undefined" : this.expr(e.low);
    const hi = e.high === undefined ? "undefined" : this.expr(e.high);
    const max = e.max === undefined ? "undefined" : this.expr(e.max);
    if (u.kind === "basic") return `${LIB}.strSlice(${this.expr(e.x)}, ${lo}, ${hi})`;
    if (u.kind === "slice") return `${LIB}.slice(${this.expr(e.x)}, ${lo}, ${hi}, ${max})`;
    if (u.kind === "array") return `${LIB}.sliceArray(${this.expr(e.x)}, ${lo}, ${hi}, ${max})`;
    if (u.kind === "pointer") return `${LIB}.sliceArray(${LIB}.nn(${this.expr(e.x)}), ${lo}, ${hi}, ${max})`;
    this.error(e.pos, "this slice expression");
  }

  private typeAssert(e: A.TypeAssertExpr): string {
    if (e.type === undefined) this.error(e.pos, "x.(type) outside a type switch");
    const t = this.typeOfTypeExpr(e.type);
    const from = this.info.typeOf(e.x) as Type;
    if (underlying(t).kind === "interface") return `${LIB}.assertIface(${this.expr(e.x)}, ${this.types.desc(t)}, ${this.types.desc(from)})`;
    return `${LIB}.assertType(${this.expr(e.x)}, ${this.types.desc(t)}, ${this.types.desc(from)})`;
  }

  private star(e: A.StarExpr): string {
    const pt = underlying(this.info.typeOf(e.x) as Type);
    const elem = pt.kind === "pointer" ? pt.elem : undefined;
    if (elem !== undefined && underlying(elem).kind === "struct") return `${LIB}.nn(${this.expr(e.x)})`;
    return `${LIB}.deref(${this.expr(e.x)})`;
  }

  private addressOf(x0: A.Expr): string {
    const x = unparen(x0);
    const t = this.info.typeOf(x) as Type;
    const isStruct = underlying(t).kind === "struct";
    if (x.kind === "compositeLit") {
      if (isStruct) return this.compositeLit(x);
      return `${LIB}.ptrTo({ $: ${this.compositeLit(x)} })`;
    }
    if (isStruct) return this.expr(x);
    if (x.kind === "ident") {
      const obj = this.info.uses.get(x) ?? this.info.defs.get(x);
      if (obj !== undefined && this.boxed.has(obj)) return `${LIB}.ptrTo(${this.nameOf(obj, x.name)})`;
      this.error(x.pos, "taking this address");
    }
    if (x.kind === "selector") {
      const sel = this.info.selections.get(x);
      if (sel?.kind === "field") return `${LIB}.ptrToField(${this.fieldOwner(x, sel)}, ${JSON.stringify(x.sel.name)})`;
    }
    if (x.kind === "index") {
      const u = underlying(this.info.typeOf(x.x) as Type);
      if (u.kind === "slice") return `${LIB}.ptrToElem(${this.expr(x.x)}, ${this.expr(x.indices[0]!)})`;
      if (u.kind === "array") return `${LIB}.ptrToArrayElem(${this.expr(x.x)}, ${this.expr(x.indices[0]!)})`;
      if (u.kind === "pointer") return `${LIB}.ptrToArrayElem(${LIB}.nn(${this.expr(x.x)}), ${this.expr(x.indices[0]!)})`;
    }
    if (x.kind === "star") return this.expr(x.x);
    this.error(x.pos, "taking this address");
  }

  private unary(e: A.UnaryExpr): string {
    const t = this.info.typeOf(e) as Type;
    switch (e.op) {
      case "&":
        return this.addressOf(e.x);
      case "<-": {
        const elem = this.chanElem(e.x);
        const z = this.types.zero(elem);
        const recv = `(${this.at(e.pos)}, ${this.chanExpr(e.x)}.recv())`;
        return z === "null" ? `((await ${recv}) ?? null)` : `((await ${recv}) ?? ${z})`;
      }
      case "!":
        return `!${this.expr(e.x)}`;
      case "+":
        return this.expr(e.x);
      case "-": {
        const k = basicKind(t);
        const x = this.expr(e.x);
        if (k === "float32") return `Math.fround(-${wrapNeg(x)})`;
        if (k === "float64" || k === "untyped float") return `(-${wrapNeg(x)})`;
        if (t.kind === "typeParam") return `(-${wrapNeg(x)})`;
        return `${LIB}.wrap(${JSON.stringify(k)}, 0 - ${wrapNeg(x)})`;
      }
      case "^":
        return `${LIB}.complement(${JSON.stringify(basicKind(t))}, ${this.expr(e.x)})`;
    }
  }

  private binary(e: A.BinaryExpr): string {
    const xt = this.info.typeOf(e.x) as Type;
    const yt = this.info.typeOf(e.y) as Type;
    if (e.op === "&&" || e.op === "||") return `(${this.expr(e.x)} ${e.op} ${this.expr(e.y)})`;
    if (e.op === "==" || e.op === "!=" || e.op === "<" || e.op === "<=" || e.op === ">" || e.op === ">=") {
      if (e.op === "==" || e.op === "!=") return this.eqCode(this.exprOrNil(e.x, yt), xt, this.exprOrNil(e.y, xt), yt, e.op, e.x, e.y);
      return `(${this.expr(e.x)} ${e.op} ${this.expr(e.y)})`;
    }
    const t = this.info.typeOf(e) as Type;
    const operand = (x: A.Expr): string =>
      basicKind(t) === "float32" && e.op !== "<<" && e.op !== ">>" ? this.valueFor(x, t) : this.expr(x);
    return this.arith(e.op, operand(e.x), operand(e.y), t, yt);
  }

  private exprOrNil(e: A.Expr, other: Type): string {
    if (isNilExpr(e, this.info)) return this.nilOf(other);
    return this.expr(e);
  }

  /** Go's == / != of two values (an interface against a concrete value boxes the concrete one). */
  private eqCode(a: string, at: Type, b: string, bt: Type, op: "==" | "!=", ae?: A.Expr, be?: A.Expr): string {
    const neg = op === "!=" ? "!" : "";
    const aNil = ae !== undefined && isNilExpr(ae, this.info);
    const bNil = be !== undefined && isNilExpr(be, this.info);
    if (aNil || bNil) {
      const other = aNil ? b : a;
      const ot = aNil ? bt : at;
      if (underlying(ot).kind === "chan") return `${neg}${LIB}.isNilChan(${other})`;
      return `(${other} ${op === "==" ? "===" : "!=="} null)`;
    }
    const au = underlying(at);
    const bu = underlying(bt);
    const aIface = au.kind === "interface" && at.kind !== "typeParam";
    const bIface = bu.kind === "interface" && bt.kind !== "typeParam";
    if (aIface !== bIface) {
      const boxed = aIface ? this.boxValue(b, bt, undefined) : this.boxValue(a, at, undefined);
      return `${neg}${LIB}.equal(${aIface ? a : boxed}, ${aIface ? boxed : b})`;
    }
    if (aIface || au.kind === "struct" || au.kind === "array" || at.kind === "typeParam") return `${neg}${LIB}.equal(${a}, ${b})`;
    if (au.kind === "pointer" && underlying(au.elem).kind !== "struct") return `${neg}${LIB}.ptrEq(${a}, ${b})`;
    if (au.kind === "chan") return `${neg}${LIB}.chanEq(${a}, ${b})`;
    return `(${a} ${op === "==" ? "===" : "!=="} ${b})`;
  }

  /** a op b for numbers and strings, with Go's integer semantics. */
  private arith(op: A.BinaryOp, a: string, b: string, t: Type, bt: Type): string {
    const k = t.kind === "typeParam" ? undefined : basicKind(t);
    if (t.kind === "typeParam") {
      if (op === "/") return `${LIB}.divAny(${this.types.desc(t)}, ${a}, ${b})`;
      if (op === "%") return `${LIB}.rem(${a}, ${b})`;
      return `(${a} ${op} ${b})`;
    }
    if (k === "string" || k === "untyped string") return `(${a} + ${b})`;
    if (k === "float64" || k === "untyped float") return `(${a} ${op} ${b})`;
    if (k === "float32") return `Math.fround(${a} ${op} ${b})`;
    const kind = JSON.stringify(k ?? "int");
    void bt;
    switch (op) {
      case "+":
      case "-":
        return isSized(k)
          ? `${LIB}.wrap(${kind}, ${a} ${op} ${b})`
          : k?.startsWith("u")
            ? `${LIB}.uint64(${a} ${op} ${b})`
            : `${LIB}.int64(${a} ${op} ${b})`;
      case "*":
        if (k === "int32") return `Math.imul(${a}, ${b})`;
        if (k === "uint32") return `(Math.imul(${a}, ${b}) >>> 0)`;
        return isSized(k) ? `${LIB}.wrap(${kind}, ${a} * ${b})` : `${LIB}.mul64(${a}, ${b}, ${k?.startsWith("u") === true})`;
      case "/":
        return `${LIB}.div(${kind}, ${a}, ${b})`;
      case "%":
        return `${LIB}.rem(${a}, ${b})`;
      case "<<":
        return `${LIB}.shl(${kind}, ${a}, ${b})`;
      case ">>":
        return `${LIB}.shr(${kind}, ${a}, ${b})`;
      case "&":
      case "|":
      case "^":
      case "&^":
        return `${LIB}.bits(${kind}, ${JSON.stringify(op)}, ${a}, ${b})`;
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
      case "&&":
      case "||":
        return `(${a} ${op} ${b})`;
    }
  }

  // -------------------------------------------------------------------------
  // Calls

  private signatureOf(call: A.CallExpr): Signature | undefined {
    const t = this.info.typeOf(call.fun);
    const u = t === undefined ? undefined : underlying(t);
    return u?.kind === "signature" ? u : undefined;
  }

  /** The arguments as JS, packed for a variadic parameter, converted to the parameters' types. */
  private callArgs(call: A.CallExpr, sig: Signature | undefined): string[] {
    if (sig === undefined) return call.args.map((a) => this.expr(a));
    const params = sig.params;
    // f(g()) with a multi-valued g: its results spread over the parameters (a variadic one packs the rest).
    if (call.args.length === 1) {
      const at = this.info.typeOf(call.args[0]!);
      if (at?.kind === "tuple") {
        const t = this.temp();
        const fixed = sig.variadic ? params.length - 1 : params.length;
        const conv = at.types.slice(0, fixed).map((x, i) => this.convertValue(`${t}[${i}]`, x, params[i]!.type));
        if (sig.variadic) {
          const elemT = (underlying(params[fixed]!.type) as { elem: Type }).elem;
          const rest = at.types.slice(fixed).map((x, i) => this.convertValue(`${t}[${fixed + i}]`, x, elemT));
          conv.push(rest.length === 0 ? "null" : `${LIB}.Slice.of([${rest.join(", ")}])`);
        }
        return [`...((${t}) => [${conv.join(", ")}])(${this.expr(call.args[0]!)})`];
      }
    }
    if (!sig.variadic || call.ellipsis) {
      return call.args.map((a, i) => {
        const p = params[Math.min(i, params.length - 1)];
        return p === undefined ? this.expr(a) : this.valueFor(a, p.type);
      });
    }
    const fixed = params.length - 1;
    const out = call.args.slice(0, fixed).map((a, i) => this.valueFor(a, params[i]!.type));
    const restT = params[fixed]!.type;
    const elemT = (underlying(restT) as { elem: Type }).elem;
    const rest = call.args.slice(fixed);
    out.push(rest.length === 0 ? "null" : `${LIB}.Slice.of([${rest.map((a) => this.valueFor(a, elemT)).join(", ")}])`);
    return out;
  }

  /** A JS value of type `from` where type `to` is wanted (boxing into an interface). */
  private convertValue(code: string, from: Type, to: Type): string {
    if (underlying(to).kind === "interface" && underlying(from).kind !== "interface") return this.boxValue(code, from, undefined);
    return code;
  }

  private call(e: A.CallExpr, subst?: Map<string, A.Expr>): string {
    const tv = this.info.types.get(e.fun);
    if (tv?.mode === "typexpr") return this.conversion(e, tv.type, subst);
    if (tv?.mode === "builtin") return this.builtin(e, subst);
    const f = unparen(e.fun);
    const sig = this.signatureOf(e);
    const args = this.callArgs(e, sig);
    const awaited = this.blocking.awaited.has(e);
    const aw = awaited ? "await " : "";
    // Methods: static calls go straight to the method's function; interfaces dispatch.
    if (f.kind === "selector") {
      const sel = this.info.selections.get(f);
      if (sel?.kind === "method") {
        const recv = this.methodRecv(f, sel);
        if (sel.viaInterface) return `(${aw}${LIB}.icall(${[recv, JSON.stringify(f.sel.name), ...args].join(", ")}))`;
        const owner = sel.owner as Named;
        const n = owner.origin?.generic ?? owner;
        if (n.pkg !== undefined && n.pkg !== "main") {
          const std = underlying(n).kind === "struct";
          const at = `${this.at(e.pos)}, `;
          if (std) return `(${at}${aw}${LIB}.nn(${recv}).${f.sel.name}(${args.join(", ")}))`;
          return `(${at}${aw}${stdPackage(n.pkg)}.${n.name}$${f.sel.name}(${[recv, ...args].join(", ")}))`;
        }
        return `(${aw}${this.methodName(n, f.sel.name)}(${[recv, ...args].join(", ")}))`;
      }
      if (sel?.kind === "pkgMember") {
        const at = `${this.at(e.pos)}, `;
        return `(${at}${aw}${this.selector(f)}(${args.join(", ")}))`;
      }
    }
    // A generic function: its type arguments go first, as descriptors.
    let typeArgs: string[] = [];
    const fnObj =
      f.kind === "ident"
        ? this.info.uses.get(f)
        : f.kind === "index" && unparen(f.x).kind === "ident"
          ? this.info.uses.get(unparen(f.x) as A.Ident)
          : undefined;
    let fnCode: string;
    if (fnObj?.kind === "func" && fnObj.type.kind === "signature" && fnObj.type.typeParams.length > 0 && sig !== undefined) {
      typeArgs = this.typeArgs(fnObj.type, sig).map((t) => this.types.desc(t));
      fnCode = fnObj.pkg === "main" ? this.nameOf(fnObj, fnObj.name) : `$std[${JSON.stringify(fnObj.pkg)}].${fnObj.name}`;
      if (fnObj.pkg !== "main") typeArgs = [];
    } else {
      fnCode = this.funcValue(e);
    }
    return `(${aw}${fnCode}(${[...typeArgs, ...args].join(", ")}))`;
  }

  /** The function a call calls, as a JS value (a nil func panics when called, as Go's). */
  private funcValue(call: A.CallExpr): string {
    const f = unparen(call.fun);
    if (f.kind === "ident") {
      const obj = this.info.uses.get(f);
      if (obj?.kind === "func") return this.ident(f);
      return `${LIB}.nn(${this.expr(f)})`;
    }
    if (f.kind === "funcLit") return this.expr(f);
    return `${LIB}.nn(${this.expr(f)})`;
  }

  /** A generic signature's type arguments, read off its instance. */
  private typeArgs(generic: Signature, inst: Signature): Type[] {
    const found = new Map<number, Type>();
    const unify = (p: Type, a: Type): void => {
      if (p.kind === "typeParam") {
        if (!found.has(p.id)) found.set(p.id, a);
        return;
      }
      const au = a;
      switch (p.kind) {
        case "pointer":
        case "slice":
        case "array":
        case "chan":
          if ("elem" in au) unify(p.elem, (au as { elem: Type }).elem);
          return;
        case "map":
          if (au.kind === "map") {
            unify(p.key, au.key);
            unify(p.elem, au.elem);
          }
          return;
        case "signature":
          if (au.kind === "signature") {
            p.params.forEach((x, i) => au.params[i] !== undefined && unify(x.type, au.params[i].type));
            p.results.forEach((x, i) => au.results[i] !== undefined && unify(x.type, au.results[i].type));
          }
          return;
        case "named":
          if (au.kind === "named" && p.origin !== undefined && au.origin !== undefined)
            p.origin.args.forEach((x, i) => unify(x, au.origin!.args[i]!));
          return;
        case "basic":
        case "interface":
        case "struct":
        case "tuple":
          return;
      }
    };
    generic.params.forEach((p, i) => inst.params[i] !== undefined && unify(p.type, inst.params[i].type));
    generic.results.forEach((p, i) => inst.results[i] !== undefined && unify(p.type, inst.results[i].type));
    return generic.typeParams.map((tp) => found.get(tp.id) ?? BASIC_INT);
  }

  private conversion(e: A.CallExpr, to: Type, subst?: Map<string, A.Expr>): string {
    const arg = e.args[0]!;
    const argE = subst?.get((arg as A.Ident).name) ?? arg;
    const from = this.info.typeOf(argE) as Type;
    const code = this.expr(arg);
    const tv = this.info.types.get(e);
    if (tv?.mode === "constant" && tv.value !== undefined && subst === undefined) return this.constant(tv.value, tv.type, e);
    const tu = underlying(to);
    const fu = underlying(from);
    if (isNilExpr(argE, this.info)) return this.nilOf(to);
    if (tu.kind === "interface") return fu.kind === "interface" ? code : this.boxValue(code, from, argE);
    if (tu.kind === "basic" && fu.kind === "basic") {
      const tk = basicKind(to) as string;
      const fk = basicKind(from) as string;
      if (tk === "string") {
        if (fk === "string") return code;
        return `${LIB}.runeString(${code})`;
      }
      const fromFloat = fk === "float64" || fk === "float32";
      if (tk === "float64") return code;
      if (tk === "float32") return `Math.fround(${code})`;
      if (fromFloat) return `${LIB}.floatToInt(${JSON.stringify(tk)}, ${code})`;
      if (tk === fk || (tk === "int" && fk === "int64") || (tk === "int64" && fk === "int")) return code;
      return `${LIB}.wrap(${JSON.stringify(tk)}, ${code})`;
    }
    if (tu.kind === "basic" && isString(tu) && fu.kind === "slice") {
      const ek = basicKind(fu.elem);
      return ek === "uint8" ? `${LIB}.bytesToString(${code})` : `${LIB}.runesToString(${code})`;
    }
    if (tu.kind === "slice" && fu.kind === "basic") {
      const ek = basicKind(tu.elem);
      return ek === "uint8" ? `${LIB}.stringToBytes(${code})` : `${LIB}.stringToRunes(${code})`;
    }
    if (to.kind === "typeParam" || from.kind === "typeParam") return `${LIB}.convertAny(${this.types.desc(to)}, ${code})`;
    if (this.types.isValueAggregate(to) && isAddressable(argE)) return this.types.clone(code, from);
    // Between named types of one underlying type: the same JS value; a struct's class follows its type.
    if (tu.kind === "struct" && !identical(to, from)) return this.setStruct(this.types.zero(to), code, to);
    return code;
  }

  private builtin(e: A.CallExpr, subst?: Map<string, A.Expr>): string {
    const name = (unparen(e.fun) as A.Ident).name;
    const arg = (i: number): A.Expr => {
      const a = e.args[i]!;
      return subst?.get((a as A.Ident).name) ?? a;
    };
    const code = (i: number): string => this.expr(e.args[i]!);
    switch (name) {
      case "len": {
        const t = underlying(this.info.typeOf(arg(0)) as Type);
        if (t.kind === "chan") return `${code(0)}.len()`;
        if (t.kind === "basic") return `${code(0)}.length`;
        if (t.kind === "array") return String(t.length);
        if (t.kind === "pointer") return String((underlying(t.elem) as { length: number }).length);
        return `${LIB}.len(${code(0)})`;
      }
      case "cap": {
        const t = underlying(this.info.typeOf(arg(0)) as Type);
        if (t.kind === "chan") return `${code(0)}.cap()`;
        if (t.kind === "array") return String(t.length);
        return `((s) => s === null ? 0 : s.cap)(${code(0)})`;
      }
      case "append": {
        const st = this.info.typeOf(e) as Type;
        const elemT = (underlying(st) as { elem: Type }).elem;
        const growth = `${this.types.sizeOf(elemT)}, () => ${this.types.zero(elemT)}`;
        if (e.ellipsis) return `${LIB}.appendSlice(${code(0)}, ${code(1)}, ${growth})`;
        const items = e.args.slice(1).map((a) => this.valueFor(a, elemT));
        return `${LIB}.append(${code(0)}, [${items.join(", ")}], ${growth})`;
      }
      case "copy":
        return `${LIB}.copy(${code(0)}, ${code(1)})`;
      case "delete": {
        const mt = underlying(this.info.typeOf(arg(0)) as Type) as { key: Type };
        return `${LIB}.mapDelete(${code(0)}, ${this.valueFor(e.args[1]!, mt.key)})`;
      }
      case "make": {
        const t = this.typeOfTypeExpr(e.args[0]!);
        const u = underlying(t);
        if (u.kind === "slice")
          return `${LIB}.makeSlice(${code(1)}, ${e.args[2] === undefined ? "undefined" : code(2)}, () => ${this.types.zero(u.elem)})`;
        if (u.kind === "map") return this.makeMap(u.key);
        if (u.kind === "chan") {
          const chanName = this.chanNameFor(e);
          return `(${this.at(e.pos)}, $rt.chan(${e.args[1] === undefined ? "0" : code(1)}, ${chanName}))`;
        }
        this.error(e.pos, "make of this type");
        break;
      }
      case "new": {
        const t = this.typeOfTypeExpr(e.args[0]!);
        if (underlying(t).kind === "struct") return this.types.zero(t);
        return `${LIB}.ptrTo({ $: ${this.types.zero(t)} })`;
      }
      case "close":
        return `(${this.at(e.pos)}, ${code(0)}.close())`;
      case "panic":
        return `${LIB}.panic(${this.valueFor(e.args[0]!, EMPTY_IFACE)})`;
      case "recover":
        return `${LIB}.recover()`;
      case "print":
      case "println":
        return `$host.stderr(${LIB}.sprint${name === "println" ? "ln" : ""}([${e.args.map((a) => this.boxValue(this.expr(a), this.info.typeOf(a) as Type, a)).join(", ")}]))`;
      case "min":
      case "max": {
        const t = this.info.typeOf(e) as Type;
        const k = basicKind(t);
        const args = e.args.map((a) => this.valueFor(a, t));
        if (k === "string") return `[${args.join(", ")}].reduce((a, b) => (b ${name === "min" ? "<" : ">"} a ? b : a))`;
        return `Math.${name}(${args.join(", ")})`;
      }
      case "clear": {
        const t = underlying(this.info.typeOf(arg(0)) as Type);
        if (t.kind === "map") return `((m) => m?.entries.clear())(${code(0)})`;
        if (t.kind === "slice") return `${LIB}.clearSlice(${code(0)}, () => ${this.types.zero(t.elem)})`;
        break;
      }
    }
    this.error(e.pos, `the builtin ${name} here`);
  }

  /** A channel made by `name := make(chan …)` or `x.name = make(…)` is named `name` in the trace. */
  private chanNameFor(e: A.CallExpr): string {
    const n = this.chanNames.get(e);
    return n === undefined ? "undefined" : JSON.stringify(n);
  }

  private readonly chanNames = new Map<A.CallExpr, string>();

  /** Names each make(chan) by what it is assigned to. */
  nameChannels(): void {
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(visit);
      const n = node as { kind?: string };
      const name = (l: A.Expr): string | undefined => (l.kind === "ident" ? l.name : l.kind === "selector" ? l.sel.name : undefined);
      if (n.kind === "assign") {
        const a = n as A.AssignStmt;
        a.rhs.forEach((r, i) => {
          const l = a.lhs[i];
          if (r.kind === "call" && l !== undefined) {
            const nm = name(l);
            if (nm !== undefined && nm !== "_") this.chanNames.set(r, nm);
          }
        });
      }
      if (n.kind === "declStmt" || n.kind === "var") {
        const specs =
          n.kind === "declStmt"
            ? ((n as A.DeclStmt).decl as { specs?: readonly A.ValueSpec[] }).specs
            : (n as { specs?: readonly A.ValueSpec[] }).specs;
        for (const s of specs ?? []) {
          if (!("values" in s)) continue;
          s.values.forEach((v, i) => {
            const id = s.names[i];
            if (v.kind === "call" && id !== undefined) this.chanNames.set(v, id.name);
          });
        }
      }
      if (n.kind === "compositeLit") {
        for (const el of (n as A.CompositeLit).elements) {
          if (el.value.kind === "call" && el.key?.kind === "ident") this.chanNames.set(el.value, el.key.name);
        }
      }
      for (const v of Object.values(n)) if (v !== null && typeof v === "object") visit(v);
    };
    visit(this.file.decls);
  }

  private chanExpr(e: A.Expr): string {
    return this.expr(e);
  }

  private chanElem(e: A.Expr): Type {
    const t = underlying(this.info.typeOf(e) as Type);
    return t.kind === "chan" ? t.elem : BASIC_INT;
  }
}

// ---------------------------------------------------------------------------

const BASIC_INT: Type = { kind: "basic", basic: "int", name: "int" };
const BASIC_INT32: Type = { kind: "basic", basic: "int32", name: "rune" };
const BASIC_BOOL: Type = { kind: "basic", basic: "bool", name: "bool" };
const EMPTY_IFACE: Type = { kind: "interface", methods: [], terms: undefined, comparable: false };

function isStdType(t: Type): boolean {
  return t.kind === "named" && t.pkg !== undefined && t.pkg !== "main";
}

function objType(obj: GoObject): Type {
  return "type" in obj ? obj.type : BASIC_INT;
}

function unparen(e: A.Expr): A.Expr {
  let x = e;
  while (x.kind === "paren") x = x.x;
  return x;
}

function isNilExpr(e: A.Expr, info: Info): boolean {
  const x = unparen(e);
  if (x.kind !== "ident" || x.name !== "nil") return false;
  return info.uses.get(x)?.kind === "nil";
}

/** Reads a variable, field, element or pointee (a value there must be copied when assigned elsewhere). */
function isAddressable(e: A.Expr): boolean {
  const x = unparen(e);
  return x.kind === "ident" || x.kind === "selector" || x.kind === "index" || x.kind === "star";
}

function isSimpleKey(t: Type): boolean {
  const u = underlying(t);
  return u.kind === "basic" || u.kind === "pointer" || u.kind === "chan";
}

const DEFAULT_TYPES: Readonly<Partial<Record<string, Type>>> = {
  "untyped bool": BASIC_BOOL,
  "untyped int": BASIC_INT,
  "untyped rune": BASIC_INT32,
  "untyped float": { kind: "basic", basic: "float64", name: "float64" },
  "untyped string": { kind: "basic", basic: "string", name: "string" },
};

/** An untyped constant's default type, as Go gives it where a typed value is needed (an interface). */
function defaultType(t: Type): Type {
  return t.kind === "basic" ? (DEFAULT_TYPES[t.basic] ?? t) : t;
}

function numberLit(n: number, kind: string | undefined): string {
  const v = kind === "float32" ? Math.fround(n) : n;
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${String(v)})` : String(v);
}

function wrapNeg(x: string): string {
  return x.startsWith("-") ? `(${x})` : x;
}

function containsDefer(body: A.Block): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string };
    if (n.kind === "funcLit") return;
    if (n.kind === "defer") {
      found = true;
      return;
    }
    for (const v of Object.values(n)) if (v !== null && typeof v === "object") visit(v);
  };
  visit(body.stmts);
  return found;
}
