// Checks fan-in: several producers merged into one channel; output sorted for determinism.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func source(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return out
}

func merge(ins ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	wg.Add(len(ins))
	for _, in := range ins {
		go func(c <-chan string) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(in)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	var all []string
	for v := range merge(source("a", 3), source("b", 2), source("c", 4)) {
		all = append(all, v)
	}
	sort.Strings(all)
	fmt.Println(len(all), all)
}
