package main

import (
	"fmt"
	"time"
)

func main() {
	messages := make(chan int, 3)
	done := make(chan bool)

	go func() { // goroutine "consumer"
		var received []int
		time.Sleep(50 * time.Millisecond) // a slow start
		for msg := range messages {
			received = append(received, msg)
			time.Sleep(10 * time.Millisecond)
		}
		fmt.Println("received", received)
		done <- true
	}()

	for i := 1; i <= 4; i++ {
		messages <- i // the 4th blocks: the buffer is full
	}
	close(messages)
	<-done
}
