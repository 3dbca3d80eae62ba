// Checks %v %d %T of named int, string, slice, map and func types, and Println spacing.
package main

import "fmt"

type Celsius float64
type Level int
type Name string
type Names []Name
type Index map[Name]Level

type Temp struct {
	Where string
	C     Celsius
}

func main() {
	var l Level = 3
	fmt.Println(l, Celsius(21.5), Name("bo"))
	fmt.Printf("%v %d %T\n", l, l, l)
	fmt.Printf("%v %.1f %T\n", Celsius(-4), Celsius(-4), Celsius(0))
	ns := Names{"b", "a"}
	fmt.Printf("%v %q %T\n", ns, ns, ns)
	idx := Index{"z": 1, "a": 2}
	fmt.Printf("%v %T\n", idx, idx)
	fmt.Printf("%+v %#v\n", Temp{"lab", 19.25}, Temp{"lab", 19.25})
	fmt.Printf("%T %T %T %T\n", 1, 2.0, "s", 'r')
	fmt.Printf("%T %T %T\n", []interface{}{1}, map[string][]int{}, struct{ A int }{})
	fmt.Printf("%T %T %T\n", func(int) string { return "" }, make(chan int), make(<-chan bool))
	fmt.Printf("%T %T\n", [2]Level{}, &l)
	var x uint8 = 200
	var y int64 = -7
	fmt.Printf("%T %T %v %v\n", x, y, x, y)
	fmt.Println("a", 1, 2, "b", 3.0)
	fmt.Print("a", "b", 1, 2, true, "\n")
	fmt.Print(Level(1), Level(2), "\n")
}
