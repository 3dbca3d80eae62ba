package main

import (
	"fmt"
	"sync"
	"time"
)

func fetch(url string, latency time.Duration) string {
	time.Sleep(latency) // the network
	return url + ": 200 OK"
}

func fetchWithTimeout(url string, latency, timeout time.Duration, wg *sync.WaitGroup) string {
	// Buffered, so the fetcher can always deliver and exit, even after we gave up on it.
	result := make(chan string, 1)
	wg.Add(1)
	go func() { // goroutine "fetch {url}"
		result <- fetch(url, latency)
		wg.Done()
	}()

	select {
	case body := <-result:
		return body
	case <-time.After(timeout):
		return url + ": timeout"
	}
}

func main() {
	var wg sync.WaitGroup
	var answers []string
	answers = append(answers, fetchWithTimeout("fast.example", 50*time.Millisecond, 100*time.Millisecond, &wg))
	answers = append(answers, fetchWithTimeout("slow.example", 300*time.Millisecond, 100*time.Millisecond, &wg))
	wg.Wait() // the slow fetcher still finishes before the program exits
	for _, answer := range answers {
		fmt.Println(answer)
	}
}
