package main

import (
	"fmt"
	"time"
)

func producer(out chan<- int) {
	for i := 1; i <= 3; i++ {
		time.Sleep(10 * time.Millisecond)
		out <- i
	}
	// Bug: no close(out), so the consumer's range never ends.
}

func consumer(in <-chan int, done chan<- bool) {
	for v := range in {
		fmt.Println("received", v)
	}
	done <- true
}

func main() {
	values := make(chan int)
	done := make(chan bool)
	go producer(values)       // goroutine "producer"
	go consumer(values, done) // goroutine "consumer"
	<-done
}
