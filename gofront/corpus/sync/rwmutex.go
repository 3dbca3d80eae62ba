// Checks sync.RWMutex: readers share the lock, a writer excludes them; counts only.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]string{}}
	c.Set("a", "1")
	var wg sync.WaitGroup
	hits := make([]int, 4)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if _, ok := c.Get("a"); ok {
					hits[r]++
				}
			}
		}(r)
	}
	wg.Wait()
	fmt.Println(hits)

	c.mu.RLock()
	c.mu.RLock()
	fmt.Println("two readers at once; TryLock:", c.mu.TryLock(), "TryRLock:", c.mu.TryRLock())
	c.mu.RUnlock()
	wrote := make(chan bool)
	go func() {
		c.Set("b", "2")
		wrote <- true
	}()
	time.Sleep(20 * time.Millisecond)
	_, seen := c.data["b"]
	fmt.Println("writer waits for readers:", !seen)
	c.mu.RUnlock()
	c.mu.RUnlock()
	<-wrote
	v, ok := c.Get("b")
	fmt.Println(v, ok)
}
