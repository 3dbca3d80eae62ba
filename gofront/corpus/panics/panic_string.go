// Checks panic with a string value after deferred calls print in LIFO order.
package main

import "fmt"

func validate(age int) {
	if age < 0 {
		panic(fmt.Sprintf("invalid age %d", age))
	}
	fmt.Println("valid", age)
}

func main() {
	defer fmt.Println("first deferred, printed last")
	defer fmt.Println("second deferred, printed first")
	validate(30)
	validate(-1)
}
