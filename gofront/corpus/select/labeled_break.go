// Checks select inside a for loop left with a labeled break and a labeled continue.
package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 1; i <= 7; i++ {
			data <- i
		}
		quit <- true
	}()
	sum := 0
loop:
	for {
		select {
		case v := <-data:
			if v%2 == 0 {
				continue loop
			}
			sum += v
			fmt.Println("odd", v)
		case <-quit:
			break loop
		}
	}
	fmt.Println("sum", sum)

	nums := make(chan int, 10)
	for i := 0; i < 10; i++ {
		nums <- i
	}
	close(nums)
	count := 0
drain:
	for {
		select {
		case v, ok := <-nums:
			if !ok || v == 5 {
				break drain
			}
			count++
		}
	}
	fmt.Println("count before 5:", count, "left:", len(nums))
}
