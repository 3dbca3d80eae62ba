// gofront's syntax tree: Go's, close to go/ast so the checker can follow
// go/types. Types are expressions here too (as in go/ast), because the parser
// cannot always tell `T(x)` (a conversion) from `f(x)` (a call), or `*T` from
// `*p`: the checker decides. Every node has the position of its first byte.

/** Where a node starts: 1-based line, and 1-based column counted in bytes of UTF-8, as Go reports positions. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

export type BinaryOp =
  "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "|" | "^" | "*" | "/" | "%" | "<<" | ">>" | "&" | "&^";

export type UnaryOp = "+" | "-" | "!" | "^" | "&" | "<-";

export type AssignOp = "=" | ":=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=" | "&^=";

// ---------------------------------------------------------------------------
// Expressions (types included)

export interface Ident {
  readonly kind: "ident";
  readonly pos: Pos;
  /** "_" for the blank identifier. */
  readonly name: string;
}

export interface BasicLit {
  readonly kind: "basicLit";
  readonly pos: Pos;
  readonly lit: "int" | "float" | "rune" | "string";
  /** The literal as written ("0x1F", "1_000", "'\\n'", "`raw`"). */
  readonly raw: string;
}

/** An element of a composite literal: `value`, or `key: value`. */
export interface Element {
  readonly pos: Pos;
  readonly key: Expr | undefined;
  readonly value: Expr;
}

export interface CompositeLit {
  readonly kind: "compositeLit";
  readonly pos: Pos;
  /** Undefined for an element whose type is elided (`[]P{{1, 2}}`). */
  readonly type: Expr | undefined;
  readonly elements: readonly Element[];
  /** The closing brace: Go reports "too few values" there. */
  readonly rbrace: Pos;
}

export interface FuncLit {
  readonly kind: "funcLit";
  readonly pos: Pos;
  readonly type: FuncType;
  readonly body: Block;
}

export interface ParenExpr {
  readonly kind: "paren";
  readonly pos: Pos;
  readonly x: Expr;
}

export interface SelectorExpr {
  readonly kind: "selector";
  readonly pos: Pos;
  readonly x: Expr;
  readonly sel: Ident;
}

/** `x[i]`, and a generic's instantiation `F[int, string]`. */
export interface IndexExpr {
  readonly kind: "index";
  readonly pos: Pos;
  readonly x: Expr;
  readonly indices: readonly Expr[];
}

export interface SliceExpr {
  readonly kind: "slice";
  readonly pos: Pos;
  readonly x: Expr;
  readonly low: Expr | undefined;
  readonly high: Expr | undefined;
  readonly max: Expr | undefined;
}

/** `x.(T)`; `type` undefined for the `x.(type)` of a type switch. */
export interface TypeAssertExpr {
  readonly kind: "typeAssert";
  readonly pos: Pos;
  readonly x: Expr;
  readonly type: Expr | undefined;
}

export interface CallExpr {
  readonly kind: "call";
  readonly pos: Pos;
  readonly fun: Expr;
  readonly args: readonly Expr[];
  /** `f(xs...)`. */
  readonly ellipsis: boolean;
  /** The opening parenthesis: Go reports an argument list's type inference there. */
  readonly lparen: Pos;
  /** The closing parenthesis: Go reports a call without enough arguments there. */
  readonly rparen: Pos;
}

/** `*x`: a dereference, or a pointer type. */
export interface StarExpr {
  readonly kind: "star";
  readonly pos: Pos;
  readonly x: Expr;
}

export interface UnaryExpr {
  readonly kind: "unary";
  readonly pos: Pos;
  readonly op: UnaryOp;
  readonly x: Expr;
}

export interface BinaryExpr {
  readonly kind: "binary";
  readonly pos: Pos;
  /** The operator's own position: Go reports mismatched operands there. */
  readonly opPos: Pos;
  readonly op: BinaryOp;
  readonly x: Expr;
  readonly y: Expr;
}

/** `[N]T`, `[...]T` (len "..."), and `[]T` (len undefined). */
export interface ArrayType {
  readonly kind: "arrayType";
  readonly pos: Pos;
  readonly len: Expr | "..." | undefined;
  readonly elem: Expr;
}

