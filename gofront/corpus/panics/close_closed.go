// Checks that closing an already closed channel panics.
package main

import "fmt"

func shutdown(ch chan struct{}) {
	fmt.Println("closing")
	close(ch)
}

func main() {
	done := make(chan struct{})
	shutdown(done)
	_, ok := <-done
	fmt.Println("closed once, ok =", ok)
	shutdown(done)
	fmt.Println("unreachable")
}
