// Checks that a goroutine parked forever in select{} does not keep main from finishing.
package main

import "fmt"

func main() {
	started := make(chan bool)
	go func() {
		started <- true
		select {}
	}()
	<-started
	results := make(chan int)
	go func() {
		results <- 42
	}()
	fmt.Println("main got", <-results)
	fmt.Println("main returns while a goroutine waits in select{}")
}
