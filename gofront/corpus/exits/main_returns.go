// Checks that main returning ends the program while other goroutines still run or wait.
package main

import (
	"fmt"
	"time"
)

func main() {
	started := make(chan bool)
	go func() {
		started <- true
		time.Sleep(time.Hour)
		fmt.Println("sleeper: never printed")
	}()
	go func() {
		block := make(chan int)
		<-block
		fmt.Println("blocked: never printed")
	}()
	go func() {
		for {
			time.Sleep(time.Millisecond)
		}
	}()
	<-started
	fmt.Println("main returns now")
}
