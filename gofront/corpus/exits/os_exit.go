// Checks os.Exit(3): output so far is kept, deferred functions do not run, the status is 3.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("before exit")
	fmt.Print("no newline at the end")
	func() {
		defer fmt.Println("\ninner deferred: printed, it ran before Exit")
	}()
	os.Exit(3)
}
