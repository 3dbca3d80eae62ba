// Go's types at run time: what a compiled program's interface values, fmt's
// verbs (%v, %T, %#v), type switches and map keys read. The compiler emits one
// descriptor per type it uses (typeOf… below), shared by identity: two
// descriptors of the same Go type are the same object, so a type switch or an
// assertion compares with ===.

export type BasicKind =
  | "bool"
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uintptr"
  | "float32"
  | "float64"
  | "complex64"
  | "complex128"
  | "string"
  | "unsafe.Pointer";

/** A method as a compiled program calls it: the receiver first (a pointer receiver gets the pointer). */
export type MethodFn = (recv: unknown, ...args: unknown[]) => unknown;

export interface StructField {
  /** The field's name; an embedded field's is its type's name. */
  readonly name: string;
  readonly type: GoType;
  readonly embedded: boolean;
  /** Not exported (lower-case): fmt still prints it, %#v too. */
  readonly exported: boolean;
}

export interface FuncSignature {
  readonly params: readonly GoType[];
  readonly results: readonly GoType[];
  readonly variadic: boolean;
}

export interface InterfaceMethod {
  readonly name: string;
  readonly signature: FuncSignature;
}

/** The shape of a type, without its name. */
export type TypeShape =
  | { readonly kind: "basic"; readonly basic: BasicKind }
  | { readonly kind: "pointer"; readonly elem: GoType }
  | { readonly kind: "slice"; readonly elem: GoType }
  | { readonly kind: "array"; readonly elem: GoType; readonly length: number }
  | { readonly kind: "map"; readonly key: GoType; readonly elem: GoType }
  | { readonly kind: "chan"; readonly elem: GoType; readonly dir: "both" | "send" | "recv" }
  | { readonly kind: "func"; readonly signature: FuncSignature }
  | { readonly kind: "struct"; readonly fields: readonly StructField[] }
  | { readonly kind: "interface"; readonly methods: readonly InterfaceMethod[] }
  /** The untyped nil's type: only ever the static type of `nil`. */
  | { readonly kind: "nil" };

export interface GoType {
  readonly shape: TypeShape;
  /**
   * A defined type's name as %T prints it ("main.Celsius", "time.Duration",
   * "error"); undefined for a type literal (its name is spelled from its shape).
   */
  readonly name: string | undefined;
  /**
   * The defined type's methods by name, filled in by the compiled program once
   * its methods exist. A pointer type's table holds the methods of its
   * element's method set with pointer receivers too, as Go's method sets do.
   */
  readonly methods: Map<string, MethodFn>;
}

/** The string %T prints for a type: its name, or its literal spelled as Go spells it. */
export function typeString(t: GoType): string {
  if (t.name !== undefined) return t.name;
  const s = t.shape;
  switch (s.kind) {
    case "basic":
      return s.basic;
    case "pointer":
      return `*${typeString(s.elem)}`;
    case "slice":
      return `[]${typeString(s.elem)}`;
    case "array":
      return `[${s.length}]${typeString(s.elem)}`;
    case "map":
      return `map[${typeString(s.key)}]${typeString(s.elem)}`;
    case "chan":
      return s.dir === "send"
        ? `chan<- ${typeString(s.elem)}`
        : s.dir === "recv"
          ? `<-chan ${typeString(s.elem)}`
          : `chan ${typeString(s.elem)}`;
    case "func":
      return `func${signatureString(s.signature)}`;
    case "struct":
      return s.fields.length === 0
        ? "struct {}"
        : `struct { ${s.fields.map((f) => (f.embedded ? typeString(f.type) : `${f.name} ${typeString(f.type)}`)).join("; ")} }`;
    case "interface":
      return s.methods.length === 0
        ? "interface {}"
        : `interface { ${s.methods.map((m) => `${m.name}${signatureString(m.signature)}`).join("; ")} }`;
    case "nil":
      return "nil";
  }
}

function signatureString(sig: FuncSignature): string {
  const params = sig.params.map((p, i) => (sig.variadic && i === sig.params.length - 1 ? `...${typeString(elemOf(p))}` : typeString(p)));
  const results = sig.results.map(typeString);
  const r = results.length === 0 ? "" : results.length === 1 ? ` ${results[0]}` : ` (${results.join(", ")})`;
  return `(${params.join(", ")})${r}`;
}

function elemOf(t: GoType): GoType {
  return t.shape.kind === "slice" ? t.shape.elem : t;
}

// ---------------------------------------------------------------------------
// Constructors. Literal types are interned by their spelling, so the same
// literal type used twice is one descriptor (=== works for assertions).

const literals = new Map<string, GoType>();

function literal(shape: TypeShape): GoType {
  const t: GoType = { shape, name: undefined, methods: new Map() };
  const key = typeString(t);
  const seen = literals.get(key);
  if (seen !== undefined) return seen;
  literals.set(key, t);
  return t;
}

const basics = new Map<BasicKind, GoType>();

/** A predeclared basic type (byte is uint8, rune is int32, as in Go). */
export function basicType(kind: BasicKind): GoType {
  let t = basics.get(kind);
  if (t === undefined) {
    t = { shape: { kind: "basic", basic: kind }, name: undefined, methods: new Map() };
    basics.set(kind, t);
  }
  return t;
}

export const pointerTo = (elem: GoType): GoType => literal({ kind: "pointer", elem });
export const sliceOf = (elem: GoType): GoType => literal({ kind: "slice", elem });
export const arrayOf = (elem: GoType, length: number): GoType => literal({ kind: "array", elem, length });
export const mapOf = (key: GoType, elem: GoType): GoType => literal({ kind: "map", key, elem });
export const chanOf = (elem: GoType, dir: "both" | "send" | "recv" = "both"): GoType => literal({ kind: "chan", elem, dir });
export const funcOf = (signature: FuncSignature): GoType => literal({ kind: "func", signature });
export const structOf = (fields: readonly StructField[]): GoType => literal({ kind: "struct", fields });
export const interfaceOf = (methods: readonly InterfaceMethod[]): GoType => literal({ kind: "interface", methods });

/** A defined type (`type Celsius float64`, `type Point struct{…}`): a new type each call, named as %T prints it. */
export function definedType(name: string, shape: TypeShape): GoType {
  return { shape, name, methods: new Map() };
}

/** `any`, the empty interface. */
export const ANY = interfaceOf([]);
/** The predeclared `error` interface. */
export const ERROR: GoType = definedType("error", {
  kind: "interface",
  methods: [{ name: "Error", signature: { params: [], results: [basicType("string")], variadic: false } }],
});
