// Checks goroutines handing results back in a fixed order using one channel per goroutine.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 5
	chans := make([]chan string, n)
	var wg sync.WaitGroup
	for i := range chans {
		chans[i] = make(chan string, 1)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			chans[i] <- fmt.Sprintf("worker %d: %d", i, i*i*i)
		}(i)
	}
	for _, c := range chans {
		fmt.Println(<-c)
	}
	wg.Wait()
	var mu sync.Mutex
	order := []int{}
	turn := make([]chan bool, n+1)
	for i := range turn {
		turn[i] = make(chan bool)
	}
	for i := n - 1; i >= 0; i-- {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-turn[i]
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			turn[i+1] <- true
		}(i)
	}
	turn[0] <- true
	<-turn[n]
	wg.Wait()
	fmt.Println(order)
}