export interface MapType {
  readonly kind: "mapType";
  readonly pos: Pos;
  readonly key: Expr;
  readonly value: Expr;
}

export interface ChanType {
  readonly kind: "chanType";
  readonly pos: Pos;
  readonly dir: "both" | "send" | "recv";
  readonly value: Expr;
}

export interface Field {
  readonly pos: Pos;
  /** Empty for an unnamed parameter or result, or an embedded field. */
  readonly names: readonly Ident[];
  readonly type: Expr;
  /** A variadic parameter (`xs ...T`): `type` is T. */
  readonly variadic: boolean;
  readonly embedded: boolean;
}

export interface FuncType {
  readonly kind: "funcType";
  readonly pos: Pos;
  readonly typeParams: readonly Field[];
  readonly params: readonly Field[];
  readonly results: readonly Field[];
}

export interface StructType {
  readonly kind: "structType";
  readonly pos: Pos;
  readonly fields: readonly Field[];
}

export interface InterfaceMethodSpec {
  readonly pos: Pos;
  readonly name: Ident;
  readonly type: FuncType;
}

export interface InterfaceType {
  readonly kind: "interfaceType";
  readonly pos: Pos;
  readonly methods: readonly InterfaceMethodSpec[];
  /** Embedded interfaces and type-set terms (`~int | ~string`) of a constraint. */
  readonly embeds: readonly Expr[];
}

/** `~T` in a constraint. */
export interface TildeExpr {
  readonly kind: "tilde";
  readonly pos: Pos;
  readonly x: Expr;
}

export type Expr =
  | Ident
  | BasicLit
  | CompositeLit
  | FuncLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | SliceExpr
  | TypeAssertExpr
  | CallExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | ArrayType
  | MapType
  | ChanType
  | FuncType
  | StructType
  | InterfaceType
  | TildeExpr;

// ---------------------------------------------------------------------------
// Statements

export interface Block {
  readonly kind: "block";
  readonly pos: Pos;
  readonly stmts: readonly Stmt[];
  /** The closing brace: where Go reports "missing return". */
  readonly end: Pos;
}

export interface DeclStmt {
  readonly kind: "declStmt";
  readonly pos: Pos;
  readonly decl: GenDecl;
}

export interface EmptyStmt {
  readonly kind: "empty";
  readonly pos: Pos;
}

export interface LabeledStmt {
  readonly kind: "labeled";
  readonly pos: Pos;
  readonly label: Ident;
  readonly stmt: Stmt;
}

export interface ExprStmt {
  readonly kind: "exprStmt";
  readonly pos: Pos;
  readonly x: Expr;
}

export interface SendStmt {
  readonly kind: "send";
  readonly pos: Pos;
  readonly chan: Expr;
  readonly value: Expr;
}

export interface IncDecStmt {
  readonly kind: "incDec";
  readonly pos: Pos;
  readonly x: Expr;
  readonly inc: boolean;
}

export interface AssignStmt {
  readonly kind: "assign";
  readonly pos: Pos;
  readonly lhs: readonly Expr[];
  readonly op: AssignOp;
  /** The operator's position: Go reports "no new variables" there. */
  readonly opPos: Pos;
  readonly rhs: readonly Expr[];
}

export interface GoStmt {
  readonly kind: "go";
  readonly pos: Pos;
  readonly call: Expr;
  /** `go f() // goroutine "name"`: the name chanscope gives the goroutine (lanes, explanations). */
  readonly name: string | undefined;
}

export interface DeferStmt {
  readonly kind: "defer";
  readonly pos: Pos;
  readonly call: Expr;
}

export interface ReturnStmt {
  readonly kind: "return";
  readonly pos: Pos;
  readonly results: readonly Expr[];
}

export interface BranchStmt {
  readonly kind: "branch";
  readonly pos: Pos;
  readonly tok: "break" | "continue" | "fallthrough";
  readonly label: Ident | undefined;
}

export interface IfStmt {
  readonly kind: "if";
  readonly pos: Pos;
  readonly init: Stmt | undefined;
  readonly cond: Expr;
  readonly body: Block;
  readonly else: Block | IfStmt | undefined;
}

