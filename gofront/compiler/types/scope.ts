// What a name denotes, and where: Go's objects (spec: "Declarations and
// scope") in nested scopes, from the universe down to a block. The checker
// records each use, so "declared but not used" and "imported and not used"
// can be said as Go says them.

import type { Pos } from "../syntax/ast";
import type { ConstValue } from "./constant";
import { ANY, BASIC, BYTE, ERROR, RUNE, type Named, type Type } from "./types";

export type Builtin =
  | "append"
  | "cap"
  | "clear"
  | "close"
  | "copy"
  | "delete"
  | "len"
  | "make"
  | "max"
  | "min"
  | "new"
  | "panic"
  | "print"
  | "println"
  | "recover";

export type GoObject =
  | {
      readonly kind: "var";
      readonly name: string;
      readonly pos: Pos | undefined;
      type: Type;
      used: boolean;
      readonly isParam: boolean;
      captured: boolean;
      addressed: boolean;
    }
  | { readonly kind: "const"; readonly name: string; readonly pos: Pos | undefined; type: Type; value: ConstValue; used: boolean }
  | { readonly kind: "typeName"; readonly name: string; readonly pos: Pos | undefined; type: Type }
  | { readonly kind: "func"; readonly name: string; readonly pos: Pos | undefined; type: Type; readonly pkg: string }
  | { readonly kind: "pkgName"; readonly name: string; readonly pos: Pos | undefined; readonly path: string; used: boolean }
  | { readonly kind: "builtin"; readonly name: Builtin; readonly pos: undefined }
  | { readonly kind: "nil"; readonly name: "nil"; readonly pos: undefined };

export class Scope {
  private readonly names = new Map<string, GoObject>();

  constructor(
    readonly parent: Scope | undefined,
    /** What opened it, for messages and for the emitter ("func", "block", "package"…). */
    readonly what: "universe" | "package" | "file" | "func" | "block",
  ) {}

  /** The object `name` denotes here or in an enclosing scope. */
  lookup(name: string): GoObject | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  /** Only this scope's own names. */
  own(name: string): GoObject | undefined {
    return this.names.get(name);
  }

  /** Declares `obj`; returns the object it would redeclare in this same scope, if any (then nothing changes). */
  declare(obj: GoObject): GoObject | undefined {
    // The blank identifier declares nothing.
    if (obj.name === "_") return undefined;
    const previous = this.names.get(obj.name);
    if (previous !== undefined) return previous;
    this.names.set(obj.name, obj);
    return undefined;
  }

  objects(): IterableIterator<GoObject> {
    return this.names.values();
  }
}

const COMPARABLE: Named = {
  kind: "named",
  name: "comparable",
  pkg: undefined,
  underlying: { kind: "interface", methods: [], terms: undefined, comparable: true },
  methods: [],
  typeParams: [],
};

const BUILTINS: readonly Builtin[] = [
  "append",
  "cap",
  "clear",
  "close",
  "copy",
  "delete",
  "len",
  "make",
  "max",
  "min",
  "new",
  "panic",
  "print",
  "println",
  "recover",
];

/** The universe: Go's predeclared types, constants, nil and built-in functions. */
export function universe(): Scope {
  const u = new Scope(undefined, "universe");
  const type = (name: string, t: Type): void => {
    u.declare({ kind: "typeName", name, pos: undefined, type: t });
  };
  // The typed basic types, by their own names (the untyped kinds and "invalid" are the checker's, not names a program can use).
  for (const t of Object.values(BASIC)) if (!t.basic.startsWith("untyped") && t.basic !== "invalid") type(t.name, t);
  type("byte", BYTE);
  type("rune", RUNE);
  type("error", ERROR);
  type("any", ANY);
  type("comparable", COMPARABLE);
  u.declare({ kind: "const", name: "true", pos: undefined, type: BASIC["untyped bool"], value: { kind: "bool", value: true }, used: true });
  u.declare({
    kind: "const",
    name: "false",
    pos: undefined,
    type: BASIC["untyped bool"],
    value: { kind: "bool", value: false },
    used: true,
  });
  u.declare({ kind: "nil", name: "nil", pos: undefined });
  for (const name of BUILTINS) u.declare({ kind: "builtin", name, pos: undefined });
  return u;
}
