// An expression written back as Go's compiler quotes it in a message
// ("invalid operation: x + y (mismatched types int and string)"): normalized
// spacing, function literals and long composite literals shortened as go/types
// shortens them.

import type { Expr, Field, FuncType } from "./ast";

export function exprString(e: Expr): string {
  switch (e.kind) {
    case "ident":
      return e.name;
    case "basicLit":
      return e.raw;
    case "compositeLit":
      return `${e.type === undefined ? "" : exprString(e.type)}{${e.elements.length === 0 ? "" : "…"}}`;
    case "funcLit":
      return `(func${signatureString(e.type)} literal)`;
    case "paren":
      return `(${exprString(e.x)})`;
    case "selector":
      return `${exprString(e.x)}.${e.sel.name}`;
    case "index":
      return `${exprString(e.x)}[${e.indices.map(exprString).join(", ")}]`;
    case "slice":
      return `${exprString(e.x)}[${e.low === undefined ? "" : exprString(e.low)}:${e.high === undefined ? "" : exprString(e.high)}${e.max === undefined ? "" : `:${exprString(e.max)}`}]`;
    case "typeAssert":
      return `${exprString(e.x)}.(${e.type === undefined ? "type" : exprString(e.type)})`;
    case "call":
      return `${exprString(e.fun)}(${e.args.map(exprString).join(", ")}${e.ellipsis ? "..." : ""})`;
    case "star":
      return `*${exprString(e.x)}`;
    case "unary":
      return `${e.op}${exprString(e.x)}`;
    case "binary":
      return `${exprString(e.x)} ${e.op} ${exprString(e.y)}`;
    case "arrayType":
      return `[${e.len === undefined ? "" : e.len === "..." ? "..." : exprString(e.len)}]${exprString(e.elem)}`;
    case "mapType":
      return `map[${exprString(e.key)}]${exprString(e.value)}`;
    case "chanType":
      return `${e.dir === "recv" ? "<-chan" : e.dir === "send" ? "chan<-" : "chan"} ${exprString(e.value)}`;
    case "funcType":
      return `func${signatureString(e)}`;
    case "structType":
      return `struct{${e.fields.map(fieldString).join("; ")}}`;
    case "interfaceType":
      return e.methods.length === 0 && e.embeds.length === 0
        ? "interface{}"
        : `interface{${[...e.methods.map((m) => `${m.name.name}${signatureString(m.type)}`), ...e.embeds.map(exprString)].join("; ")}}`;
    case "tilde":
      return `~${exprString(e.x)}`;
  }
}

function fieldString(f: Field): string {
  const type = `${f.variadic ? "..." : ""}${exprString(f.type)}`;
  return f.names.length === 0 ? type : `${f.names.map((n) => n.name).join(", ")} ${type}`;
}

function signatureString(t: FuncType): string {
  const results =
    t.results.length === 0
      ? ""
      : t.results.length === 1 && t.results[0]?.names.length === 0
        ? ` ${fieldString(t.results[0])}`
        : ` (${t.results.map(fieldString).join(", ")})`;
  return `(${t.params.map(fieldString).join(", ")})${results}`;
}
