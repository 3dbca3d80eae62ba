// Checks recover in a deferred function: the program continues and exits 0.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func try(f func()) (msg string) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			msg = "no panic"
		case error:
			msg = "error: " + v.Error()
		default:
			msg = fmt.Sprintf("%T: %v", v, v)
		}
	}()
	f()
	return "unreachable"
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(try(func() {}))
	fmt.Println(try(func() { panic("text") }))
	fmt.Println(try(func() { panic(errors.New("custom")) }))
	fmt.Println(try(func() { var m map[string]int; m["a"] = 1 }))
	fmt.Println(try(func() { panic(3.5) }))
	fmt.Println(try(func() { var s []int; _ = s[1] }))
	fmt.Println(recover())
	fmt.Println("exits normally")
}
