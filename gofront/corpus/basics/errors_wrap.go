// Checks error values: errors.New, fmt.Errorf with %w, errors.Is, errors.As and Unwrap.
package main

import (
	"errors"
	"fmt"
	"os"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Code  int
}

func (e *QueryError) Error() string { return fmt.Sprintf("query %q failed with %d", e.Query, e.Code) }

func find(key string) error {
	switch key {
	case "missing":
		return fmt.Errorf("find %s: %w", key, ErrNotFound)
	case "bad":
		return fmt.Errorf("layer two: %w", &QueryError{key, 400})
	}
	return nil
}

func main() {
	for _, k := range []string{"ok", "missing", "bad"} {
		err := find(k)
		fmt.Println(k, err, err == nil)
		fmt.Println(" is notfound:", errors.Is(err, ErrNotFound))
		var qe *QueryError
		if errors.As(err, &qe) {
			fmt.Println(" as QueryError:", qe.Code, qe.Query)
		}
		fmt.Println(" unwrap:", errors.Unwrap(err))
	}
	plain := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(errors.Is(plain, ErrNotFound), errors.Unwrap(plain) == nil)
	twice := fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", ErrNotFound))
	fmt.Println(twice, errors.Is(twice, ErrNotFound), errors.Unwrap(errors.Unwrap(twice)) == ErrNotFound)
	fmt.Println(errors.New("x") == errors.New("x"))
	_, err := os.Open("/definitely/not/here")
	fmt.Println(errors.Is(err, os.ErrNotExist))
}
