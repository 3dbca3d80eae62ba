// The type checker's state and its package level: it declares every
// package-level name, resolves types in any order (Go allows using a type
// before its declaration), evaluates constants with iota, attaches methods to
// their receivers' types, then checks each function's body (stmts.ts) and
// says what Go says about unused imports. Messages are Go 1.19's.

import type * as A from "../syntax/ast";
import { MAX_DIAGNOSTICS, notSupported, type Diagnostic } from "../syntax/diagnostics";
import { exprString } from "../syntax/exprString";
import { assignable, defaultType } from "./assign";
import { constString, toInt } from "./constant";
import { checkExpr, convertUntyped, type Operand } from "./exprs";
import { Info } from "./info";
import { sortedMethods } from "./lookup";
import { Scope, universe, type GoObject } from "./scope";
import { checkFuncBody } from "./stmts";
import { substitute } from "./subst";
import { satisfies } from "./exprs";
import {
  BASIC,
  EMPTY_INTERFACE,
  isInvalid,
  signature,
  typeString,
  underlying,
  type Interface,
  type Method,
  type Named,
  type Signature,
  type StructField,
  type Type,
  type TypeParam,
  type Var,
} from "./types";

/** The packages a program may import, each as the scope of its exported names (gofront's stdlib declarations). */
export type PackageTable = ReadonlyMap<string, { readonly name: string; readonly scope: Scope }>;

export interface CheckResult {
  /** The file checked: the tree Info's maps are keyed by. */
  readonly file: A.SourceFile;
  readonly info: Info;
  /** Sorted by position, at most Go's ten. */
  readonly diagnostics: readonly Diagnostic[];
}

type Pending =
  | { readonly kind: "type"; readonly spec: A.TypeSpec; readonly named: Named | undefined }
  | { readonly kind: "const"; readonly spec: A.ValueSpec; readonly index: number }
  | { readonly kind: "var"; readonly spec: A.ValueSpec; readonly index: number }
  | { readonly kind: "func"; readonly decl: A.FuncDecl };

export class Checker {
  readonly info = new Info();
  readonly universe = universe();
  readonly pkgScope = new Scope(this.universe, "package");
  readonly fileScope = new Scope(this.pkgScope, "file");
  private readonly diagnostics: Diagnostic[] = [];
  private readonly pending = new Map<GoObject, Pending>();
  private readonly state = new Map<GoObject, "resolving" | "done">();
  /** Type names being resolved, innermost last: a direct self-reference among them is Go's "invalid recursive type". */
  private readonly typeStack: GoObject[] = [];
  private typeParamIds = 0;
  /** The value iota has in the constant declaration being checked. */
  iota: bigint | undefined;

  /** The package's name, as %T and messages qualify its types ("main", "time"). */
  readonly pkgName: string;

  constructor(
    readonly file: A.SourceFile,
    readonly packages: PackageTable,
    /** The import path of a standard package's declarations (then bodies may be absent); undefined for the program. */
    readonly declarationsOf?: string,
  ) {
    this.pkgName = file.pkg.name;
  }

  error(pos: A.Pos, message: string): void {
    this.diagnostics.push({ file: this.file.file, pos, message });
  }

  result(): CheckResult {
    const sorted = [...this.diagnostics].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
    // One message per place: a construct refused once is not refused again by what depends on it.
    const unique = sorted.filter((d, i) => i === 0 || d.message !== sorted[i - 1]?.message || d.pos.line !== sorted[i - 1]?.pos.line);
    return { file: this.file, info: this.info, diagnostics: unique.slice(0, MAX_DIAGNOSTICS) };
  }

  newTypeParam(name: string): TypeParam {
    return { kind: "typeParam", name, constraint: EMPTY_INTERFACE, id: ++this.typeParamIds };
  }

  // ---------------------------------------------------------------------------
  // The package

  run(): CheckResult {
    const program = this.declarationsOf === undefined;
    if (program && this.file.pkg.name !== "main")
      this.error(this.file.pkg.pos, `package ${this.file.pkg.name} is not a main package: chanscope runs package main`);
    this.collect();
    for (const obj of [...this.pending.keys()]) this.resolve(obj);
    this.attachMethods();
    if (program && this.pkgScope.own("main")?.kind !== "func")
      this.error({ line: 1, col: 1 }, "function main is undeclared in the main package");
    for (const d of this.file.decls) if (d.kind === "func" && d.body !== undefined) this.funcDecl(d);
    for (const o of this.fileScope.objects())
      if (o.kind === "pkgName" && !o.used && o.pos !== undefined) this.error(o.pos, `imported and not used: ${JSON.stringify(o.path)}`);
    return this.result();
  }

