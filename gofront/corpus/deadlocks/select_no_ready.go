// Checks the deadlock report for a select whose cases can never become ready, next to select{}.
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		select {}
	}()
	fmt.Println("selecting on two silent channels")
	select {
	case v := <-a:
		fmt.Println(v)
	case b <- "x":
		fmt.Println("sent")
	}
}
