// Checks sync/atomic: AddInt64, LoadInt64, StoreInt32, CompareAndSwap and the Go 1.19 Int64 type.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var total int64
	var typed atomic.Int64
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				atomic.AddInt64(&total, 1)
				typed.Add(2)
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&total), typed.Load(), flag.Load())

	var state int32
	fmt.Println(atomic.CompareAndSwapInt32(&state, 0, 1), state)
	fmt.Println(atomic.CompareAndSwapInt32(&state, 0, 2), state)
	atomic.StoreInt32(&state, 7)
	fmt.Println(atomic.SwapInt32(&state, 9), atomic.LoadInt32(&state))
	fmt.Println(typed.CompareAndSwap(2000, 5), typed.Swap(6), typed.Load())

	var winners int32
	var claimed int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if atomic.CompareAndSwapInt32(&claimed, 0, 1) {
				atomic.AddInt32(&winners, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("winners:", winners)
	var u atomic.Uint32
	u.Add(^uint32(0))
	fmt.Println(u.Load())
	var v atomic.Value
	v.Store([]string{"cfg"})
	fmt.Println(v.Load().([]string)[0])
}
