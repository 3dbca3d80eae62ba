// Checks truncating integer division and the sign of Go's % with negative operands.
package main

import "fmt"

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {9, 3}, {-1, 10}}
	for _, p := range pairs {
		fmt.Println(p[0], p[1], p[0]/p[1], p[0]%p[1])
	}
	var i8 int8 = -128
	var d int8 = -1
	fmt.Println(i8/d, i8%d)
	var u uint = 17
	fmt.Println(u/5, u%5)
	n := -17
	fmt.Println(n>>1, n<<2, -n>>1)
	fmt.Println(13&^6, 13|6, 13^6, ^13)
}
