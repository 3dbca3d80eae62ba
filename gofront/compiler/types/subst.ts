// Substituting type arguments for type parameters: instantiating a generic
// function's signature, a generic type's underlying type and its methods.
// A generic type's instance inside is re-instantiated through `instance`, so
// `List[T]` inside `List[T]` becomes `List[int]`, the same object each time.

import { signature, type Named, type Type } from "./types";

export type Instantiate = (generic: Named, args: readonly Type[]) => Named;

export function substitute(t: Type, map: ReadonlyMap<number, Type>, instance?: Instantiate): Type {
  const s = (x: Type): Type => substitute(x, map, instance);
  switch (t.kind) {
    case "typeParam":
      return map.get(t.id) ?? t;
    case "pointer":
    case "slice":
      return { ...t, elem: s(t.elem) };
    case "array":
      return { ...t, elem: s(t.elem) };
    case "chan":
      return { ...t, elem: s(t.elem) };
    case "map":
      return { ...t, key: s(t.key), elem: s(t.elem) };
    case "signature":
      return signature(
        t.params.map((p) => ({ name: p.name, type: s(p.type) })),
        t.results.map((r) => ({ name: r.name, type: s(r.type) })),
        t.variadic,
      );
    case "struct":
      return { kind: "struct", fields: t.fields.map((f) => ({ ...f, type: s(f.type) })) };
    case "tuple":
      return { kind: "tuple", types: t.types.map(s) };
    case "interface":
      return {
        ...t,
        methods: t.methods.map((m) => ({ name: m.name, signature: s(m.signature) as Extract<Type, { kind: "signature" }> })),
        terms: t.terms?.map((x) => ({ tilde: x.tilde, type: s(x.type) })),
      };
    case "named":
      return t.origin !== undefined && instance !== undefined ? instance(t.origin.generic, t.origin.args.map(s)) : t;
    case "basic":
      return t;
  }
}

/** Whether a type mentions any of the type parameters in `map` (then it needs substituting). */
export function mentions(t: Type, ids: ReadonlySet<number>): boolean {
  switch (t.kind) {
    case "typeParam":
      return ids.has(t.id);
    case "pointer":
    case "slice":
    case "array":
    case "chan":
      return mentions(t.elem, ids);
    case "map":
      return mentions(t.key, ids) || mentions(t.elem, ids);
    case "signature":
      return t.params.some((p) => mentions(p.type, ids)) || t.results.some((r) => mentions(r.type, ids));
    case "struct":
      return t.fields.some((f) => mentions(f.type, ids));
    case "tuple":
      return t.types.some((x) => mentions(x, ids));
    case "interface":
      return t.methods.some((m) => mentions(m.signature, ids)) || (t.terms ?? []).some((x) => mentions(x.type, ids));
    case "named":
      return t.origin !== undefined && t.origin.args.some((a) => mentions(a, ids));
    case "basic":
      return false;
  }
}
