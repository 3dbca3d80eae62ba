// Checks context.WithTimeout: a slow operation gets DeadlineExceeded, a fast one succeeds.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "finished in " + d.String(), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, hasDeadline := ctx.Deadline()
	fmt.Println("has deadline:", hasDeadline)
	res, err := slowOp(ctx, 10*time.Millisecond)
	fmt.Printf("%q %v\n", res, err)
	res, err = slowOp(ctx, 500*time.Millisecond)
	fmt.Printf("%q %v\n", res, err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), ctx.Err() == context.DeadlineExceeded)

	quick, cancelQuick := context.WithTimeout(context.Background(), time.Hour)
	cancelQuick()
	fmt.Println(quick.Err())
	_, noDeadline := context.Background().Deadline()
	fmt.Println("background has deadline:", noDeadline)
}
