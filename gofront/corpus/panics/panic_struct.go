// Checks panic with a struct value that has no Error or String method (Go prints its address).
package main

import "fmt"

type point struct {
	X, Y int
}

func main() {
	p := point{1, 2}
	fmt.Println("panicking with", p)
	panic(p)
}
