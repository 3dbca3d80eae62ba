// A Go program of about `lines` lines for the compile-time bench: units of
// the subset's everyday constructs (a struct with a method, a pipeline stage
// with range, select and a timeout, a WaitGroup, a map, closures, fmt), each
// its own names, so the checker and the emitter see a real program's mix.

const unit = (k: number): string => `
type item${k} struct {
	id   int
	name string
	tags []string
}

func (it *item${k}) label() string {
	return fmt.Sprintf("%s-%d", it.name, it.id)
}

func stage${k}(in <-chan int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	sum := 0
	for v := range in {
		if v%2 == 0 {
			sum += v * ${k}
		} else {
			sum -= v
		}
	}
	select {
	case out <- sum:
	case <-time.After(10 * time.Millisecond):
	}
}

func run${k}() int {
	in := make(chan int, 4)
	out := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go stage${k}(in, out, &wg)
	for i := 0; i < 5; i++ {
		in <- i
	}
	close(in)
	wg.Wait()
	it := &item${k}{id: ${k}, name: "n", tags: []string{"a", "b"}}
	scale := func(x int) int { return x * len(it.tags) }
	m := map[string]int{it.label(): scale(<-out)}
	return len(m) + m[it.label()]
}
`;

const UNIT_LINES = unit(0).split("\n").length - 1;

/** The program's text: package, imports, units, and a main that runs them all. */
export function generatedGoProgram(lines = 500): string {
  const units = Math.max(1, Math.round((lines - 12) / (UNIT_LINES + 1)));
  const ks = Array.from({ length: units }, (_, k) => k + 1);
  return `package main

import (
	"fmt"
	"sync"
	"time"
)
${ks.map(unit).join("")}
func main() {
	total := 0
${ks.map((k) => `\ttotal += run${k}()`).join("\n")}
	fmt.Println("total", total)
}
`;
}
