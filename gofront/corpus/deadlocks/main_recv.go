// Checks the deadlock report when main waits to receive and another goroutine waits to send.
package main

import "fmt"

func main() {
	results := make(chan int)
	other := make(chan string)
	go func() {
		other <- "nobody receives this"
	}()
	fmt.Println("waiting for a result nobody sends")
	fmt.Println(<-results)
}
