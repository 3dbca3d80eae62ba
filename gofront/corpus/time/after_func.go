// Checks time.AfterFunc running a function in its own goroutine, and Stop cancelling one.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(20*time.Millisecond, func() {
		done <- "fired after 20ms"
	})
	cancelled := time.AfterFunc(500*time.Millisecond, func() {
		done <- "cancelled one fired?!"
	})
	fmt.Println("stopped before firing:", cancelled.Stop())
	fmt.Println(<-done)

	order := make(chan int, 3)
	for _, ms := range []int{30, 10, 20} {
		ms := ms
		time.AfterFunc(time.Duration(ms)*5*time.Millisecond, func() { order <- ms })
	}
	fmt.Println(<-order, <-order, <-order)
	t := time.AfterFunc(time.Hour, func() {})
	fmt.Println(t.Stop(), t.Stop())
}
