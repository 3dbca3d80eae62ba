// The runtime bench's "unbuffered ping-pong" in Go: n values, each passed to a partner and back.
package main

const n = 200000

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		for i := 0; i < n/2; i++ {
			b <- <-a
		}
	}()
	for i := 0; i < n/2; i++ {
		a <- i
		<-b
	}
}
