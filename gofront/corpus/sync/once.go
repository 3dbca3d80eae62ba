// Checks sync.Once: the function runs exactly once even when many goroutines call Do.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func load() {
	loads++
	config = map[string]string{"env": "test"}
}

func main() {
	var wg sync.WaitGroup
	envs := make([]string, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(load)
			envs[i] = config["env"]
		}(i)
	}
	wg.Wait()
	fmt.Println(loads, envs[0], envs[9])
	once.Do(func() { fmt.Println("never printed") })

	var o2 sync.Once
	for i := 0; i < 3; i++ {
		o2.Do(func() { fmt.Println("first call only, i =", i) })
	}
}