  private collect(): void {
    for (const imp of this.file.imports) {
      const pkg = this.packages.get(imp.path);
      if (pkg === undefined) {
        this.error(imp.pos, notSupported(`package ${JSON.stringify(imp.path)}`));
        continue;
      }
      const name = imp.name?.name ?? pkg.name;
      if (name === "_") continue;
      this.declare(this.fileScope, { kind: "pkgName", name, pos: imp.pos, path: imp.path, used: false }, imp.pos);
    }
    for (const d of this.file.decls) {
      switch (d.kind) {
        case "import":
          break;
        case "type":
          for (const spec of d.specs) {
            const obj: GoObject = { kind: "typeName", name: spec.name.name, pos: spec.name.pos, type: BASIC.invalid };
            this.info.defs.set(spec.name, obj);
            if (this.declare(this.pkgScope, obj, spec.name.pos)) this.pending.set(obj, { kind: "type", spec, named: undefined });
          }
          break;
        case "const":
          for (const spec of d.specs)
            spec.names.forEach((n, index) => {
              const obj: GoObject = {
                kind: "const",
                name: n.name,
                pos: n.pos,
                type: BASIC.invalid,
                value: { kind: "int", value: 0n },
                used: false,
              };
              this.info.defs.set(n, obj);
              if (this.declare(this.pkgScope, obj, n.pos)) this.pending.set(obj, { kind: "const", spec, index });
            });
          break;
        case "var":
          for (const spec of d.specs)
            spec.names.forEach((n, index) => {
              // Package-level variables need no use: Go does not report them.
              const obj: GoObject = {
                kind: "var",
                name: n.name,
                pos: n.pos,
                type: BASIC.invalid,
                used: true,
                isParam: false,
                captured: false,
                addressed: false,
              };
              this.info.defs.set(n, obj);
              if (this.declare(this.pkgScope, obj, n.pos)) this.pending.set(obj, { kind: "var", spec, index });
            });
          break;
        case "func": {
          if (d.recv !== undefined) break;
          if (d.name.name === "init") {
            if (d.type.params.length > 0 || d.type.results.length > 0)
              this.error(d.name.pos, "func init must have no arguments and no return values");
            break;
          }
          if (this.declarationsOf === undefined && d.name.name === "main" && (d.type.params.length > 0 || d.type.results.length > 0))
            this.error(d.name.pos, "func main must have no arguments and no return values");
          const obj: GoObject = {
            kind: "func",
            name: d.name.name,
            pos: d.name.pos,
            type: BASIC.invalid,
            pkg: this.declarationsOf ?? "main",
          };
          this.info.defs.set(d.name, obj);
          if (this.declare(this.pkgScope, obj, d.name.pos)) this.pending.set(obj, { kind: "func", decl: d });
          break;
        }
      }
    }
  }

  /** Declares obj, or says it is redeclared (Go: "x redeclared in this block"); true when declared. */
  declare(scope: Scope, obj: GoObject, pos: A.Pos): boolean {
    const previous = scope.declare(obj);
    if (previous === undefined) return true;
    this.error(pos, `${obj.name} redeclared in this block`);
    return false;
  }

  /** Resolves a package-level object on first use (any declaration order). */
  resolve(obj: GoObject): void {
    const p = this.pending.get(obj);
    if (p === undefined || this.state.get(obj) === "done") return;
    if (this.state.get(obj) === "resolving") {
      if (p.kind === "const" || p.kind === "var")
        this.error(obj.pos ?? { line: 1, col: 1 }, `initialization cycle or invalid recursive reference to ${obj.name}`);
      return;
    }
    this.state.set(obj, "resolving");
    switch (p.kind) {
      case "type":
        this.typeDecl(obj, p.spec, this.fileScope);
        break;
      case "const":
        this.constDecl(obj, p.spec, p.index, this.fileScope);
        break;
      case "var":
        this.packageVar(obj, p.spec, p.index);
        break;
      case "func":
        if (obj.kind === "func") obj.type = this.funcSignature(p.decl.type, this.fileScope).signature;
        break;
    }
    this.state.set(obj, "done");
  }

