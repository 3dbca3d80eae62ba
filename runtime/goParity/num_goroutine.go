package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			time.Sleep(time.Millisecond)
			wg.Done()
		}()
	}
	fmt.Println(runtime.NumGoroutine())
	wg.Wait()
	time.Sleep(time.Millisecond)
	fmt.Println(runtime.NumGoroutine())
}
