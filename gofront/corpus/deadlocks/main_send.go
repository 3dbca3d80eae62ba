// Checks the deadlock report when main sends on a full buffered channel with no receiver.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	ch <- 1
	fmt.Println("buffer full:", len(ch) == cap(ch))
	ch <- 2
	fmt.Println("unreachable")
}
