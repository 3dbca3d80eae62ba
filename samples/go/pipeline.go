package main

import (
	"fmt"
	"time"
)

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() { // goroutine "generate"
		for _, n := range nums {
			time.Sleep(10 * time.Millisecond) // numbers trickle in
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() { // goroutine "square"
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filterOdd(in <-chan int) <-chan int {
	out := make(chan int)
	go func() { // goroutine "filter odds"
		for n := range in {
			if n%2 == 1 {
				out <- n
			}
		}
		close(out)
	}()
	return out
}

func main() {
	for n := range filterOdd(square(generate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))) {
		fmt.Println(n)
	}
}
