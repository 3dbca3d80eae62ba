// Checks panic with a plain int value: Go prints the number.
package main

import "fmt"

func main() {
	codes := []int{0, 42}
	for _, c := range codes {
		if c != 0 {
			panic(c)
		}
		fmt.Println("code", c, "is fine")
	}
}
