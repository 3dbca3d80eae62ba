// Checks select with send cases: values go to whichever receiver is ready, mixed with receives.
package main

import "fmt"

func main() {
	out := make(chan int)
	in := make(chan string)
	done := make(chan []int)
	go func() {
		var got []int
		for v := range out {
			got = append(got, v)
			if len(got) == 3 {
				in <- "enough"
			}
		}
		done <- got
	}()
	next := 0
loop:
	for {
		select {
		case out <- next:
			next++
		case msg := <-in:
			fmt.Println("consumer says", msg, "after", next, "sends")
			break loop
		}
	}
	close(out)
	fmt.Println(<-done)

	buf := make(chan int, 3)
	sent := 0
	for i := 0; i < 5; i++ {
		select {
		case buf <- i:
			sent++
		default:
		}
	}
	fmt.Println(sent, len(buf))
}
