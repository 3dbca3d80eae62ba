package main

import (
	"fmt"
	"sync"
)

func main() {
	a := make(chan string) // alice's inbox
	b := make(chan string) // bob's inbox
	var wg sync.WaitGroup
	wg.Add(2)

	go func() { // goroutine "alice"
		b <- "hi bob"
		fmt.Println("alice heard:", <-a) // bob says hi back
		question := <-a                  // alice waits for bob to ask first…
		b <- "re: " + question
		wg.Done()
	}()

	go func() { // goroutine "bob"
		fmt.Println("bob heard:", <-b) // alice says hi
		a <- "hi alice"
		question := <-b // …and bob waits for alice to ask first
		a <- "re: " + question
		wg.Done()
	}()

	wg.Wait()
}
