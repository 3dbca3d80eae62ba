// Checks the integer, string, char and bool verbs: %d %s %q %x %X %o %b %c %U %t %v.
package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d %v %x %X %o %O %b\n", n, n, n, n, n, n, n)
	fmt.Printf("%d %x %b\n", -42, -42, -5)
	fmt.Printf("%#x %#o %#b\n", n, n, 5)
	s := "go\t\"chan\""
	fmt.Printf("%s|%v|%q|%x|%X\n", s, s, s, "hi", "hi")
	fmt.Printf("%c %c %U %q %d\n", 'G', 0x4E16, 'é', 'x', 'x')
	fmt.Printf("%t %v\n", true, false)
	fmt.Printf("%q\n", "日本\x01")
	fmt.Printf("%+q\n", "日本")
	fmt.Printf("%x % x %X\n", []byte("abc"), []byte("abc"), []byte{1, 171})
	fmt.Printf("%v %d %s\n", []byte("hi"), []byte("hi"), []byte("hi"))
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%v %v\n", int8(-3), uint64(18446744073709551615))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
}
