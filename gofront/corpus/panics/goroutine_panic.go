// Checks that a panic in a goroutine ends the whole program, even while main is blocked.
package main

import "fmt"

func process(items []string) {
	fmt.Println("processing", len(items), "items")
	_ = items[len(items)]
}

func main() {
	block := make(chan int)
	fmt.Println("main starts a worker, then waits forever")
	go process([]string{"a", "b"})
	<-block
	fmt.Println("unreachable")
}
