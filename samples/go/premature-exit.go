package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	time.Sleep(time.Duration(id*40) * time.Millisecond) // the job takes a while
	fmt.Println("worker", id, "done")
}

func main() {
	for i := 1; i <= 3; i++ {
		go worker(i) // goroutine "worker {i}"
	}
	time.Sleep(50 * time.Millisecond) // main's own work
	// Bug: no wg.Wait(): main returns and takes the unfinished workers with it.
}
