package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	greetings := make(chan string, 3)
	var wg sync.WaitGroup

	names := []string{"Ada", "Grace", "Linus"}
	for i, name := range names {
		wg.Add(1)
		go func(i int, name string) { // goroutine "greeter {name}"
			time.Sleep(time.Duration(10*(i+1)) * time.Millisecond) // each greeter takes its time
			greetings <- fmt.Sprintf("hello, %s", name)
			wg.Done()
		}(i, name)
	}

	wg.Wait()
	close(greetings)

	for greeting := range greetings {
		fmt.Println(greeting)
	}
}
