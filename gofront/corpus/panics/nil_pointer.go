// Checks the runtime error for a nil pointer dereference through a struct field access.
package main

import "fmt"

type node struct {
	val  int
	next *node
}

func main() {
	list := &node{1, &node{2, nil}}
	for n := list; n != nil; n = n.next {
		fmt.Println(n.val)
	}
	fmt.Println(list.next.next.val)
}
