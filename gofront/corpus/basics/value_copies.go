// Checks that arrays and structs are copied by value on assignment, call and range.
package main

import "fmt"

type Point struct {
	X, Y int
	Tags [2]string
}

func move(p Point) Point {
	p.X += 10
	p.Tags[0] = "moved"
	return p
}

func bump(arr [3]int) {
	arr[0] = 100
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	bump(a)
	fmt.Println(a, b, a == [3]int{1, 2, 3})

	p := Point{X: 1, Y: 2}
	q := move(p)
	fmt.Println(p, q, p == q)

	ps := []Point{{X: 1}, {X: 2}}
	for _, v := range ps {
		v.X *= 100
	}
	fmt.Println(ps)
	for i := range ps {
		ps[i].X *= 100
	}
	fmt.Println(ps)

	grid := [2][2]int{{1, 2}, {3, 4}}
	row := grid[0]
	row[1] = 20
	fmt.Println(grid, row)

	m := map[string]Point{"o": {}}
	tmp := m["o"]
	tmp.Y = 5
	fmt.Println(m["o"].Y, tmp.Y)
	var zero Point
	fmt.Println(zero, zero.Tags[1] == "")
}
