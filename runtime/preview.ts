// Bounded, side-effect-free previews of channel values for the trace.
//
// A preview never exceeds VALUE_PREVIEW_MAX characters, never calls user code
// (no toString, no getters: accessor properties show as [Getter]), survives
// cycles, and stops walking as soon as its character budget is spent, so a huge
// object costs about as much as a small one.

import { VALUE_PREVIEW_MAX } from "../traces/events";

const ELLIPSIS = "…";

/** A bounded preview string of any value (at most VALUE_PREVIEW_MAX characters). */
export function preview(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "string":
      return quote(value, VALUE_PREVIEW_MAX);
    case "undefined":
      return "undefined";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return clip(`${value.toString()}n`);
    case "symbol":
      return clip(symbolText(value));
    case "function":
      return clip(functionText(value));
    case "object": {
      if (value === null) return "null";
      const out = new Writer(VALUE_PREVIEW_MAX);
      writeObject(out, value, 0, []);
      return out.done();
    }
  }
}

function clip(s: string): string {
  return s.length <= VALUE_PREVIEW_MAX ? s : s.slice(0, VALUE_PREVIEW_MAX - 1) + ELLIPSIS;
}

function quote(s: string, max: number): string {
  // Quote only a prefix: JSON.stringify of a megabyte string would be the expensive part.
  const q = JSON.stringify(s.length > max ? s.slice(0, max) : s);
  if (q.length <= max && s.length <= max) return q;
  return q.slice(0, Math.max(1, max - 2)) + ELLIPSIS + '"';
}

function symbolText(s: symbol): string {
  const d = s.description;
  return d === undefined ? "Symbol()" : `Symbol(${d})`;
}

function functionText(f: object): string {
  let name = "";
  try {
    const d = Object.getOwnPropertyDescriptor(f, "name");
    if (d && typeof d.value === "string") name = d.value;
  } catch {
    // A revoked proxy or similar: the anonymous form is fine.
  }
  return name ? `[Function ${name}]` : "[Function]";
}

/** Appends up to a character budget; once full, everything else is dropped and the text ends with "…". */
class Writer {
  private s = "";
  full = false;

  constructor(private readonly max: number) {}

  /** A point to rewind to if writing a part fails half-way. */
  mark(): number {
    return this.full ? -1 : this.s.length;
  }

  rewind(mark: number): void {
    if (mark < 0) return;
    this.s = this.s.slice(0, mark);
    this.full = false;
  }

  put(text: string): void {
    if (this.full) return;
    if (this.s.length + text.length <= this.max) {
      this.s += text;
      return;
    }
    this.s = (this.s + text).slice(0, this.max - 1) + ELLIPSIS;
    this.full = true;
  }

  done(): string {
    return this.s;
  }
}

function writeValue(out: Writer, v: unknown, depth: number, seen: object[]): void {
  if (out.full) return;
  switch (typeof v) {
    case "string":
      out.put(quote(v, VALUE_PREVIEW_MAX));
      return;
    case "object":
      if (v === null) out.put("null");
      else writeObject(out, v, depth, seen);
      return;
    case "number":
      out.put(Object.is(v, -0) ? "-0" : String(v));
      return;
    case "undefined":
      out.put("undefined");
      return;
    case "boolean":
      out.put(v ? "true" : "false");
      return;
    case "bigint":
      out.put(`${v.toString()}n`);
      return;
    case "symbol":
      out.put(symbolText(v));
      return;
    case "function":
      out.put(functionText(v));
      return;
  }
}

const MAX_DEPTH = 2;

function constructorName(o: object): string | undefined {
  try {
    const proto: unknown = Object.getPrototypeOf(o);
    if (proto === null) return undefined;
    const d = Object.getOwnPropertyDescriptor(proto, "constructor");
    const c: unknown = d?.value;
    if (typeof c !== "function") return undefined;
    const n: unknown = Object.getOwnPropertyDescriptor(c, "name")?.value;
    return typeof n === "string" ? n : undefined;
  } catch {
    return undefined;
  }
}