  // ---------------------------------------------------------------------------
  // Declarations (package level and in functions)

  typeDecl(obj: GoObject, spec: A.TypeSpec, scope: Scope): void {
    if (obj.kind !== "typeName") return;
    if (spec.alias) {
      if (spec.typeParams.length > 0) this.error(spec.pos, notSupported("a generic type alias"));
      obj.type = this.typeExpr(spec.type, scope);
      return;
    }
    const named: Named = { kind: "named", name: spec.name.name, pkg: this.pkgName, underlying: BASIC.invalid, methods: [], typeParams: [] };
    obj.type = named;
    let inner = scope;
    if (spec.typeParams.length > 0) {
      // A generic type: its parameters in a scope of their own, their constraints read there.
      inner = new Scope(scope, "block");
      named.typeParams = this.declareTypeParams(spec.typeParams, inner);
    }
    this.typeStack.push(obj);
    try {
      const t = this.typeExpr(spec.type, inner, true);
      named.underlying = underlying(t);
    } finally {
      this.typeStack.pop();
    }
    // Instances made while the type was being read (List[T] inside List) get its underlying type now.
    for (const instance of this.instances.get(named)?.values() ?? [])
      instance.underlying = this.instanceUnderlying(named, instance.origin?.args ?? []);
  }

  /** Declares type parameters (`[K comparable, V any]`) in `scope`; their constraints are read after all are declared. */
  declareTypeParams(fields: readonly A.Field[], scope: Scope): TypeParam[] {
    const params: TypeParam[] = [];
    for (const f of fields)
      for (const n of f.names) {
        const tp = this.newTypeParam(n.name);
        params.push(tp);
        const obj: GoObject = { kind: "typeName", name: n.name, pos: n.pos, type: tp };
        this.info.defs.set(n, obj);
        this.declare(scope, obj, n.pos);
      }
    let i = 0;
    for (const f of fields) {
      const constraint = this.typeExpr(f.type, scope);
      for (const _ of f.names) {
        const tp = params[i++];
        if (tp !== undefined) tp.constraint = constraint;
      }
    }
    return params;
  }

  // ---------------------------------------------------------------------------
  // Generic types

  private readonly instances = new Map<Named, Map<string, Named>>();
  private methodsAttached = false;

  /** A generic type's instance for these arguments: one object per distinct argument list, so identical instances are ===. */
  readonly instantiateNamed = (generic: Named, args: readonly Type[]): Named => {
    const key = args.map((a) => typeString(a, true) + (a.kind === "typeParam" ? `#${a.id}` : "")).join(", ");
    let byArgs = this.instances.get(generic);
    if (byArgs === undefined) {
      byArgs = new Map();
      this.instances.set(generic, byArgs);
    }
    const seen = byArgs.get(key);
    if (seen !== undefined) return seen;
    const instance: Named = {
      kind: "named",
      name: generic.name,
      pkg: generic.pkg,
      underlying: BASIC.invalid,
      methods: [],
      typeParams: [],
      origin: { generic, args },
    };
    byArgs.set(key, instance);
    if (!isInvalid(generic.underlying)) instance.underlying = this.instanceUnderlying(generic, args);
    if (this.methodsAttached) this.instanceMethods(instance);
    return instance;
  };

  private typeParamMap(params: readonly TypeParam[], args: readonly Type[]): Map<number, Type> {
    const map = new Map<number, Type>();
    params.forEach((tp, i) => map.set(tp.id, args[i] ?? BASIC.invalid));
    return map;
  }

  private instanceUnderlying(generic: Named, args: readonly Type[]): Type {
    return substitute(generic.underlying, this.typeParamMap(generic.typeParams, args), this.instantiateNamed);
  }

  private instanceMethods(instance: Named): void {
    const generic = instance.origin?.generic;
    if (generic === undefined) return;
    instance.methods.length = 0;
    for (const m of generic.methods) {
      const map = this.typeParamMap(m.recvTypeParams ?? [], instance.origin?.args ?? []);
      instance.methods.push({
        name: m.name,
        pointerReceiver: m.pointerReceiver,
        signature: substitute(m.signature, map, this.instantiateNamed) as Signature,
      });
    }
  }

