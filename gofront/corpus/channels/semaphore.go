// Checks a buffered channel as a counting semaphore: never more than 2 holders at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	active, peak, done := 0, 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			active++
			if active > peak {
				peak = active
			}
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			active--
			done++
			mu.Unlock()
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println("done:", done, "peak <= 2:", peak <= 2, "peak > 0:", peak > 0, "active:", active, "held:", len(sem))
}
