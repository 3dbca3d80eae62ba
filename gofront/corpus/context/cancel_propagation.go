// Checks that cancelling a parent context stops a tree of goroutines; counts who stopped.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func node(ctx context.Context, depth int, stopped *int, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	if depth < 2 {
		for i := 0; i < 2; i++ {
			child, cancel := context.WithCancel(ctx)
			defer cancel()
			wg.Add(1)
			go node(child, depth+1, stopped, mu, wg)
		}
	}
	<-ctx.Done()
	mu.Lock()
	*stopped++
	mu.Unlock()
}

func main() {
	root, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var mu sync.Mutex
	stopped := 0
	wg.Add(1)
	go node(root, 0, &stopped, &mu, &wg)
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println("before cancel:", stopped)
	mu.Unlock()
	cancel()
	wg.Wait()
	fmt.Println("after cancel:", stopped, root.Err())

	timed, cancelTimed := context.WithTimeout(root, time.Hour)
	defer cancelTimed()
	fmt.Println("child of cancelled parent:", timed.Err())
}
