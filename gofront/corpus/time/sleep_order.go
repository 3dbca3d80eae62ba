// Checks that goroutines sleeping distinct durations wake and print in duration order.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	names := []string{"third", "first", "fourth", "second"}
	delays := []int{3, 1, 4, 2}
	for i, name := range names {
		wg.Add(1)
		go func(name string, d time.Duration) {
			defer wg.Done()
			time.Sleep(d)
			fmt.Println(name, "after", d)
		}(name, time.Duration(delays[i])*50*time.Millisecond)
	}
	wg.Wait()
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("zero and negative sleeps return")
}
