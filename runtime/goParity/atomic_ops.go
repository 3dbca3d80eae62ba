package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 5; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				ops.Add(1)
			}
		}()
	}
	wg.Wait()
	var n atomic.Int32
	n.Store(2147483647)
	fmt.Println(ops.Load(), n.Add(1), n.CompareAndSwap(-2147483648, 3), n.CompareAndSwap(0, 4), n.Swap(9), n.Load())
}
