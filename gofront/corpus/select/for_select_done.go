// Checks a for-select worker that handles jobs until a done channel is closed.
package main

import "fmt"

func worker(jobs <-chan int, done <-chan struct{}, report chan<- int) {
	handled := 0
	for {
		select {
		case j := <-jobs:
			handled += j
		case <-done:
			report <- handled
			return
		}
	}
}

func main() {
	jobs := make(chan int)
	done := make(chan struct{})
	report := make(chan int)
	go worker(jobs, done, report)
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	close(done)
	fmt.Println("handled sum", <-report)
	select {
	case jobs <- 6:
		fmt.Println("unexpected")
	default:
		fmt.Println("worker gone, send would block")
	}
}
