package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	values := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)

	go func() { // goroutine "producer"
		for i := 1; ; i++ {
			values <- i
			time.Sleep(10 * time.Millisecond)
		}
	}()

	go func() { // goroutine "closer"
		time.Sleep(25 * time.Millisecond)
		close(values) // Bug: the producer is still sending
		wg.Done()
	}()

	for v := range values {
		fmt.Println("received", v)
	}
	wg.Wait()
}
