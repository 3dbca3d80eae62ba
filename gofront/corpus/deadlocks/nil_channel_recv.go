// Checks the deadlock report naming a receive from a nil channel and a send to one.
package main

import "fmt"

type pipe struct {
	in  chan int
	out chan int
}

func main() {
	var p pipe
	go func() {
		p.out <- 1
	}()
	fmt.Println("channels were never made:", p.in == nil, p.out == nil)
	<-p.in
}