function writeObject(out: Writer, o: object, depth: number, seen: object[]): void {
  if (seen.includes(o)) {
    out.put("[Circular]");
    return;
  }
  const mark = out.mark();
  const depthOfSeen = seen.length;
  try {
    if (Array.isArray(o)) {
      writeArray(out, o, depth, seen);
      return;
    }
    if (ArrayBuffer.isView(o)) {
      const name = constructorName(o) ?? "TypedArray";
      const len = o instanceof DataView ? o.byteLength : (o as unknown as ArrayLike<unknown>).length;
      out.put(`${name}(${len})`);
      if (!(o instanceof DataView) && depth < MAX_DEPTH) {
        out.put(" ");
        writeArray(out, o as unknown as ArrayLike<unknown>, depth, seen);
      }
      return;
    }
    if (o instanceof Date) {
      const ms = o.getTime();
      out.put(Number.isNaN(ms) ? "Invalid Date" : o.toISOString());
      return;
    }
    if (o instanceof Error) {
      out.put(`${constructorName(o) ?? "Error"}: ${String(Object.getOwnPropertyDescriptor(o, "message")?.value ?? "")}`);
      return;
    }
    if (o instanceof Map) {
      out.put(`Map(${o.size})`);
      if (depth >= MAX_DEPTH) return;
      out.put(" {");
      seen.push(o);
      let first = true;
      for (const [k, v] of o) {
        if (out.full) break;
        if (!first) out.put(", ");
        first = false;
        writeValue(out, k, depth + 1, seen);
        out.put(" => ");
        writeValue(out, v, depth + 1, seen);
      }
      seen.pop();
      out.put("}");
      return;
    }
    if (o instanceof Set) {
      out.put(`Set(${o.size})`);
      if (depth >= MAX_DEPTH) return;
      out.put(" {");
      seen.push(o);
      let first = true;
      for (const v of o) {
        if (out.full) break;
        if (!first) out.put(", ");
        first = false;
        writeValue(out, v, depth + 1, seen);
      }
      seen.pop();
      out.put("}");
      return;
    }
    if (o instanceof Promise) {
      out.put("Promise {…}");
      return;
    }
    if (o instanceof RegExp) {
      out.put(String(Object.getOwnPropertyDescriptor(RegExp.prototype, "source")?.get?.call(o) ?? "RegExp"));
      return;
    }
    const name = constructorName(o);
    const prefix = name === "Object" ? "" : name === undefined ? "[Object: null prototype] " : `${name} `;
    if (depth >= MAX_DEPTH) {
      out.put(`${prefix}{…}`);
      return;
    }
    out.put(`${prefix}{`);
    seen.push(o);
    let first = true;
    // for-in would walk the prototype chain; own enumerable string keys are what a reader expects.
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length; i++) {
      if (out.full) break;
      const k = keys[i]!;
      if (!first) out.put(", ");
      first = false;
      out.put(/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k, 20));
      out.put(": ");
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d === undefined) out.put("undefined");
      else if ("value" in d) writeValue(out, d.value, depth + 1, seen);
      else out.put("[Getter]");
    }
    seen.pop();
    out.put("}");
  } catch {
    // Proxies can throw from any trap; a preview must never throw.
    seen.length = depthOfSeen;
    out.rewind(mark);
    out.put("[Object]");
  }
}

function writeArray(out: Writer, a: ArrayLike<unknown>, depth: number, seen: object[]): void {
  if (depth >= MAX_DEPTH) {
    out.put(`[…${a.length}]`);
    return;
  }
  out.put("[");
  seen.push(a);
  const n = a.length;
  for (let i = 0; i < n; i++) {
    if (out.full) break;
    if (i > 0) out.put(", ");
    writeValue(out, a[i], depth + 1, seen);
  }
  seen.pop();
  out.put("]");
}
