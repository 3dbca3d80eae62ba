// Checks the deadlock report when a range over a channel waits after the sender forgot to close.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		fmt.Println("got", v)
	}
	fmt.Println("unreachable")
}
