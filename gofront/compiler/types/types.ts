// The checker's types: Go's type system for the subset, after go/types. These
// are the compiler's own (with untyped kinds, tuples and type parameters);
// the compiled program gets run-time descriptors (gofront/lib/types.ts) made
// from them.

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
  | "string"
  | "untyped bool"
  | "untyped int"
  | "untyped rune"
  | "untyped float"
  | "untyped string"
  | "untyped nil"
  /** The type of an expression that failed to check: never reported twice. */
  | "invalid";

export interface Basic {
  readonly kind: "basic";
  readonly basic: BasicKind;
  /** How Go spells it: "byte" and "rune" are aliases but print as themselves where written. */
  readonly name: string;
}

export interface Pointer {
  readonly kind: "pointer";
  readonly elem: Type;
}

export interface Slice {
  readonly kind: "slice";
  readonly elem: Type;
}

export interface ArrayT {
  readonly kind: "array";
  readonly elem: Type;
  readonly length: number;
}

export interface MapT {
  readonly kind: "map";
  readonly key: Type;
  readonly elem: Type;
}

export type ChanDir = "both" | "send" | "recv";

export interface Chan {
  readonly kind: "chan";
  readonly elem: Type;
  readonly dir: ChanDir;
}

export interface Var {
  readonly name: string;
  readonly type: Type;
}

export interface Signature {
  readonly kind: "signature";
  readonly typeParams: readonly TypeParam[];
  readonly params: readonly Var[];
  readonly results: readonly Var[];
  /** The last parameter is `...T`; its type here is []T. */
  readonly variadic: boolean;
}

export interface StructField {
  readonly name: string;
  readonly type: Type;
  readonly embedded: boolean;
}

export interface Struct {
  readonly kind: "struct";
  readonly fields: readonly StructField[];
}

export interface Method {
  readonly name: string;
  readonly signature: Signature;
}

export interface Interface {
  readonly kind: "interface";
  /** Every method, embedded interfaces' included, sorted by name. */
  readonly methods: readonly Method[];
  /** A constraint's type set (`~int | string`); undefined for an ordinary interface (every type). */
  readonly terms: readonly { readonly tilde: boolean; readonly type: Type }[] | undefined;
  /** `comparable`, or embeds it. */
  readonly comparable: boolean;
}

/** A defined type: `type Celsius float64`, `time.Duration`, `error`. Its underlying type and methods are filled in as the checker reaches them. */
export interface Named {
  readonly kind: "named";
  /** "Celsius"; with `pkg`, %T prints "main.Celsius". */
  readonly name: string;
  /** "main", "time"; undefined for the universe's `error` and `comparable`. */
  readonly pkg: string | undefined;
  underlying: Type;
  readonly methods: NamedMethod[];
  /** An instance of a generic type: its origin and type arguments. */
  readonly origin?: { readonly generic: Named; readonly args: readonly Type[] };
  /** A generic type's parameters (empty for an ordinary one). */
  typeParams: readonly TypeParam[];
}

export interface NamedMethod {
  readonly name: string;
  readonly signature: Signature;
  /** `func (p *T) M()`. */
  readonly pointerReceiver: boolean;
  /** A generic type's method: the type parameters its receiver names (`func (s *Stack[T])`), which an instance's arguments replace. */
  readonly recvTypeParams?: readonly TypeParam[];
}

export interface TypeParam {
  readonly kind: "typeParam";
  readonly name: string;
  /** Its constraint, an interface (filled in once the parameter list is read). */
  constraint: Type;
  /** Tells apart two parameters of one name in different functions. */
  readonly id: number;
}

/** The results of a call with more than one, or none; never a value's type. */
export interface Tuple {
  readonly kind: "tuple";
  readonly types: readonly Type[];
}

export type Type = Basic | Pointer | Slice | ArrayT | MapT | Chan | Signature | Struct | Interface | Named | TypeParam | Tuple;

// ---------------------------------------------------------------------------
// Predeclared types

const basic = (b: BasicKind, name: string = b): Basic => ({ kind: "basic", basic: b, name });

