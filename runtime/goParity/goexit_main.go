// runtime.Goexit in main: the others run to the end, then Go reports that no goroutine is left.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(5 * time.Millisecond)
		fmt.Println("worker done")
	}()
	defer fmt.Println("main's deferred call runs")
	runtime.Goexit()
}
