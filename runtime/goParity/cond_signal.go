// sync.Cond: Signal wakes the longest waiter, Broadcast the rest; a waiter nobody signals deadlocks.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	woken := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		name := name
		go func() {
			mu.Lock()
			cond.Wait()
			woken <- name
			mu.Unlock()
		}()
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	cond.Signal()
	mu.Unlock()
	fmt.Println(<-woken)
	mu.Lock()
	cond.Broadcast()
	mu.Unlock()
	fmt.Println(len([]string{<-woken, <-woken}))
	mu.Lock()
	cond.Wait()
}
