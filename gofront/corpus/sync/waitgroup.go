// Checks sync.WaitGroup: Add before go, Done in each goroutine, Wait; results stored by index.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 8)
	for i := 0; i < len(squares); i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			squares[n] = n * n
		}(i)
	}
	wg.Wait()
	fmt.Println(squares)

	var outer sync.WaitGroup
	totals := make([]int, 3)
	outer.Add(3)
	for g := 0; g < 3; g++ {
		g := g
		go func() {
			defer outer.Done()
			var inner sync.WaitGroup
			parts := make([]int, 4)
			for p := range parts {
				inner.Add(1)
				go func(p int) {
					defer inner.Done()
					parts[p] = g*10 + p
				}(p)
			}
			inner.Wait()
			for _, v := range parts {
				totals[g] += v
			}
		}()
	}
	outer.Wait()
	fmt.Println(totals)
	wg.Wait()
	fmt.Println("waiting on a zero WaitGroup returns at once")
}