  constDecl(obj: GoObject, spec: A.ValueSpec, index: number, scope: Scope): void {
    if (obj.kind !== "const") return;
    const e = spec.values[index];
    if (e === undefined) {
      this.error(
        obj.pos ?? spec.pos,
        spec.values.length === 0 ? "missing init expr for const declaration" : "missing init expr for const declaration",
      );
      obj.type = BASIC.invalid;
      return;
    }
    if (index === spec.names.length - 1 && spec.values.length > spec.names.length)
      this.error(spec.values[spec.names.length]?.pos ?? spec.pos, "extra init expr");
    const saved = this.iota;
    this.iota = BigInt(spec.iota);
    try {
      let x = checkExpr(this, e, scope);
      if (x.mode !== "constant") {
        if (!isInvalid(x.type)) this.error(e.pos, `${exprString(e)} (${describe(x)}) is not constant`);
        obj.type = BASIC.invalid;
        return;
      }
      if (spec.type !== undefined) {
        const t = this.typeExpr(spec.type, scope);
        x = this.assignTo(x, e, t, "constant declaration");
      }
      obj.type = x.type;
      if (x.value !== undefined) obj.value = x.value;
    } finally {
      this.iota = saved;
    }
  }

  private packageVar(obj: GoObject, spec: A.ValueSpec, index: number): void {
    if (obj.kind !== "var") return;
    const declared = spec.type === undefined ? undefined : this.typeExpr(spec.type, this.fileScope);
    if (spec.values.length === 0) {
      obj.type = declared ?? BASIC.invalid;
      return;
    }
    const types = this.initTypes(spec.names, spec.values, declared, this.fileScope, "variable declaration");
    obj.type = types[index] ?? BASIC.invalid;
  }

  /**
   * The types of `names = values` (one value per name, or one call or
   * comma-ok expression giving them all), each value assigned to the declared
   * type if there is one, else to its default type.
   */
  initTypes(names: readonly A.Ident[], values: readonly A.Expr[], declared: Type | undefined, scope: Scope, context: string): Type[] {
    if (values.length === 1 && names.length > 1) {
      const only = values[0] as A.Expr;
      const x = checkExpr(this, only, scope, names.length === 2);
      const types = x.type.kind === "tuple" ? x.type.types : x.mode === "commaok" ? [x.type, BASIC.bool] : [x.type];
      if (types.length !== names.length) {
        if (!isInvalid(x.type))
          this.error(names[0]?.pos ?? only.pos, `assignment mismatch: ${names.length} variables but ${callOrValues(only, types.length)}`);
        return names.map(() => BASIC.invalid);
      }
      if (x.mode === "commaok") this.info.types.set(only, { mode: "commaok", type: x.type });
      return types.map((t) => declared ?? defaultType(t));
    }
    if (values.length !== names.length) {
      this.error(
        names[0]?.pos ?? values[0]?.pos ?? { line: 1, col: 1 },
        `assignment mismatch: ${names.length} variable${names.length === 1 ? "" : "s"} but ${values.length} value${values.length === 1 ? "" : "s"}`,
      );
      values.forEach((v) => checkExpr(this, v, scope));
      return names.map(() => declared ?? BASIC.invalid);
    }
    return values.map((v) => {
      const x = checkExpr(this, v, scope);
      if (x.mode === "novalue") {
        this.error(v.pos, `${exprString(v)} (no value) used as value`);
        return BASIC.invalid;
      }
      if (x.type.kind === "tuple") {
        // A var declaration says "multiple-value" here; := and = say "assignment mismatch" (types2 takes two paths).
        this.error(v.pos, `multiple-value ${exprString(v)} (value of type ${typeString(x.type)}) in single-value context`);
        return BASIC.invalid;
      }
      if (x.mode === "typexpr") {
        this.error(v.pos, `${exprString(v)} (type) is not an expression`);
        return BASIC.invalid;
      }
      if (declared !== undefined) {
        this.assignTo(x, v, declared, context);
        return declared;
      }
      if (x.type.kind === "basic" && x.type.basic === "untyped nil") {
        this.error(v.pos, `use of untyped nil in ${context}`);
        return BASIC.invalid;
      }
      return this.assignTo(x, v, defaultType(x.type), context).type;
    });
  }

