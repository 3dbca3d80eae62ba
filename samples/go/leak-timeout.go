package main

import (
	"fmt"
	"time"
)

func fetchWithTimeout(url string, latency, timeout time.Duration) string {
	// Bug: unbuffered. Once we stop waiting, nobody will ever take the fetcher's result.
	result := make(chan string)
	go func() { // goroutine "fetcher"
		time.Sleep(latency) // the network
		result <- url + ": 200 OK"
	}()

	select {
	case body := <-result:
		return body
	case <-time.After(timeout):
		return url + ": timeout"
	}
}

func main() {
	answer := fetchWithTimeout("slow.example", 200*time.Millisecond, 100*time.Millisecond)
	fmt.Println(answer) // slow.example: timeout

	time.Sleep(300 * time.Millisecond) // main goes on with other work; the fetcher is stuck from 200 ms on
}
