package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Quote struct {
	exchange string
	price    int // cents
}

func watch(ctx context.Context, exchange string, every time.Duration, price int, updates chan<- Quote) {
	ticker := time.NewTicker(every)
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-ticker.C:
		}
		price += price%7 - 3 // a deterministic wobble
		select {
		case updates <- Quote{exchange, price}:
		case <-ctx.Done():
			break loop
		}
	}
	ticker.Stop()
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	updates := make(chan Quote)
	var wg sync.WaitGroup

	exchanges := []struct {
		name  string
		every time.Duration
		price int
	}{
		{"NYSE", 150 * time.Millisecond, 18_250},
		{"NASDAQ", 220 * time.Millisecond, 41_075},
		{"LSE", 370 * time.Millisecond, 9_630},
	}
	for _, ex := range exchanges {
		wg.Add(1)
		go func(name string, every time.Duration, price int) { // goroutine "watch {ex.name}"
			watch(ctx, name, every, price, updates)
			wg.Done()
		}(ex.name, ex.every, ex.price)
	}

	latest := make(map[string]int)
	open := true
	for open {
		select {
		case q := <-updates:
			latest[q.exchange] = q.price
		case <-ctx.Done():
			open = false
		}
	}
	cancel()
	wg.Wait()
	fmt.Println(latest) // fmt prints a map with its keys sorted
}
