// A select-with-default loop waits for a timer: time moves on while it polls.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	timeout := time.After(50 * time.Millisecond)
	for {
		select {
		case <-timeout:
			fmt.Println("timeout after at least 50ms:", time.Since(start) >= 50*time.Millisecond)
			return
		default:
		}
	}
}
