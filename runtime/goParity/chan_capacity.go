// A channel of capacity past 2^30 works; its buffer is not allocated up front.
package main

import "fmt"

func main() {
	c := make(chan struct{}, 1<<30+1)
	c <- struct{}{}
	fmt.Println(len(c), cap(c))
}
