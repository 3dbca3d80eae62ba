// Checks channels of channels: requests carry their own reply channel to a server goroutine.
package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * r.n
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 4; i++ {
		r := request{i, make(chan int)}
		reqs <- r
		fmt.Println(i, "squared is", <-r.reply)
	}
	close(reqs)

	chans := make(chan chan string, 2)
	for _, word := range []string{"ping", "pong"} {
		c := make(chan string, 1)
		c <- word
		chans <- c
	}
	close(chans)
	for c := range chans {
		fmt.Println(<-c)
	}
}
