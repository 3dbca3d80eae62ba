// Checks comma-ok receive: zero value and false once the channel is closed and empty.
package main

import "fmt"

type job struct {
	ID   int
	Name string
}

func main() {
	ch := make(chan int)
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	fmt.Println(<-ch, <-ch)

	jobs := make(chan job, 1)
	jobs <- job{1, "build"}
	close(jobs)
	j, ok := <-jobs
	fmt.Println(j, ok)
	j, ok = <-jobs
	fmt.Printf("%+v %v\n", j, ok)

	ptrs := make(chan *job)
	close(ptrs)
	p, ok := <-ptrs
	fmt.Println(p == nil, ok)

	strs := make(chan []string)
	go func() {
		strs <- []string{"a"}
		close(strs)
	}()
	for {
		s, ok := <-strs
		if !ok {
			fmt.Println("closed, zero is nil:", s == nil)
			break
		}
		fmt.Println("value", s)
	}
}
