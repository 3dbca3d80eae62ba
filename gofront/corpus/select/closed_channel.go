// Checks select on a closed channel: its receive case is always ready with ok == false.
package main

import "fmt"

func main() {
	c := make(chan int)
	never := make(chan int)
	close(c)
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-c:
			fmt.Println("closed case", v, ok)
		case v := <-never:
			fmt.Println("never", v)
		}
	}
	stop := make(chan struct{})
	closed := make(chan bool)
	full := make(chan int, 1)
	full <- 0
	go func() {
		close(stop)
		closed <- true
	}()
	<-closed
	select {
	case full <- 1:
		fmt.Println("never: the buffer is full")
	case _, ok := <-stop:
		fmt.Println("stop observed, ok =", ok)
	}
}
