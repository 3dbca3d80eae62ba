// Checks two goroutines passing a ball back and forth over channels.
package main

import "fmt"

type ball struct{ hits int }

func player(name string, in <-chan *ball, out chan<- *ball, rounds int, done chan<- string) {
	for i := 0; i < rounds; i++ {
		b := <-in
		b.hits++
		fmt.Println(name, b.hits)
		out <- b
	}
	done <- name
}

func main() {
	// Buffered so the last hit lands on the table after both players stop.
	ping := make(chan *ball, 1)
	pong := make(chan *ball, 1)
	done := make(chan string)
	go player("ping", ping, pong, 3, done)
	go player("pong", pong, ping, 3, done)
	ping <- &ball{}
	<-done
	<-done
	b := <-ping
	fmt.Println("both finished, total hits", b.hits)
}
