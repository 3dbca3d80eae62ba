import { describe, expect, it } from "vitest";
import type * as A from "../syntax/ast";
import { checkGo } from "../testing/checkGo";
import { analyzeBlocking } from "./blocking";

const PROGRAM = `package main

import (
	"fmt"
	"sync"
	"time"
)

type Shape interface{ Area() int }
type Sq struct{ n int }
type Slow struct{ mu sync.Mutex }

func (s Sq) Area() int { return s.n * s.n }
func (s *Slow) Area() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return 1
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func send(ch chan int, v int) { ch <- v }
func relay(ch chan int)       { send(ch, fib(5)) }
func nap()                    { time.Sleep(time.Millisecond) }
func spawn(ch chan int)       { go send(ch, 1) }
func area(s Shape) int        { return s.Area() }
func sq(s Sq) int             { return s.Area() }

func apply(f func() int) int { return f() }

func main() {
	ch := make(chan int, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		relay(ch)
	}()
	spawn(ch)
	wg.Wait()
	pure := func() int { return 3 }
	fmt.Println(fib(10), apply(pure), area(Sq{2}), sq(Sq{3}), area(&Slow{}))
	nap()
}
`;

async function analyzed() {
  const { result, messages } = await checkGo(PROGRAM);
  if (result === undefined || messages.length > 0) throw new Error(`does not check: ${messages.join("\n")}`);
  return result;
}

describe("which functions block", () => {
  it("marks a function async when it or what it calls can wait for another goroutine", async () => {
    const result = await analyzed();
    const file = result.file;
    const b = analyzeBlocking(file, result.info);
    const names = (fns: Iterable<unknown>) =>
      [...fns].flatMap((f) => ((f as A.FuncDecl).kind === "func" ? [(f as A.FuncDecl).name.name] : [])).sort();
    // send sends; relay calls send; nap sleeps; Slow.Area locks; area calls Area through an interface some implementation of which locks;
    // apply calls a func value whose type matches no blocking function; main waits. fib, spawn (go does not wait), sq and Sq.Area do not.
    expect(names(b.asyncFuncs)).toEqual(["Area", "area", "main", "nap", "relay", "send"]);
    const slowArea = file.decls.find((d): d is A.FuncDecl => d.kind === "func" && d.name.name === "Area" && d.recv?.type.kind === "star");
    expect(slowArea !== undefined && b.asyncFuncs.has(slowArea)).toBe(true);
    // The goroutine's literal blocks (it calls relay); the pure literal does not.
    const lits = [...b.asyncFuncs].filter((f) => f.kind === "funcLit");
    expect(lits).toHaveLength(1);
  });

  it("awaits exactly the calls that can block", async () => {
    const result = await analyzed();
    const b = analyzeBlocking(result.file, result.info);
    const awaited = [...b.awaited].map((c) => {
      let f = c.fun;
      while (f.kind === "paren") f = f.x;
      return f.kind === "ident" ? f.name : f.kind === "selector" ? f.sel.name : f.kind;
    });
    expect(awaited.sort()).toEqual(["Area", "Lock", "Sleep", "Wait", "area", "area", "nap", "relay", "send"].sort());
  });
});

describe("calls through function values", () => {
  it("await when a function of that type that blocks is used as a value", async () => {
    const { result, messages } = await checkGo(`package main

func apply(f func() int) int { return f() }
func twice(f func(int) int, x int) int { return f(f(x)) }

func main() {
	ch := make(chan int, 1)
	ch <- 1
	println(apply(func() int { return <-ch }))
	println(twice(func(n int) int { return n * 2 }, 3))
}
`);
    if (result === undefined || messages.length > 0) throw new Error(messages.join("\n"));
    const b = analyzeBlocking(result.file, result.info);
    const names = [...b.asyncFuncs].flatMap((f) => (f.kind === "func" ? [f.name.name] : [])).sort();
    // apply's f may be the receiving literal; twice's f can only be a literal that does not block.
    expect(names).toEqual(["apply", "main"]);
  });
});
