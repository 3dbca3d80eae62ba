package main

import (
	"sync"
	"time"
)

func worker(d time.Duration, wg *sync.WaitGroup) {
	time.Sleep(d) // some work
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(3)                           // Bug: three, but only two workers are started.
	go worker(10*time.Millisecond, &wg) // goroutine "worker 1"
	go worker(20*time.Millisecond, &wg) // goroutine "worker 2"
	wg.Wait()
}