export const BASIC: Readonly<Record<BasicKind, Basic>> = {
  bool: basic("bool"),
  int: basic("int"),
  int8: basic("int8"),
  int16: basic("int16"),
  int32: basic("int32"),
  int64: basic("int64"),
  uint: basic("uint"),
  uint8: basic("uint8"),
  uint16: basic("uint16"),
  uint32: basic("uint32"),
  uint64: basic("uint64"),
  uintptr: basic("uintptr"),
  float32: basic("float32"),
  float64: basic("float64"),
  string: basic("string"),
  "untyped bool": basic("untyped bool"),
  "untyped int": basic("untyped int"),
  "untyped rune": basic("untyped rune"),
  "untyped float": basic("untyped float"),
  "untyped string": basic("untyped string"),
  "untyped nil": basic("untyped nil"),
  invalid: basic("invalid"),
};

/** byte and rune: aliases of uint8 and int32 (identical to them), named as written. */
export const BYTE: Basic = basic("uint8", "byte");
export const RUNE: Basic = basic("int32", "rune");

export const EMPTY_INTERFACE: Interface = { kind: "interface", methods: [], terms: undefined, comparable: false };
/** The universe's `any`: identical to interface{}, but spelled "any" in messages, as Go spells it. */
export const ANY: Interface = { kind: "interface", methods: [], terms: undefined, comparable: false };

/** The universe's `error`: interface{ Error() string }. */
export const ERROR: Named = {
  kind: "named",
  name: "error",
  pkg: undefined,
  underlying: {
    kind: "interface",
    methods: [{ name: "Error", signature: signature([], [{ name: "", type: BASIC.string }], false) }],
    terms: undefined,
    comparable: false,
  },
  methods: [],
  typeParams: [],
};

export function signature(
  params: readonly Var[],
  results: readonly Var[],
  variadic: boolean,
  typeParams: readonly TypeParam[] = [],
): Signature {
  return { kind: "signature", typeParams, params, results, variadic };
}

// ---------------------------------------------------------------------------
// Questions about types

/** The type under a defined type (and a type parameter's constraint stays itself). */
export function underlying(t: Type): Type {
  return t.kind === "named" ? t.underlying : t;
}

export const isUntyped = (t: Type): boolean => t.kind === "basic" && t.basic.startsWith("untyped");

const INTEGERS: ReadonlySet<BasicKind> = new Set([
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uintptr",
  "untyped int",
  "untyped rune",
]);

function basicOf(t: Type): BasicKind | undefined {
  const u = underlying(t);
  return u.kind === "basic" ? u.basic : undefined;
}

export const isInteger = (t: Type): boolean => INTEGERS.has(basicOf(t) ?? "invalid");
export const isUnsigned = (t: Type): boolean => (basicOf(t) ?? "").startsWith("uint");
export const isFloat = (t: Type): boolean => ["float32", "float64", "untyped float"].includes(basicOf(t) ?? "");
export const isNumeric = (t: Type): boolean => isInteger(t) || isFloat(t);
export const isString = (t: Type): boolean => ["string", "untyped string"].includes(basicOf(t) ?? "");
export const isBoolean = (t: Type): boolean => ["bool", "untyped bool"].includes(basicOf(t) ?? "");
export const isInterface = (t: Type): boolean => underlying(t).kind === "interface";
export const isInvalid = (t: Type): boolean => t.kind === "basic" && t.basic === "invalid";

/** Go's type identity (spec: "Type identity"). */
export function identical(a: Type, b: Type): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "basic":
      return b.kind === "basic" && a.basic === b.basic;
    case "named":
      // Instances of one generic type with identical arguments are identical.
      return (
        b.kind === "named" &&
        a.origin !== undefined &&
        b.origin !== undefined &&
        a.origin.generic === b.origin.generic &&
        a.origin.args.every((x, i) => identical(x, b.origin?.args[i] as Type))
      );
    case "pointer":
    case "slice":
      return b.kind === a.kind && identical(a.elem, b.elem);
    case "array":
      return b.kind === "array" && a.length === b.length && identical(a.elem, b.elem);
    case "map":
      return b.kind === "map" && identical(a.key, b.key) && identical(a.elem, b.elem);
    case "chan":
      return b.kind === "chan" && a.dir === b.dir && identical(a.elem, b.elem);
    case "signature":
      return (
        b.kind === "signature" &&
        a.variadic === b.variadic &&
        a.params.length === b.params.length &&
        a.results.length === b.results.length &&
        a.params.every((p, i) => identical(p.type, (b.params[i] as Var).type)) &&
        a.results.every((r, i) => identical(r.type, (b.results[i] as Var).type))
      );
    case "struct":
      return (
        b.kind === "struct" &&
        a.fields.length === b.fields.length &&
        a.fields.every((f, i) => {
          const g = b.fields[i] as StructField;
          return f.name === g.name && f.embedded === g.embedded && identical(f.type, g.type);
        })
      );
    case "interface":
      return (
        b.kind === "interface" &&
        a.comparable === b.comparable &&
        a.methods.length === b.methods.length &&
        a.methods.every((m, i) => {
          const n = b.methods[i] as Method;
          return m.name === n.name && identical(m.signature, n.signature);
        }) &&
        termsIdentical(a.terms, b.terms)
      );
    case "typeParam":
      return false;
    case "tuple":
      return b.kind === "tuple" && a.types.length === b.types.length && a.types.every((t, i) => identical(t, b.types[i] as Type));
  }
}

