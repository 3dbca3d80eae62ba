// The runtime bench's "fan-in 8 -> 1" in Go: eight senders on one unbuffered channel.
package main

const n = 200000

func main() {
	c := make(chan int)
	for p := 0; p < 8; p++ {
		go func() {
			for i := 0; i < n/8; i++ {
				c <- i
			}
		}()
	}
	for i := 0; i < n; i++ {
		<-c
	}
}
