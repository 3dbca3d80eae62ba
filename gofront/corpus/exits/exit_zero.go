// Checks os.Exit(0) from a nested call stops the program at once with status 0.
package main

import (
	"fmt"
	"os"
)

func finish(code int) {
	fmt.Println("finishing with", code)
	os.Exit(code)
}

func main() {
	for i := 0; i < 5; i++ {
		fmt.Println("step", i)
		if i == 2 {
			finish(0)
		}
	}
	fmt.Println("unreachable")
}
