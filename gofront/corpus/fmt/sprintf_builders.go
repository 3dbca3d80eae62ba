// Checks Sprintf, Sprint, Sprintln, Errorf and strings.Builder with Fprintf on os.Stdout.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type point struct{ x, y int }

func (p point) String() string { return "(" + strconv.Itoa(p.x) + "," + strconv.Itoa(p.y) + ")" }

func main() {
	s := fmt.Sprintf("%s scored %d (%.1f%%)", "ann", 42, 87.456)
	fmt.Println(s)
	fmt.Println(fmt.Sprint(point{1, 2}, " ", []point{{3, 4}}))
	fmt.Printf("%q\n", fmt.Sprintln("a", 1))
	err := fmt.Errorf("item %d of %s: %v", 3, "list", point{5, 6})
	fmt.Println(err.Error())
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "[%d]", i)
	}
	b.WriteString("!")
	fmt.Println(b.String(), b.Len())
	fmt.Fprintln(os.Stdout, "to stdout", 1)
	fmt.Fprint(os.Stdout, "no newline", 2, "\n")
	n, _ := fmt.Printf("%v\n", point{7, 8})
	fmt.Println(n)
	fmt.Println(strings.Join([]string{"x", "y"}, "-"), strconv.Itoa(-9)+"!")
	fmt.Printf("%v %s\n", &point{1, 1}, point{2, 2})
	fmt.Printf("%v\n", map[point]int{{2, 1}: 1, {1, 9}: 2})
}
