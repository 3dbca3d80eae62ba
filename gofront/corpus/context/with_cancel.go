// Checks context.WithCancel: workers stop on cancel, ctx.Err() is Canceled, Done stays closed.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, jobs <-chan int, sums []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			sums[id] += j
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(ctx.Err())
	jobs := make(chan int)
	sums := make([]int, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, sums, &wg)
	}
	for j := 1; j <= 10; j++ {
		jobs <- j
	}
	cancel()
	wg.Wait()
	fmt.Println("total", sums[0]+sums[1]+sums[2])
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	<-ctx.Done()
	cancel()
	fmt.Println("done twice, still", ctx.Err())

	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	cancelParent()
	<-child.Done()
	fmt.Println("child sees parent cancel:", child.Err())
}
