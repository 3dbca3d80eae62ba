// The Go function a source line belongs to, named as Go's tracebacks name it:
// main.main, main.worker, main.(*Account).Deposit, main.T.String, and a
// closure by its place among its function's literals, main.main.func1 (a
// literal inside that one: main.main.func1.1). Read from the source text
// alone (a trace carries the source, not the syntax tree), with a scan that
// skips strings, runes and comments and counts braces.

interface Frame {
  readonly name: string;
  /** The brace depth inside its body. */
  readonly depth: number;
  literals: number;
}

const IDENT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/y;
const SPACE = /(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

const skipSpace = (text: string, i: number): number => i + (at(SPACE, text, i)?.[0].length ?? 0);

/** The index past the bracket that closes the one at `i` (strings and comments skipped). */
function pastClosing(text: string, i: number): number {
  const open = text[i];
  const close = open === "(" ? ")" : open === "[" ? "]" : "}";
  let depth = 0;
  for (let j = i; j < text.length; j = pastToken(text, j)) {
    const c = text[j];
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return text.length;
}

/** The index past the token at `i`: a whole string, rune or comment, else one char. */
function pastToken(text: string, i: number): number {
  const c = text[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  }
  if (c === "`") {
    const end = text.indexOf("`", i + 1);
    return end < 0 ? text.length : end + 1;
  }
  if (c === "/" && text[i + 1] === "/") {
    const end = text.indexOf("\n", i);
    return end < 0 ? text.length : end;
  }
  if (c === "/" && text[i + 1] === "*") {
    const end = text.indexOf("*/", i + 2);
    return end < 0 ? text.length : end + 2;
  }
  return i + 1;
}

/** A declaration's name after `func `: main.f, main.T.m or main.(*T).m; the index of its parameters' "(". */
function declName(text: string, i: number): { name: string; next: number } | undefined {
  let j = skipSpace(text, i);
  let receiver = "";
  if (text[j] === "(") {
    const end = pastClosing(text, j);
    const inner = text.slice(j + 1, end - 1).replace(/\[.*\]/s, "");
    const m = /(\*?)\s*([A-Za-z_]\w*)\s*$/.exec(inner.trim());
    receiver = m === null ? "" : m[1] === "*" ? `(*${m[2]}).` : `${m[2]}.`;
    j = skipSpace(text, end);
  }
  const id = at(IDENT, text, j);
  if (id === null) return undefined;
  return { name: `main.${receiver}${id[0]}`, next: j + id[0].length };
}

/**
 * Where the body of the `func` whose signature starts at `i` (type parameters
 * or parameters) opens; undefined for a func type, which has none.
 */
function bodyAt(text: string, i: number): number | undefined {
  let j = skipSpace(text, i);
  if (text[j] === "[") j = skipSpace(text, pastClosing(text, j));
  if (text[j] !== "(") return undefined;
  j = pastClosing(text, j);
  for (;;) {
    const before = j;
    j = skipSpace(text, j);
    const c = text[j];
    if (c === "{") return j;
    // A newline ends the signature of a func type (func() int); a literal's body opens on its line.
    if (text.slice(before, j).includes("\n")) return undefined;
    if (c === "(" || c === "[") j = pastClosing(text, j);
    else if (c === "*" || c === ".") j++;
    else {
      const id = at(IDENT, text, j);
      if (id === null) return undefined;
      j += id[0].length;
      // interface{…} and struct{…} in a result type are part of the type, not the body.
      const after = skipSpace(text, j);
      if ((id[0] === "interface" || id[0] === "struct") && text[after] === "{") j = pastClosing(text, after);
    }
  }
}

/**
 * The function line `line` (1-based) is in, as Go's traceback names it: the
 * one open where the line starts (a `go func() {` line is its creator's), or
 * a function declared on the line itself; undefined outside every function.
 */
export function goFunctionAt(source: string, line: number): string | undefined {
  const stack: Frame[] = [];
  let depth = 0;
  let pending: string | undefined;
  let currentLine = 1;
  let found: string | undefined;
  const reached = (): boolean => {
    if (currentLine !== line) return currentLine > line;
    found ??= stack.at(-1)?.name;
    return false;
  };
  reached();
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === "{") {
      depth++;
      if (pending !== undefined) {
        stack.push({ name: pending, depth, literals: 0 });
        if (currentLine === line) found ??= pending;
        pending = undefined;
      }
      i++;
      continue;
    }
    if (c === "}") {
      if (stack.at(-1)?.depth === depth) stack.pop();
      depth--;
      i++;
      continue;
    }
    const id = at(IDENT, source, i);
    if (id !== null) {
      i += id[0].length;
      if (id[0] !== "func" || pending !== undefined) continue;
      // Jump to the body: braces in the signature (interface{}) are not the function's.
      const outer = stack.at(-1);
      const decl = outer === undefined ? declName(source, i) : undefined;
      const body = bodyAt(source, decl?.next ?? i);
      if (body === undefined || source.slice(i, body).includes("\n")) continue;
      if (outer !== undefined) outer.literals++;
      pending =
        outer === undefined
          ? decl?.name
          : outer.name.includes(".func")
            ? `${outer.name}.${outer.literals}`
            : `${outer.name}.func${outer.literals}`;
      i = body;
      continue;
    }
    const next = pastToken(source, i);
    for (let j = i; j < next && j < source.length; j++) {
      if (source[j] !== "\n") continue;
      currentLine++;
      if (reached()) return found;
    }
    i = next;
  }
  return found;
}
