package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	c := time.Tick(10 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-c
	}
	fmt.Println("three ticks after at least 30ms:", time.Since(start) >= 30*time.Millisecond, time.Tick(0) == nil)
}
