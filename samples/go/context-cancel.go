package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, every time.Duration, wg *sync.WaitGroup) {
	for {
		select {
		case <-ctx.Done():
			wg.Done()
			return // ctx.Err() is DeadlineExceeded
		case <-time.After(every):
			// …one round of periodic work…
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	var wg sync.WaitGroup

	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(ctx, time.Duration(i*70)*time.Millisecond, &wg) // goroutine "worker {i}"
	}

	wg.Wait()
	cancel()
	fmt.Println(ctx.Err())
}