function termsIdentical(a: Interface["terms"], b: Interface["terms"]): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((t, i) => t.tilde === b[i]?.tilde && identical(t.type, (b[i] as { type: Type }).type));
}

/** Go's comparable types (==, map keys): not slices, maps or funcs, nor structs and arrays holding them. */
export function comparable(t: Type): boolean {
  const u = underlying(t);
  switch (u.kind) {
    case "basic":
      return u.basic !== "untyped nil" && u.basic !== "invalid";
    case "pointer":
    case "chan":
    case "interface":
      return true;
    case "struct":
      return u.fields.every((f) => comparable(f.type));
    case "array":
      return comparable(u.elem);
    case "typeParam":
      return true;
    case "slice":
    case "map":
    case "signature":
    case "tuple":
    case "named":
      return false;
  }
}

/** A type as Go's compiler writes it in messages: "int", "[]string", "map[string]int", "*Point", "func(int) error". */
export function typeString(t: Type, qualify = false): string {
  const s = (x: Type): string => typeString(x, qualify);
  switch (t.kind) {
    case "basic":
      return t.name;
    case "named": {
      const base =
        qualify && t.pkg !== undefined ? `${t.pkg}.${t.name}` : t.pkg !== undefined && t.pkg !== "main" ? `${t.pkg}.${t.name}` : t.name;
      return t.origin === undefined ? base : `${base}[${t.origin.args.map(s).join(", ")}]`;
    }
    case "pointer":
      return `*${s(t.elem)}`;
    case "slice":
      return `[]${s(t.elem)}`;
    case "array":
      return `[${t.length}]${s(t.elem)}`;
    case "map":
      return `map[${s(t.key)}]${s(t.elem)}`;
    case "chan":
      return t.dir === "send" ? `chan<- ${s(t.elem)}` : t.dir === "recv" ? `<-chan ${s(t.elem)}` : `chan ${s(t.elem)}`;
    case "signature":
      return `func${signatureString(t, qualify)}`;
    case "struct":
      return t.fields.length === 0
        ? "struct{}"
        : `struct{${t.fields.map((f) => (f.embedded ? s(f.type) : `${f.name} ${s(f.type)}`)).join("; ")}}`;
    case "interface":
      if (t === ANY) return "any";
      if (t.terms !== undefined) return t.terms.map((x) => `${x.tilde ? "~" : ""}${s(x.type)}`).join(" | ");
      if (t.comparable && t.methods.length === 0) return "comparable";
      return t.methods.length === 0
        ? "interface{}"
        : `interface{${t.methods.map((m) => `${m.name}${signatureString(m.signature, qualify)}`).join("; ")}}`;
    case "typeParam":
      return t.name;
    case "tuple":
      return `(${t.types.map(s).join(", ")})`;
  }
}

export function signatureString(sig: Signature, qualify = false): string {
  const params = sig.params.map((p, i) => {
    const type =
      sig.variadic && i === sig.params.length - 1 && p.type.kind === "slice"
        ? `...${typeString(p.type.elem, qualify)}`
        : typeString(p.type, qualify);
    return p.name === "" ? type : `${p.name} ${type}`;
  });
  const results = sig.results.map((r) => (r.name === "" ? typeString(r.type, qualify) : `${r.name} ${typeString(r.type, qualify)}`));
  const r = results.length === 0 ? "" : results.length === 1 && sig.results[0]?.name === "" ? ` ${results[0]}` : ` (${results.join(", ")})`;
  return `(${params.join(", ")})${r}`;
}
