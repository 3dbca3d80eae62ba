package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() { // goroutine "generate"
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int, name string) <-chan int {
	out := make(chan int)
	go func() { // goroutine "{name}"
		for n := range in {
			time.Sleep(time.Duration(10+n) * time.Millisecond) // squaring is slow: that is why we fan out
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)

	output := func(c <-chan int) {
		for n := range c {
			out <- n
		}
		wg.Done()
	}
	wg.Add(len(cs))
	for i := range cs {
		go output(cs[i]) // goroutine "output {i+1}"
	}

	go func() { // goroutine "closer"
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := generate(1, 2, 3, 4, 5, 6, 7, 8)

	// Fan out: four workers read from the same channel.
	c1 := square(in, "worker 1")
	c2 := square(in, "worker 2")
	c3 := square(in, "worker 3")
	c4 := square(in, "worker 4")

	// Fan in: merge their outputs into one channel.
	var squares []int
	for n := range merge(c1, c2, c3, c4) {
		squares = append(squares, n)
	}
	sort.Ints(squares) // the workers finish 1 ms apart: arrival order is not fixed
	fmt.Println(squares)
}