  /** x assigned to type t: an untyped value converted (and its range checked), else Go's assignability; the error as Go words it. */
  assignTo(x: Operand, e: A.Expr, t: Type, context: string): Operand {
    if (isInvalid(x.type) || isInvalid(t)) return { ...x, type: t };
    const converted = convertUntyped(this, x, e, t, context);
    if (converted === undefined) return { ...x, mode: "value", type: BASIC.invalid };
    const ok = assignable(converted.type, t);
    if (!ok.ok) {
      // Go 1.19 words an interface mismatch on two lines, with why.
      this.error(
        e.pos,
        ok.why === undefined
          ? `cannot use ${exprString(e)} (${describe(converted)}) as type ${typeString(t)} in ${context}`
          : `cannot use ${exprString(e)} (${describe(converted)}) as type ${typeString(t)} in ${context}:\n\t${typeString(converted.type)} does not implement ${typeString(t)} (${ok.why})`,
      );
      return { ...converted, type: BASIC.invalid };
    }
    if (t !== converted.type && underlying(t).kind === "interface" && underlying(converted.type).kind !== "interface")
      this.info.implicits.set(e, t);
    return { ...converted, type: t };
  }

  private funcDecl(d: A.FuncDecl): void {
    const obj = d.recv === undefined ? this.pkgScope.own(d.name.name) : undefined;
    const sig = obj?.kind === "func" && obj.type.kind === "signature" ? obj.type : undefined;
    if (d.body === undefined) return;
    checkFuncBody(this, d, sig, this.fileScope);
  }

  // ---------------------------------------------------------------------------
  // Methods

  private readonly methodSigs = new Map<A.FuncDecl, Signature>();

  /** The signature of a method declaration, as attached to its receiver's type. */
  methodSignature(d: A.FuncDecl): Signature | undefined {
    return this.methodSigs.get(d);
  }

  private attachMethods(): void {
    for (const d of this.file.decls) {
      if (d.kind !== "func" || d.recv === undefined) continue;
      const recv = d.recv;
      let base = recv.type;
      let pointer = false;
      if (base.kind === "star") {
        base = base.x;
        pointer = true;
      }
      if (base.kind === "paren") base = base.x;
      // func (s *Stack[T]) Push(v T): the receiver names the type's parameters anew, for this method.
      let recvParams: A.Expr[] = [];
      if (base.kind === "index") {
        recvParams = [...base.indices];
        base = base.x;
      }
      if (base.kind !== "ident") {
        this.error(recv.type.pos, `invalid receiver type ${exprString(recv.type)}`);
        continue;
      }
      const obj = this.pkgScope.own(base.name) ?? this.fileScope.lookup(base.name);
      if (obj === undefined) {
        this.error(base.pos, `undefined: ${base.name}`);
        continue;
      }
      if (this.pkgScope.own(base.name) === undefined && obj.kind === "typeName") {
        this.error(recv.pos, `cannot define new methods on non-local type ${base.name}`);
        continue;
      }
      this.info.uses.set(base, obj);
      if (obj.kind !== "typeName" || obj.type.kind !== "named") {
        this.error(base.pos, `cannot define new methods on non-local type ${base.name}`);
        continue;
      }
      const named = obj.type;
      const u = named.underlying;
      if (u.kind === "pointer" || u.kind === "interface") {
        this.error(base.pos, `invalid receiver type ${base.name} (pointer or interface type)`);
        continue;
      }
      let methodScope = this.fileScope;
      let recvTypeParams: TypeParam[] | undefined;
      if (named.typeParams.length > 0 || recvParams.length > 0) {
        if (recvParams.length !== named.typeParams.length || !recvParams.every((p) => p.kind === "ident")) {
          this.error(recv.type.pos, `got ${recvParams.length} type parameters, but receiver base type declares ${named.typeParams.length}`);
          continue;
        }
        methodScope = new Scope(this.fileScope, "func");
        recvTypeParams = recvParams.map((p) => {
          const id = p;
          const tp = this.newTypeParam(id.name);
          const obj: GoObject = { kind: "typeName", name: id.name, pos: id.pos, type: tp };
          this.info.defs.set(id, obj);
          if (id.name !== "_") this.declare(methodScope, obj, id.pos);
          return tp;
        });
        const map = this.typeParamMap(named.typeParams, recvTypeParams);
        recvTypeParams.forEach((tp, i) => {
          tp.constraint = substitute((named.typeParams[i] as TypeParam).constraint, map, this.instantiateNamed);
        });
      }
      this.methodScopes.set(d, methodScope);
      const { signature: sig } = this.funcSignature(d.type, methodScope);
      this.methodSigs.set(d, sig);
      const name = d.name.name;
      if (name === "_") continue;
      const other = this.info.methodDecls.get(named)?.get(name);
      if (other !== undefined) {
        this.error(
          d.name.pos,
          `${named.name}.${name} redeclared in this block\n\t${this.file.file}:${other.name.pos.line}:${other.name.pos.col}: other declaration of ${name}`,
        );
        continue;
      }
      if (u.kind === "struct" && u.fields.some((f) => f.name === name)) {
        this.error(d.name.pos, `field and method with the same name ${name}`);
        continue;
      }
      let decls = this.info.methodDecls.get(named);
      if (decls === undefined) {
        decls = new Map();
        this.info.methodDecls.set(named, decls);
      }
      decls.set(name, d);
      named.methods.push(
        recvTypeParams === undefined
          ? { name, signature: sig, pointerReceiver: pointer }
          : { name, signature: sig, pointerReceiver: pointer, recvTypeParams },
      );
    }
    this.methodsAttached = true;
    for (const byArgs of this.instances.values()) for (const instance of byArgs.values()) this.instanceMethods(instance);
  }

