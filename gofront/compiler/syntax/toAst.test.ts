import { describe, expect, it } from "vitest";
import { nodeGoParser } from "../testing/nodeParser";
import type * as A from "./ast";
import { diagnosticText } from "./diagnostics";

async function read(source: string): Promise<A.SourceFile> {
  const r = (await nodeGoParser()).read(source, "prog.go");
  if (!r.ok) throw new Error(r.diagnostics.map(diagnosticText).join("\n"));
  return r.file;
}

async function problems(source: string): Promise<string[]> {
  const r = (await nodeGoParser()).read(source, "prog.go");
  if (r.ok) throw new Error("expected the program to be refused");
  return r.diagnostics.map(diagnosticText);
}

function mainBody(f: A.SourceFile): readonly A.Stmt[] {
  const main = f.decls.find((d): d is A.FuncDecl => d.kind === "func" && d.name.name === "main");
  if (main?.body === undefined) throw new Error("no main");
  return main.body.stmts;
}

/** The one expression of `x := <expr>` in main, for each statement. */
function rhs(stmts: readonly A.Stmt[]): A.Expr[] {
  return stmts.flatMap((s) => (s.kind === "assign" ? [s.rhs[0] as A.Expr] : []));
}

/** An expression as a Lisp-like string, to compare trees by their shape. */
function shape(e: A.Expr): string {
  switch (e.kind) {
    case "ident":
      return e.name;
    case "basicLit":
      return e.raw;
    case "selector":
      return `(. ${shape(e.x)} ${e.sel.name})`;
    case "binary":
      return `(${e.op} ${shape(e.x)} ${shape(e.y)})`;
    case "unary":
      return `(${e.op} ${shape(e.x)})`;
    case "star":
      return `(* ${shape(e.x)})`;
    case "call":
      return `(call ${shape(e.fun)}${e.args.map((a) => ` ${shape(a)}`).join("")}${e.ellipsis ? " ..." : ""})`;
    case "index":
      return `(index ${shape(e.x)}${e.indices.map((a) => ` ${shape(a)}`).join("")})`;
    case "paren":
      return shape(e.x);
    case "arrayType":
      return `([${e.len === undefined ? "" : e.len === "..." ? "..." : shape(e.len)}] ${shape(e.elem)})`;
    case "chanType":
      return `(chan:${e.dir} ${shape(e.value)})`;
    case "mapType":
      return `(map ${shape(e.key)} ${shape(e.value)})`;
    case "compositeLit":
      return `(lit ${e.type === undefined ? "_" : shape(e.type)}${e.elements.map((el) => ` ${el.key === undefined ? "" : `${shape(el.key)}:`}${shape(el.value)}`).join("")})`;
    case "typeAssert":
      return `(assert ${shape(e.x)} ${e.type === undefined ? "type" : shape(e.type)})`;
    case "slice":
      return `(slice ${shape(e.x)} ${[e.low, e.high, e.max].map((x) => (x === undefined ? "_" : shape(x))).join(" ")})`;
    case "funcLit":
    case "funcType":
    case "interfaceType":
    case "structType":
    case "tilde":
      return e.kind;
  }
}

