// Starvation mode: a waiter that waited over 1 ms gets the lock at the next unlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	done := make(chan bool)
	go func() {
		mu.Lock()
		fmt.Println("waiter")
		mu.Unlock()
		done <- true
	}()
	time.Sleep(2 * time.Millisecond)
	for i := 0; i < 3; i++ {
		mu.Unlock()
		mu.Lock()
		fmt.Println("main", i)
		time.Sleep(2 * time.Millisecond)
	}
	mu.Unlock()
	<-done
}
