// Go names as JavaScript names. Go identifiers never contain `$`, so every name
// the emitter makes up has one and cannot meet a program's; a Go name that is
// a JavaScript reserved word gets a `$` after it.

const RESERVED: ReadonlySet<string> = new Set([
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "undefined",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "NaN",
  "Infinity",
  "Object",
  "Array",
  "Math",
  "Number",
  "String",
  "Promise",
  "Error",
  "Map",
  "Set",
  "JSON",
  "Symbol",
  "BigInt",
  "Date",
  "console",
  "globalThis",
]);

/** A Go identifier as a JS identifier. */
export function jsIdent(name: string): string {
  return RESERVED.has(name) ? `${name}$` : name;
}

/** A JS string literal of a Go string's bytes (one char per byte). */
export function jsString(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c >= 0x20 && c < 0x7f) out += bytes[i];
    else out += `\\x${c.toString(16).padStart(2, "0")}`;
  }
  return out + '"';
}
