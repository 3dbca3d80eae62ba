// Checks that calling Done more often than Add panics with a negative WaitGroup counter.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	fmt.Println("balanced")
	wg.Done()
	fmt.Println("unreachable")
}
