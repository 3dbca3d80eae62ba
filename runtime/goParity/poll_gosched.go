// A Gosched loop polls a flag another goroutine sets after sleeping.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

func main() {
	var flag atomic.Bool
	start := time.Now()
	go func() {
		time.Sleep(10 * time.Millisecond)
		flag.Store(true)
	}()
	for !flag.Load() {
		runtime.Gosched()
	}
	fmt.Println("flag set after at least 10ms:", time.Since(start) >= 10*time.Millisecond)
}
