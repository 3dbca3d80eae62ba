// tree-sitter-go's concrete tree → gofront's syntax tree (ast.ts). Constructs
// outside chanscope's subset are refused here, each with its position; the
// first error node of the parse is Go's "syntax error" at that place.

import type * as A from "./ast";
import { MAX_DIAGNOSTICS, notSupported, type Diagnostic } from "./diagnostics";

/** The part of a tree-sitter node this module reads (web-tree-sitter's Node has it). */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly childCount: number;
  child(index: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): (SyntaxNode | null)[];
}

/** Positions in Go's terms: 1-based lines, columns in UTF-8 bytes (tree-sitter's web binding counts UTF-16 units). */
export class Positions {
  private readonly lineStarts: number[] = [0];
  private readonly ascii: boolean;

  constructor(private readonly source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.ascii = /^[^\u0080-\uffff]*$/.test(source);
  }

  at(index: number): A.Pos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] as number;
    return { line: lo + 1, col: (this.ascii ? index - start : utf8Length(this.source.slice(start, index))) + 1 };
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Packages a program may import: what the subset maps onto the runtime and gofront's library. */
export const SUPPORTED_IMPORTS: ReadonlySet<string> = new Set([
  "fmt",
  "time",
  "sync",
  "sync/atomic",
  "context",
  "errors",
  "strings",
  "strconv",
  "math",
  "math/rand",
  "sort",
  "slices",
  "maps",
  "os",
  "unicode/utf8",
  "golang.org/x/sync/errgroup",
  "golang.org/x/sync/semaphore",
]);

/** Thrown inside the converter to stop at a construct it will not convert; collected by `toAst`. */
class Refused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const GOROUTINE_NAME = /^\/\/\s*goroutine\s+"((?:[^"\\]|\\.)*)"\s*$/;

/** The result of reading a file: its tree, or what is wrong with it (syntax errors first, then refusals). */
export type ReadResult =
  { readonly ok: true; readonly file: A.SourceFile } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface ReadOptions {
  /**
   * A declarations-only file (gofront's standard library declarations):
   * functions may have no body, and any package of the subset may be imported.
   */
  readonly declarations?: boolean;
}

export function toAst(root: SyntaxNode, source: string, file: string, options: ReadOptions = {}): ReadResult {
  const conv = new Converter(source, file, options.declarations === true);
  const syntax = conv.syntaxErrors(root);
  if (syntax.length > 0) return { ok: false, diagnostics: syntax };
  const f = conv.sourceFile(root);
  return conv.diagnostics.length > 0 || f === undefined ? { ok: false, diagnostics: conv.diagnostics } : { ok: true, file: f };
}

