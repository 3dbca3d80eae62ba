// Checks that writing to a nil map panics while reading it does not.
package main

import "fmt"

type index struct {
	byName map[string]int
}

func main() {
	var idx index
	fmt.Println("read from nil map:", idx.byName["x"], len(idx.byName))
	idx.byName["x"] = 1
	fmt.Println("unreachable")
}
