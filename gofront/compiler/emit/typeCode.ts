// Types at run time, as the emitted code names them: descriptors
// (gofront/lib/types.ts) hoisted to constants, one class per struct type,
// zero values and copies. Everything here returns JS source text.

import { typeString, underlying, type Named, type Signature, type Struct, type Type } from "../types/types";
import { jsIdent } from "./jsNames";

/** The run-time library's name in emitted code. */
export const LIB = "$lib";

const SIZED = new Set(["int8", "int16", "int32", "uint8", "uint16", "uint32"]);

/** A basic type's kind for the library's integer helpers ("int32", "uint64"…); byte is uint8, rune int32. */
export function basicKind(t: Type): string | undefined {
  const u = underlying(t);
  if (u.kind !== "basic") return undefined;
  const b = u.basic;
  if (b === "untyped int" || b === "untyped rune") return "int";
  if (b === "untyped float") return "float64";
  if (b === "untyped string") return "string";
  if (b === "untyped bool") return "bool";
  return b;
}

/** Import paths by package name, for defined types (a Named records its package's name, as %T prints it). */
const PATHS: Readonly<Record<string, string>> = {
  utf8: "unicode/utf8",
  rand: "math/rand",
  atomic: "sync/atomic",
  errgroup: "golang.org/x/sync/errgroup",
  semaphore: "golang.org/x/sync/semaphore",
};

/** A standard package's import path by its name. */
export function packagePath(pkgName: string): string {
  return PATHS[pkgName] ?? pkgName;
}

/** A standard package in emitted code, by the name of the package a defined type belongs to. */
export function stdPackage(pkgName: string): string {
  return `$std[${JSON.stringify(packagePath(pkgName))}]`;
}

export const isSized = (kind: string | undefined): boolean => kind !== undefined && SIZED.has(kind);

