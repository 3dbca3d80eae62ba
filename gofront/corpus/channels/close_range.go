// Checks range over a channel stops after the sender closes it, after all values arrive.
package main

import "fmt"

func produce(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i * i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(6, ch)
	total := 0
	for v := range ch {
		fmt.Println("got", v)
		total += v
	}
	fmt.Println("total", total)

	buf := make(chan string, 5)
	go func() {
		for _, w := range []string{"x", "y", "z"} {
			buf <- w
		}
		close(buf)
	}()
	var words []string
	for w := range buf {
		words = append(words, w)
	}
	fmt.Println(words)
}
