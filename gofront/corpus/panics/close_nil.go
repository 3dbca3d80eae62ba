// Checks that closing a nil channel panics.
package main

import "fmt"

type server struct {
	quit chan bool
}

func main() {
	s := &server{}
	fmt.Println("quit is nil:", s.quit == nil)
	close(s.quit)
	fmt.Println("unreachable")
}