  private readonly methodScopes = new Map<A.FuncDecl, Scope>();

  /** The scope a method's signature and body see: the file's, plus the receiver's type parameters for a generic type's method. */
  methodScope(d: A.FuncDecl): Scope | undefined {
    return this.methodScopes.get(d);
  }

  // ---------------------------------------------------------------------------
  // Types

  /** A function type's signature; type parameters are declared in a new scope, returned for the body. */
  funcSignature(t: A.FuncType, scope: Scope): { readonly signature: Signature; readonly scope: Scope } {
    let inner = scope;
    let typeParams: TypeParam[] = [];
    if (t.typeParams.length > 0) {
      inner = new Scope(scope, "func");
      typeParams = this.declareTypeParams(t.typeParams, inner);
    }
    const vars = (fields: readonly A.Field[]): Var[] =>
      fields.flatMap((f) => {
        const t0 = this.typeExpr(f.type, inner);
        const type: Type = f.variadic ? { kind: "slice", elem: t0 } : t0;
        return f.names.length === 0 ? [{ name: "", type }] : f.names.map((n) => ({ name: n.name, type }));
      });
    const params = vars(t.params);
    t.params.forEach((f, i) => {
      if (f.variadic && i !== t.params.length - 1) this.error(f.pos, "can only use ... with final parameter in list");
    });
    const variadic = t.params.at(-1)?.variadic ?? false;
    return { signature: signature(params, vars(t.results), variadic, typeParams), scope: inner };
  }

  /**
   * The type an expression denotes. `direct` is set while reading a named
   * type's own definition outside any pointer, slice, map, chan or func: a
   * reference back to it there is an invalid recursive type.
   */
  typeExpr(e: A.Expr, scope: Scope, direct = false): Type {
    const t = this.typeExprInner(e, scope, direct);
    if (t.kind === "named" && t.typeParams.length > 0 && t.origin === undefined) {
      this.error(
        e.pos,
        `cannot use generic type ${t.name}[${t.typeParams.map((p) => `${p.name} ${typeString(p.constraint)}`).join(", ")}] without instantiation`,
      );
      this.info.types.set(e, { mode: "typexpr", type: BASIC.invalid });
      return BASIC.invalid;
    }
    this.info.types.set(e, { mode: "typexpr", type: t });
    return t;
  }

