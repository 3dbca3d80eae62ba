// Checks a buffered channel's len and cap as values are sent and received, FIFO order.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 10
	ch <- 20
	fmt.Println(len(ch), cap(ch))
	ch <- 30
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 40
	for len(ch) > 0 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()
	fmt.Println(len(ch), cap(ch))

	names := make(chan string, 2)
	names <- "a"
	names <- "b"
	close(names)
	fmt.Println(len(names), cap(names))
	fmt.Println(<-names, len(names))
}
