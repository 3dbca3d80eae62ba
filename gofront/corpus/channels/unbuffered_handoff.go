// Checks an unbuffered channel hands a value from sender to receiver and synchronizes them.
package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan bool)
	go func() {
		msg := <-ch
		fmt.Println("received:", msg)
		done <- true
	}()
	ch <- "hello"
	<-done
	fmt.Println("len/cap:", len(ch), cap(ch))

	result := make(chan int)
	go func() {
		sum := 0
		for i := 1; i <= 10; i++ {
			sum += i
		}
		result <- sum
	}()
	fmt.Println("sum:", <-result)
}
