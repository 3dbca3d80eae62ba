package main

import (
	"fmt"
	"time"
)

func producer(ch chan<- int) {
	for i := 1; i <= 5; i++ {
		time.Sleep(10 * time.Millisecond)
		ch <- i
	}
	close(ch)
}

func consumer(ch <-chan int, done chan<- bool) {
	var received []int
	for v := range ch {
		received = append(received, v)
	}
	fmt.Println("received", received)
	done <- true
}

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go producer(ch)       // goroutine "producer"
	go consumer(ch, done) // goroutine "consumer"
	<-done
}
