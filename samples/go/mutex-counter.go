package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// Part 1: 50 goroutines increment one counter under a Mutex.
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0

	for i := 1; i <= 50; i++ {
		wg.Add(1)
		go func() { // goroutine "incrementer {i}"
			mu.Lock()
			read := count
			time.Sleep(time.Millisecond) // the read-modify-write takes a while: without the lock, updates would be lost
			count = read + 1
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()

	fmt.Println("count:", count)

	// Part 2: readers share an RWMutex; the writer waits until they are all out.
	var rw sync.RWMutex
	var rwg sync.WaitGroup
	config := "v1"
	seen := make(chan string, 4)

	for r := 1; r <= 3; r++ {
		rwg.Add(1)
		go func() { // goroutine "reader {r}"
			rw.RLock()
			time.Sleep(20 * time.Millisecond) // reading
			seen <- config
			rw.RUnlock()
			rwg.Done()
		}()
	}
	rwg.Add(1)
	go func() { // goroutine "writer"
		time.Sleep(5 * time.Millisecond)
		rw.Lock()
		config = "v2"
		rw.Unlock()
		rwg.Done()
	}()
	rwg.Wait()

	rw.RLock()
	seen <- config
	rw.RUnlock()

	close(seen)
	for c := range seen {
		fmt.Println("saw config", c)
	}
}
