// Checks context.WithDeadline relative to time.Now, and that a child keeps the earlier deadline.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(40*time.Millisecond))
	defer cancel()
	child, cancelChild := context.WithDeadline(ctx, start.Add(time.Hour))
	defer cancelChild()
	d1, _ := ctx.Deadline()
	d2, _ := child.Deadline()
	fmt.Println("child keeps parent's earlier deadline:", d1.Equal(d2))

	<-child.Done()
	fmt.Println(child.Err(), ctx.Err())
	fmt.Println("waited at least 40ms:", time.Since(start) >= 40*time.Millisecond)

	past, cancelPast := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancelPast()
	select {
	case <-past.Done():
		fmt.Println("past deadline is done at once:", past.Err())
	default:
		fmt.Println("not done")
	}
}
