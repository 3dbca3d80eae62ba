// Checks that receiving from a closed buffered channel drains buffered values before zeroes.
package main

import "fmt"

func main() {
	ch := make(chan int, 4)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	for i := 0; i < 5; i++ {
		v, ok := <-ch
		fmt.Println(i, v, ok, len(ch))
	}

	done := make(chan struct{}, 2)
	done <- struct{}{}
	close(done)
	_, ok1 := <-done
	_, ok2 := <-done
	fmt.Println(ok1, ok2)

	results := make(chan string, 3)
	go func() {
		results <- "first"
		results <- "second"
		close(results)
	}()
	count := 0
	for r := range results {
		count++
		fmt.Println(count, r)
	}
}
