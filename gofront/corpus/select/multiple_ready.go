// Checks that select picks among ready cases (randomly in Go): only totals are printed.
package main

import "fmt"

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	fromA, fromB, sum := 0, 0, 0
	for i := 0; i < 200; i++ {
		select {
		case v := <-a:
			fromA++
			sum += v
		case v := <-b:
			fromB++
			sum += v
		}
	}
	fmt.Println(fromA+fromB, sum, fromA == 100, fromB == 100, len(a), len(b))

	closed := make(chan int)
	close(closed)
	hits := 0
	for i := 0; i < 50; i++ {
		select {
		case <-closed:
			hits++
		case <-closed:
			hits++
		}
	}
	fmt.Println(hits)
}
