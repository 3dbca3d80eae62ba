// Checks the deadlock report when a goroutine waits on a sync.Cond nobody signals.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	fmt.Println("waiting for a consumer that waits for a signal")
	<-done
}
