// Checks a fan-out worker pool: jobs spread over workers, results collected by job index.
package main

import (
	"fmt"
	"sync"
)

type result struct {
	job, value int
}

func worker(jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{j, j * 10}
	}
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan result, 100)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for j := 0; j < 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	byJob := make([]int, 9)
	count := 0
	for r := range results {
		byJob[r.job] = r.value
		count++
	}
	fmt.Println(count, byJob)
}
