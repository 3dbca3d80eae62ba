// Checks sync.Cond: waiters block until a condition holds, then Broadcast wakes them all.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	waiting := 0
	var woke []int
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			waiting++
			cond.Broadcast()
			for !ready {
				cond.Wait()
			}
			woke = append(woke, id)
			mu.Unlock()
		}(i)
	}
	mu.Lock()
	for waiting < 4 {
		cond.Wait()
	}
	fmt.Println("all waiting:", waiting)
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	sort.Ints(woke)
	fmt.Println("woke:", woke)

	queue := []string{}
	c2 := sync.NewCond(&sync.Mutex{})
	got := make(chan string)
	go func() {
		c2.L.Lock()
		for len(queue) == 0 {
			c2.Wait()
		}
		item := queue[0]
		c2.L.Unlock()
		got <- item
	}()
	c2.L.Lock()
	queue = append(queue, "job")
	c2.Signal()
	c2.L.Unlock()
	fmt.Println("signalled:", <-got)
}
