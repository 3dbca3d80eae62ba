// Checks the deadlock report when Wait waits for a Done that never comes.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func(i int) {
			defer wg.Done()
			_ = i * i
		}(i)
	}
	fmt.Println("added 3, started 2 workers")
	wg.Wait()
	fmt.Println("unreachable")
}
