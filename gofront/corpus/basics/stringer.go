// Checks the Stringer interface used by Println, Printf %v and %s, on values and pointers.
package main

import (
	"fmt"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Stack struct{ items []string }

func (s *Stack) String() string { return "Stack[" + strings.Join(s.items, ",") + "]" }

type Pair struct {
	K string
	C Color
}

func main() {
	fmt.Println(Green, Color(7))
	fmt.Printf("%v %s %d %q\n", Blue, Blue, Blue, Blue)
	fmt.Println([]Color{Red, Blue})
	fmt.Println(Pair{"sky", Blue})
	fmt.Printf("%+v\n", Pair{"sky", Blue})
	s := &Stack{[]string{"a", "b"}}
	fmt.Println(s)
	fmt.Println(*s)
	m := map[Color]int{Blue: 3, Red: 1}
	fmt.Println(m)
	fmt.Println(fmt.Sprint(Red, Green) + "!")
}
