// Checks per-iteration loop variables (Go 1.22) captured by goroutines and closures.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(seen)

	var mu sync.Mutex
	names := map[string]int{}
	for _, name := range []string{"ann", "bob", "cid"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			names[name]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(names)

	var fs []func() int
	var got []int
	for i := 0; i < 6; i++ {
		if i%3 == 0 {
			i++
		}
		got = append(got, i)
		fs = append(fs, func() int { return i })
	}
	fmt.Print(got, " ")
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
