// A close of a parked select's send case panics, even with another case ready.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	d := make(chan int, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		close(c)
		d <- 1
	}()
	defer func() { fmt.Println("recovered:", recover()) }()
	select {
	case c <- 5:
		fmt.Println("sent")
	case v := <-d:
		fmt.Println("d:", v)
	}
}
