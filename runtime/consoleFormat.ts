// What console.log prints for its arguments, as Node's util.format says it,
// without node:util (the runtime runs in browsers too): the format directives
// (%s %d %i %f %j %o %O %c %%), then each other argument inspected as
// util.inspect shows it by default (depth 2, three inner levels on one line
// when they fit in 128 columns, arrays of more than six short items in
// columns, at most 100 items and 10,000 characters of a string). Getters are
// not called ([Getter]); util.inspect.custom methods and a Promise's state are
// out of reach without Node, so a Promise shows as `Promise { <unknown> }`.
// Pure: it reads the values and returns text.

const BREAK_LENGTH = 128;
const DEPTH = 2;
const COMPACT = 3;
const MAX_ARRAY_LENGTH = 100;
const MAX_STRING_LENGTH = 10_000;

/** The text console.log(...args) prints (without its final newline). */
export function formatConsoleArgs(args: readonly unknown[]): string {
  const first = args[0];
  let a = 0;
  let out = "";
  let join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37 /* % */) continue;
      const next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        let piece: string;
        switch (next) {
          case 115 /* s */:
            piece = stringDirective(args[++a]);
            break;
          case 106 /* j */:
            piece = jsonDirective(args[++a]);
            break;
          case 100 /* d */:
            piece = numberDirective(args[++a], Number);
            break;
          case 105 /* i */:
            piece = numberDirective(args[++a], (v) => Number.parseInt(v as string));
            break;
          case 102 /* f */: {
            const v = args[++a];
            piece = typeof v === "symbol" ? "NaN" : numberText(Number.parseFloat(v as string));
            break;
          }
          case 79 /* O */:
            piece = inspect(args[++a]);
            break;
          case 111 /* o */:
            piece = inspect(args[++a], 4);
            break;
          case 99 /* c */:
            a++;
            piece = "";
            break;
          case 37 /* % */:
            out += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) out += first.slice(lastPos, i - 1);
        out += piece;
        lastPos = i + 1;
      } else if (next === 37) {
        out += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) out += first.slice(lastPos);
    }
  }
  for (; a < args.length; a++) {
    const v = args[a];
    out += join + (typeof v === "string" ? v : inspect(v));
    join = " ";
  }
  return out;
}

const numberText = (n: number): string => (Object.is(n, -0) ? "-0" : String(n));

function numberDirective(v: unknown, toNumber: (v: unknown) => number): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return "NaN";
  return numberText(toNumber(v));
}

function stringDirective(v: unknown): string {
  if (typeof v === "number") return numberText(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v !== "object" || v === null || !hasBuiltInToString(v)) return String(v);
  return inspect(v, 0);
}

function jsonDirective(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "undefined";
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return "[Circular]";
    throw err;
  }
}

/** The constructors whose toString %s leaves to inspect (Node's list of built-ins, the ones that matter). */
const BUILT_INS: ReadonlySet<string> = new Set(["Object", "Error", "Array", "Date", "RegExp", "Map", "Set", "Promise", "Function"]);

/** No toString of the program's own anywhere on its prototype chain. */
function hasBuiltInToString(v: object): boolean {
  if (typeof (v as { toString?: unknown }).toString !== "function") return true;
  if (Object.hasOwn(v, "toString")) return false;
  let p: object | null = v;
  do p = Object.getPrototypeOf(p) as object | null;
  while (p !== null && !Object.hasOwn(p, "toString"));
  if (p === null) return true;
  const ctor = Object.getOwnPropertyDescriptor(p, "constructor")?.value as unknown;
  return typeof ctor === "function" && BUILT_INS.has(ctor.name);
}

// ---------------------------------------------------------------------------
// inspect

/** util.inspect(value) with Node's defaults (depth 2, no colours). */
export function inspect(value: unknown, depth = DEPTH): string {
  const ctx: Ctx = { depth, seen: [], circular: new Map(), indentation: 0, currentDepth: 0 };
  return formatValue(ctx, value, 0);
}

interface Ctx {
  readonly depth: number;
  /** The objects being formatted, outermost first: a value among them is a cycle. */
  readonly seen: object[];
  /** Objects a cycle leads back to, and their reference numbers (`<ref *1>`). */
  readonly circular: Map<object, number>;
  indentation: number;
  currentDepth: number;
}

