// Checks defer order (LIFO), argument evaluation at defer time, and defers in loops.
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func work() (result int) {
	defer trace("work")()
	defer func() { result *= 2 }()
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	fmt.Println("x now:", x)
	return x
}

func main() {
	defer fmt.Println("main done")
	fmt.Println("result:", work())
}
