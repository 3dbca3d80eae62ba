// Fields and methods by name, through embedded fields (spec: "Selectors"),
// method sets, and whether a type implements an interface (spec: "Method
// sets", "Interface types"). Pure functions over types.ts.

import { identical, underlying, type Interface, type Method, type Named, type Signature, type Struct, type Type } from "./types";

export type Found =
  | { readonly kind: "field"; readonly path: readonly number[]; readonly type: Type; readonly indirect: boolean }
  | {
      readonly kind: "method";
      readonly path: readonly number[];
      readonly signature: Signature;
      readonly pointerReceiver: boolean;
      /** Found in an interface's method list: called by dynamic dispatch. */
      readonly viaInterface: boolean;
      /** Some embedded field on the way was a pointer. */
      readonly indirect: boolean;
      /** The type whose method it is: a defined type, or an interface. */
      readonly owner: Type;
    }
  /** Two at the same depth: Go's "ambiguous selector". */
  | { readonly kind: "ambiguous" }
  | undefined;

interface Entry {
  readonly type: Type;
  readonly path: readonly number[];
  readonly indirect: boolean;
}

/** The pointed-to type when t is a pointer (one level: Go auto-dereferences once). */
export function derefOnce(t: Type): { readonly type: Type; readonly pointer: boolean } {
  const u = underlying(t);
  return u.kind === "pointer" ? { type: u.elem, pointer: true } : { type: t, pointer: false };
}

/** `x.name` for x of type t: breadth first through embedded fields, as Go's depth rule says. */
export function lookupFieldOrMethod(t: Type, name: string): Found {
  const start = derefOnce(t);
  let level: Entry[] = [{ type: start.type, path: [], indirect: start.pointer }];
  const seen = new Set<Named>();
  while (level.length > 0) {
    const found: Exclude<Found, undefined>[] = [];
    const next: Entry[] = [];
    for (const e of level) {
      const named = e.type.kind === "named" ? e.type : undefined;
      if (named !== undefined) {
        if (seen.has(named)) continue;
        seen.add(named);
        const m = named.methods.find((x) => x.name === name);
        if (m !== undefined) {
          found.push({
            kind: "method",
            path: e.path,
            signature: m.signature,
            pointerReceiver: m.pointerReceiver,
            viaInterface: false,
            indirect: e.indirect,
            owner: named,
          });
          continue;
        }
      }
      const u = underlying(e.type);
      if (u.kind === "struct") {
        u.fields.forEach((f, i) => {
          if (f.name === name) found.push({ kind: "field", path: [...e.path, i], type: f.type, indirect: e.indirect });
          if (f.embedded) {
            const inner = derefOnce(f.type);
            next.push({ type: inner.type, path: [...e.path, i], indirect: e.indirect || inner.pointer });
          }
        });
      } else if (u.kind === "interface") {
        const m = u.methods.find((x) => x.name === name);
        if (m !== undefined)
          found.push({
            kind: "method",
            path: e.path,
            signature: m.signature,
            pointerReceiver: false,
            viaInterface: true,
            indirect: e.indirect,
            owner: e.type,
          });
      }
    }
    if (found.length === 1) return found[0];
    if (found.length > 1) return { kind: "ambiguous" };
    level = next;
  }
  return undefined;
}

/** The methods callable on a value of type t (`pointer`: on *t), by name: Go's method set, promoted methods included. */
export function methodSet(t: Type): Map<string, Signature> {
  const out = new Map<string, Signature>();
  const u = underlying(t);
  if (u.kind === "interface") {
    for (const m of u.methods) out.set(m.name, m.signature);
    return out;
  }
  const { type: base, pointer } = derefOnce(t);
  const visit = (type: Type, viaPointer: boolean, depth: number, seen: Set<Named>): void => {
    if (depth > 8) return;
    if (type.kind === "named") {
      if (seen.has(type)) return;
      seen.add(type);
      for (const m of type.methods) if ((viaPointer || !m.pointerReceiver) && !out.has(m.name)) out.set(m.name, m.signature);
    }
    const s = underlying(type);
    if (s.kind === "struct") {
      for (const f of s.fields) {
        if (!f.embedded) continue;
        const inner = derefOnce(f.type);
        visit(inner.type, viaPointer || inner.pointer, depth + 1, seen);
      }
    } else if (s.kind === "interface" && depth > 0) {
      for (const m of s.methods) if (!out.has(m.name)) out.set(m.name, m.signature);
    }
  };
  visit(base, pointer, 0, new Set());
  return out;
}

/** Why t does not implement iface, as Go words it ("missing method String"), or undefined when it does. */
export function missingMethod(t: Type, iface: Interface): string | undefined {
  const have = methodSet(t);
  for (const m of iface.methods) {
    const sig = have.get(m.name);
    if (sig === undefined) {
      // Go adds why when the method is there with a pointer receiver.
      const pointerOnly = methodSet({ kind: "pointer", elem: t }).has(m.name) && underlying(t).kind !== "pointer";
      return pointerOnly ? `${m.name} method has pointer receiver` : `missing ${m.name} method`;
    }
    if (!identical(sig, m.signature)) return `wrong type for method ${m.name}`;
  }
  return undefined;
}

export function sortedMethods(methods: readonly Method[]): Method[] {
  return [...methods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function structOf(t: Type): Struct | undefined {
  const u = underlying(t);
  return u.kind === "struct" ? u : undefined;
}
