// The runtime bench's "buffered(100) producer-consumer" in Go.
package main

const n = 200000

func main() {
	c := make(chan int, 100)
	go func() {
		for i := 0; i < n; i++ {
			c <- i
		}
	}()
	for i := 0; i < n; i++ {
		<-c
	}
}
