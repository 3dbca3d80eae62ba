// Checks panic with a named int type: Go prints the type with the value, main.Code(42).
package main

import "fmt"

type Code int

func main() {
	fmt.Println("about to panic with a named int")
	panic(Code(42))
}
