// Checks the runtime error for a failed single-result type assertion on an interface.
package main

import "fmt"

func main() {
	var v interface{} = "forty-two"
	s, ok := v.(string)
	fmt.Println(s, ok)
	n, ok := v.(int)
	fmt.Println(n, ok)
	fmt.Println(v.(int) + 1)
}
