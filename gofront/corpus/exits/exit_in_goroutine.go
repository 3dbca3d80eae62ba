// Checks os.Exit called from a goroutine ends the program with its status, main's defers skipped.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("main's deferred: never printed")
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine exits the process with status 4")
		os.Exit(4)
	}()
	<-done
	fmt.Println("unreachable")
}
