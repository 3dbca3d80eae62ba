// Checks select with a default case: non-blocking receive and send on full and empty channels.
package main

import "fmt"

func tryRecv(ch chan int) string {
	select {
	case v := <-ch:
		return fmt.Sprint("got ", v)
	default:
		return "empty"
	}
}

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func main() {
	ch := make(chan int, 2)
	fmt.Println(tryRecv(ch))
	fmt.Println(trySend(ch, 1), trySend(ch, 2), trySend(ch, 3))
	fmt.Println(tryRecv(ch), tryRecv(ch), tryRecv(ch))

	unbuf := make(chan int)
	fmt.Println(trySend(unbuf, 9), tryRecv(unbuf))

	polls := 0
	ready := make(chan struct{})
	close(ready)
	for {
		select {
		case <-ready:
			fmt.Println("ready after", polls, "polls")
			return
		default:
			polls++
		}
	}
}
