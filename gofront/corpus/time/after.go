// Checks time.After in a loop of selects and that the earlier of two timers fires first.
package main

import (
	"fmt"
	"time"
)

func main() {
	short := time.After(20 * time.Millisecond)
	long := time.After(120 * time.Millisecond)
	for i := 0; i < 2; i++ {
		select {
		case <-long:
			fmt.Println("long")
		case <-short:
			fmt.Println("short")
		}
	}
	ticks := 0
	deadline := time.After(200 * time.Millisecond)
	events := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			events <- i
		}
	}()
	for {
		select {
		case e := <-events:
			ticks += e
			continue
		case <-deadline:
		}
		break
	}
	fmt.Println("events before deadline:", ticks)
	fmt.Printf("%T\n", time.After(time.Second))
}