  private typeExprInner(e: A.Expr, scope: Scope, direct: boolean): Type {
    switch (e.kind) {
      case "ident": {
        const obj = scope.lookup(e.name);
        if (obj === undefined) {
          this.error(e.pos, e.name === "_" ? "cannot use _ as value or type" : `undefined: ${e.name}`);
          return BASIC.invalid;
        }
        this.info.uses.set(e, obj);
        if (obj.kind !== "typeName") {
          this.error(e.pos, `${e.name} is not a type`);
          return BASIC.invalid;
        }
        if (this.typeStack.includes(obj)) {
          if (direct) {
            this.error(obj.pos ?? e.pos, `invalid recursive type ${obj.name}`);
            return BASIC.invalid;
          }
          return obj.type;
        }
        this.resolve(obj);
        return obj.type;
      }
      case "selector": {
        if (e.x.kind === "ident") {
          const pkg = scope.lookup(e.x.name);
          if (pkg?.kind === "pkgName") {
            pkg.used = true;
            this.info.uses.set(e.x, pkg);
            const member = this.packages.get(pkg.path)?.scope.own(e.sel.name);
            if (member === undefined) {
              this.error(e.sel.pos, `undefined: ${e.x.name}.${e.sel.name}`);
              return BASIC.invalid;
            }
            this.info.uses.set(e.sel, member);
            if (member.kind !== "typeName") {
              this.error(e.pos, `${exprString(e)} is not a type`);
              return BASIC.invalid;
            }
            return member.type;
          }
        }
        this.error(e.pos, `${exprString(e)} is not a type`);
        return BASIC.invalid;
      }
      case "paren":
        return this.typeExpr(e.x, scope, direct);
      case "star":
        return { kind: "pointer", elem: this.typeExpr(e.x, scope) };
      case "arrayType": {
        if (e.len === undefined) return { kind: "slice", elem: this.typeExpr(e.elem, scope) };
        const elem = this.typeExpr(e.elem, scope, direct);
        if (e.len === "...") {
          this.error(e.pos, "invalid use of [...] array (outside a composite literal)");
          return BASIC.invalid;
        }
        // A variable as a length is not a use of it, for Go (it reports both the length and the unused variable).
        const lenObj = e.len.kind === "ident" ? scope.lookup(e.len.name) : undefined;
        const wasUsed = lenObj?.kind === "var" ? lenObj.used : undefined;
        const n = checkExpr(this, e.len, scope);
        const len = n.mode === "constant" && n.value !== undefined ? toInt(n.value) : undefined;
        if (len === undefined) {
          if (lenObj?.kind === "var" && wasUsed !== undefined) lenObj.used = wasUsed;
          if (!isInvalid(n.type)) this.error(e.len.pos, `invalid array length ${exprString(e.len)}`);
          return BASIC.invalid;
        }
        if (len < 0n) {
          this.error(e.len.pos, `invalid array length ${exprString(e.len)} (untyped int constant ${len})`);
          return BASIC.invalid;
        }
        return { kind: "array", elem, length: Number(len) };
      }
      case "mapType": {
        const key = this.typeExpr(e.key, scope);
        const value = this.typeExpr(e.value, scope);
        if (!isInvalid(key) && !comparableKey(key)) this.error(e.key.pos, `invalid map key type ${typeString(key)}`);
        return { kind: "map", key, elem: value };
      }
      case "chanType":
        return { kind: "chan", elem: this.typeExpr(e.value, scope), dir: e.dir };
      case "funcType":
        if (e.typeParams.length > 0) this.error(e.pos, "function type must have no type parameters");
        return this.funcSignature(e, scope).signature;
      case "structType": {
        const fields: StructField[] = [];
        const seen = new Set<string>();
        for (const f of e.fields) {
          const t = this.typeExpr(f.type, scope, direct);
          const names = f.embedded ? [embeddedName(f.type)] : f.names.map((n) => n.name);
          for (const name of names) {
            if (name !== "_" && seen.has(name)) this.error(f.pos, `${name} redeclared`);
            seen.add(name);
            fields.push({ name, type: t, embedded: f.embedded });
          }
        }
        return { kind: "struct", fields };
      }
      case "interfaceType":
        return this.interfaceType(e, scope);
      case "index": {
        const generic = this.typeExprInner(e.x, scope, direct);
        this.info.types.set(e.x, { mode: "typexpr", type: generic });
        if (isInvalid(generic)) return BASIC.invalid;
        if (generic.kind !== "named" || generic.typeParams.length === 0) {
          this.error(e.x.pos, `${exprString(e.x)} is not a generic type`);
          return BASIC.invalid;
        }
        const args = e.indices.map((i) => this.typeExpr(i, scope));
        if (args.length !== generic.typeParams.length) {
          this.error(e.pos, `got ${args.length} arguments but ${generic.typeParams.length} type parameters`);
          return BASIC.invalid;
        }
        if (args.some(isInvalid)) return BASIC.invalid;
        const map = this.typeParamMap(generic.typeParams, args);
        for (const [i, tp] of generic.typeParams.entries()) {
          const why = satisfies(args[i] as Type, substitute(tp.constraint, map, this.instantiateNamed));
          if (why !== undefined) {
            this.error(e.indices[i]?.pos ?? e.pos, why);
            return BASIC.invalid;
          }
        }
        return this.instantiateNamed(generic, args);
      }
      case "binary":
      case "tilde":
        // Type-set terms outside a constraint interface.
        return this.interfaceType({ kind: "interfaceType", pos: e.pos, methods: [], embeds: [e] }, scope);
      case "basicLit":
      case "compositeLit":
      case "funcLit":
      case "slice":
      case "typeAssert":
      case "call":
      case "unary":
        this.error(e.pos, `${exprString(e)} is not a type`);
        return BASIC.invalid;
    }
  }