class Converter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly positions: Positions;

  constructor(
    private readonly source: string,
    private readonly file: string,
    private readonly declarations: boolean,
  ) {
    this.positions = new Positions(source);
  }

  private pos(n: SyntaxNode): A.Pos {
    return this.positions.at(n.startIndex);
  }

  /** The position of an anonymous token child (":=", "="), or the node's own. */
  private tokenPos(n: SyntaxNode, token: string): A.Pos {
    for (let i = 0; i < n.childCount; i++) {
      const c = n.child(i);
      if (c !== null && !c.isNamed && c.type === token) return this.pos(c);
    }
    return this.pos(n);
  }

  /** Where a node's last token (a closing bracket) starts. */
  private rparenOf(n: SyntaxNode): A.Pos {
    const close = lastChild(n);
    return this.positions.at(close === undefined ? n.endIndex : close.startIndex);
  }

  private refuse(n: SyntaxNode, message: string): never {
    throw new Refused({ file: this.file, pos: this.pos(n), message });
  }

  /** Runs `f`, turning a refusal into a diagnostic (and undefined), so one file reports several. */
  private attempt<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push(e.diagnostic);
      return undefined;
    }
  }

  // ----- syntax errors

  syntaxErrors(root: SyntaxNode): Diagnostic[] {
    if (!root.hasError) return [];
    const out: Diagnostic[] = [];
    const visit = (n: SyntaxNode): void => {
      if (out.length > 0) return;
      if (n.type === "ERROR") {
        out.push({ file: this.file, pos: this.pos(n), message: `syntax error: unexpected ${this.tokenWords(firstToken(n))}` });
        return;
      }
      if (n.isMissing) {
        out.push({ file: this.file, pos: this.pos(n), message: `syntax error: missing ${n.type === "identifier" ? "name" : n.type}` });
        return;
      }
      if (!n.hasError) return;
      for (let i = 0; i < n.childCount; i++) {
        const c = n.child(i);
        if (c !== null) visit(c);
      }
    };
    visit(root);
    return out.length > 0 ? out : [{ file: this.file, pos: this.pos(root), message: "syntax error" }];
  }

  /** A token as Go's parser names it in "unexpected …": `name x`, `literal 1`, `keyword func`, `newline`, or the token. */
  private tokenWords(n: SyntaxNode): string {
    const text = n.text;
    if (text === "" || text === "\n") return "newline";
    if (KEYWORDS.has(text)) return `keyword ${text}`;
    if (/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(text)) return `name ${text}`;
    if (/^[0-9.'"`]/.test(text)) return `literal ${text}`;
    return text;
  }

  // ----- the file

  sourceFile(root: SyntaxNode): A.SourceFile | undefined {
    let pkg: A.Ident | undefined;
    const imports: A.ImportSpec[] = [];
    const decls: A.Decl[] = [];
    for (const n of namedChildren(root)) {
      switch (n.type) {
        case "package_clause": {
          const id = namedChildren(n)[0];
          if (id !== undefined) pkg = { kind: "ident", pos: this.pos(id), name: id.text };
          break;
        }
        case "import_declaration": {
          const specs = this.attempt(() => this.importDecl(n));
          if (specs !== undefined) {
            imports.push(...specs);
            decls.push({ kind: "import", pos: this.pos(n), specs });
          }
          break;
        }
        case "function_declaration":
        case "method_declaration": {
          const d = this.attempt(() => this.funcDecl(n));
          if (d !== undefined) decls.push(d);
          break;
        }
        case "const_declaration":
        case "var_declaration":
        case "type_declaration": {
          const d = this.attempt(() => this.genDecl(n));
          if (d !== undefined) decls.push(d);
          break;
        }
        default:
          this.attempt(() => this.refuse(n, `syntax error: non-declaration statement outside function body`));
      }
    }
    if (pkg === undefined) {
      this.diagnostics.push({ file: this.file, pos: { line: 1, col: 1 }, message: "expected 'package', found 'EOF'" });
      return undefined;
    }
    return { file: this.file, pkg, imports, decls };
  }

  private importDecl(n: SyntaxNode): A.ImportSpec[] {
    const specs = namedChildren(n).flatMap((c) => (c.type === "import_spec_list" ? namedChildren(c) : [c]));
    return specs
      .filter((s) => s.type === "import_spec")
      .map((s) => {
        const pathNode = field(s, "path");
        const path = unquoteImport(pathNode.text);
        if (!SUPPORTED_IMPORTS.has(path) && !this.declarations) this.refuse(pathNode, notSupported(`package ${JSON.stringify(path)}`));
        const nameNode = s.childForFieldName("name");
        if (nameNode?.type === "dot") this.refuse(nameNode, notSupported("a dot import"));
        return { pos: this.pos(s), name: nameNode === null ? undefined : this.ident(nameNode), path };
      });
  }

  private funcDecl(n: SyntaxNode): A.FuncDecl {
    const recvNode = n.childForFieldName("receiver");
    let recv: A.Field | undefined;
    if (recvNode !== null) {
      const fields = this.fields(recvNode);
      if (fields.length !== 1 || (fields[0]?.names.length ?? 0) > 1) this.refuse(recvNode, "method has multiple receivers");
      recv = fields[0];
    }
    const bodyNode = n.childForFieldName("body");
    if (bodyNode === null && !this.declarations) this.refuse(n, notSupported("a function without a body"));
    return {
      kind: "func",
      pos: this.pos(n),
      recv,
      name: this.ident(field(n, "name")),
      type: this.signature(n),
      body: bodyNode === null ? undefined : this.block(bodyNode),
    };
  }

  private genDecl(n: SyntaxNode): A.GenDecl {
    const pos = this.pos(n);
    switch (n.type) {
      case "const_declaration": {
        const specs: A.ValueSpec[] = [];
        let previous: { type: A.Expr | undefined; values: readonly A.Expr[] } | undefined;
        namedChildren(n)
          .filter((c) => c.type === "const_spec")
          .forEach((s, iota) => {
            const names = s.childrenForFieldName("name").flatMap((x) => (x !== null && x.type === "identifier" ? [this.ident(x)] : []));
            const typeNode = s.childForFieldName("type");
            const valueNode = s.childForFieldName("value");
            // A spec without values repeats the previous one's type and values (Go's implicit repetition, iota advancing).
            const own =
              valueNode === null
                ? undefined
                : { type: typeNode === null ? undefined : this.expr(typeNode), values: this.exprList(valueNode) };
            const used = own ?? previous;
            if (used === undefined) this.refuse(s, "missing init expr for const declaration");
            previous = used;
            specs.push({ pos: this.pos(s), names, type: used.type, values: used.values, iota });
          });
        return { kind: "const", pos, specs };
      }
      case "var_declaration": {
        const specs = namedChildren(n)
          .flatMap((c) => (c.type === "var_spec_list" ? namedChildren(c) : [c]))
          .filter((s) => s.type === "var_spec")
          .map((s): A.ValueSpec => {
            const typeNode = s.childForFieldName("type");
            const valueNode = s.childForFieldName("value");
            return {
              pos: this.pos(s),
              names: s.childrenForFieldName("name").flatMap((x) => (x !== null && x.type === "identifier" ? [this.ident(x)] : [])),
              type: typeNode === null ? undefined : this.expr(typeNode),
              values: valueNode === null ? [] : this.exprList(valueNode),
              iota: 0,
            };
          });
        return { kind: "var", pos, specs };
      }
      case "type_declaration": {
        const specs = namedChildren(n)
          .filter((s) => s.type === "type_spec" || s.type === "type_alias")
          .map((s): A.TypeSpec => {
            const tp = s.childForFieldName("type_parameters");
            return {
              pos: this.pos(s),
              name: this.ident(field(s, "name")),
              typeParams: tp === null ? [] : this.typeParams(tp),
              alias: s.type === "type_alias",
              type: this.expr(field(s, "type")),
            };
          });
        return { kind: "type", pos, specs };
      }
      default:
        return this.refuse(n, `unexpected declaration ${n.type}`);
    }
  }

  // ----- functions and fields

  private signature(n: SyntaxNode): A.FuncType {
    const tp = n.childForFieldName("type_parameters");
    const result = n.childForFieldName("result");
    return {
      kind: "funcType",
      pos: this.pos(n),
      typeParams: tp === null ? [] : this.typeParams(tp),
      params: this.fields(field(n, "parameters")),
      results:
        result === null
          ? []
          : result.type === "parameter_list"
            ? this.fields(result)
            : [{ pos: this.pos(result), names: [], type: this.expr(result), variadic: false, embedded: false }],
    };
  }

  private fields(list: SyntaxNode): A.Field[] {
    return namedChildren(list).flatMap((p): A.Field[] => {
      if (p.type !== "parameter_declaration" && p.type !== "variadic_parameter_declaration") return [];
      const names = p.childrenForFieldName("name").flatMap((x) => (x !== null ? [this.ident(x)] : []));
      return [
        {
          pos: this.pos(p),
          names,
          type: this.expr(field(p, "type")),
          variadic: p.type === "variadic_parameter_declaration",
          embedded: false,
        },
      ];
    });
  }

  private typeParams(list: SyntaxNode): A.Field[] {
    return namedChildren(list)
      .filter((p) => p.type === "type_parameter_declaration")
      .map((p) => {
        const constraint = field(p, "type");
        const terms = namedChildren(constraint).map((t) => this.expr(t));
        const type: A.Expr =
          terms.length === 1 && terms[0]?.kind !== "tilde"
            ? (terms[0] as A.Expr)
            : { kind: "interfaceType", pos: this.pos(constraint), methods: [], embeds: [unionOf(terms, this.pos(constraint))] };
        return {
          pos: this.pos(p),
          names: p.childrenForFieldName("name").flatMap((x) => (x !== null ? [this.ident(x)] : [])),
          type,
          variadic: false,
          embedded: false,
        };
      });
  }

  // ----- statements

  private block(n: SyntaxNode): A.Block {
    const list = namedChildren(n).find((c) => c.type === "statement_list");
    const stmts = list === undefined ? [] : this.stmtList(list);
    const close = lastChild(n);
    return { kind: "block", pos: this.pos(n), stmts, end: this.positions.at(close === undefined ? n.endIndex : close.startIndex) };
  }

  private stmtList(list: SyntaxNode): A.Stmt[] {
    const out: A.Stmt[] = [];
    const kids = namedChildren(list, true);
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i] as SyntaxNode;
      if (c.type === "comment") continue;
      const s = this.attempt(() => this.stmt(c, kids[i + 1]));
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /** `next` is the node after it (a trailing `// goroutine "name"` comment names a `go` statement's goroutine). */
  private stmt(n: SyntaxNode, next?: SyntaxNode): A.Stmt {
    const pos = this.pos(n);
    switch (n.type) {
      case "block":
        return this.block(n);
      case "const_declaration":
      case "var_declaration":
      case "type_declaration":
        return { kind: "declStmt", pos, decl: this.genDecl(n) };
      case "empty_statement":
        return { kind: "empty", pos };
      case "labeled_statement": {
        const inner = namedChildren(n).find((c) => c.type !== "label_name");
        return {
          kind: "labeled",
          pos,
          label: this.ident(field(n, "label")),
          stmt: inner === undefined ? { kind: "empty", pos } : this.stmt(inner),
        };
      }
      case "expression_statement":
        return { kind: "exprStmt", pos, x: this.expr(onlyChild(n)) };
      case "send_statement":
        return { kind: "send", pos, chan: this.expr(field(n, "channel")), value: this.expr(field(n, "value")) };
      case "inc_statement":
      case "dec_statement":
        return { kind: "incDec", pos, x: this.expr(onlyChild(n)), inc: n.type === "inc_statement" };
      case "assignment_statement": {
        const op = field(n, "operator");
        return {
          kind: "assign",
          pos,
          lhs: this.exprList(field(n, "left")),
          op: op.text as A.AssignOp,
          opPos: this.pos(op),
          rhs: this.exprList(field(n, "right")),
        };
      }
      case "short_var_declaration":
        return {
          kind: "assign",
          pos,
          lhs: this.exprList(field(n, "left")),
          op: ":=",
          opPos: this.tokenPos(n, ":="),
          rhs: this.exprList(field(n, "right")),
        };
      case "go_statement": {
        // After the statement (`go worker(w) // goroutine "…"`), or on its first line (`go func() { // goroutine "…"`).
        const trailing = next?.type === "comment" && this.sameLine(n, next) ? next : undefined;
        const opening = this.firstLineComment(n);
        const text = (trailing ?? opening)?.text;
        const comment = text === undefined ? null : GOROUTINE_NAME.exec(text);
        return { kind: "go", pos, call: this.callOf(n), name: comment === null ? undefined : unescapeName(comment[1] as string) };
      }
      case "defer_statement":
        return { kind: "defer", pos, call: this.callOf(n) };
      case "return_statement": {
        const list = namedChildren(n)[0];
        return { kind: "return", pos, results: list === undefined ? [] : this.exprList(list) };
      }
      case "break_statement":
      case "continue_statement": {
        const label = namedChildren(n)[0];
        return {
          kind: "branch",
          pos,
          tok: n.type === "break_statement" ? "break" : "continue",
          label: label === undefined ? undefined : this.ident(label),
        };
      }
      case "fallthrough_statement":
        return { kind: "branch", pos, tok: "fallthrough", label: undefined };
      case "goto_statement":
        return this.refuse(n, notSupported("goto"));
      case "if_statement":
        return this.ifStmt(n);
      case "expression_switch_statement":
        return this.switchStmt(n);
      case "type_switch_statement":
        return this.typeSwitch(n);
      case "select_statement":
        return this.selectStmt(n);
      case "for_statement":
        return this.forStmt(n);
      default:
        return this.refuse(n, notSupported(`the statement ${words(n.type)}`));
    }
  }

  /** The first comment inside n on n's first line (`go func() { // goroutine "ping"`). */
  private firstLineComment(n: SyntaxNode): SyntaxNode | undefined {
    const lineEnd = this.source.indexOf("\n", n.startIndex);
    const end = lineEnd < 0 ? n.endIndex : lineEnd;
    const visit = (x: SyntaxNode): SyntaxNode | undefined => {
      if (x.startIndex >= end) return undefined;
      if (x.type === "comment") return x;
      for (let i = 0; i < x.childCount; i++) {
        const c = x.child(i);
        const found = c === null ? undefined : visit(c);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return visit(n);
  }

  private sameLine(a: SyntaxNode, b: SyntaxNode): boolean {
    return !this.source.slice(a.endIndex, b.startIndex).includes("\n");
  }

  /** A go or defer statement's expression; the checker says when it is not a call, as Go's type checker does. */
  private callOf(n: SyntaxNode): A.Expr {
    return this.expr(onlyChild(n));
  }

  private simpleStmt(n: SyntaxNode | null): A.Stmt | undefined {
    return n === null ? undefined : this.stmt(n);
  }

  private ifStmt(n: SyntaxNode): A.IfStmt {
    const alt = n.childForFieldName("alternative");
    return {
      kind: "if",
      pos: this.pos(n),
      init: this.simpleStmt(n.childForFieldName("initializer")),
      cond: this.expr(field(n, "condition")),
      body: this.block(field(n, "consequence")),
      else: alt === null ? undefined : alt.type === "if_statement" ? this.ifStmt(alt) : this.block(alt),
    };
  }

  private caseBody(c: SyntaxNode): A.Stmt[] {
    const list = namedChildren(c).find((x) => x.type === "statement_list");
    return list === undefined ? [] : this.stmtList(list);
  }

  private switchStmt(n: SyntaxNode): A.SwitchStmt {
    const value = n.childForFieldName("value");
    return {
      kind: "switch",
      pos: this.pos(n),
      init: this.simpleStmt(n.childForFieldName("initializer")),
      tag: value === null ? undefined : this.expr(value),
      clauses: namedChildren(n)
        .filter((c) => c.type === "expression_case" || c.type === "default_case")
        .map((c) => ({
          pos: this.pos(c),
          list: c.type === "default_case" ? undefined : this.exprList(field(c, "value")),
          body: this.caseBody(c),
        })),
    };
  }

  private typeSwitch(n: SyntaxNode): A.TypeSwitchStmt {
    const alias = n.childForFieldName("alias");
    const bound = alias === null ? [] : namedChildren(alias);
    if (bound.length > 1) this.refuse(alias as SyntaxNode, "expected 1 expression");
    return {
      kind: "typeSwitch",
      pos: this.pos(n),
      init: this.simpleStmt(n.childForFieldName("initializer")),
      bind: bound[0] === undefined ? undefined : this.ident(bound[0]),
      x: this.expr(field(n, "value")),
      clauses: namedChildren(n)
        .filter((c) => c.type === "type_case" || c.type === "default_case")
        .map((c) => ({
          pos: this.pos(c),
          list:
            c.type === "default_case"
              ? undefined
              : c.childrenForFieldName("type").flatMap((t) => (t !== null && t.isNamed ? [this.expr(t)] : [])),
          body: this.caseBody(c),
        })),
    };
  }

  private selectStmt(n: SyntaxNode): A.SelectStmt {
    return {
      kind: "select",
      pos: this.pos(n),
      clauses: namedChildren(n)
        .filter((c) => c.type === "communication_case" || c.type === "default_case")
        .map((c): A.CommClause => {
          if (c.type === "default_case") return { pos: this.pos(c), comm: undefined, body: this.caseBody(c) };
          const comm = field(c, "communication");
          return { pos: this.pos(c), comm: this.commStmt(comm), body: this.caseBody(c) };
        }),
    };
  }

  private commStmt(comm: SyntaxNode): A.SendStmt | A.ExprStmt | A.AssignStmt {
    const pos = this.pos(comm);
    if (comm.type === "send_statement")
      return { kind: "send", pos, chan: this.expr(field(comm, "channel")), value: this.expr(field(comm, "value")) };
    // receive_statement: [left (= | :=)] right
    const right = this.expr(field(comm, "right"));
    const left = comm.childForFieldName("left");
    if (left === null) return { kind: "exprStmt", pos, x: right };
    const op = childTokens(comm).includes(":=") ? ":=" : "=";
    return { kind: "assign", pos, lhs: this.exprList(left), op, opPos: this.tokenPos(comm, op), rhs: [right] };
  }

  private forStmt(n: SyntaxNode): A.ForStmt | A.RangeStmt {
    const pos = this.pos(n);
    const body = this.block(field(n, "body"));
    const bodyStart = field(n, "body").startIndex;
    const head = namedChildren(n).find((c) => c.startIndex !== bodyStart);
    if (head === undefined) return { kind: "for", pos, init: undefined, cond: undefined, post: undefined, body };
    if (head.type === "for_clause") {
      const cond = head.childForFieldName("condition");
      return {
        kind: "for",
        pos,
        init: this.simpleStmt(head.childForFieldName("initializer")),
        cond: cond === null ? undefined : this.expr(cond),
        post: this.simpleStmt(head.childForFieldName("update")),
        body,
      };
    }
    if (head.type === "range_clause") {
      const left = head.childForFieldName("left");
      const lhs = left === null ? [] : this.exprList(left);
      if (lhs.length > 2) this.refuse(left as SyntaxNode, "range clause permits at most two iteration variables");
      const tokens = childTokens(head);
      return {
        kind: "range",
        pos,
        key: lhs[0],
        value: lhs[1],
        tok: left === null ? undefined : tokens.includes(":=") ? ":=" : "=",
        x: this.expr(field(head, "right")),
        body,
      };
    }
    return { kind: "for", pos, init: undefined, cond: this.expr(head), post: undefined, body };
  }

  // ----- expressions

  private exprList(n: SyntaxNode): A.Expr[] {
    return n.type === "expression_list" ? namedChildren(n).map((c) => this.expr(c)) : [this.expr(n)];
  }

  private ident(n: SyntaxNode): A.Ident {
    return { kind: "ident", pos: this.pos(n), name: n.text };
  }

  private expr(n: SyntaxNode): A.Expr {
    const pos = this.pos(n);
    switch (n.type) {
      case "identifier":
      case "type_identifier":
      case "field_identifier":
      case "package_identifier":
      case "blank_identifier":
      case "label_name":
      case "true":
      case "false":
      case "nil":
      case "iota":
        return this.ident(n);
      case "int_literal":
        return { kind: "basicLit", pos, lit: "int", raw: n.text };
      case "float_literal":
        return { kind: "basicLit", pos, lit: "float", raw: n.text };
      case "rune_literal":
        return { kind: "basicLit", pos, lit: "rune", raw: n.text };
      case "interpreted_string_literal":
      case "raw_string_literal":
        return { kind: "basicLit", pos, lit: "string", raw: n.text };
      case "imaginary_literal":
        return this.refuse(n, notSupported("a complex number"));
      case "parenthesized_expression":
      case "parenthesized_type":
        return { kind: "paren", pos, x: this.expr(onlyChild(n)) };
      case "selector_expression":
        return { kind: "selector", pos, x: this.expr(field(n, "operand")), sel: this.ident(field(n, "field")) };
      case "qualified_type":
        return { kind: "selector", pos, x: this.ident(field(n, "package")), sel: this.ident(field(n, "name")) };
      case "index_expression":
        return { kind: "index", pos, x: this.expr(field(n, "operand")), indices: [this.expr(field(n, "index"))] };
      case "generic_type":
        return { kind: "index", pos, x: this.expr(field(n, "type")), indices: this.typeArgs(field(n, "type_arguments")) };
      case "type_instantiation_expression": {
        const [first, ...rest] = namedChildren(n).map((c) => this.expr(c));
        return { kind: "index", pos, x: first as A.Expr, indices: rest };
      }
      case "slice_expression": {
        const opt = (name: string): A.Expr | undefined => {
          const c = n.childForFieldName(name);
          return c === null ? undefined : this.expr(c);
        };
        return { kind: "slice", pos, x: this.expr(field(n, "operand")), low: opt("start"), high: opt("end"), max: opt("capacity") };
      }
      case "type_assertion_expression":
        return { kind: "typeAssert", pos, x: this.expr(field(n, "operand")), type: this.expr(field(n, "type")) };
      case "type_conversion_expression":
        return {
          kind: "call",
          pos,
          fun: this.expr(field(n, "type")),
          args: [this.expr(field(n, "operand"))],
          ellipsis: false,
          lparen: this.pos(field(n, "operand")),
          rparen: this.rparenOf(n),
        };
      case "call_expression":
        return this.call(n);
      case "unary_expression": {
        const op = field(n, "operator").text;
        const x = this.expr(field(n, "operand"));
        return op === "*" ? { kind: "star", pos, x } : { kind: "unary", pos, op: op as A.UnaryOp, x };
      }
      case "binary_expression": {
        const opNode = field(n, "operator");
        return {
          kind: "binary",
          pos,
          opPos: this.pos(opNode),
          op: opNode.text as A.BinaryOp,
          x: this.expr(field(n, "left")),
          y: this.expr(field(n, "right")),
        };
      }
      case "composite_literal": {
        const body = field(n, "body");
        return {
          kind: "compositeLit",
          pos,
          type: this.expr(field(n, "type")),
          elements: this.literalValue(body),
          rbrace: this.rparenOf(body),
        };
      }
      case "literal_value":
        return { kind: "compositeLit", pos, type: undefined, elements: this.literalValue(n), rbrace: this.rparenOf(n) };
      case "func_literal": {
        const sig = this.signature(n);
        return { kind: "funcLit", pos, type: sig, body: this.block(field(n, "body")) };
      }
      case "pointer_type":
        return { kind: "star", pos, x: this.expr(onlyChild(n)) };
      case "slice_type":
        return { kind: "arrayType", pos, len: undefined, elem: this.expr(field(n, "element")) };
      case "array_type":
        return { kind: "arrayType", pos, len: this.expr(field(n, "length")), elem: this.expr(field(n, "element")) };
      case "implicit_length_array_type":
        return { kind: "arrayType", pos, len: "...", elem: this.expr(field(n, "element")) };
      case "map_type":
        return { kind: "mapType", pos, key: this.expr(field(n, "key")), value: this.expr(field(n, "value")) };
      case "channel_type": {
        const tokens = childTokens(n);
        const dir = tokens[0] === "<-" ? "recv" : tokens.includes("<-") ? "send" : "both";
        return { kind: "chanType", pos, dir, value: this.expr(field(n, "value")) };
      }
      case "function_type":
        return this.signature(n);
      case "struct_type":
        return this.structType(n);
      case "interface_type":
        return this.interfaceType(n);
      case "negated_type":
        return { kind: "tilde", pos, x: this.expr(onlyChild(n)) };
      case "type_elem": {
        const terms = namedChildren(n).map((c) => this.expr(c));
        return terms.length === 1 ? (terms[0] as A.Expr) : unionOf(terms, pos);
      }
      default:
        return this.refuse(n, notSupported(`the expression ${words(n.type)}`));
    }
  }

  private typeArgs(n: SyntaxNode): A.Expr[] {
    return namedChildren(n).map((c) => this.expr(c));
  }

  private call(n: SyntaxNode): A.CallExpr {
    const fnNode = field(n, "function");
    const typeArgs = n.childForFieldName("type_arguments");
    const fn = this.expr(fnNode);
    const fun: A.Expr = typeArgs === null ? fn : { kind: "index", pos: this.pos(fnNode), x: fn, indices: this.typeArgs(typeArgs) };
    const args: A.Expr[] = [];
    let ellipsis = false;
    const argList = field(n, "arguments");
    const close = lastChild(argList);
    const rparen = this.positions.at(close === undefined ? argList.endIndex : close.startIndex);
    for (const a of namedChildren(argList)) {
      if (a.type === "variadic_argument") {
        ellipsis = true;
        args.push(this.expr(onlyChild(a)));
      } else args.push(this.expr(a));
    }
    return { kind: "call", pos: this.pos(n), fun, args, ellipsis, lparen: this.pos(argList), rparen };
  }

  private literalValue(n: SyntaxNode): A.Element[] {
    return namedChildren(n)
      .filter((e) => e.type === "keyed_element" || e.type === "literal_element")
      .map((e): A.Element => {
        if (e.type === "keyed_element") {
          return { pos: this.pos(e), key: this.element(field(e, "key")), value: this.element(field(e, "value")) };
        }
        return { pos: this.pos(e), key: undefined, value: this.element(e) };
      });
  }

  /** A literal_element holds an expression or a nested literal value (its type elided). */
  private element(e: SyntaxNode): A.Expr {
    return e.type === "literal_element" ? this.expr(onlyChild(e)) : this.expr(e);
  }

  private structType(n: SyntaxNode): A.StructType {
    const list = namedChildren(n).find((c) => c.type === "field_declaration_list");
    const fields = (list === undefined ? [] : namedChildren(list))
      .filter((f) => f.type === "field_declaration")
      .map((f): A.Field => {
        const names = f.childrenForFieldName("name").flatMap((x) => (x !== null ? [this.ident(x)] : []));
        const typeNode = field(f, "type");
        // An embedded field: `T`, `*T` or `pkg.T` with no name (tree-sitter keeps an embedded pointer's `*` as a token).
        const embedded = names.length === 0;
        const type = this.expr(typeNode);
        const star = embedded && childTokens(f).includes("*");
        return { pos: this.pos(f), names, type: star ? { kind: "star", pos: this.pos(f), x: type } : type, variadic: false, embedded };
      });
    return { kind: "structType", pos: this.pos(n), fields };
  }

  private interfaceType(n: SyntaxNode): A.InterfaceType {
    const methods: A.InterfaceMethodSpec[] = [];
    const embeds: A.Expr[] = [];
    for (const c of namedChildren(n)) {
      if (c.type === "method_elem") {
        methods.push({ pos: this.pos(c), name: this.ident(field(c, "name")), type: this.signature(c) });
      } else if (c.type === "type_elem") {
        embeds.push(this.expr(c));
      }
    }
    return { kind: "interfaceType", pos: this.pos(n), methods, embeds };
  }
}

// ---------------------------------------------------------------------------

const KEYWORDS: ReadonlySet<string> = new Set([
  "break",
  "case",
  "chan",
  "const",
  "continue",
  "default",
  "defer",
  "else",
  "fallthrough",
  "for",
  "func",
  "go",
  "goto",
  "if",
  "import",
  "interface",
  "map",
  "package",
  "range",
  "return",
  "select",
  "struct",
  "switch",
  "type",
  "var",
]);

/** A type set's union `A | B | ~C`, as a binary expression tree the checker reads as a constraint. */
function unionOf(terms: readonly A.Expr[], pos: A.Pos): A.Expr {
  let out = terms[0] as A.Expr;
  for (const t of terms.slice(1)) out = { kind: "binary", pos, opPos: pos, op: "|", x: out, y: t };
  return out;
}

/** The named children; comments only when asked for (they may sit between any two nodes). */
function namedChildren(n: SyntaxNode, comments = false): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c !== null && c.isNamed && (comments || c.type !== "comment")) out.push(c);
  }
  return out;
}

