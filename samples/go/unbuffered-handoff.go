package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)

	go func() { // goroutine "ping"
		ball := 0
		for round := 1; round <= 3; round++ {
			time.Sleep(10 * time.Millisecond) // swing
			ping <- ball + 1
			ball = <-pong
			fmt.Println("round", round, "ball", ball)
		}
		close(ping)
		wg.Done()
	}()

	go func() { // goroutine "pong"
		for ball := range ping {
			time.Sleep(10 * time.Millisecond) // swing
			pong <- ball + 1
		}
		wg.Done()
	}()

	wg.Wait()
}
