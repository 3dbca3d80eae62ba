// A close decides a parked select on the closed channel's case, even though
// the closer fills another case's buffer right after.
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
	select {
	case v, ok := <-c:
		fmt.Println("c:", v, ok)
	case v := <-d:
		fmt.Println("d:", v)
	}
	fmt.Println("left in d:", len(d))
}
