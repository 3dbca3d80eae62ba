package main

import (
	"fmt"
	"time"
)

type Page struct {
	url    string
	status int
	ms     int
}

// Simulated network latency per site, in milliseconds.
var latency = map[string]int{
	"https://go.dev":               120,
	"https://pkg.go.dev":           300,
	"https://gobyexample.com":      80,
	"https://go.dev/tour":          210,
	"https://github.com/golang/go": 160,
}

func fetch(url string) Page {
	ms, ok := latency[url]
	if !ok {
		ms = 100
	}
	time.Sleep(time.Duration(ms) * time.Millisecond)
	return Page{url: url, status: 200, ms: ms}
}

func main() {
	// A slice, not the map's keys: Go ranges over a map in random order.
	urls := []string{"https://go.dev", "https://pkg.go.dev", "https://gobyexample.com", "https://go.dev/tour", "https://github.com/golang/go"}
	results := make(chan Page)

	for _, url := range urls {
		go func(url string) { // goroutine "fetch {url}"
			page := fetch(url)
			results <- page
		}(url)
	}

	var pages []Page
	for i := 0; i < len(urls); i++ {
		pages = append(pages, <-results)
	}
	for _, page := range pages {
		fmt.Printf("%s: %d in %d ms\n", page.url, page.status, page.ms)
	}
}