  private interfaceType(e: A.InterfaceType, scope: Scope): Interface {
    const methods: Method[] = e.methods.map((m) => ({ name: m.name.name, signature: this.funcSignature(m.type, scope).signature }));
    let terms: { tilde: boolean; type: Type }[] | undefined;
    let comparable = false;
    const addTerms = (x: A.Expr): void => {
      if (x.kind === "binary" && x.op === "|") {
        addTerms(x.x);
        addTerms(x.y);
        return;
      }
      const tilde = x.kind === "tilde";
      const t = this.typeExpr(tilde ? x.x : x, scope);
      const u = underlying(t);
      if (!tilde && u.kind === "interface") {
        // An embedded interface: its methods, its terms, its comparability.
        methods.push(...u.methods);
        if (u.terms !== undefined) (terms ??= []).push(...u.terms);
        comparable ||= u.comparable;
        return;
      }
      (terms ??= []).push({ tilde, type: t });
    };
    for (const x of e.embeds) addTerms(x);
    const unique = new Map<string, Method>();
    for (const m of methods) {
      if (unique.has(m.name) && e.methods.some((x) => x.name.name === m.name)) this.error(e.pos, `duplicate method ${m.name}`);
      unique.set(m.name, m);
    }
    return { kind: "interface", methods: sortedMethods([...unique.values()]), terms, comparable };
  }
}

function comparableKey(t: Type): boolean {
  const u = underlying(t);
  return u.kind !== "slice" && u.kind !== "map" && u.kind !== "signature";
}

/** An embedded field's name: its type's name, without pointer or package. */
function embeddedName(e: A.Expr): string {
  if (e.kind === "ident") return e.name;
  if (e.kind === "star" || e.kind === "paren" || e.kind === "index") return embeddedName(e.x);
  if (e.kind === "selector") return e.sel.name;
  return "_";
}

/** "variable of type int", "untyped int constant 3", "value of type string": how Go describes an operand in a message. */
export function describe(x: Operand): string {
  const t = typeString(x.type);
  switch (x.mode) {
    case "constant": {
      // Go adds the value unless the expression already spells it ("-129", not "-129 … -129").
      const shown = x.value !== undefined && constString(x.value) !== exprString(x.expr) ? ` ${constString(x.value)}` : "";
      return x.type.kind === "basic" && x.type.basic.startsWith("untyped") ? `${t} constant${shown}` : `constant${shown} of type ${t}`;
    }
    case "variable":
    case "mapindex":
      return `variable of type ${t}`;
    case "novalue":
      return "no value";
    case "builtin":
      return "built-in";
    case "typexpr":
      return "type";
    case "value":
    case "commaok":
      return x.type.kind === "basic" && x.type.basic === "untyped nil" ? "untyped nil" : `value of type ${t}`;
  }
}

function callOrValues(e: A.Expr, n: number): string {
  return e.kind === "call" ? `${exprString(e.fun)} returns ${n} value${n === 1 ? "" : "s"}` : `${n} value${n === 1 ? "" : "s"}`;
}

/** Checks a whole file against the packages it may import. */
export function checkFile(file: A.SourceFile, packages: PackageTable): CheckResult {
  return new Checker(file, packages).run();
}

/** Checks a standard package's declarations; its package scope holds what programs may use. */
export function checkDeclarations(file: A.SourceFile, packages: PackageTable, path: string): CheckResult & { readonly scope: Scope } {
  const c = new Checker(file, packages, path);
  return { ...c.run(), scope: c.pkgScope };
}
