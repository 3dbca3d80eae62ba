// Go as the oracle for the checker: each program below is compiled by real
// Go (`go build`) and by gofront's checker; the messages must be the same,
// position for position. Go is a test oracle only: without a `go` command
// the suite is skipped, except in CI, where .ci/run installs it.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkGo } from "../testing/checkGo";

const hasGo = spawnSync("go", ["version"]).status === 0;
if (!hasGo && process.env["CI"] !== undefined) throw new Error("CI needs Go for gofront's checker oracle: apt-get install golang-go");

const dir = hasGo ? mkdtempSync(join(tmpdir(), "gofront-checker-")) : "";
afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const GO_ENV = {
  ...process.env,
  GOCACHE: process.env["GOCACHE"] ?? join(tmpdir(), "chanscope-go-cache"),
  GOPATH: process.env["GOPATH"] ?? join(tmpdir(), "chanscope-gopath"),
  GOFLAGS: "-mod=mod",
  GO111MODULE: "off",
};

/** What `go build` says of a program: its messages, one per line, the "# command-line-arguments" header dropped. */
function goSays(name: string, source: string): string[] {
  const file = join(dir, `${name}.go`);
  writeFileSync(file, source);
  const r = spawnSync("go", ["build", "-o", join(dir, name), `${name}.go`], { cwd: dir, encoding: "utf8", env: GO_ENV, timeout: 60_000 });
  return r.stderr
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#") && !l.includes("too many errors"))
    .map((l) => l.replace(/(^|[\s(])\.\//g, "$1"));
}

/** Programs Go compiles without a word: the checker must accept them too. */
const VALID: Readonly<Record<string, string>> = {
  channels: `package main

import "fmt"

type Job struct {
	ID   int
	Name string
}

func worker(id int, jobs <-chan Job, results chan<- string, done chan struct{}) {
	for j := range jobs {
		results <- fmt.Sprintf("worker %d did %s", id, j.Name)
	}
	done <- struct{}{}
}

func main() {
	jobs := make(chan Job, 3)
	results := make(chan string, 3)
	done := make(chan struct{})
	go worker(1, jobs, results, done)
	for i := 0; i < 3; i++ {
		jobs <- Job{ID: i, Name: "job"}
	}
	close(jobs)
	<-done
	close(results)
	for r := range results {
		fmt.Println(r)
	}
	select {
	case v, ok := <-results:
		fmt.Println(v, ok)
	default:
	}
}
`,
  types: `package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Square struct {
	Rect
	label string
}

func (r Rect) Area() float64  { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (s *Square) Name() string { return s.label }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func Max[T int | float64 | string](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	var shapes []Shape
	shapes = append(shapes, Rect{2, 3}, &Square{Rect{1, 1}, "sq"})
	for i, s := range shapes {
		fmt.Println(i, s.Name(), s.Area())
	}
	var t Celsius = 21.5
	fmt.Println(t, KB, MB, GB, Max(3, 7, 5), Max("a", "b"))
	q, r := divmod(17, 5)
	m := map[string][]int{"a": {1, 2}}
	m["b"] = append(m["b"], 3)
	if v, ok := m["a"]; ok {
		fmt.Println(v[1:], len(v), cap(v), q, r)
	}
	var x interface{} = 3
	switch v := x.(type) {
	case int:
		fmt.Println(v + 1)
	case string, error:
		fmt.Println(v)
	}
	p := &t
	*p += 1.5
	b := []byte("héllo")
	for i, c := range "héllo" {
		fmt.Println(i, c, string(c), b[i])
	}
	f := func(n int) int { return n * 2 }
	fmt.Println(f(21), byte(255), ^uint8(0), 7/2, -7%3, 1e3)
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered", e)
		}
	}()
	var arr [3]int
	s := arr[:]
	s[0] = len(arr)
outer:
	for i := 0; ; i++ {
		switch {
		case i > 3:
			break outer
		case i == 1:
			continue
		}
	}
	panic("done")
}
`,
};

/** Programs Go refuses: the checker must say the same, at the same places. */
const INVALID: Readonly<Record<string, string>> = {
  unusedAndUndefined: `package main

import (
	"fmt"
	"os"
)

func main() {
	x := 1
	y := undefinedName
	var s string = 5
	fmt.Println(s)
}
`,
  constants: `package main

import "fmt"

const big = 1 << 40

func main() {
	var b byte = 256
	var i8 int8 = -129
	var u uint = -1
	var f int = 2.5
	c := byte(300)
	var i32 int32 = big
	fmt.Println(b, i8, u, f, c, i32, 10/0)
	const k uint8 = 200
	fmt.Println(-k, k+100, k<<2)
}
`,
  mismatches: `package main

import "fmt"

func main() {
	a := 1
	b := "s"
	c := 2.5
	fmt.Println(a+b, a+c, "x"+1, a == b, !a, -b)
}
`,
  channelsMisused: `package main

func main() {
	var s chan<- int
	var r <-chan int
	v := <-s
	r <- 1
	close(r)
	x := 3
	x <- 1
	<-x
	_ = v
}
`,
  missingReturn: `package main

func a(x int) int {
	if x > 0 {
		return 1
	}
}

func b(x int) int {
	for {
	}
}

func c(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("no")
	}
}

func d(x int) (int, error) {
	return 1
}

func e() int {
	return 1, 2
}

func main() {
	a(1)
	b(1)
	c(1)
	d(1)
	e()
}
`,
  calls: `package main

func two(a, b int) int { return a + b }
func pair() (int, int) { return 1, 2 }

func main() {
	two(1)
	two(1, 2, 3)
	two("a", 2)
	x := pair()
	var y int = pair()
	two(pair())
	a, b, c := pair()
	notAFunc := 3
	notAFunc()
	_, _, _, _ = x, y, a, b
	_ = c
}
`,
  assignments: `package main

type P struct{ X int }

func main() {
	const k = 1
	k = 2
	a := 1
	a := 2
	m := map[string]P{}
	m["a"].X = 3
	var p P
	p.Y = 1
	"s" = "t"
	var i interface{} = p
	i.X = 1
	_ = a
}
`,
  interfaces: `package main

import "fmt"

type Stringer interface{ String() string }
type T struct{}

func (t *T) String() string { return "t" }

type U struct{}

func main() {
	var s Stringer = T{}
	var u Stringer = U{}
	var n int = nil
	var x interface{} = 1
	y := x.(Stringer)
	z := n.(int)
	fmt.Println(s, u, y, z)
}
`,
  loopsAndLabels: `package main

func main() {
	break
	for i := 0; i < 3; i++ {
		continue L
	}
L:
	for {
		break L
	}
M:
	x := 1
	switch x {
	case 1:
		continue
	}
	var ch chan int
	for a, b := range ch {
		_, _ = a, b
	}
	for range 1.5 {
	}
}
`,
  structsAndLiterals: `package main

type P struct{ X, Y int }

func main() {
	a := P{1}
	b := P{1, 2, 3}
	c := P{X: 1, Z: 2}
	d := P{X: 1, 2}
	e := []int{1, "two"}
	f := [2]int{1, 2, 3}
	g := map[string]int{"a": 1, 2}
	var h P
	h.X.Y = 1
	_, _, _, _, _, _, _ = a, b, c, d, e, f, g
}
`,
  selects: `package main

import "time"

func main() {
	ch := make(chan int)
	var out chan<- int
	select {
	case v := <-ch:
		_ = v
	case out <- "x":
	case <-time.After(time.Second):
	case x := 1:
		_ = x
	default:
	default:
	}
	for {
		select {
		case <-ch:
			break
		}
	}
}
`,
  switches: `package main

import "fmt"

type T struct{}

func main() {
	x := 3
	switch x {
	case "a":
	case 1, 2:
		fallthrough
	case 4:
	}
	switch {
	case x:
	}
	var i interface{} = x
	switch v := i.(type) {
	case int, string:
		fmt.Println(v)
	case T:
	case fmt.Stringer:
	}
	switch y := x.(type) {
	}
	fallthrough
}
`,
  generics: `package main

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Keys[K comparable, V any](m map[K]V) []K { return nil }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func main() {
	_ = Sum([]string{"a"})
	_ = Sum[int, int](nil)
	_ = Keys(map[[]int]int{})
	var b Box
	var c Box[int, int]
	_ = Box[int]{v: "x"}
	_, _ = b, c
}
`,
  closuresAndGoroutines: `package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			return 1
		}()
	}
	go wg
	defer int(3)
	f := func(x int) string { return x }
	wg.Wait()
	_ = f
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock(1)
}
`,
  methods: `package main

type Counter struct{ n int }

func (c *Counter) Inc()     { c.n++ }
func (c Counter) Get() int  { return c.n }
func (c Counter) Get() int  { return 0 }
func (x int) Bad()          {}
func (c *Undefined) Nope()  {}

type Getter interface{ Get() int }
type Incer interface{ Inc() }

func main() {
	Counter{}.Inc()
	var g Getter = Counter{}
	var i Incer = Counter{}
	var p *Counter
	p.Missing()
	_, _ = g, i
}
`,
  builtins: `package main

func main() {
	var s []int
	var m map[string]int
	append(s, 1)
	len(5)
	cap(m)
	make(int)
	make([]int)
	delete(s, 1)
	copy(s, "x")
	x := len("abc")
	var a [x]int
	_ = a
}
`,
};

describe.skipIf(!hasGo)("the checker against real Go", () => {
  for (const [name, source] of Object.entries(VALID)) {
    it(`accepts ${name}, as Go does`, async () => {
      expect(goSays(name, source)).toEqual([]);
      expect((await checkGo(source, `${name}.go`)).messages).toEqual([]);
    });
  }
  for (const [name, source] of Object.entries(INVALID)) {
    it(`refuses ${name} in Go's words, at Go's places`, async () => {
      const go = goSays(name, source);
      expect(go.length).toBeGreaterThan(0);
      const ours = (await checkGo(source, `${name}.go`)).messages.flatMap((m) => m.split("\n"));
      expect(ours).toEqual(go);
    });
  }
});
