// Checks a timeout with time.After: a slow reply loses to the timer, a fast one wins.
package main

import (
	"fmt"
	"time"
)

func fetch(delay time.Duration, value string) <-chan string {
	out := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		out <- value
	}()
	return out
}

func get(delay, limit time.Duration) string {
	select {
	case v := <-fetch(delay, "data"):
		return "result: " + v
	case <-time.After(limit):
		return "timeout after " + limit.String()
	}
}

func main() {
	fmt.Println(get(10*time.Millisecond, 300*time.Millisecond))
	fmt.Println(get(400*time.Millisecond, 50*time.Millisecond))
	ch := make(chan int)
	select {
	case <-ch:
		fmt.Println("never")
	case t := <-time.After(20 * time.Millisecond):
		fmt.Println("timer value is a time:", !t.IsZero())
	}
}
