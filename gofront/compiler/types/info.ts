// What the checker learns about a program, for the emitter: each expression's
// type (and value, for a constant), what each identifier denotes, how each
// selector resolves, and where values are converted implicitly. Keyed by the
// syntax tree's nodes (they are unique objects).

import type { CaseClause, Expr, FuncDecl, Ident, SelectorExpr } from "../syntax/ast";
import type { ConstValue } from "./constant";
import type { GoObject } from "./scope";
import type { Named, Type } from "./types";

/** How an expression's value may be used (go/types' operand modes). */
export type Mode = "novalue" | "builtin" | "typexpr" | "constant" | "variable" | "mapindex" | "value" | "commaok";

export interface TypeAndValue {
  readonly mode: Mode;
  readonly type: Type;
  /** A constant's value (mode "constant"). */
  readonly value?: ConstValue;
}

/**
 * A selector `x.f`: a package member; a struct field reached through the
 * embedded fields on `path` (indices into each struct, last one f's own); a
 * method (its receiver reached through `path`'s embedded fields, and whether x
 * must have its address taken or be dereferenced to match the receiver).
 */
export type Selection =
  | { readonly kind: "pkgMember"; readonly pkg: string; readonly object: GoObject }
  | { readonly kind: "field"; readonly path: readonly number[]; readonly type: Type; readonly indirect: boolean }
  | {
      readonly kind: "method";
      readonly path: readonly number[];
      readonly name: string;
      readonly pointerReceiver: boolean;
      /** The receiver is an interface: dynamic dispatch. */
      readonly viaInterface: boolean;
      readonly type: Type;
      /** The type whose method it is (a defined type, or the interface called through). */
      readonly owner: Type;
    }
  /** `T.Method` or `(*T).Method`: a method expression, the receiver its first parameter. */
  | { readonly kind: "methodExpr"; readonly name: string; readonly pointerReceiver: boolean; readonly type: Type };

export class Info {
  readonly types = new Map<Expr, TypeAndValue>();
  /** Each identifier's object: the one it declares (a definition) or the one it uses. */
  readonly defs = new Map<Ident, GoObject>();
  readonly uses = new Map<Ident, GoObject>();
  readonly selections = new Map<SelectorExpr, Selection>();
  /** Expressions whose value is converted to another type where it is used (an int to an interface, an untyped constant to its default type). */
  readonly implicits = new Map<Expr, Type>();
  /** A type switch's bound variable, one per clause (`switch v := x.(type)`). */
  readonly implicitObjects = new Map<CaseClause, GoObject>();
  /** Each defined type's method declarations by name (a generic type's serve its instances). */
  readonly methodDecls = new Map<Named, Map<string, FuncDecl>>();

  typeOf(e: Expr): Type | undefined {
    return this.types.get(e)?.type;
  }
}
