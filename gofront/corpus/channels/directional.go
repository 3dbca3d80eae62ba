// Checks send-only and receive-only channel types in signatures and conversions from chan T.
package main

import "fmt"

func producer(out chan<- int, n int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func doubler(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}

func consume(in <-chan int) []int {
	var got []int
	for v := range in {
		got = append(got, v)
	}
	return got
}

func main() {
	src := make(chan int)
	dst := make(chan int)
	go producer(src, 4)
	go doubler(src, dst)
	fmt.Println(consume(dst))

	bi := make(chan string, 1)
	var sendOnly chan<- string = bi
	var recvOnly <-chan string = bi
	sendOnly <- "through"
	fmt.Println(<-recvOnly, len(recvOnly), cap(sendOnly))
	fmt.Printf("%T %T %T\n", bi, sendOnly, recvOnly)
}
