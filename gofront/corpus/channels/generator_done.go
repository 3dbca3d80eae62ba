// Checks a generator goroutine stopped by closing a done channel, then confirming it exited.
package main

import "fmt"

func fib(done <-chan struct{}) (<-chan int, <-chan string) {
	out := make(chan int)
	exited := make(chan string)
	go func() {
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-done:
				exited <- "generator stopped"
				return
			}
		}
	}()
	return out, exited
}

func main() {
	done := make(chan struct{})
	nums, exited := fib(done)
	for i := 0; i < 10; i++ {
		fmt.Print(<-nums, " ")
	}
	fmt.Println()
	close(done)
	fmt.Println(<-exited)
}
