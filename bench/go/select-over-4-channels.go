// The runtime bench's "select over 4 channels" in Go: four senders, one select receiving n values.
package main

const n = 200000

func main() {
	cs := []chan int{make(chan int), make(chan int), make(chan int), make(chan int)}
	for _, c := range cs {
		go func(c chan int) {
			for i := 0; i < n/4; i++ {
				c <- i
			}
		}(c)
	}
	for i := 0; i < n; i++ {
		select {
		case <-cs[0]:
		case <-cs[1]:
		case <-cs[2]:
		case <-cs[3]:
		}
	}
}
