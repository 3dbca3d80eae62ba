// Checks that a nil channel's case in select never fires, used to switch inputs off.
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for i := 10; i <= 30; i += 10 {
			b <- i
		}
		close(b)
	}()
	sumA, sumB, n := 0, 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sumA += v
			n++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sumB += v
			n++
		}
	}
	fmt.Println(sumA, sumB, n)

	var never chan int
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case never <- 1:
		fmt.Println("impossible send")
	default:
		fmt.Println("nil channels are never ready")
	}
}