function formatValue(ctx: Ctx, v: unknown, recurseTimes: number): string {
  if (typeof v !== "object" && typeof v !== "function") return formatPrimitive(v as Primitive);
  if (v === null) return "null";
  if (ctx.seen.includes(v)) {
    let ref = ctx.circular.get(v);
    if (ref === undefined) {
      ref = ctx.circular.size + 1;
      ctx.circular.set(v, ref);
    }
    return `[Circular *${ref}]`;
  }
  return formatRaw(ctx, v, recurseTimes);
}

type Primitive = string | number | bigint | boolean | symbol | undefined;

function formatPrimitive(v: Primitive): string {
  if (typeof v === "string") {
    if (v.length <= MAX_STRING_LENGTH) return quote(v);
    const more = v.length - MAX_STRING_LENGTH;
    return `${quote(v.slice(0, MAX_STRING_LENGTH))}... ${more} more character${more > 1 ? "s" : ""}`;
  }
  if (typeof v === "number") return numberText(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return symbolText(v);
  return v === undefined ? "undefined" : v ? "true" : "false";
}

const symbolText = (s: symbol): string => (s.description === undefined ? "Symbol()" : `Symbol(${s.description})`);

const META: Readonly<Record<string, string>> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\\": "\\\\" };

/** A string in quotes, as inspect writes it: single quotes unless the string holds one. */
function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes("`") && !s.includes("${")) q = "`";
  }
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const escaped = s.replace(/[\x00-\x1f\x7f\\]/g, (c) => META[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function keyText(key: string | symbol): string {
  if (typeof key === "symbol") return `[${symbolText(key)}]`;
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** The constructor's name on the prototype chain, or undefined (a null prototype). */
function constructorName(v: object): string | undefined {
  let p: object | null = v;
  while (p !== null) {
    const d = Object.getOwnPropertyDescriptor(p, "constructor");
    if (d !== undefined && typeof d.value === "function" && (d.value as { name?: unknown }).name !== "") {
      return String((d.value as { name: unknown }).name);
    }
    p = Object.getPrototypeOf(p) as object | null;
  }
  return undefined;
}

const tagOf = (v: object): string => Object.prototype.toString.call(v).slice(8, -1);

type Entries = { readonly kind: "object" | "array"; readonly output: string[] };

function formatRaw(ctx: Ctx, v: object, recurseTimes: number): string {
  const ctor = constructorName(v);
  const tag = tagOf(v);
  let braces: [string, string] = ["{", "}"];
  let base = "";
  let kind: Entries["kind"] = "object";
  let keys = ownKeys(v, false);
  let items: (() => string[]) | undefined;
  /** "Foo(2) " before the braces: a subclass's name, or the type's own when `always`. */
  const prefix = (type: string, size: string, always = false): string =>
    ctor === undefined ? `[${type}${size}: null prototype] ` : ctor === type && !always ? "" : `${ctor}${size} `;

  if (Array.isArray(v)) {
    keys = ownKeys(v, true);
    const p = ctor === "Array" ? "" : prefix("Array", `(${v.length})`);
    braces = [`${p}[`, "]"];
    kind = "array";
    if (v.length === 0 && keys.length === 0) return `${braces[0]}]`;
    items = () => arrayItems(ctx, v, recurseTimes);
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const ta = v as unknown as ArrayLike<number | bigint>;
    keys = ownKeys(v, true);
    braces = [`${ctor ?? tag}(${ta.length}) [`, "]"];
    kind = "array";
    if (ta.length === 0 && keys.length === 0) return `${braces[0]}]`;
    items = () => typedItems(ta);
  } else if (v instanceof Map) {
    braces = [`${prefix("Map", `(${v.size})`, true)}{`, "}"];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    items = () => mapItems(ctx, v, recurseTimes);
  } else if (v instanceof Set) {
    braces = [`${prefix("Set", `(${v.size})`, true)}{`, "}"];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    items = () => setItems(ctx, v, recurseTimes);
  } else if (typeof v === "function") {
    base = functionBase(v as (...args: unknown[]) => unknown, ctor);
    if (keys.length === 0) return base;
  } else if (v instanceof RegExp) {
    base = RegExp.prototype.toString.call(v);
    if (keys.length === 0) return base;
  } else if (v instanceof Date) {
    base = Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
    if (keys.length === 0) return base;
  } else if (v instanceof Error) {
    base = errorBase(v);
    keys = keys.filter((k) => k !== "stack" && k !== "message");
    if (keys.length === 0) return base;
  } else if (v instanceof Promise) {
    braces = [`${ctor ?? "[Promise: null prototype]"} {`, "}"];
    items = () => ["<unknown>"];
  } else if (v instanceof WeakMap || v instanceof WeakSet) {
    return `${ctor ?? tag} { <items unknown> }`;
  } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
    const inner = formatPrimitive((v as { valueOf(): Primitive }).valueOf());
    base = `[${tag}${ctor !== tag ? ` (${ctor ?? "null prototype"})` : ""}: ${inner}]`;
    if (v instanceof String) keys = keys.filter((k) => typeof k !== "string" || !/^\d+$/.test(k));
    if (keys.length === 0) return base;
  } else {
    if (ctor === undefined) braces[0] = `[Object: null prototype] {`;
    else if (ctor !== "Object") braces[0] = `${ctor} {`;
    else if (tag !== "Object") braces[0] = `Object [${tag}] {`;
    if (keys.length === 0) return `${braces[0]}}`;
  }

  if (recurseTimes > ctx.depth) return `[${ctor ?? tag}]`;
  recurseTimes += 1;
  ctx.seen.push(v);
  ctx.currentDepth = recurseTimes;
  const output: string[] = items?.() ?? [];
  for (const key of keys) output.push(formatProperty(ctx, v, recurseTimes, key));
  ctx.seen.pop();
  const ref = ctx.circular.get(v);
  if (ref !== undefined) {
    const mark = `<ref *${ref}>`;
    if (base === "") braces[0] = `${mark} ${braces[0]}`;
    else base = `${mark} ${base}`;
  }
  return reduceToSingleString(ctx, output, base, braces, kind, recurseTimes, v);
}

/** Own enumerable keys (symbols too); for arrays, those that are not indices. */
function ownKeys(v: object, skipIndices: boolean): (string | symbol)[] {
  const keys: (string | symbol)[] = [];
  for (const k of Object.keys(v)) if (!(skipIndices && /^(0|[1-9]\d*)$/.test(k))) keys.push(k);
  for (const s of Object.getOwnPropertySymbols(v)) if (Object.getOwnPropertyDescriptor(v, s)?.enumerable === true) keys.push(s);
  return keys;
}

function formatProperty(ctx: Ctx, v: object, recurseTimes: number, key: string | symbol): string {
  const d = Object.getOwnPropertyDescriptor(v, key);
  let value: string;
  if (d === undefined) value = "undefined";
  else if (d.get !== undefined || d.set !== undefined) {
    value = d.get !== undefined ? (d.set !== undefined ? "[Getter/Setter]" : "[Getter]") : "[Setter]";
  } else {
    ctx.indentation += 2;
    value = formatValue(ctx, d.value, recurseTimes);
    ctx.indentation -= 2;
  }
  return `${keyText(key)}: ${value}`;
}

function arrayItems(ctx: Ctx, v: readonly unknown[], recurseTimes: number): string[] {
  const out: string[] = [];
  const n = Math.min(v.length, MAX_ARRAY_LENGTH);
  let holes = 0;
  const flushHoles = (): void => {
    if (holes > 0) out.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
    holes = 0;
  };
  let i = 0;
  for (; i < v.length && out.length < n; i++) {
    if (!Object.hasOwn(v, i)) {
      holes++;
      continue;
    }
    flushHoles();
    if (out.length >= n) break;
    const d = Object.getOwnPropertyDescriptor(v, i);
    if (d !== undefined && (d.get !== undefined || d.set !== undefined)) {
      out.push(d.get !== undefined ? (d.set !== undefined ? "[Getter/Setter]" : "[Getter]") : "[Setter]");
      continue;
    }
    ctx.indentation += 2;
    out.push(formatValue(ctx, v[i], recurseTimes));
    ctx.indentation -= 2;
  }
  flushHoles();
  const remaining = v.length - i;
  if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return out;
}

function typedItems(v: ArrayLike<number | bigint>): string[] {
  const out: string[] = [];
  const n = Math.min(v.length, MAX_ARRAY_LENGTH);
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    out.push(typeof x === "bigint" ? `${x}n` : numberText(x));
  }
  const remaining = v.length - n;
  if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return out;
}

function mapItems(ctx: Ctx, m: Map<unknown, unknown>, recurseTimes: number): string[] {
  const out: string[] = [];
  ctx.indentation += 2;
  for (const [k, v] of m) {
    if (out.length >= MAX_ARRAY_LENGTH) break;
    out.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  ctx.indentation -= 2;
  const remaining = m.size - out.length;
  if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return out;
}

function setItems(ctx: Ctx, s: Set<unknown>, recurseTimes: number): string[] {
  const out: string[] = [];
  ctx.indentation += 2;
  for (const v of s) {
    if (out.length >= MAX_ARRAY_LENGTH) break;
    out.push(formatValue(ctx, v, recurseTimes));
  }
  ctx.indentation -= 2;
  const remaining = s.size - out.length;
  if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return out;
}

function functionBase(f: (...args: unknown[]) => unknown, ctor: string | undefined): string {
  let source = "";
  try {
    source = Function.prototype.toString.call(f);
  } catch {
    // A revoked proxy: not a class, as far as we can tell.
  }
  const name = typeof f.name === "string" ? f.name : "";
  if (source.startsWith("class") && /^class\b/.test(source)) {
    const proto = Object.getPrototypeOf(f) as { name?: unknown } | null;
    const ext =
      proto !== null && typeof proto === "function" && typeof proto.name === "string" && proto.name !== "" ? ` extends ${proto.name}` : "";
    return `[class ${name === "" ? "(anonymous)" : name}${ext}]`;
  }
  const type = ctor === undefined ? "Function" : ctor;
  return `[${type}${name === "" ? " (anonymous)" : `: ${name}`}]${ctor === undefined ? " [null prototype]" : ""}`;
}

function errorBase(e: Error): string {
  const stack = typeof e.stack === "string" && e.stack !== "" ? e.stack : undefined;
  const head = `${e.name}${e.message === "" ? "" : `: ${e.message}`}`;
  return stack ?? `[${head}]`;
}

function reduceToSingleString(
  ctx: Ctx,
  output: string[],
  base: string,
  braces: readonly [string, string],
  kind: Entries["kind"],
  recurseTimes: number,
  value: object,
): string {
  const entries = output.length;
  if (kind === "array" && entries > 6) output = groupArrayElements(ctx, output, value as ArrayLike<unknown>);
  if (ctx.currentDepth - recurseTimes < COMPACT && entries === output.length) {
    const start = output.length + ctx.indentation + braces[0].length + base.length + 10;
    if (isBelowBreakLength(output, start, base)) {
      const joined = output.join(", ");
      if (!joined.includes("\n")) return `${base === "" ? "" : `${base} `}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${" ".repeat(ctx.indentation)}`;
  return `${base === "" ? "" : `${base} `}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function isBelowBreakLength(output: readonly string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const o of output) {
    total += o.length;
    if (total > BREAK_LENGTH) return false;
  }
  return base === "" || !base.includes("\n");
}

/** Many short array items in aligned columns, as Node lays them out. */
function groupArrayElements(ctx: Ctx, output: string[], value: ArrayLike<unknown>): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (output[outputLength - 1]?.startsWith("... ") === true && /more items?$/.test(output[outputLength - 1]!)) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i]!.length;
    dataLen.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentation < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((BREAK_LENGTH - ctx.indentation) / actualMax),
      COMPACT * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if ((dataLen[j] ?? 0) > lineLength) lineLength = dataLen[j]!;
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    for (let i = 0; i < output.length; i++) {
      const x = value[i];
      if (typeof x !== "number" && typeof x !== "bigint") {
        padStart = false;
        break;
      }
    }
    const tmp: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = "";
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        line += padStart ? cell.padStart(maxLineLength[j - i]!, " ") : cell.padEnd(maxLineLength[j - i]!, " ");
      }
      line += padStart ? output[j]!.padStart(maxLineLength[j - i]! - separatorSpace, " ") : output[j]!;
      tmp.push(line);
    }
    if (outputLength < output.length) tmp.push(output[outputLength]!);
    return tmp;
  }
  return output;
}