function childTokens(n: SyntaxNode): string[] {
  const out: string[] = [];
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c !== null && !c.isNamed) out.push(c.type);
  }
  return out;
}

function lastChild(n: SyntaxNode): SyntaxNode | undefined {
  return n.childCount === 0 ? undefined : (n.child(n.childCount - 1) ?? undefined);
}

function firstToken(n: SyntaxNode): SyntaxNode {
  let t = n;
  while (t.childCount > 0) {
    const c = t.child(0);
    if (c === null) break;
    t = c;
  }
  return t;
}

/** The one named child (comments aside) of a wrapper node. */
function onlyChild(n: SyntaxNode): SyntaxNode {
  const c = namedChildren(n)[0];
  if (c === undefined) throw new Error(`${n.type} has no child`);
  return c;
}

function field(n: SyntaxNode, name: string): SyntaxNode {
  const c = n.childForFieldName(name);
  if (c === null) throw new Error(`${n.type} has no ${name}`);
  return c;
}

function unquoteImport(raw: string): string {
  return raw.startsWith("`") ? raw.slice(1, -1) : (JSON.parse(raw) as string);
}

function unescapeName(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}

/** "expression_switch_statement" → "expression switch statement". */
function words(type: string): string {
  return type.replace(/_/g, " ");
}
