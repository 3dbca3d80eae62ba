// Checks width, precision and flags: %5d %-5s| %05d %+d %x with width, %*d and %.3s.
package main

import "fmt"

func main() {
	fmt.Printf("[%5d][%-5d][%05d][%+d][%+d]\n", 42, 42, 42, 42, -42)
	fmt.Printf("[%-5s|][%5s][%.3s][%8.3s][%-8q]\n", "ab", "ab", "abcdef", "abcdef", "q")
	fmt.Printf("[%6x][%-6X][%#6x][%06b]\n", 255, 255, 255, 5)
	fmt.Printf("[%*d][%-*d][%.*f]\n", 6, 7, 4, 8, 2, 3.14159)
	fmt.Printf("[%3c][%-3c][%5t][%-6v]\n", 'x', 'y', true, false)
	fmt.Printf("[%5v][%-8v][%10v]\n", []int{1, 2}, "go", struct{ A int }{3})
	fmt.Printf("[% d][% d][%x]\n", 5, -5, "héllo")
	fmt.Printf("[%05s][%.0d][%5.0d]\n", "ab", 0, 0)
	fmt.Printf("[%3d][%3d]\n", 12345, -1)
	rows := [][]interface{}{{"alice", 30, 1.5}, {"bob", 7, 22.25}}
	for _, r := range rows {
		fmt.Printf("%-8s%4d%8.2f\n", r...)
	}
	s := fmt.Sprintf("%03d-%s", 7, "x")
	fmt.Println(s, len(s))
}