export class TypeTable {
  /** Hoisted declarations, in the order they were made (a descriptor's parts come before it). */
  private readonly decls: string[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly namedDecls: string[] = [];
  private readonly namedShapes: string[] = [];
  private readonly named = new Map<Named, string>();
  private readonly classes = new Map<string, { name: string; struct: Struct; generic: boolean }>();
  private readonly classDecls: string[] = [];
  private counter = 0;
  /** While building a generic type's shape: its type parameters as the shape function's arguments. */
  private overrides: Map<number, string> | undefined = undefined;

  constructor(
    /** The descriptor of a type parameter in scope (its JS variable), or undefined outside generic code. */
    private readonly typeParamVar: (id: number) => string | undefined,
  ) {}

  /** JS for t's descriptor: a hoisted constant, or (with type parameters in it) an expression built at run time. */
  desc(t: Type): string {
    const dynamic = this.hasTypeParam(t);
    if (!dynamic) {
      const key = this.key(t);
      const seen = this.byKey.get(key);
      if (seen !== undefined) return seen;
      const expr = this.build(t);
      if (/^\$T\d+$|^T\$/.test(expr)) return expr;
      const name = `$T${this.counter++}`;
      this.decls.push(`const ${name} = ${expr};`);
      this.byKey.set(key, name);
      return name;
    }
    return this.build(t);
  }

  private key(t: Type): string {
    return typeString(t, true) + (t.kind === "named" ? `#${this.namedId(t)}` : "");
  }

  private namedIds = new Map<Named, number>();
  private namedId(n: Named): number {
    let id = this.namedIds.get(n);
    if (id === undefined) {
      id = this.namedIds.size;
      this.namedIds.set(n, id);
    }
    return id;
  }

  hasTypeParam(t: Type): boolean {
    switch (t.kind) {
      case "typeParam":
        return true;
      case "basic":
        return false;
      case "pointer":
      case "slice":
      case "array":
      case "chan":
        return this.hasTypeParam(t.elem);
      case "map":
        return this.hasTypeParam(t.key) || this.hasTypeParam(t.elem);
      case "signature":
        return t.params.some((p) => this.hasTypeParam(p.type)) || t.results.some((p) => this.hasTypeParam(p.type));
      case "struct":
        return t.fields.some((f) => this.hasTypeParam(f.type));
      case "interface":
        return false;
      case "named":
        return t.origin !== undefined && t.origin.args.some((a) => this.hasTypeParam(a));
      case "tuple":
        return t.types.some((x) => this.hasTypeParam(x));
    }
  }

  private build(t: Type): string {
    switch (t.kind) {
      case "basic":
        return `${LIB}.basicType(${JSON.stringify(basicKind(t) === "untyped nil" ? "int" : basicKind(t))})`;
      case "typeParam": {
        const v = this.overrides?.get(t.id) ?? this.typeParamVar(t.id);
        if (v === undefined) throw new Error(`gofront: type parameter ${t.name} outside its function`);
        return v;
      }
      case "pointer":
        return `${LIB}.pointerTo(${this.desc(t.elem)})`;
      case "slice":
        return `${LIB}.sliceOf(${this.desc(t.elem)})`;
      case "array":
        return `${LIB}.arrayOf(${this.desc(t.elem)}, ${t.length})`;
      case "map":
        return `${LIB}.mapOf(${this.desc(t.key)}, ${this.desc(t.elem)})`;
      case "chan":
        return `${LIB}.chanOf(${this.desc(t.elem)}, ${JSON.stringify(t.dir)})`;
      case "signature":
        return `${LIB}.funcOf(${this.signature(t)})`;
      case "struct":
        return `${LIB}.structOf(${this.fields(t)})`;
      case "interface":
        return t.methods.length === 0
          ? `${LIB}.ANY`
          : `${LIB}.interfaceOf([${t.methods.map((m) => `{ name: ${JSON.stringify(m.name)}, signature: ${this.signature(m.signature)} }`).join(", ")}])`;
      case "named":
        return this.namedDesc(t);
      case "tuple":
        throw new Error("gofront: a tuple has no descriptor");
    }
  }

  private signature(s: Signature): string {
    return `{ params: [${s.params.map((p) => this.desc(p.type)).join(", ")}], results: [${s.results.map((p) => this.desc(p.type)).join(", ")}], variadic: ${s.variadic} }`;
  }

  private fields(s: Struct): string {
    return `[${s.fields
      .map(
        (f) =>
          `{ name: ${JSON.stringify(f.name)}, type: ${this.desc(f.type)}, embedded: ${f.embedded}, exported: ${/^[A-Z]/.test(f.name)} }`,
      )
      .join(", ")}]`;
  }

  private namedDesc(n: Named): string {
    if (n.name === "error" && n.pkg === undefined) return `${LIB}.ERROR`;
    if (n.pkg !== undefined && n.pkg !== "main") return `${stdPackage(n.pkg)}.${n.name}$type`;
    if (n.origin !== undefined) {
      const generic = this.namedDesc(n.origin.generic);
      return `${generic}.of([${n.origin.args.map((a) => this.desc(a)).join(", ")}])`;
    }
    const seen = this.named.get(n);
    if (seen !== undefined) return seen;
    const name = `T$${n.name}$${this.namedId(n)}`;
    this.named.set(n, name);
    if (n.typeParams.length > 0) {
      // A generic type: its instances are made at run time, once per argument list; the shape is built from the arguments.
      this.overrides = new Map(n.typeParams.map((tp, i) => [tp.id, `$a[${i}]`]));
      const shape = this.build(underlying(n));
      this.overrides = undefined;
      this.namedDecls.push(`const ${name} = ${LIB}.genericType(${JSON.stringify(`main.${n.name}`)});`);
      this.namedShapes.push(`${name}.shapeOf = ($a) => ${shape}.shape;`);
      return name;
    }
    this.namedDecls.push(`const ${name} = ${LIB}.definedType(${JSON.stringify(`main.${n.name}`)}, undefined);`);
    const u = underlying(n);
    // The shape is set once every descriptor exists (recursive types point at themselves).
    this.namedShapes.push(`${name}.shape = ${name === this.desc(u) ? "undefined" : `${this.desc(u)}.shape`};`);
    return name;
  }

  /** The class of a struct type's values (one per named struct type, one per distinct struct literal type). */
  structClass(t: Type): string {
    const n = t.kind === "named" ? (t.origin?.generic ?? t) : undefined;
    const u = underlying(n ?? t);
    if (u.kind !== "struct") throw new Error(`gofront: ${typeString(t)} is not a struct`);
    if (n !== undefined && n.pkg !== undefined && n.pkg !== "main") return `${stdPackage(n.pkg)}.${n.name}`;
    const key = n !== undefined ? `named#${this.namedId(n)}` : typeString(u, true);
    const seen = this.classes.get(key);
    if (seen !== undefined) return seen.name;
    const name = n !== undefined ? `${jsIdent(n.name)}$${this.namedId(n)}` : `$S${this.counter++}`;
    this.classes.set(key, { name, struct: u, generic: n !== undefined && n.typeParams.length > 0 });
    return name;
  }

  /** JS for t's zero value. */
  zero(t: Type, name?: string): string {
    if (t.kind === "typeParam") return `${LIB}.zeroOf(${this.desc(t)})`;
    // A standard struct (sync.WaitGroup, sync.Mutex…) is named in the trace after its variable or field.
    if (name !== undefined && t.kind === "named" && t.pkg !== undefined && t.pkg !== "main" && underlying(t).kind === "struct")
      return `new ${this.structClass(t)}(${JSON.stringify(name)})`;
    const u = underlying(t);
    switch (u.kind) {
      case "basic":
        return u.basic === "string" || u.basic === "untyped string"
          ? '""'
          : u.basic === "bool" || u.basic === "untyped bool"
            ? "false"
            : "0";
      case "struct": {
        const cls = this.structClass(t);
        const generic = t.kind === "named" && t.origin !== undefined;
        return generic ? `new ${cls}(${this.desc(t)})` : `new ${cls}()`;
      }
      case "array":
        return `${LIB}.makeArray(${u.length}, () => ${this.zero(u.elem)})`;
      case "chan":
        return "$rt.nilChan()";
      case "pointer":
      case "slice":
      case "map":
      case "signature":
      case "interface":
        return "null";
      case "named":
      case "typeParam":
      case "tuple":
        return "null";
    }
  }

  /** Whether values of t are copied on assignment (structs and arrays). */
  isValueAggregate(t: Type): boolean {
    if (t.kind === "typeParam") return true;
    const u = underlying(t);
    return u.kind === "struct" || u.kind === "array";
  }

  /** JS copying value `v` of type t (structs, arrays); other values as they are. */
  clone(v: string, t: Type): string {
    if (t.kind === "typeParam") return `${LIB}.cloneValue(${v})`;
    const u = underlying(t);
    // A standard package's struct is copied by its own $clone when it has one (WaitGroup and Mutex are not meant to be copied).
    if (u.kind === "struct" && t.kind === "named" && t.pkg !== undefined && t.pkg !== "main") return `${LIB}.cloneValue(${v})`;
    if (u.kind === "struct") return `${v}.$clone()`;
    if (u.kind === "array") return this.isValueAggregate(u.elem) ? `${LIB}.cloneValue(${v})` : `${v}.slice()`;
    return v;
  }

  /** The hoisted code: descriptors, then the struct classes, then the shapes of defined types. */
  prelude(): string {
    // Building classes may add descriptors: classes first into a buffer.
    const classCode: string[] = [];
    const done = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [key, c] of this.classes) {
        if (done.has(key)) continue;
        done.add(key);
        progress = true;
        classCode.push(this.classDecl(c.name, c.struct, c.generic));
      }
    }
    return [...this.namedDecls, ...this.decls, ...classCode, ...this.classDecls, ...this.namedShapes].join("\n");
  }

  private classDecl(name: string, s: Struct, generic: boolean): string {
    const fields = s.fields.map((f) => f.name);
    const params = s.fields.map((f, i) => `${paramName(i)} = ${this.zeroIn(f.type, f.name, generic)}`);
    const targs = generic ? ["$targ"] : [];
    const assigns = fields.map((f, i) => `this[${JSON.stringify(f)}] = ${paramName(i)};`);
    const cloneArgs = [
      ...(generic ? ["this.$targ"] : []),
      ...s.fields.map((f, i) =>
        this.isValueAggregate(f.type) ? this.clone(`this[${JSON.stringify(fields[i])}]`, f.type) : `this[${JSON.stringify(fields[i])}]`,
      ),
    ];
    const setBody = s.fields
      .map(
        (f, i) =>
          `this[${JSON.stringify(fields[i])}] = ${this.isValueAggregate(f.type) ? this.clone(`v[${JSON.stringify(fields[i])}]`, f.type) : `v[${JSON.stringify(fields[i])}]`};`,
      )
      .join(" ");
    const targDecl = generic ? `Object.defineProperty(this, "$targ", { value: $targ, enumerable: false });` : "";
    // == and map keys by the fields' types: a pointer field compares by identity, a struct field by its fields.
    const eq = s.fields.map((f, i) => this.fieldEq(`this[${JSON.stringify(fields[i])}]`, `o[${JSON.stringify(fields[i])}]`, f.type));
    const key = s.fields.map((f, i) => this.fieldKey(`this[${JSON.stringify(fields[i])}]`, f.type));
    return `class ${name} {
  static $struct = true;
  constructor(${[...targs, ...params].join(", ")}) { ${targDecl} ${assigns.join(" ")} }
  $clone() { return new ${name}(${cloneArgs.join(", ")}); }
  $set(v) { ${setBody} return this; }
  $eq(o) { return ${eq.length === 0 ? "true" : eq.join(" && ")}; }
  $key() { return "{" + ${key.length === 0 ? '""' : key.join(' + "," + ')} + "}"; }
}`;
  }

  private fieldEq(a: string, b: string, t: Type): string {
    const u = underlying(t);
    if (t.kind !== "typeParam" && (u.kind === "basic" || (u.kind === "pointer" && underlying(u.elem).kind === "struct")))
      return `${a} === ${b}`;
    if (u.kind === "pointer") return `${LIB}.ptrEq(${a}, ${b})`;
    if (u.kind === "chan") return `${LIB}.chanEq(${a}, ${b})`;
    return `${LIB}.equal(${a}, ${b})`;
  }

  private fieldKey(a: string, t: Type): string {
    const u = underlying(t);
    if (t.kind !== "typeParam" && u.kind === "pointer") return `${LIB}.refKey(${a})`;
    return `${LIB}.encodedKey(${a})`;
  }

  /** A field's zero value inside a class: a generic struct's type parameters come from its instance descriptor. */
  private zeroIn(t: Type, field: string, generic: boolean): string {
    if (!generic || !this.hasTypeParam(t)) return this.zero(t, field);
    return `${LIB}.zeroOfField($targ, ${JSON.stringify(field)})`;
  }

  /** Adds hoisted code (method tables) after the classes. */
  addLate(code: string): void {
    this.classDecls.push(code);
  }
}

const paramName = (i: number): string => `$${i}`;