export interface CaseClause {
  readonly pos: Pos;
  /** Undefined for `default`. */
  readonly list: readonly Expr[] | undefined;
  readonly body: readonly Stmt[];
}

export interface SwitchStmt {
  readonly kind: "switch";
  readonly pos: Pos;
  readonly init: Stmt | undefined;
  readonly tag: Expr | undefined;
  readonly clauses: readonly CaseClause[];
}

export interface TypeSwitchStmt {
  readonly kind: "typeSwitch";
  readonly pos: Pos;
  readonly init: Stmt | undefined;
  /** `switch v := x.(type)`: v. */
  readonly bind: Ident | undefined;
  readonly x: Expr;
  /** Each clause's list holds types (and `nil`). */
  readonly clauses: readonly CaseClause[];
}

export interface CommClause {
  readonly pos: Pos;
  /** A send, a receive (`<-c`, `v := <-c`, `v, ok = <-c`), or undefined for `default`. */
  readonly comm: SendStmt | ExprStmt | AssignStmt | undefined;
  readonly body: readonly Stmt[];
}

export interface SelectStmt {
  readonly kind: "select";
  readonly pos: Pos;
  readonly clauses: readonly CommClause[];
}

export interface ForStmt {
  readonly kind: "for";
  readonly pos: Pos;
  readonly init: Stmt | undefined;
  readonly cond: Expr | undefined;
  readonly post: Stmt | undefined;
  readonly body: Block;
}

export interface RangeStmt {
  readonly kind: "range";
  readonly pos: Pos;
  readonly key: Expr | undefined;
  readonly value: Expr | undefined;
  /** How key and value are bound: declared (`:=`), assigned (`=`), or neither (`for range x`). */
  readonly tok: ":=" | "=" | undefined;
  readonly x: Expr;
  readonly body: Block;
}

export type Stmt =
  | Block
  | DeclStmt
  | EmptyStmt
  | LabeledStmt
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | GoStmt
  | DeferStmt
  | ReturnStmt
  | BranchStmt
  | IfStmt
  | SwitchStmt
  | TypeSwitchStmt
  | SelectStmt
  | ForStmt
  | RangeStmt;

// ---------------------------------------------------------------------------
// Declarations

export interface ImportSpec {
  readonly pos: Pos;
  /** `import f "fmt"`: f; `_` for a blank import. */
  readonly name: Ident | undefined;
  /** The path as written, unquoted ("fmt", "sync/atomic"). */
  readonly path: string;
}

export interface ValueSpec {
  readonly pos: Pos;
  readonly names: readonly Ident[];
  readonly type: Expr | undefined;
  readonly values: readonly Expr[];
  /** In a const group: this spec's index (iota's value). */
  readonly iota: number;
}

export interface TypeSpec {
  readonly pos: Pos;
  readonly name: Ident;
  readonly typeParams: readonly Field[];
  /** `type A = B`. */
  readonly alias: boolean;
  readonly type: Expr;
}

export type GenDecl =
  | { readonly kind: "import"; readonly pos: Pos; readonly specs: readonly ImportSpec[] }
  | { readonly kind: "const"; readonly pos: Pos; readonly specs: readonly ValueSpec[] }
  | { readonly kind: "var"; readonly pos: Pos; readonly specs: readonly ValueSpec[] }
  | { readonly kind: "type"; readonly pos: Pos; readonly specs: readonly TypeSpec[] };

export interface FuncDecl {
  readonly kind: "func";
  readonly pos: Pos;
  /** A method's receiver. */
  readonly recv: Field | undefined;
  readonly name: Ident;
  readonly type: FuncType;
  /** Undefined for a declaration without a body (refused: chanscope has no assembly). */
  readonly body: Block | undefined;
}

export type Decl = GenDecl | FuncDecl;

export interface SourceFile {
  /** The file's name as positions print it ("prog.go"). */
  readonly file: string;
  readonly pkg: Ident;
  readonly imports: readonly ImportSpec[];
  readonly decls: readonly Decl[];
}
