// Normal mode: a goroutine that unlocks and locks again at once keeps the lock.
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
	time.Sleep(100 * time.Microsecond)
	mu.Unlock()
	mu.Lock()
	fmt.Println("main")
	mu.Unlock()
	<-done
}
