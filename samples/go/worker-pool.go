package main

import (
	"fmt"
	"sort"
	"time"
)

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Second)
		results <- j * 2
	}
}

func main() {
	const numJobs = 9
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)

	for w := 1; w <= 3; w++ {
		go worker(jobs, results) // goroutine "worker {w}"
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	var collected []int
	for a := 1; a <= numJobs; a++ {
		collected = append(collected, <-results)
	}
	sort.Ints(collected) // three workers finish together: the order they deliver in is Go's to choose
	fmt.Println(collected)
}