describe("reading Go source into gofront's tree", () => {
  it("binds selectors and calls tighter than binary operators, as Go's grammar does", async () => {
    const f = await read(`package main
func main() {
	x := a.b + c.d
	y := a + b*c.d()
	z := -a.b
	w := x[i].y + f(1).z
	v := <-ch + 1
	u := *p.q
	t := a || b && c == d
}
`);
    expect(rhs(mainBody(f)).map(shape)).toEqual([
      "(+ (. a b) (. c d))",
      "(+ a (* b (call (. c d))))",
      "(- (. a b))",
      "(+ (. (index x i) y) (. (call f 1) z))",
      "(+ (<- ch) 1)",
      "(* (. p q))",
      "(|| a (&& b (== c d)))",
    ]);
  });

  it("reads types, composite literals, slices and assertions", async () => {
    const f = await read(`package main
func main() {
	a := make(chan<- []int, 3)
	b := map[string][2]int{"x": {1, 2}}
	c := []P{{X: 1}, {2, 3}}
	d := s[1:2:3]
	e := v.(fmt.Stringer)
	g := f(xs...)
	h := Max[int](1, 2)
}
`);
    expect(rhs(mainBody(f)).map(shape)).toEqual([
      "(call make (chan:send ([] int)) 3)",
      '(lit (map string ([2] int)) "x":(lit _ 1 2))',
      "(lit ([] P) (lit _ X:1) (lit _ 2 3))",
      "(slice s 1 2 3)",
      "(assert v (. fmt Stringer))",
      "(call f xs ...)",
      "(call (index Max int) 1 2)",
    ]);
  });

  it("reads every statement form of the subset", async () => {
    const f = await read(`package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	go func() { ch <- 1 }() // goroutine "sender"
	defer wg.Wait()
outer:
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-ch:
			fmt.Println(v, ok)
		case ch <- 2:
		case <-ch:
			break outer
		default:
			continue
		}
	}
	for k, v := range m {
		_, _ = k, v
	}
	for range ch {
	}
	switch x := f(); x {
	case 1, 2:
		fallthrough
	default:
	}
	switch t := v.(type) {
	case int, string:
	case nil:
	}
	if err := g(); err != nil {
		return
	} else if ok {
	} else {
	}
	i++
	x += 2
}
`);
    const kinds = mainBody(f).map((s) => s.kind);
    expect(kinds).toEqual([
      "assign",
      "declStmt",
      "go",
      "defer",
      "labeled",
      "range",
      "range",
      "switch",
      "typeSwitch",
      "if",
      "incDec",
      "assign",
    ]);
    const go = mainBody(f)[2] as A.GoStmt;
    expect(go.name).toBe("sender");
    const labeled = mainBody(f)[4] as A.LabeledStmt;
    expect(labeled.label.name).toBe("outer");
    const loop = labeled.stmt as A.ForStmt;
    const sel = loop.body.stmts[0] as A.SelectStmt;
    expect(sel.clauses.map((c) => c.comm?.kind ?? "default")).toEqual(["assign", "send", "exprStmt", "default"]);
    const recv = sel.clauses[0]?.comm as A.AssignStmt;
    expect(recv.op).toBe(":=");
    expect(recv.lhs.map(shape)).toEqual(["v", "ok"]);
    const range = mainBody(f)[5] as A.RangeStmt;
    expect([range.tok, range.key && shape(range.key), range.value && shape(range.value)]).toEqual([":=", "k", "v"]);
    expect((mainBody(f)[6] as A.RangeStmt).tok).toBeUndefined();
    const ts = mainBody(f)[8] as A.TypeSwitchStmt;
    expect(ts.bind?.name).toBe("t");
    expect(ts.clauses.map((c) => c.list?.map(shape))).toEqual([["int", "string"], ["nil"]]);
    expect(f.imports.map((i) => i.path)).toEqual(["fmt", "sync"]);
  });

  it("names a goroutine from a comment on its go statement's first line, as the samples write it", async () => {
    const f = await read(`package main

func main() {
	done := make(chan bool)
	go func() { // goroutine "pinger"
		done <- true // not a name
	}()
	go func() {
		// goroutine "not on the go line"
	}()
	<-done
}
`);
    expect((mainBody(f)[1] as A.GoStmt).name).toBe("pinger");
    expect((mainBody(f)[2] as A.GoStmt).name).toBeUndefined();
  });

  it("repeats a const spec's expression with iota advancing, as Go does", async () => {
    const f = await read(`package main
const (
	A = iota * 10
	B
	C
)
func main() {}
`);
    const decl = f.decls.find((d) => d.kind === "const");
    expect(decl?.kind === "const" && decl.specs.map((s) => [s.names[0]?.name, s.iota, s.values.map(shape)])).toEqual([
      ["A", 0, ["(* iota 10)"]],
      ["B", 1, ["(* iota 10)"]],
      ["C", 2, ["(* iota 10)"]],
    ]);
  });

  it("reads methods, generics, structs with embedded fields and interfaces", async () => {
    const f = await read(`package main
type Number interface{ ~int | ~float64 }
type Base struct{ ID int }
type P struct {
	Base
	*Other
	X, Y int \`json:"x"\`
}
type Shape interface {
	Area() float64
	fmt.Stringer
}
func (p *P) Move(dx int) (int, error) { return p.X + dx, nil }
func Max[T Number](xs ...T) (m T) { return }
func main() {}
`);
    const types = f.decls.filter((d) => d.kind === "type").flatMap((d) => (d.kind === "type" ? d.specs : []));
    const p = types.find((t) => t.name.name === "P")?.type as A.StructType;
    expect(p.fields.map((x) => [x.names.map((n) => n.name), x.embedded, shape(x.type)])).toEqual([
      [[], true, "Base"],
      [[], true, "(* Other)"],
      [["X", "Y"], false, "int"],
    ]);
    const shapeT = types.find((t) => t.name.name === "Shape")?.type as A.InterfaceType;
    expect(shapeT.methods.map((m) => m.name.name)).toEqual(["Area"]);
    expect(shapeT.embeds.map(shape)).toEqual(["(. fmt Stringer)"]);
    const funcs = f.decls.filter((d): d is A.FuncDecl => d.kind === "func");
    const move = funcs.find((d) => d.name.name === "Move");
    expect(move?.recv?.names[0]?.name).toBe("p");
    expect(move?.type.results.map((r) => shape(r.type))).toEqual(["int", "error"]);
    const max = funcs.find((d) => d.name.name === "Max");
    expect(max?.type.typeParams.map((t) => [t.names[0]?.name, shape(t.type)])).toEqual([["T", "Number"]]);
    expect(max?.type.params[0]?.variadic).toBe(true);
    expect(max?.type.results[0]?.names[0]?.name).toBe("m");
  });

  it("gives positions as Go does: lines from 1, columns in UTF-8 bytes", async () => {
    const f = await read(`package main
var s = "héllo😀"; var t = 1
func main() {}
`);
    const vars = f.decls.filter((d) => d.kind === "var").flatMap((d) => (d.kind === "var" ? d.specs : []));
    // "var s = "héllo😀"; " is 19 UTF-16 units but 22 bytes: t's spec starts at byte 27.
    expect(vars[1]?.names[0]?.pos).toEqual({ line: 2, col: 27 });
  });
});

describe("refusing what chanscope does not run, before the run", () => {
  it("names the construct and its place, for each one in the file", async () => {
    expect(
      await problems(`package main

import (
	"fmt"
	"net/http"
	. "strings"
)

func main() {
	goto end
	z := 1 + 2i
end:
	fmt.Println(z)
}
`),
    ).toEqual([
      'prog.go:5:2: package "net/http" is not supported by chanscope',
      "prog.go:10:2: goto is not supported by chanscope",
      "prog.go:11:11: a complex number is not supported by chanscope",
    ]);
  });

  it("refuses a dot import", async () => {
    expect(await problems(`package main\nimport . "fmt"\nfunc main() {}\n`)).toEqual([
      "prog.go:2:8: a dot import is not supported by chanscope",
    ]);
  });

  it("reports a syntax error at its line and column", async () => {
    const [first] = await problems(`package main
func main() {
	x := 1 +
	y := 2
}
`);
    expect(first).toMatch(/^prog\.go:\d+:\d+: syntax error: /);
  });

  it("says a file without a package clause has none", async () => {
    expect((await problems(`func main() {}\n`))[0]).toMatch(/^prog\.go:1:1: /);
  });
});
