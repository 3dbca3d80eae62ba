package main

import (
	"context"
	"fmt"
)

type key string

func main() {
	a := context.WithValue(context.Background(), key("user"), "ann")
	b, cancel := context.WithCancel(a)
	c := context.WithValue(b, key("user"), "bob")
	fmt.Println(a.Value(key("user")), b.Value(key("user")), c.Value(key("user")), c.Value("user"))
	cancel()
	<-c.Done()
	fmt.Println(c.Err())
}
