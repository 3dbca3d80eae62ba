// Checks strings as UTF-8 bytes: len, indexing, slicing, []byte, []rune and range offsets.
package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	fmt.Println(s[0], s[1], s[2], string(s[0]))
	fmt.Println(s[:3], s[7:], s[3:5])
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	b := []byte(s)
	fmt.Println(len(b), b[1], b[2])
	rs := []rune(s)
	fmt.Println(len(rs), rs[1], string(rs[8:]))
	b[0] = 'H'
	fmt.Println(string(b), s)
	fmt.Println(string(rune(65)), string(rs[1]))
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Println(i, r, r == utf8.RuneError)
	}
	fmt.Println(strings.ToUpper(s), strings.Repeat("ab", 3), strings.Split("a,b,c", ","))
	fmt.Println(strings.Contains(s, "llo"), strings.Index(s, "世"), strings.Fields("  x  y z "))
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", s+"!")
}
