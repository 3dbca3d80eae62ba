// Checks the runtime error for slice bounds out of range with capacity in the message.
package main

import "fmt"

func main() {
	s := make([]byte, 3, 5)
	hi := 4
	fmt.Println(len(s[:hi]), cap(s[:hi]))
	hi = 6
	fmt.Println(s[1:hi])
}
